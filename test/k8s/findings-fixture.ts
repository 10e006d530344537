/** Small manifests and one-call views for the Kubernetes findings unit tests. */
import { ClusterView, cniProfile, type K8sFinding, MeshView } from '../../src/engine/index.js';
import { importDocs } from '../support.js';

export const FILE = 'k8s.yaml';

export function namespace(name: string, labels = '{}', extra = ''): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}${extra}}`;
}

/** A Deployment labelled `app: <name>` (plus `labels`) with container ports http 8080 and `ports`. */
export function deployment(ns: string, name: string, labels = '', ports = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}${labels ? `, ${labels}` : ''}}}
    spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}${ports ? `, ${ports}` : ''}]}]}`;
}

/** A NetworkPolicy; `spec` is the YAML body below `spec:`, indented by two spaces. */
export function netpol(ns: string, name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}`;
}

export const COREDNS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers:
      - name: coredns
        ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]`;

export function views(docs: readonly string[], cni?: string): { view: ClusterView; mesh: MeshView } {
  const estate = importDocs({ [FILE]: docs.join('\n---\n') });
  const view = new ClusterView(estate, cni === undefined ? undefined : cniProfile(cni));
  return { view, mesh: new MeshView(estate, view) };
}

/** What the tests compare: id, resources, message, and the location as `file:line`. */
export function brief(f: K8sFinding): {
  id: string;
  resources: readonly string[];
  message: string;
  at?: string;
} {
  return {
    id: f.id,
    resources: f.resources,
    message: f.message,
    ...(f.location ? { at: `${f.location.file}:${f.location.line}` } : {}),
  };
}
