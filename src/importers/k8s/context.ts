import type { ElementBase, SourceRef, Tags, Workload } from '../../model/index.js';
import { isObject, type Json, NO_TAGS, type Reader } from '../_kit/index.js';

/** Manifests carry no cluster identity: everything read here belongs to one cluster. */
export const CLUSTER_ID = 'default';
/** The immutable label the control plane sets on every namespace (k8s-mesh §1.4). */
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/** What the run keeps across documents (session.ts), so converters need not import the session. */
export interface K8sLedger {
  /** A namespace object was read. */
  declareNamespace(name: string): void;
  /** A namespaced object lives in `name`: a namespace nobody declares is synthesised at the end. */
  useNamespace(name: string, source: SourceRef): void;
  /** A workload (or one more pod of one): pods of one owner merge into one workload. */
  addWorkload(ctx: K8sContext, w: Workload, labelsPointer: string): void;
}

export interface K8sContext {
  readonly r: Reader;
  readonly ledger: K8sLedger;
}

/** One Kubernetes object being converted: where it is, what it is, and its metadata. */
export interface K8sObject {
  readonly o: Json;
  /** JSON pointer of the object: `` for a document, `/items/3` inside a List. */
  readonly p: string;
  /** API group (`` for the core group, `networking.k8s.io`...). */
  readonly group: string;
  readonly kind: string;
  /** `metadata.name`; undefined when missing (each converter decides whether it can do without). */
  readonly name: string | undefined;
  /** The object's namespace (`default` when not written); undefined for cluster-scoped kinds. */
  readonly namespace: string | undefined;
  readonly labels: Tags;
  /** The object itself, under `metadata`. */
  readonly meta: Json | undefined;
}

/** A `map[string]string` (labels, matchLabels of a Service selector): non-strings reported and dropped. */
export function readStringMap(r: Reader, o: Json | undefined, key: string, pointer: string): Tags {
  const v = o?.[key];
  if (v === undefined || v === null) return NO_TAGS;
  const at = r.at(pointer, key);
  if (!isObject(v)) {
    r.wrongType(at, 'an object', v);
    return NO_TAGS;
  }
  const out: Record<string, string> = {};
  let any = false;
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (typeof x === 'string') {
      out[k] = x;
      any = true;
    } else r.wrongType(r.at(at, k), 'a string', x);
  }
  return any ? out : NO_TAGS;
}

/** Reads `metadata`; `namespaced` objects get `default` when they name no namespace. */
export function readObject(
  r: Reader,
  o: Json,
  p: string,
  group: string,
  kind: string,
  namespaced: boolean,
): K8sObject {
  const meta = r.object(o, 'metadata', p);
  const mp = r.at(p, 'metadata');
  const name = meta ? r.string(meta, 'name', mp) : undefined;
  const ns = namespaced ? ((meta ? r.string(meta, 'namespace', mp) : undefined) ?? 'default') : undefined;
  return {
    o,
    p,
    group,
    kind,
    name: name === '' ? undefined : name,
    namespace: ns === '' ? 'default' : ns,
    labels: readStringMap(r, meta, 'labels', mp),
    meta,
  };
}

/** The object's name, or an error (the object is skipped) when it has none. */
export function requireName(r: Reader, obj: K8sObject): string | undefined {
  if (obj.name !== undefined) return obj.name;
  r.report(
    'error',
    'IMPORT_K8S_NO_NAME',
    obj.meta ? r.at(obj.p, 'metadata') : obj.p,
    `${obj.kind} has no metadata.name; it is skipped`,
    'Every Kubernetes object needs a name; check the manifest (Helm/Kustomize output is complete).',
  );
  return undefined;
}

/**
 * Stable element ids: `k8s/<namespace>/<Kind>/<name>` for namespaced objects, `k8s/<Kind>/<name>` for
 * cluster-scoped ones (names cannot hold `/`, so the two shapes never collide).
 */
export function objectId(kind: string, name: string, namespace?: string): string {
  return namespace === undefined ? `k8s/${kind}/${name}` : `k8s/${namespace}/${kind}/${name}`;
}

/** Fields every element read from a manifest has. */
export function baseOf(r: Reader, obj: K8sObject, id: string, name: string): ElementBase {
  return { id, provider: 'kubernetes', name, tags: obj.labels, source: r.src(obj.p) };
}

/** Like `Reader.objects`, keeping each item's index in the list (rule ids count written entries). */
export function entries(r: Reader, o: Json, key: string, pointer: string): [Json, string, number][] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  const p = r.at(pointer, key);
  if (!Array.isArray(v)) {
    r.wrongType(p, 'a list', v);
    return [];
  }
  const out: [Json, string, number][] = [];
  v.forEach((x: unknown, i) => {
    if (isObject(x)) out.push([x, r.at(p, i), i]);
    else r.wrongType(r.at(p, i), 'an object', x);
  });
  return out;
}

/** True when the field is absent, null or an empty list. */
export function isUnset(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/** Annotation prefixes that decide mesh membership and policy; the rest (often huge) is not kept. */
const MESH_ANNOTATIONS = ['sidecar.istio.io/', 'istio.io/', 'linkerd.io/', 'config.linkerd.io/'];

/** The mesh-related annotations of a metadata object, or undefined when it has none. */
export function meshAnnotations(r: Reader, meta: Json | undefined, pointer: string): Tags | undefined {
  const all = readStringMap(r, meta, 'annotations', pointer);
  const kept = Object.entries(all).filter(([k]) => MESH_ANNOTATIONS.some((p) => k.startsWith(p)));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
