// Long by design: most of it is data (teams, products, ports, policy templates), kept in one place so a
// benchmark cluster can be read top to bottom.
/**
 * A synthetic Kubernetes cluster of N workloads, shaped like a real multi-team cluster, for the
 * connectivity-map benchmark (issue #4 item 8): N/10 namespaces labelled by team and env, Deployments
 * and StatefulSets labelled app/tier/version with named container ports, and 0.4·N policies:
 * - most namespaces: a default-deny ingress policy plus allow rules by podSelector, namespaceSelector,
 *   both, ipBlock, named ports and port ranges; some allow rules with matchExpressions;
 * - some namespaces: default-deny egress with a DNS rule (and in-namespace plus HTTPS-out rules);
 * - about one namespace in ten: no policy at all (and the system namespaces have none);
 * - four AdminNetworkPolicies (cluster-wide monitoring and DNS, dev-to-prod deny, a team Pass) and the
 *   BaselineAdminNetworkPolicy `default` over prod namespaces.
 * Output: multi-document YAML files, as `kubectl get -o yaml` or Helm would give them. Deterministic
 * per seed (no Math.random).
 */
import { stringify } from 'yaml';
import { Random } from './random.js';

export interface K8sFile {
  readonly path: string;
  readonly text: string;
}

export interface K8sClusterShape {
  readonly pods: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly files: readonly K8sFile[];
}

type Obj = Record<string, unknown>;

const TEAMS = [
  'payments',
  'checkout',
  'search',
  'identity',
  'catalog',
  'orders',
  'shipping',
  'billing',
  'ads',
  'analytics',
  'growth',
  'mobile',
  'data',
  'ml',
  'support',
  'notifications',
  'reviews',
  'inventory',
  'pricing',
  'fraud',
];
const PRODUCTS = ['web', 'core', 'gateway', 'store', 'events', 'jobs', 'sync', 'portal', 'engine', 'hub'];
const NAME = 'kubernetes.io/metadata.name';
/** Namespaces per output file. */
const PER_FILE = 25;

type Role = 'frontend' | 'api' | 'worker' | 'db' | 'cache' | 'queue';
const TIER: Readonly<Record<Role, string>> = {
  frontend: 'frontend',
  api: 'backend',
  worker: 'backend',
  db: 'data',
  cache: 'data',
  queue: 'data',
};
const PORTS: Readonly<Record<Role, readonly Obj[]>> = {
  frontend: [
    { name: 'http', containerPort: 8080 },
    { name: 'metrics', containerPort: 9090 },
  ],
  api: [
    { name: 'http', containerPort: 8080 },
    { name: 'grpc', containerPort: 9000 },
    { name: 'metrics', containerPort: 9090 },
  ],
  worker: [{ name: 'metrics', containerPort: 9090 }],
  db: [
    { name: 'postgres', containerPort: 5432 },
    { name: 'metrics', containerPort: 9187 },
  ],
  cache: [
    { name: 'redis', containerPort: 6379 },
    { name: 'metrics', containerPort: 9121 },
  ],
  queue: [
    { name: 'amqp', containerPort: 5672 },
    { name: 'prometheus', containerPort: 15692 },
  ],
};

interface Ns {
  name: string;
  team: string;
  env: 'prod' | 'staging' | 'dev';
  apps: string[];
}

function workload(
  kind: string,
  ns: string,
  name: string,
  labels: Obj,
  ports: readonly Obj[],
  image: string,
): Obj {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: labels.app } },
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: name,
          containers: [{ name: 'main', image, ports }],
        },
      },
    },
  };
}

function netpol(ns: string, name: string, spec: Obj): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec,
  };
}

const nsIs = (name: string) => ({ matchLabels: { [NAME]: name } });

/** The namespace policy kinds, each a function of the namespace and a draw. */
type Template = (ns: Ns) => Obj;

