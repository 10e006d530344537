import { cniByName, type Focus, k8sConnlist, UsageError } from '../../app/index.js';
import {
  type ConnlistRenderOptions,
  renderCniProfileText,
  renderConnlistCsv,
  renderConnlistDot,
  renderConnlistJson,
  renderConnlistMd,
  renderConnlistTxt,
  renderExplainNetpol,
  renderExplainText,
} from '../../report/index.js';
import { inputExitCode, printDiagnostics } from '../diagnostics.js';
import type { Output } from '../output.js';

export const connlistFormats = ['txt', 'json', 'csv', 'md', 'dot'] as const;
const RENDER = {
  txt: renderConnlistTxt,
  json: renderConnlistJson,
  csv: renderConnlistCsv,
  md: renderConnlistMd,
  dot: renderConnlistDot,
} as const;

export interface ConnlistCliOptions {
  readonly format: (typeof connlistFormats)[number];
  readonly focusWorkload?: readonly string[];
  readonly focusWorkloadPeer?: readonly string[];
  readonly focusDirection?: 'ingress' | 'egress';
  readonly focusConn?: string;
  readonly cni?: string;
  readonly explain?: boolean;
  readonly pods?: boolean;
  /** `rampart` (default): Rampart's per-tier lines with the mesh's say; `netpol`: netpol-analyzer's layout. */
  readonly explainStyle?: 'rampart' | 'netpol';
  /** With `--explain-style netpol`: only the allowed, or only the denied, connections. */
  readonly explainOnly?: 'allow' | 'deny';
  readonly exposure?: boolean;
}

/** `tcp-8080` (netpol-analyzer's --focus-conn syntax) to a protocol and port. */
type FocusConn = NonNullable<Focus['conn']>;

function parseFocusConn(text: string): FocusConn {
  const m = /^(tcp|udp|sctp)-(\d{1,5})$/i.exec(text);
  const port = m ? Number(m[2]) : Number.NaN;
  if (!m || port < 1 || port > 65535)
    throw new UsageError(
      'APP_FOCUS_CONN',
      `--focus-conn "${text}" is not <protocol>-<port>`,
      'For example --focus-conn tcp-8080 or udp-53.',
    );
  return { protocol: m[1]!.toUpperCase() as FocusConn['protocol'], port };
}

/**
 * `rampart k8s connlist DIR`: the workload connectivity map in netpol-analyzer's grammar on stdout;
 * the CNI profile in use and any input diagnostics on stderr. Exit 0 with an answer, 2 when some input
 * could not be read (the map of the rest is still printed).
 */
export async function runK8sConnlist(
  paths: readonly string[],
  o: ConnlistCliOptions,
  io: Output,
): Promise<number> {
  const cni = o.cni === undefined ? undefined : cniByName(o.cni);
  const conn = o.focusConn ? parseFocusConn(o.focusConn) : undefined;
  const focus: Focus = {
    ...(o.focusWorkload?.length ? { workloads: o.focusWorkload } : {}),
    ...(o.focusWorkloadPeer?.length ? { peers: o.focusWorkloadPeer } : {}),
    ...(o.focusDirection ? { direction: o.focusDirection } : {}),
    ...(conn ? { conn } : {}),
  };
  // As netpol-analyzer: exposure says nothing about a pair of named workloads, so the flag is
  // ignored (with a warning) when --focus-workload-peer narrows the map to such pairs.
  const exposure = o.exposure === true && !(focus.workloads && focus.peers);
  if (o.exposure && !exposure)
    io.err('rampart: --exposure is ignored with --focus-workload and --focus-workload-peer\n');
  if (o.explain && o.format !== 'txt')
    throw new UsageError(
      'APP_EXPLAIN_FORMAT',
      `--explain prints text only, not ${o.format}`,
      'Drop --format or use --format txt.',
    );
  const netpolStyle = o.explain === true && o.explainStyle === 'netpol';
  if (o.explainOnly && !netpolStyle)
    throw new UsageError(
      'APP_EXPLAIN_ONLY',
      '--explain-only needs --explain --explain-style netpol',
      'Add --explain --explain-style netpol, or drop --explain-only.',
    );
  const answer = await k8sConnlist(paths.length > 0 ? paths : ['.'], {
    focus,
    ...(cni ? { cni } : {}),
    ...(exposure ? { exposure } : {}),
    ...(o.explain ? { explain: true } : {}),
    ...(o.pods ? { pods: true } : {}),
    ...(netpolStyle ? { explainStyle: 'netpol' as const } : {}),
  });
  const opts: ConnlistRenderOptions = {
    ...(conn ? { focusConn: conn } : {}),
    ...(exposure ? { exposure } : {}),
  };
  io.out(
    !answer.explanations
      ? RENDER[o.format](answer.connlist, opts)
      : netpolStyle
        ? renderExplainNetpol(answer.explanations, {
            ...(o.explainOnly ? { only: o.explainOnly } : {}),
            ...(conn ? { focusConn: conn } : {}),
            ...(exposure ? { exposure: answer.connlist } : {}),
          })
        : renderExplainText(answer.explanations),
  );
  io.err(renderCniProfileText(answer.cni, answer.cniEvidence));
  printDiagnostics(io, answer.diagnostics, 50);
  return inputExitCode(answer.diagnostics);
}
