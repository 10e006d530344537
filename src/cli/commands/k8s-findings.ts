import { cniByName, diagnosticJson, k8sFindingsOf } from '../../app/index.js';
import { renderCniProfileText, renderK8sFindingsJson, renderK8sFindingsText } from '../../report/index.js';
import { inputExitCode, printDiagnostics } from '../diagnostics.js';
import type { Output } from '../output.js';

export const k8sFindingsFormats = ['text', 'json'] as const;
/** `--fail-on`: the least severe finding that makes the exit code 1; `none` never does. */
export const failOnLevels = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;

export interface K8sFindingsCliOptions {
  readonly format: (typeof k8sFindingsFormats)[number];
  readonly cni?: string;
  readonly failOn: (typeof failOnLevels)[number];
}

/**
 * `rampart k8s findings [paths...]`: the Kubernetes findings on stdout (text or json); in text, the
 * CNI profile and input diagnostics on stderr. Exit 2 when some input could not be read (findings of
 * the rest are still printed), else 1 when a finding is at or above `--fail-on`, else 0 (DESIGN §6).
 */
export async function runK8sFindings(
  paths: readonly string[],
  o: K8sFindingsCliOptions,
  io: Output,
): Promise<number> {
  const cni = o.cni === undefined ? undefined : cniByName(o.cni);
  const answer = await k8sFindingsOf(paths.length > 0 ? paths : ['.'], cni ? { cni } : {});
  if (o.format === 'json')
    io.out(
      renderK8sFindingsJson(
        answer.findings,
        answer.cni,
        answer.cniEvidence,
        answer.diagnostics.map(diagnosticJson),
      ),
    );
  else {
    io.out(renderK8sFindingsText(answer.findings));
    io.err(renderCniProfileText(answer.cni, answer.cniEvidence));
    printDiagnostics(io, answer.diagnostics, 50);
  }
  if (inputExitCode(answer.diagnostics) === 2) return 2;
  if (o.failOn === 'none') return 0;
  const limit = failOnLevels.indexOf(o.failOn);
  return answer.findings.some((f) => failOnLevels.indexOf(f.severity) <= limit) ? 1 : 0;
}