const TEMPLATES: Readonly<Record<string, Template>> = {
  'default-deny-ingress': (ns) =>
    netpol(ns.name, 'default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
  'allow-ingress-controller': (ns) =>
    netpol(ns.name, 'allow-ingress-controller', {
      podSelector: { matchLabels: { tier: 'frontend' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: nsIs('ingress-nginx'),
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
            },
          ],
          ports: [{ port: 'http' }],
        },
      ],
    }),
  'allow-backend-from-frontend': (ns) =>
    netpol(ns.name, 'allow-backend-from-frontend', {
      podSelector: { matchLabels: { tier: 'backend' } },
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }],
          ports: [{ protocol: 'TCP', port: 8080 }, { port: 'grpc' }],
        },
      ],
    }),
  'allow-data-from-backend': (ns) =>
    netpol(ns.name, 'allow-data-from-backend', {
      podSelector: { matchLabels: { tier: 'data' } },
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { tier: 'backend' } } }],
          ports: [{ port: 5432 }, { port: 6379 }, { port: 5672 }],
        },
      ],
    }),
  'allow-monitoring': (ns) =>
    netpol(ns.name, 'allow-monitoring', {
      podSelector: {},
      ingress: [
        {
          from: [{ namespaceSelector: nsIs('monitoring') }],
          ports: [{ protocol: 'TCP', port: 9090, endPort: 9200 }, { port: 'prometheus' }],
        },
      ],
    }),
  'allow-from-office': (ns) =>
    netpol(ns.name, 'allow-from-office', {
      podSelector: { matchLabels: { tier: 'frontend' } },
      ingress: [
        {
          from: [
            { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.100.0/24'] } },
            { ipBlock: { cidr: '172.16.0.0/12' } },
          ],
          ports: [{ port: 443 }, { port: 'http' }],
        },
      ],
    }),
  'allow-canary': (ns) =>
    netpol(ns.name, 'allow-canary', {
      podSelector: { matchExpressions: [{ key: 'version', operator: 'In', values: ['v2', 'v3'] }] },
      ingress: [
        {
          from: [
            { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['data'] }] } },
          ],
          ports: [{ port: 'http' }, { port: 'grpc' }],
        },
      ],
    }),
  'default-deny-egress': (ns) =>
    netpol(ns.name, 'default-deny-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: nsIs('kube-system'),
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
  'allow-egress-internal': (ns) =>
    netpol(ns.name, 'allow-egress-internal', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: {} }] },
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
          ports: [{ protocol: 'TCP', port: 443 }],
        },
      ],
    }),
};

/** A cross-team allow: one app of this namespace from a partner team's namespaces of the same env. */
function partner(ns: Ns, rnd: Random, k: number): Obj {
  const team = rnd.pick(TEAMS.filter((t) => t !== ns.team));
  const app = rnd.pick(ns.apps);
  return netpol(ns.name, `allow-${app}-from-${team}-${k}`, {
    podSelector: { matchLabels: { app } },
    ingress: [
      {
        from: [
          k % 3 === 2
            ? {
                namespaceSelector: { matchLabels: { team, env: ns.env } },
                podSelector: { matchLabels: { tier: 'backend' } },
              }
            : { namespaceSelector: { matchLabels: { team, env: ns.env } } },
        ],
        ports: [{ port: k % 2 === 0 ? 'http' : 'grpc' }],
      },
    ],
  });
}

