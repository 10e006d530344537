import type { Element, Fragment, SourceRef, Workload } from '../../model/index.js';
import type { Mutable } from '../_kit/index.js';
import type { K8sContext, K8sLedger } from './context.js';
import { impliedNamespace } from './convert-namespace.js';

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (b[k] !== a[k]) return false;
  return true;
}

function union<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  key: (x: T) => string,
): T[] | undefined {
  if (!b || b.length === 0) return a as T[] | undefined;
  if (!a || a.length === 0) return [...b];
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) if (!seen.has(key(x))) out.push(x);
  return out;
}

const portKey = (p: Workload['ports'][number]): string => `${p.name ?? ''}|${p.port}|${p.protocol}`;
const same = (s: string): string => s;

/**
 * What one run keeps across documents: workloads by id until the end, so the pods of one owner (in
 * one file or several) become one workload; and which namespaces are declared or only used, so every
 * used namespace exists in the estate with at least its name label.
 */
export class K8sSession implements K8sLedger {
  readonly #workloads = new Map<string, Mutable<Workload>>();
  readonly #declared = new Set<string>();
  readonly #used = new Map<string, SourceRef>();

  declareNamespace(name: string): void {
    this.#declared.add(name);
  }

  useNamespace(name: string, source: SourceRef): void {
    if (!this.#used.has(name)) this.#used.set(name, source);
  }

  addWorkload(ctx: K8sContext, w: Workload, labelsPointer: string): void {
    const first = this.#workloads.get(w.id);
    if (first === undefined) {
      this.#workloads.set(w.id, w as Mutable<Workload>);
      return;
    }
    // Held objects were built by this run and not yet emitted: completing them in place is safe.
    if (!sameLabels(first.podLabels, w.podLabels))
      ctx.r.report(
        'warning',
        'IMPORT_K8S_LABELS_DIFFER',
        labelsPointer,
        `pods of ${w.namespace}/${w.name}[${w.workloadKind}] have different labels; the first one's labels are used for the whole workload`,
        'Policies select pods by label: analyse pods with different labels as different workloads.',
      );
    first.ports = union(first.ports, w.ports, portKey) ?? first.ports;
    const images = union(first.images, w.images, same);
    if (images) first.images = images;
    const addresses = union(first.addresses, w.addresses, same);
    if (addresses) first.addresses = addresses;
    // Each pod keeps its own labels: a pod-level view analyses them apart (one name, one pod).
    const pods = union(first.pods, w.pods, (p) => p.name);
    if (pods) first.pods = pods;
  }

  finish(): Fragment {
    const elements: Element[] = [...this.#workloads.values()];
    for (const [name, source] of this.#used)
      if (!this.#declared.has(name)) elements.push(impliedNamespace(name, source));
    this.#workloads.clear();
    this.#declared.clear();
    this.#used.clear();
    return { elements, diagnostics: [] };
  }
}
