/** What a file's path says about its contents: account, region, and the parent object of calls
 * whose output does not name it (DESIGN §6: `<call>-<parent>.json`). */
export interface PathHints {
  readonly account?: string;
  readonly region?: string;
  readonly call?: string;
  readonly parent?: string;
}

const REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2})$/;
const ACCOUNT = /^\d{12}$/;

/** Calls whose output lacks the parent id; longest first so prefixes do not shadow each other. */
export const parentCalls = [
  'get-transit-gateway-route-table-associations',
  'get-transit-gateway-route-table-propagations',
  'search-transit-gateway-routes',
  'get-managed-prefix-list-entries',
  'describe-target-health',
] as const;

export function pathHints(file: string): PathHints {
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  let account: string | undefined;
  let region: string | undefined;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    // Batfish layout: aws_configs/accounts/<account>/<region>/ (accounts may be short test ids).
    if (p === 'accounts' && parts[i + 1] !== undefined && i + 1 < parts.length - 1) account = parts[i + 1];
    else if (ACCOUNT.test(p)) account = p;
    if (REGION.test(p)) region = p;
  }
  const base = (parts[parts.length - 1] ?? '').replace(/\.json$/i, '');
  for (const call of parentCalls) {
    if (base.startsWith(`${call}-`) && base.length > call.length + 1) {
      return withDefined({ account, region, call, parent: base.slice(call.length + 1) });
    }
  }
  return withDefined({ account, region });
}

function withDefined(h: Record<string, string | undefined>): PathHints {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = v;
  return out;
}

/** Region of an availability zone name (`us-east-1a` -> `us-east-1`). */
export function regionOfZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  const m = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2})[a-z]$/.exec(zone);
  return m?.[1];
}

/** Account and region of an ARN. */
export function arnParts(arn: string): { account?: string; region?: string; resource: string } | undefined {
  const m = /^arn:[^:]+:[^:]*:([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return undefined;
  const out: { account?: string; region?: string; resource: string } = { resource: m[3]! };
  if (m[1]) out.region = m[1];
  if (m[2]) out.account = m[2];
  return out;
}