function adminPolicies(): Obj[] {
  const anp = (name: string, spec: Obj): Obj => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name },
    spec,
  });
  return [
    anp('cluster-dns-and-metadata', {
      priority: 5,
      subject: { namespaces: {} },
      egress: [
        {
          name: 'allow-dns',
          action: 'Allow',
          to: [
            {
              pods: {
                namespaceSelector: nsIs('kube-system'),
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            },
          ],
          ports: [
            { portNumber: { protocol: 'UDP', port: 53 } },
            { portNumber: { protocol: 'TCP', port: 53 } },
          ],
        },
        { name: 'deny-cloud-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] },
      ],
    }),
    anp('cluster-allow-monitoring', {
      priority: 10,
      subject: { namespaces: {} },
      ingress: [
        {
          name: 'allow-prometheus',
          action: 'Allow',
          from: [{ namespaces: nsIs('monitoring') }],
          ports: [{ portRange: { protocol: 'TCP', start: 9090, end: 9200 } }],
        },
      ],
    }),
    anp('deny-dev-to-prod', {
      priority: 20,
      subject: { namespaces: { matchLabels: { env: 'prod' } } },
      ingress: [
        { name: 'deny-from-dev', action: 'Deny', from: [{ namespaces: { matchLabels: { env: 'dev' } } }] },
      ],
    }),
    anp('payments-team-delegates', {
      priority: 30,
      subject: { namespaces: { matchLabels: { team: 'payments' } } },
      ingress: [
        { name: 'pass-team', action: 'Pass', from: [{ namespaces: { matchLabels: { team: 'payments' } } }] },
      ],
      egress: [
        { name: 'pass-team', action: 'Pass', to: [{ namespaces: { matchLabels: { team: 'payments' } } }] },
      ],
    }),
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: {
        subject: { namespaces: { matchLabels: { env: 'prod' } } },
        ingress: [{ name: 'default-deny-cross-namespace', action: 'Deny', from: [{ namespaces: {} }] }],
      },
    },
  ];
}

/** The system namespaces every cluster has, with their few workloads. */
function systemNamespaces(): { ns: Obj; objects: Obj[]; pods: number }[] {
  const ns = (name: string, labels: Obj) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels },
  });
  const platform = { team: 'platform', env: 'prod' };
  return [
    {
      ns: ns('kube-system', {}),
      objects: [
        workload(
          'Deployment',
          'kube-system',
          'coredns',
          { 'k8s-app': 'kube-dns' },
          [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153 },
          ],
          'registry.k8s.io/coredns/coredns:v1.11.1',
        ),
        workload(
          'Deployment',
          'kube-system',
          'metrics-server',
          { 'k8s-app': 'metrics-server' },
          [{ name: 'https', containerPort: 10250 }],
          'registry.k8s.io/metrics-server/metrics-server:v0.7.1',
        ),
      ],
      pods: 2,
    },
    {
      ns: ns('monitoring', platform),
      objects: [
        workload(
          'StatefulSet',
          'monitoring',
          'prometheus',
          { app: 'prometheus' },
          [{ name: 'web', containerPort: 9090 }],
          'quay.io/prometheus/prometheus:v2.53.0',
        ),
        workload(
          'Deployment',
          'monitoring',
          'grafana',
          { app: 'grafana' },
          [{ name: 'http', containerPort: 3000 }],
          'grafana/grafana:11.1.0',
        ),
      ],
      pods: 2,
    },
    {
      ns: ns('ingress-nginx', platform),
      objects: [
        workload(
          'Deployment',
          'ingress-nginx',
          'ingress-nginx-controller',
          { 'app.kubernetes.io/name': 'ingress-nginx' },
          [
            { name: 'http', containerPort: 80 },
            { name: 'https', containerPort: 443 },
          ],
          'registry.k8s.io/ingress-nginx/controller:v1.11.1',
        ),
      ],
      pods: 1,
    },
  ];
}

/** Add or take one at random indices until the sizes sum to `total`, none going under `min`. */
function fitTo(sizes: number[], total: number, min: number, rnd: Random): void {
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum < total) {
    sizes[rnd.int(0, sizes.length - 1)]!++;
    sum++;
  }
  while (sum > total) {
    const i = rnd.int(0, sizes.length - 1);
    if (sizes[i]! > min) {
      sizes[i]!--;
      sum--;
    }
  }
}

