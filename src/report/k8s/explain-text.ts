/** `k8s connlist --explain`: per pair, which tier, policy and rule decided which connections. */
import type { L7Constraint, MtlsStatus, PairExplanation, Reason } from '../../engine/index.js';
import { byCodeUnit, connsText } from './conns-text.js';

const DIRECTION = { egress: 'Egress', ingress: 'Ingress' } as const;

function reasonLine(r: Reason, direction: 'egress' | 'ingress'): string {
  const what = connsText(r.conns);
  const by = (r.policies ?? []).join(', ');
  // Rule ids extend their policy id (`<policy>/ingress/0`): print the policy once.
  const rule = r.rule?.startsWith(`${by}/`) ? r.rule.slice(by.length + 1) : r.rule;
  switch (r.tier) {
    case 'cni':
      return `${what}: allowed, the CNI does not enforce policies`;
    case 'default':
      return `${what}: allowed by the system default (nothing isolates it for ${direction})`;
    case 'route':
      return `${what}: ${r.verdict === 'allowed' ? 'asked for' : 'not asked for'} by ${r.routeKind ?? 'Route'} ${r.policyName} through service ${r.rule}`;
    case 'network-policy':
      return r.rule
        ? `${what}: ${r.verdict} by ${by} rule ${rule}`
        : `${what}: denied, isolated for ${direction} by ${by} and no rule allows it`;
    default:
      return `${what}: ${r.verdict} by ${by} rule ${rule} (${r.tier} tier)`;
  }
}

function requests(x: L7Constraint): string {
  return x.requests
    .map((q) =>
      [q.methods?.join('|'), q.paths?.join('|'), q.hosts?.join('|'), q.headers?.join(';')]
        .filter(Boolean)
        .join(' '),
    )
    .join(' or ');
}

function meshLines(
  mtls: readonly MtlsStatus[] | undefined,
  l7: readonly L7Constraint[] | undefined,
  notes: readonly string[] | undefined,
): string[] {
  const out: string[] = [];
  for (const m of mtls ?? [])
    out.push(
      `    mTLS ${m.mode} (${m.mesh}) on ${connsText(m.conns)}: ${m.encrypted ? 'encrypted' : 'plaintext'}`,
    );
  for (const x of l7 ?? [])
    out.push(
      `    L7 (${x.enforcedBy}) on ${connsText(x.conns)}: ${x.effect === 'deny' ? 'refuses' : 'only'} ${requests(x)} [${x.policy}]`,
    );
  for (const n of notes ?? []) out.push(`    note: ${n}`);
  return out;
}

/** One block per pair, sorted by source then destination. */
export function renderExplainText(pairs: readonly PairExplanation[]): string {
  const sorted = [...pairs].sort(
    (a, b) => byCodeUnit(a.src.text, b.src.text) || byCodeUnit(a.dst.text, b.dst.text),
  );
  const blocks = sorted.map((p) => {
    const lines = [`Connections between ${p.src.text} => ${p.dst.text}:`];
    const final = p.edge?.conns ?? (p.allowed.isEmpty() ? undefined : p.allowed);
    lines.push(`  Allowed: ${final ? connsText(final) : 'No Connections'}`);
    for (const dir of ['egress', 'ingress'] as const) {
      const reasons = p[dir];
      if (!reasons) continue;
      lines.push(`  ${DIRECTION[dir]} of ${dir === 'egress' ? p.src.text : p.dst.text}:`);
      for (const r of reasons) lines.push(`    ${reasonLine(r, dir)}`);
    }
    if (p.edge) lines.push(...meshLines(p.edge.mtls, p.edge.l7, p.edge.notes));
    return `${lines.join('\n')}\n`;
  });
  return blocks.join('\n');
}
