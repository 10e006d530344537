/**
 * A synthetic AWS CLI estate of N endpoints (ENIs), shaped like a real landing zone: accounts of up to
 * 20 VPCs, each VPC with public/private/data subnets in two AZs, an IGW, a NAT gateway, a transit
 * gateway attachment, security groups that reference each other, NACLs and route tables.
 * Used by `npm run gen:estate` and the benchmarks; the output is plain `describe-*` JSON.
 */
import { Random } from './random.js';

export interface GeneratedFile {
  readonly path: string;
  readonly body: unknown;
}

const PER_VPC = 250;
const VPCS_PER_ACCOUNT = 20;
const tags = (name: string, extra: Record<string, string> = {}) => [
  { Key: 'Name', Value: name },
  ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value })),
];

interface Vpc {
  id: string;
  index: number;
  cidr: string;
  subnets: { id: string; cidr: string; zone: string; tier: string; base: number }[];
  groups: string[];
}

export function generateAwsEstate(endpoints: number, seed = 1): GeneratedFile[] {
  const rnd = new Random(seed);
  const id = (prefix: string) => `${prefix}-${rnd.hex(17)}`;
  const vpcCount = Math.max(1, Math.ceil(endpoints / PER_VPC));
  const files: GeneratedFile[] = [];
  let made = 0;
  for (let a = 0; a * VPCS_PER_ACCOUNT < vpcCount; a++) {
    const account = String(100000000000 + a * 1111);
    const region = a % 2 === 0 ? 'us-east-1' : 'us-west-2';
    const dir = `${account}/${region}`;
    const tgw = id('tgw');
    const out: Record<string, unknown[]> = {};
    const push = (key: string, v: unknown) => {
      out[key] ??= [];
      out[key].push(v);
    };
    const vpcs: Vpc[] = [];
    for (let v = a * VPCS_PER_ACCOUNT; v < Math.min(vpcCount, (a + 1) * VPCS_PER_ACCOUNT); v++) {
      const second = Math.floor(v / 256);
      const cidr = `10.${v % 256}.0.0/16`;
      const vpc: Vpc = { id: id('vpc'), index: v, cidr, subnets: [], groups: [] };
      if (second > 0) throw new Error('at most 256 VPCs (64,000 endpoints) per generated estate');
      vpcs.push(vpc);
      push('Vpcs', {
        VpcId: vpc.id,
        CidrBlock: cidr,
        CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
        IsDefault: false,
        OwnerId: account,
        State: 'available',
        Tags: tags(`vpc-${v}`),
      });
      ['public', 'private', 'data'].forEach((tier, t) => {
        ['a', 'b'].forEach((z, zi) => {
          const base = t * 32 + zi * 16;
          const s = {
            id: id('subnet'),
            cidr: `10.${v % 256}.${base}.0/20`,
            zone: `${region}${z}`,
            tier,
            base,
          };
          vpc.subnets.push(s);
          push('Subnets', {
            SubnetId: s.id,
            VpcId: vpc.id,
            CidrBlock: s.cidr,
            AvailabilityZone: s.zone,
            MapPublicIpOnLaunch: tier === 'public',
            OwnerId: account,
            State: 'available',
            Tags: tags(`${tier}-${z}`, { Tier: tier }),
          });
        });
      });
      const igw = id('igw');
      push('InternetGateways', {
        InternetGatewayId: igw,
        Attachments: [{ VpcId: vpc.id, State: 'available' }],
        OwnerId: account,
      });
      const nat = id('nat');
      const natEni = id('eni');
      const pub0 = vpc.subnets[0]!;
      push('NatGateways', {
        NatGatewayId: nat,
        SubnetId: pub0.id,
        VpcId: vpc.id,
        State: 'available',
        ConnectivityType: 'public',
        NatGatewayAddresses: [
          {
            AllocationId: id('eipalloc'),
            NetworkInterfaceId: natEni,
            PrivateIp: `10.${v % 256}.${pub0.base}.5`,
            PublicIp: `198.${18 + (v >> 8)}.${v % 256}.5`,
          },
        ],
      });
      // Security groups: a web tier open to the world, app and db tiers referencing it, plus team groups.
      const web = id('sg');
      const app = id('sg');
      const db = id('sg');
      const team = [id('sg'), id('sg'), id('sg'), id('sg'), id('sg'), id('sg')];
      vpc.groups = [web, app, db, ...team];
      const perm = (
        proto: string,
        from: number | undefined,
        to: number | undefined,
        src: Record<string, unknown>,
      ) => ({
        IpProtocol: proto,
        ...(from === undefined ? {} : { FromPort: from, ToPort: to }),
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
        ...src,
      });
      const egressAll = [perm('-1', undefined, undefined, { IpRanges: [{ CidrIp: '0.0.0.0/0' }] })];
      const dflt = id('sg');
      push('SecurityGroups', {
        GroupId: dflt,
        GroupName: 'default',
        VpcId: vpc.id,
        OwnerId: account,
        Description: 'default VPC security group',
        IpPermissions: [
          perm('-1', undefined, undefined, { UserIdGroupPairs: [{ GroupId: dflt, UserId: account }] }),
        ],
        IpPermissionsEgress: egressAll,
      });
      push('SecurityGroups', {
        GroupId: web,
        GroupName: 'web',
        VpcId: vpc.id,
        OwnerId: account,
        IpPermissions: [
          perm('tcp', 443, 443, { IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }),
          perm('tcp', 80, 80, { IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
        ],
        IpPermissionsEgress: egressAll,
      });
      push('SecurityGroups', {
        GroupId: app,
        GroupName: 'app',
        VpcId: vpc.id,
        OwnerId: account,
        IpPermissions: [
          perm('tcp', 8080, 8080, { UserIdGroupPairs: [{ GroupId: web, UserId: account }] }),
          perm('tcp', 22, 22, { IpRanges: [{ CidrIp: '10.0.0.0/8' }] }),
        ],
        IpPermissionsEgress: egressAll,
      });
      push('SecurityGroups', {
        GroupId: db,
        GroupName: 'db',
        VpcId: vpc.id,
        OwnerId: account,
        IpPermissions: [perm('tcp', 5432, 5432, { UserIdGroupPairs: [{ GroupId: app, UserId: account }] })],
        IpPermissionsEgress: [],
      });
      team.forEach((g, i) => {
        const rules = Array.from({ length: 6 }, () =>
          perm(rnd.pick(['tcp', 'udp']), rnd.int(1, 30000), undefined, {
            IpRanges: [
              { CidrIp: `10.${rnd.int(0, 255)}.${rnd.int(0, 255)}.0/24` },
              { CidrIp: `172.${rnd.int(16, 31)}.0.0/16` },
            ],
          }),
        ).map((p) => ({ ...p, ToPort: (p.FromPort ?? 0) + rnd.int(0, 100) }));
        push('SecurityGroups', {
          GroupId: g,
          GroupName: `team-${i}`,
          VpcId: vpc.id,
          OwnerId: account,
          IpPermissions: rules,
          IpPermissionsEgress: egressAll,
        });
      });
      const entries = (egress: boolean) => [
        {
          RuleNumber: 100,
          Egress: egress,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: '10.0.0.0/8',
          PortRange: { From: 0, To: 65535 },
        },
        {
          RuleNumber: 110,
          Egress: egress,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 443, To: 443 },
        },
        {
          RuleNumber: 120,
          Egress: egress,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 1024, To: 65535 },
        },
        {
          RuleNumber: 130,
          Egress: egress,
          Protocol: '17',
          RuleAction: 'allow',
          CidrBlock: '10.0.0.0/8',
          PortRange: { From: 53, To: 53 },
        },
        {
          RuleNumber: 140,
          Egress: egress,
          Protocol: '1',
          RuleAction: 'allow',
          CidrBlock: '0.0.0.0/0',
          IcmpTypeCode: { Type: 3, Code: 4 },
        },
        { RuleNumber: 32767, Egress: egress, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
      ];
      push('NetworkAcls', {
        NetworkAclId: id('acl'),
        VpcId: vpc.id,
        IsDefault: true,
        OwnerId: account,
        Associations: [],
        Entries: [
          { RuleNumber: 100, Egress: false, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 100, Egress: true, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
        ],
      });
      push('NetworkAcls', {
        NetworkAclId: id('acl'),
        VpcId: vpc.id,
        IsDefault: false,
        OwnerId: account,
        Associations: vpc.subnets.filter((s) => s.tier !== 'public').map((s) => ({ SubnetId: s.id })),
        Entries: [...entries(false), ...entries(true)],
      });
      const local = {
        DestinationCidrBlock: cidr,
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      };
      push('RouteTables', {
        RouteTableId: id('rtb'),
        VpcId: vpc.id,
        OwnerId: account,
        Associations: [{ Main: true }],
        Routes: [local],
        PropagatingVgws: [],
      });
      push('RouteTables', {
        RouteTableId: id('rtb'),
        VpcId: vpc.id,
        OwnerId: account,
        Associations: vpc.subnets
          .filter((s) => s.tier === 'public')
          .map((s) => ({ Main: false, SubnetId: s.id, AssociationState: { State: 'associated' } })),
        Routes: [
          local,
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, Origin: 'CreateRoute', State: 'active' },
        ],
        PropagatingVgws: [],
      });
      push('RouteTables', {
        RouteTableId: id('rtb'),
        VpcId: vpc.id,
        OwnerId: account,
        Associations: vpc.subnets
          .filter((s) => s.tier !== 'public')
          .map((s) => ({ Main: false, SubnetId: s.id, AssociationState: { State: 'associated' } })),
        Routes: [
          local,
          { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat, Origin: 'CreateRoute', State: 'active' },
          {
            DestinationCidrBlock: '10.0.0.0/8',
            TransitGatewayId: tgw,
            Origin: 'CreateRoute',
            State: 'active',
          },
        ],
        PropagatingVgws: [],
      });
      push('TransitGatewayAttachments', {
        TransitGatewayAttachmentId: `tgw-attach-${rnd.hex(17)}`,
        TransitGatewayId: tgw,
        ResourceType: 'vpc',
        ResourceId: vpc.id,
        ResourceOwnerId: account,
        State: 'available',
      });
      // Endpoints: instances with one ENI each, spread over the subnets.
      const count = Math.min(PER_VPC, endpoints - made);
      for (let n = 0; n < count; n++) {
        const s = vpc.subnets[n % vpc.subnets.length]!;
        const host = 10 + Math.floor(n / vpc.subnets.length);
        const ip = `10.${v % 256}.${s.base + (host >> 8)}.${host % 256}`;
        const eniId = id('eni');
        const instance = id('i');
        const groups = s.tier === 'public' ? [web] : s.tier === 'private' ? [app, rnd.pick(team)] : [db];
        const pub =
          s.tier === 'public'
            ? { Association: { PublicIp: `203.${v % 256}.${host >> 8}.${host % 256}`, IpOwnerId: 'amazon' } }
            : {};
        const eni = {
          NetworkInterfaceId: eniId,
          SubnetId: s.id,
          VpcId: vpc.id,
          AvailabilityZone: s.zone,
          InterfaceType: 'interface',
          OwnerId: account,
          PrivateIpAddress: ip,
          PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip, ...pub }],
          Ipv6Addresses: [],
          Groups: groups.map((g) => ({ GroupId: g })),
          Attachment: { InstanceId: instance, DeviceIndex: 0, Status: 'attached' },
          SourceDestCheck: true,
          RequesterManaged: false,
          Status: 'in-use',
          Description: '',
          ...pub,
        };
        push('NetworkInterfaces', eni);
        push('Reservations', {
          OwnerId: account,
          ReservationId: id('r'),
          Instances: [
            {
              InstanceId: instance,
              State: { Code: 16, Name: 'running' },
              SubnetId: s.id,
              VpcId: vpc.id,
              PrivateIpAddress: ip,
              Placement: { AvailabilityZone: s.zone },
              PlatformDetails: 'Linux/UNIX',
              NetworkInterfaces: [eni],
              SecurityGroups: groups.map((g) => ({ GroupId: g })),
              Tags: tags(`host-${v}-${n}`),
            },
          ],
        });
        made++;
      }
    }
    push('TransitGateways', {
      TransitGatewayId: tgw,
      OwnerId: account,
      State: 'available',
      Options: { DefaultRouteTableAssociation: 'enable', DefaultRouteTablePropagation: 'enable' },
    });
    const calls: Record<string, string> = {
      Vpcs: 'describe-vpcs',
      Subnets: 'describe-subnets',
      InternetGateways: 'describe-internet-gateways',
      NatGateways: 'describe-nat-gateways',
      SecurityGroups: 'describe-security-groups',
      NetworkAcls: 'describe-network-acls',
      RouteTables: 'describe-route-tables',
      NetworkInterfaces: 'describe-network-interfaces',
      Reservations: 'describe-instances',
      TransitGateways: 'describe-transit-gateways',
      TransitGatewayAttachments: 'describe-transit-gateway-attachments',
    };
    for (const [key, list] of Object.entries(out))
      files.push({ path: `${dir}/${calls[key]}.json`, body: { [key]: list } });
  }
  return files;
}
