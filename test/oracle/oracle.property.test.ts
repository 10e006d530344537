/**
 * Issue #3 item 4: on random small estates (2-3 VPCs, peering in random states, security groups with
 * CIDR and group sources, NACLs with random ordered allow/deny entries, random peering routes and
 * blackholes, internet gateways attached or not with full or partial routes, public addresses on some
 * interfaces, NAT gateways with or without a default route to them, a transit gateway with random
 * attachments, propagations, VPC routes to it and a blackhole), the engine's verdict for random TCP
 * connections, between interfaces and to and from internet hosts, equals the independent simulator's.
 * A third property builds estates where replies come back by another way than the request went.
 * Estates are written as AWS CLI JSON and go through the real importer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsTopology, evaluateFlow, type Step, type Verdict } from '../../src/engine/index.js';
import { ConnectionSet, type Endpoint, PortSet, parseIp } from '../../src/model/index.js';
import { importDocs } from '../support.js';
import { simulate, simulateFromInternet, simulateToInternet } from './simulator.js';

const RUNS = Number(process.env.FC_ORACLE_RUNS ?? 1000);
const A = 'aws/111111111111/us-east-1';
const PORTS = [22, 80, 443, 8080];
const RANGES: [number, number][] = [
  [22, 22],
  [80, 80],
  [443, 443],
  [0, 65535],
  [1024, 65535],
  [32768, 60999],
  [40000, 50000],
  [8080, 8080],
];

const vpcIds = ['vpc-0', 'vpc-1', 'vpc-2'];
const cidrs = (n: number) => [
  '0.0.0.0/0',
  ...vpcIds
    .slice(0, n)
    .flatMap((_, i) => [`10.${i}.0.0/16`, `10.${i}.0.0/24`, `10.${i}.1.0/24`, `10.${i}.1.10/32`]),
  // Public ranges, so that rules and routes split the internet.
  '203.0.113.0/24',
  '128.0.0.0/1',
];
const INTERNET_HOSTS = ['8.8.8.8', '203.0.113.7', '198.51.100.1', '130.0.0.1'];

const ALL_OUT = {
  proto: '-1',
  range: [0, 65535] as [number, number],
  source: { cidr: '0.0.0.0/0' },
} as const;

const perm = (n: number) =>
  fc.record({
    proto: fc.constantFrom('tcp', '-1'),
    range: fc.constantFrom(...RANGES),
    source: fc.oneof(
      fc.constantFrom(...cidrs(n)).map((c) => ({ cidr: c })),
      fc.nat({ max: n * 2 - 1 }).map((g) => ({ group: `sg-${g}` })),
    ),
  });

const entry = (n: number) =>
  fc.record({
    number: fc.integer({ min: 1, max: 50 }).map((x) => x * 10),
    allow: fc.boolean(),
    proto: fc.constantFrom('6', '-1'),
    range: fc.constantFrom(...RANGES),
    cidr: fc.constantFrom(...cidrs(n)),
  });

const estateArb = fc.integer({ min: 2, max: 3 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    ingress: fc.array(fc.array(perm(n), { minLength: 1, maxLength: 3 }), {
      minLength: n * 2,
      maxLength: n * 2,
    }),
    // Most groups keep an allow-all egress, as real ones do.
    egress: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([ALL_OUT]) },
        { weight: 1, arbitrary: fc.array(perm(n), { maxLength: 2 }) },
      ),
      {
        minLength: n * 2,
        maxLength: n * 2,
      },
    ),
    groupsOf: fc.array(fc.subarray([0, 1], { minLength: 1 }), { minLength: n * 2, maxLength: n * 2 }),
    acl: fc.array(
      fc.record({
        inbound: fc.array(entry(n), { maxLength: 3 }),
        outbound: fc.array(entry(n), { maxLength: 3 }),
        // Usually a catch-all allow after the random entries, so that denials are the exception.
        openIn: fc.oneof(
          { weight: 3, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        openOut: fc.oneof(
          { weight: 3, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
    peerings: fc.array(
      fc.record({
        a: fc.nat({ max: n - 1 }),
        b: fc.nat({ max: n - 1 }),
        active: fc.boolean(),
        routeA: fc.boolean(),
        routeB: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    blackhole: fc.option(fc.constantFrom(...cidrs(n).slice(1)), { nil: undefined }),
    igws: fc.array(
      fc.record({
        attached: fc.oneof(
          { weight: 4, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        route: fc.constantFrom('none', '0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1'),
      }),
      { minLength: n, maxLength: n },
    ),
    publicOn: fc.array(fc.boolean(), { minLength: n * 2, maxLength: n * 2 }),
    tgw: fc.record({
      on: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      attached: fc.array(
        fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        { minLength: n, maxLength: n },
      ),
      propagate: fc.array(
        fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        { minLength: n, maxLength: n },
      ),
      routeTo: fc.array(
        fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        { minLength: n, maxLength: n },
      ),
      blackhole: fc.option(
        fc.constantFrom(...vpcIds.slice(0, n).flatMap((_, i) => [`10.${i}.0.0/16`, `10.${i}.1.0/24`])),
        { nil: undefined },
      ),
    }),
    nats: fc.array(
      fc.record({
        on: fc.oneof(
          { weight: 2, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        route: fc.oneof(
          { weight: 3, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
        // Entries put before the default ACL's allow-all, so the NAT subnet's NACL matters too.
        inbound: fc.array(entry(n), { maxLength: 2 }),
        outbound: fc.array(entry(n), { maxLength: 2 }),
      }),
      { minLength: n, maxLength: n },
    ),
  }),
);

/**
 * Estates built for replies that come back another way (cloud-semantics §1.5-9): vpc-0 routes vpc-1
 * over an active peering, vpc-1 has no peering route back, and both are attached to a transit gateway
 * with routes to it; the rest stays random (propagation, blackholes, NACLs, groups).
 */