/** A cluster of `pods` workloads (at least 100), `pods / 10` namespaces and `0.4 · pods` policies. */
export function generateK8sCluster(pods: number, seed = 1): K8sClusterShape {
  if (pods < 100) throw new Error('at least 100 pods');
  const rnd = new Random(seed);
  const system = systemNamespaces();
  const nsCount = Math.round(pods / 10);
  const policyCount = Math.round(pods * 0.4);
  const admin = adminPolicies();
  const appCount = nsCount - system.length;

  // Namespaces with their sizes.
  const sizes = Array.from({ length: appCount }, () => rnd.int(4, 16));
  fitTo(sizes, pods - system.reduce((a, s) => a + s.pods, 0), 3, rnd);
  const names = new Set<string>();
  const spaces: Ns[] = sizes.map(() => {
    const team = rnd.pick(TEAMS);
    const r = rnd.next();
    const env = r < 0.4 ? 'prod' : r < 0.7 ? 'staging' : 'dev';
    let name = `${team}-${rnd.pick(PRODUCTS)}-${env}`;
    for (let k = 2; names.has(name); k++) name = `${team}-${rnd.pick(PRODUCTS)}-${env}-${k}`;
    names.add(name);
    return { name, team, env, apps: [] };
  });

  // Workloads: a frontend, an API and a database first, then a mix.
  const objects = spaces.map((ns, i) => {
    const out: Obj[] = [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns.name, labels: { team: ns.team, env: ns.env } },
      },
    ];
    const count = new Map<Role, number>();
    for (let k = 0; k < sizes[i]!; k++) {
      const role: Role =
        k < 3
          ? (['frontend', 'api', 'db'] as const)[k]!
          : rnd.pick(['api', 'api', 'worker', 'worker', 'frontend', 'cache', 'queue'] as const);
      const n = (count.get(role) ?? 0) + 1;
      count.set(role, n);
      const app = n === 1 ? role : `${role}-${n}`;
      ns.apps.push(app);
      const labels = {
        app,
        tier: TIER[role],
        version: rnd.pick(['v1', 'v1', 'v2', 'v3']),
        'app.kubernetes.io/part-of': ns.name,
      };
      const kind = role === 'db' || role === 'queue' ? 'StatefulSet' : 'Deployment';
      out.push(
        workload(
          kind,
          ns.name,
          app,
          labels,
          PORTS[role],
          `registry.example.com/${ns.team}/${app}:1.${rnd.int(0, 40)}.0`,
        ),
      );
    }
    return out;
  });

  // Namespace policies: quotas summing to what the admin tier leaves, one namespace in ten without any.
  const quotas = spaces.map(() => (rnd.next() < 0.1 ? 0 : rnd.int(2, 7)));
  const policied = quotas.map((q, i) => (q > 0 ? i : -1)).filter((i) => i >= 0);
  const want = policyCount - admin.length;
  let sum = quotas.reduce((a, b) => a + b, 0);
  while (sum !== want) {
    const i = rnd.pick(policied);
    if (sum < want) {
      quotas[i]!++;
      sum++;
    } else if (quotas[i]! > 1) {
      quotas[i]!--;
      sum--;
    }
  }
  const optional = [
    'allow-backend-from-frontend',
    'allow-data-from-backend',
    'allow-ingress-controller',
    'allow-from-office',
    'allow-canary',
  ];
  spaces.forEach((ns, i) => {
    const q = quotas[i]!;
    if (q === 0) return;
    const order: string[] = [];
    // Nine in ten policied namespaces deny ingress by default; the rest only isolate the pods they allow to.
    if (rnd.next() < 0.9) order.push('default-deny-ingress');
    if (q >= 3 && rnd.next() < 0.25) order.push('default-deny-egress', 'allow-egress-internal');
    order.push('allow-monitoring');
    const rest = [...optional];
    while (rest.length > 0) order.push(rest.splice(rnd.int(0, rest.length - 1), 1)[0]!);
    for (let k = 0; k < q; k++)
      objects[i]!.push(k < order.length ? TEMPLATES[order[k]!]!(ns) : partner(ns, rnd, k));
  });

  // Files: the cluster-wide objects, then PER_FILE namespaces a file.
  const yaml = (docs: readonly Obj[]) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
  const files: K8sFile[] = [
    {
      path: '00-cluster.yaml',
      text: yaml([...system.flatMap((s) => [s.ns, ...s.objects]), ...admin]),
    },
  ];
  for (let f = 0; f * PER_FILE < objects.length; f++)
    files.push({
      path: `ns-${String(f + 1).padStart(3, '0')}.yaml`,
      text: yaml(objects.slice(f * PER_FILE, (f + 1) * PER_FILE).flat()),
    });
  return { pods, namespaces: nsCount, policies: policyCount, files };
}