const asymmetricArb = estateArb.map((s) => ({
  ...s,
  peerings: [{ a: 0, b: 1, active: true, routeA: true, routeB: false }, ...s.peerings.slice(1)],
  tgw: {
    ...s.tgw,
    on: true,
    attached: s.tgw.attached.map(() => true),
    routeTo: s.tgw.routeTo.map(() => true),
  },
}));

type Spec = typeof estateArb extends fc.Arbitrary<infer T> ? T : never;

function docs(s: Spec): Record<string, unknown> {
  const vpcs = vpcIds.slice(0, s.n);
  const permJson = (p: Spec['ingress'][number][number]) => ({
    IpProtocol: p.proto,
    ...(p.proto === 'tcp' ? { FromPort: p.range[0], ToPort: p.range[1] } : {}),
    ...('cidr' in p.source
      ? { IpRanges: [{ CidrIp: p.source.cidr }] }
      : { UserIdGroupPairs: [{ GroupId: p.source.group }] }),
  });
  const entryJson = (e: Spec['acl'][number]['inbound'][number], egress: boolean) => ({
    RuleNumber: e.number,
    Egress: egress,
    Protocol: e.proto,
    RuleAction: e.allow ? 'allow' : 'deny',
    CidrBlock: e.cidr,
    ...(e.proto === '6' ? { PortRange: { From: e.range[0], To: e.range[1] } } : {}),
  });
  // AWS allows one peering per pair of VPCs.
  const pairs = new Set<string>();
  const peerings = s.peerings.filter((p) => {
    const key = `${Math.min(p.a, p.b)}-${Math.max(p.a, p.b)}`;
    if (p.a === p.b || pairs.has(key)) return false;
    pairs.add(key);
    return true;
  });
  return {
    [`${A}/vpcs.json`]: { Vpcs: vpcs.map((id, i) => ({ VpcId: id, CidrBlock: `10.${i}.0.0/16` })) },
    [`${A}/subnets.json`]: {
      Subnets: vpcs.flatMap((id, i) =>
        [0, 1].map((j) => ({
          SubnetId: `subnet-${i}-${j}`,
          VpcId: id,
          CidrBlock: `10.${i}.${j}.0/24`,
          AvailabilityZone: 'us-east-1a',
        })),
      ),
    },
    [`${A}/sgs.json`]: {
      SecurityGroups: vpcs.flatMap((id, i) =>
        [0, 1].map((j) => ({
          GroupId: `sg-${i * 2 + j}`,
          VpcId: id,
          IpPermissions: s.ingress[i * 2 + j]!.map(permJson),
          IpPermissionsEgress: s.egress[i * 2 + j]!.map(permJson),
        })),
      ),
    },
    [`${A}/enis.json`]: {
      NetworkInterfaces: vpcs.flatMap((id, i) =>
        [0, 1].map((j) => ({
          NetworkInterfaceId: `eni-${i}-${j}`,
          VpcId: id,
          SubnetId: `subnet-${i}-${j}`,
          PrivateIpAddress: `10.${i}.${j}.10`,
          ...(s.publicOn[i * 2 + j] ? { Association: { PublicIp: `54.0.${i}.${10 + j}` } } : {}),
          PrivateIpAddresses: [
            {
              PrivateIpAddress: `10.${i}.${j}.10`,
              Primary: true,
              ...(s.publicOn[i * 2 + j] ? { Association: { PublicIp: `54.0.${i}.${10 + j}` } } : {}),
            },
          ],
          Groups: s.groupsOf[i * 2 + j]!.map((g) => ({ GroupId: `sg-${i * 2 + g}` })),
        })),
      ),
    },
    [`${A}/acls.json`]: {
      NetworkAcls: vpcs.flatMap((id, i) => [
        {
          NetworkAclId: `acl-default-${i}`,
          VpcId: id,
          IsDefault: true,
          Associations: [{ SubnetId: `subnet-${i}-0` }],
          Entries: [
            ...s.nats[i]!.inbound.map((e) => entryJson(e, false)),
            ...s.nats[i]!.outbound.map((e) => entryJson(e, true)),
            { RuleNumber: 900, Egress: false, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
            { RuleNumber: 900, Egress: true, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
          ],
        },
        {
          NetworkAclId: `acl-${i}`,
          VpcId: id,
          IsDefault: false,
          Associations: [{ SubnetId: `subnet-${i}-1` }],
          Entries: [
            ...s.acl[i]!.inbound.map((e) => entryJson(e, false)),
            ...s.acl[i]!.outbound.map((e) => entryJson(e, true)),
            ...(s.acl[i]!.openIn
              ? [
                  {
                    RuleNumber: 900,
                    Egress: false,
                    Protocol: '-1',
                    RuleAction: 'allow',
                    CidrBlock: '0.0.0.0/0',
                  },
                ]
              : []),
            ...(s.acl[i]!.openOut
              ? [
                  {
                    RuleNumber: 900,
                    Egress: true,
                    Protocol: '-1',
                    RuleAction: 'allow',
                    CidrBlock: '0.0.0.0/0',
                  },
                ]
              : []),
          ],
        },
      ]),
    },
    [`${A}/igws.json`]: {
      InternetGateways: vpcs.map((id, i) => ({
        InternetGatewayId: `igw-${i}`,
        Attachments: s.igws[i]!.attached ? [{ VpcId: id, State: 'available' }] : [],
      })),
    },
    [`${A}/pcx.json`]: {
      VpcPeeringConnections: peerings.map((p, k) => ({
        VpcPeeringConnectionId: `pcx-${k}`,
        Status: { Code: p.active ? 'active' : 'pending-acceptance' },
        RequesterVpcInfo: { VpcId: vpcs[p.a] },
        AccepterVpcInfo: { VpcId: vpcs[p.b] },
      })),
    },
    ...tgwDocs(s, vpcs),
    [`${A}/nats.json`]: {
      NatGateways: vpcs.flatMap((id, i) =>
        s.nats[i]!.on
          ? [
              {
                NatGatewayId: `nat-${i}`,
                SubnetId: `subnet-${i}-0`,
                VpcId: id,
                State: 'available',
                ConnectivityType: 'public',
                NatGatewayAddresses: [
                  {
                    NetworkInterfaceId: `eni-nat-${i}`,
                    PrivateIp: `10.${i}.0.200`,
                    PublicIp: `54.1.${i}.1`,
                    IsPrimary: true,
                  },
                ],
              },
            ]
          : [],
      ),
    },
    [`${A}/rts.json`]: {
      RouteTables: vpcs.flatMap((id, i) => {
        const common = (withIgw: boolean) => [
          {
            DestinationCidrBlock: `10.${i}.0.0/16`,
            GatewayId: 'local',
            Origin: 'CreateRouteTable',
            State: 'active',
          },
          ...peerings.flatMap((p, k) => {
            const other = p.a === i ? p.b : p.b === i ? p.a : -1;
            const wanted = p.a === i ? p.routeA : p.routeB;
            return other >= 0 && wanted
              ? [
                  {
                    DestinationCidrBlock: `10.${other}.0.0/16`,
                    VpcPeeringConnectionId: `pcx-${k}`,
                    Origin: 'CreateRoute',
                    State: p.active ? 'active' : 'blackhole',
                  },
                ]
              : [];
          }),
          ...(s.tgw.on && s.tgw.routeTo[i]
            ? [
                {
                  DestinationCidrBlock: '10.0.0.0/8',
                  TransitGatewayId: 'tgw-0',
                  Origin: 'CreateRoute',
                  State: 'active',
                },
              ]
            : []),
          ...(!withIgw || s.igws[i]!.route === 'none'
            ? []
            : [
                {
                  DestinationCidrBlock: s.igws[i]!.route,
                  GatewayId: `igw-${i}`,
                  Origin: 'CreateRoute',
                  State: 'active',
                },
              ]),
          ...(s.blackhole && i === 0
            ? [
                {
                  DestinationCidrBlock: s.blackhole,
                  VpcPeeringConnectionId: 'pcx-gone',
                  Origin: 'CreateRoute',
                  State: 'blackhole',
                },
              ]
            : []),
        ];
        return [
          { RouteTableId: `rtb-${i}`, VpcId: id, Associations: [{ Main: true }], Routes: common(true) },
          // With a NAT gateway, the second subnet gets a private table: its default route goes to the NAT.
          ...(s.nats[i]!.on
            ? [
                {
                  RouteTableId: `rtb-${i}-private`,
                  VpcId: id,
                  Associations: [{ SubnetId: `subnet-${i}-1`, Main: false }],
                  Routes: [
                    ...common(false),
                    ...(s.nats[i]!.route
                      ? [
                          {
                            DestinationCidrBlock: '0.0.0.0/0',
                            NatGatewayId: `nat-${i}`,
                            Origin: 'CreateRoute',
                            State: 'active',
                          },
                        ]
                      : []),
                  ],
                },
              ]
            : []),
        ];
      }),
    },
  };
}

/** One transit gateway, one route table associated with every attachment; VPC i attaches in subnet-i-0. */
function tgwDocs(s: Spec, vpcs: string[]): Record<string, unknown> {
  if (!s.tgw.on) return {};
  const attached = vpcs.map((_, i) => i).filter((i) => s.tgw.attached[i]);
  const att = (i: number) => `tgw-attach-${i}`;
  const ref = (i: number) => ({
    TransitGatewayAttachmentId: att(i),
    ResourceId: vpcs[i],
    ResourceType: 'vpc',
  });
  const propagated = attached.filter((i) => s.tgw.propagate[i]);
  return {
    [`${A}/tgws.json`]: {
      TransitGateways: [{ TransitGatewayId: 'tgw-0', State: 'available', OwnerId: '111111111111' }],
    },
    [`${A}/tgw-vpc-attachments.json`]: {
      TransitGatewayVpcAttachments: attached.map((i) => ({
        TransitGatewayAttachmentId: att(i),
        TransitGatewayId: 'tgw-0',
        VpcId: vpcs[i],
        State: 'available',
        SubnetIds: [`subnet-${i}-0`],
      })),
    },
    [`${A}/tgw-attachments.json`]: {
      TransitGatewayAttachments: attached.map((i) => ({
        TransitGatewayAttachmentId: att(i),
        TransitGatewayId: 'tgw-0',
        ResourceType: 'vpc',
        ResourceId: vpcs[i],
        State: 'available',
        Association: { TransitGatewayRouteTableId: 'tgw-rtb-0', State: 'associated' },
      })),
    },
    [`${A}/tgw-route-tables.json`]: {
      TransitGatewayRouteTables: [
        { TransitGatewayRouteTableId: 'tgw-rtb-0', TransitGatewayId: 'tgw-0', State: 'available' },
      ],
    },
    [`${A}/get-transit-gateway-route-table-associations-tgw-rtb-0.json`]: {
      Associations: attached.map((i) => ({ ...ref(i), State: 'associated' })),
    },
    [`${A}/get-transit-gateway-route-table-propagations-tgw-rtb-0.json`]: {
      TransitGatewayRouteTablePropagations: propagated.map((i) => ({ ...ref(i), State: 'enabled' })),
    },
    [`${A}/search-transit-gateway-routes-tgw-rtb-0.json`]: {
      Routes: [
        ...propagated.map((i) => ({
          DestinationCidrBlock: `10.${i}.0.0/16`,
          TransitGatewayAttachments: [ref(i)],
          Type: 'propagated',
          State: 'active',
        })),
        ...(s.tgw.blackhole
          ? [{ DestinationCidrBlock: s.tgw.blackhole, Type: 'static', State: 'blackhole' }]
          : []),
      ],
      AdditionalRoutesAvailable: false,
    },
  };
}

/** Engine and simulator on one TCP connection between two interfaces; they must agree. */
function compare(topo: AwsTopology, a: Endpoint, b: Endpoint, port: number) {
  const expected = simulate(topo.estate, a, b, port);
  const v = evaluateFlow(topo, {
    source: { kind: 'endpoint', endpoint: a },
    destination: parseIp(b.privateIps[0]!)!,
    connections: ConnectionSet.tcp(PortSet.of(port)),
  });
  const got =
    v.verdict === 'allowed'
      ? 'allowed'
      : v.verdict === 'blocked'
        ? `blocked-${v.blockedAt!.direction}`
        : `unknown: ${v.uncertain.join('; ')}`;
  expect(got).toBe(expected);
  return { expected, v };
}

/** Whether the reply came back by another way than the request went (cloud-semantics §1.5-9). */
function asymmetric(v: Verdict): boolean {
  const way = (steps: readonly Step[]) =>
    steps.some((st) => st.kind === 'peering')
      ? 'peering'
      : steps.some((st) => st.kind === 'transit')
        ? 'tgw'
        : 'local';
  return v.return.length > 0 && way(v.forward) !== way(v.return);
}

describe('engine vs independent simulator (random small estates)', () => {
  it('gives the same verdict, and the same blocked direction, for random TCP connections', () => {
    const seen = { allowed: 0, forward: 0, return: 0, asymmetric: 0 };
    fc.assert(
      fc.property(estateArb, fc.nat(), fc.nat(), fc.constantFrom(...PORTS), (spec, x, y, port) => {
        const estate = importDocs(docs(spec));
        const topo = new AwsTopology(estate);
        const enis = estate.all('endpoint').filter((e) => e.endpointKind !== 'nat-gateway');
        const a = enis[x % enis.length]!;
        // Half the pairs in one VPC (so that more than routing decides), half anywhere.
        const sameVpc = enis.filter((e) => e.networkId === a.networkId && e.id !== a.id);
        const b =
          y % 2 === 0 && sameVpc.length > 0 ? sameVpc[(y >> 1) % sameVpc.length]! : enis[y % enis.length]!;
        if (a.id === b.id) return;
        const { expected, v } = compare(topo, a, b, port);
        if (asymmetric(v)) seen.asymmetric++;
        seen[expected === 'allowed' ? 'allowed' : expected === 'blocked-forward' ? 'forward' : 'return']++;
        if (process.env.ORACLE_DEBUG)
          process.stdout.write(`${a.id} -> ${b.id}:${port} ${expected} ${JSON.stringify(v.blockedAt)}\n`);
      }),
      { numRuns: RUNS },
    );
    if (process.env.ORACLE_DEBUG) process.stdout.write(`${JSON.stringify(seen)}\n`);
    // The generator must produce every outcome, or the property proves little.
    expect(seen.allowed).toBeGreaterThan(RUNS / 20);
    expect(seen.forward).toBeGreaterThan(RUNS / 20);
    expect(seen.return).toBeGreaterThan(RUNS / 50);
  });

  it('judges replies that come back by another way than the request (peering out, transit gateway back)', () => {
    const seen = { asymmetric: 0, allowed: 0, return: 0 };
    fc.assert(
      fc.property(
        asymmetricArb,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(...PORTS),
        (spec, x, y, flip, port) => {
          const estate = importDocs(docs(spec));
          const topo = new AwsTopology(estate);
          const enis = (vpc: string) =>
            estate.all('endpoint').filter((e) => e.endpointKind !== 'nat-gateway' && e.networkId === vpc);
          const [from, to] = flip ? ['vpc-1', 'vpc-0'] : ['vpc-0', 'vpc-1'];
          const a = enis(from)[x % enis(from).length]!;
          const b = enis(to)[y % enis(to).length]!;
          const { expected, v } = compare(topo, a, b, port);
          if (asymmetric(v)) seen.asymmetric++;
          if (expected === 'allowed') seen.allowed++;
          if (expected === 'blocked-return') seen.return++;
        },
      ),
      { numRuns: RUNS },
    );
    if (process.env.ORACLE_DEBUG) process.stdout.write(`${JSON.stringify(seen)}\n`);
    expect(seen.asymmetric).toBeGreaterThan(RUNS / 20);
    expect(seen.allowed).toBeGreaterThan(RUNS / 50);
    expect(seen.return).toBeGreaterThan(RUNS / 100);
  });

  it('gives the same verdict for random TCP connections to and from internet hosts (§1.4)', () => {
    const seen = { allowed: 0, blocked: 0 };
    fc.assert(
      fc.property(
        estateArb,
        fc.nat(),
        fc.constantFrom(...INTERNET_HOSTS),
        fc.constantFrom(...PORTS),
        fc.boolean(),
        (spec, x, host, port, inbound) => {
          const estate = importDocs(docs(spec));
          const topo = new AwsTopology(estate);
          const enis = estate.all('endpoint').filter((e) => e.endpointKind !== 'nat-gateway');
          const e = enis[x % enis.length]!;
          if (inbound && e.publicIps.length === 0) return;
          const expected = inbound
            ? simulateFromInternet(estate, host, e, port)
            : simulateToInternet(estate, e, host, port);
          const v = evaluateFlow(topo, {
            source: inbound
              ? { kind: 'internet', address: parseIp(host)! }
              : { kind: 'endpoint', endpoint: e },
            destination: parseIp(inbound ? e.publicIps[0]! : host)!,
            connections: ConnectionSet.tcp(PortSet.of(port)),
          });
          const got =
            v.verdict === 'unknown' ? `unknown: ${v.uncertain.join('; ')}` : v.verdict === 'allowed';
          expect(got, `${inbound ? `${host} -> ${e.id}` : `${e.id} -> ${host}`}:${port}`).toBe(expected);
          seen[expected ? 'allowed' : 'blocked']++;
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.allowed).toBeGreaterThan(RUNS / 20);
    expect(seen.blocked).toBeGreaterThan(RUNS / 20);
  });
});
