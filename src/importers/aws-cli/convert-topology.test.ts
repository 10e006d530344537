import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const A = 'aws/111111111111/us-east-1';

describe('VPCs and subnets', () => {
  it('keeps associated IPv4/IPv6 blocks only, with account and region from the path', () => {
    const e = importDocs({
      [`${A}/describe-vpcs.json`]: {
        Vpcs: [
          {
            VpcId: 'vpc-1',
            CidrBlock: '10.0.0.0/16',
            CidrBlockAssociationSet: [
              { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '10.9.0.0/16', CidrBlockState: { State: 'disassociated' } },
              { CidrBlock: '100.64.0.0/16', CidrBlockState: { State: 'associated' } },
            ],
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18:ab::/56', Ipv6CidrBlockState: { State: 'associated' } },
            ],
            Tags: [{ Key: 'Name', Value: 'prod' }],
          },
        ],
      },
      [`${A}/describe-subnets.json`]: {
        Subnets: [
          {
            SubnetId: 'subnet-a',
            VpcId: 'vpc-1',
            CidrBlock: '10.0.1.0/24',
            AvailabilityZone: 'us-east-1a',
            MapPublicIpOnLaunch: true,
            Tags: [{ Key: 'Tier', Value: 'public' }],
          },
        ],
      },
    });
    const vpc = e.get('network', 'vpc-1');
    expect(vpc?.cidrs).toEqual(['10.0.0.0/16', '100.64.0.0/16', '2600:1f18:ab::/56']);
    expect(vpc?.name).toBe('prod');
    expect([vpc?.account, vpc?.region, vpc?.provider]).toEqual(['111111111111', 'us-east-1', 'aws']);
    const s = e.get('subnet', 'subnet-a');
    expect(s).toMatchObject({
      networkId: 'vpc-1',
      cidrs: ['10.0.1.0/24'],
      zone: 'us-east-1a',
      mapPublicIpOnLaunch: true,
      tags: { Tier: 'public' },
    });
    expect(s?.source.line).toBe(3);
    expect(e.diagnostics).toEqual([]);
  });
});

describe('route tables (cloud-semantics §1.3)', () => {
  it('reads every target kind, origins, blackholes, prefix-list destinations and associations', () => {
    const e = importDocs({
      [`${A}/describe-route-tables.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [
              { Main: true, RouteTableAssociationId: 'a0', AssociationState: { State: 'associated' } },
              { Main: false, SubnetId: 'subnet-a', AssociationState: { State: 'associated' } },
              { Main: false, SubnetId: 'subnet-gone', AssociationState: { State: 'disassociated' } },
              { Main: false, GatewayId: 'igw-1' },
            ],
            PropagatingVgws: [{ GatewayId: 'vgw-1' }],
            Routes: [
              {
                DestinationCidrBlock: '10.0.0.0/16',
                GatewayId: 'local',
                Origin: 'CreateRouteTable',
                State: 'active',
              },
              {
                DestinationCidrBlock: '0.0.0.0/0',
                GatewayId: 'igw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '10.1.0.0/16',
                VpcPeeringConnectionId: 'pcx-1',
                Origin: 'CreateRoute',
                State: 'blackhole',
              },
              {
                DestinationCidrBlock: '10.2.0.0/16',
                TransitGatewayId: 'tgw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '10.3.0.0/16',
                InstanceId: 'i-1',
                NetworkInterfaceId: 'eni-9',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '172.16.0.0/12',
                GatewayId: 'vgw-1',
                Origin: 'EnableVgwRoutePropagation',
                State: 'active',
              },
              {
                DestinationPrefixListId: 'pl-63a5400a',
                GatewayId: 'vpce-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationIpv6CidrBlock: '::/0',
                EgressOnlyInternetGatewayId: 'eigw-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
              {
                DestinationCidrBlock: '192.168.0.0/16',
                NatGatewayId: 'nat-1',
                Origin: 'CreateRoute',
                State: 'active',
              },
            ],
          },
        ],
      },
    });
    const rt = e.get('route-table', 'rtb-1');
    expect(rt?.associations).toEqual({ main: true, subnetIds: ['subnet-a'], gatewayIds: ['igw-1'] });
    expect(rt?.propagatingGatewayIds).toEqual(['vgw-1']);
    const show = rt?.routes.map(
      (r) =>
        `${r.destination.kind === 'cidr' ? r.destination.cidr : r.destination.prefixListId} ${r.target.kind}:${r.target.id ?? ''} ${r.origin} ${r.state}`,
    );
    expect(show).toEqual([
      '10.0.0.0/16 local: local active',
      '0.0.0.0/0 internet-gateway:igw-1 static active',
      '10.1.0.0/16 peering:pcx-1 static blackhole',
      '10.2.0.0/16 transit-gateway:tgw-1 static active',
      '10.3.0.0/16 network-interface:eni-9 static active',
      '172.16.0.0/12 vpn-gateway:vgw-1 propagated active',
      'pl-63a5400a gateway-endpoint:vpce-1 static active',
      '::/0 egress-only-internet-gateway:eigw-1 static active',
      '192.168.0.0/16 nat-gateway:nat-1 static active',
    ]);
  });
});

describe('interfaces and instances', () => {
  const eni = {
    NetworkInterfaceId: 'eni-1',
    SubnetId: 'subnet-a',
    VpcId: 'vpc-1',
    AvailabilityZone: 'us-east-1a',
    InterfaceType: 'interface',
    PrivateIpAddress: '10.0.1.10',
    PrivateIpAddresses: [
      { Primary: true, PrivateIpAddress: '10.0.1.10', Association: { PublicIp: '203.0.113.5' } },
      { Primary: false, PrivateIpAddress: '10.0.1.11' },
    ],
    Ipv6Addresses: [{ Ipv6Address: '2600:1f18:ab:1::10' }],
    Groups: [{ GroupId: 'sg-app' }, { GroupId: 'sg-ssh' }],
    Association: { PublicIp: '203.0.113.5' },
    Attachment: { InstanceId: 'i-1', DeviceIndex: 0 },
    SourceDestCheck: true,
    RequesterManaged: false,
    Status: 'in-use',
  };

  it('merges the ENI seen in describe-instances with describe-network-interfaces', () => {
    const e = importDocs({
      [`${A}/describe-network-interfaces.json`]: { NetworkInterfaces: [eni] },
      [`${A}/describe-instances.json`]: {
        Reservations: [
          {
            OwnerId: '111111111111',
            Instances: [
              {
                InstanceId: 'i-1',
                State: { Name: 'running' },
                SubnetId: 'subnet-a',
                VpcId: 'vpc-1',
                Platform: 'windows',
                Placement: { AvailabilityZone: 'us-east-1a' },
                NetworkInterfaces: [
                  {
                    ...eni,
                    Groups: [{ GroupId: 'sg-app' }],
                    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: '10.0.1.10' }],
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(e.all('endpoint')).toHaveLength(1);
    const ep = e.get('endpoint', 'eni-1');
    expect(ep).toMatchObject({
      endpointKind: 'nic',
      ownerId: 'i-1',
      primaryPrivateIp: '10.0.1.10',
      privateIps: ['10.0.1.10', '10.0.1.11'],
      publicIps: ['203.0.113.5'],
      ipv6Ips: ['2600:1f18:ab:1::10'],
      filterIds: ['sg-app', 'sg-ssh'],
      osHint: 'windows',
      sourceDestCheck: true,
    });
    expect(ep?.partial).toBeUndefined();
    // The full ENI record is the source of truth for where it is defined.
    expect(ep?.source.file).toBe(`${A}/describe-network-interfaces.json`);
    expect(e.get('instance', 'i-1')).toMatchObject({
      endpointIds: ['eni-1'],
      state: 'running',
      osHint: 'windows',
      account: '111111111111',
    });
    expect(e.diagnostics.filter((d) => d.code !== 'MODEL_DANGLING_REFERENCE')).toEqual([]);
  });

  it('classifies requester-managed interfaces by type and description', () => {
    const mk = (id: string, extra: Record<string, unknown>) => ({
      NetworkInterfaceId: id,
      SubnetId: 'subnet-a',
      VpcId: 'vpc-1',
      PrivateIpAddress: '10.0.1.20',
      RequesterManaged: true,
      ...extra,
    });
    const e = importDocs({
      [`${A}/describe-network-interfaces.json`]: {
        NetworkInterfaces: [
          mk('eni-alb', { InterfaceType: 'interface', Description: 'ELB app/web/50dc6c495c0c9188' }),
          mk('eni-clb', { InterfaceType: 'interface', Description: 'ELB legacy' }),
          mk('eni-nat', { InterfaceType: 'nat_gateway', Description: 'Interface for NAT Gateway nat-0abc' }),
          mk('eni-tgw', {
            InterfaceType: 'transit_gateway',
            Description: 'Network Interface for Transit Gateway Attachment tgw-attach-0def',
          }),
          mk('eni-vpce', { InterfaceType: 'vpc_endpoint', Description: 'VPC Endpoint Interface vpce-0123' }),
          mk('eni-rds', { InterfaceType: 'interface', Description: 'RDSNetworkInterface' }),
          mk('eni-fn', { InterfaceType: 'lambda', Description: 'AWS Lambda VPC ENI-fn' }),
        ],
      },
    });
    expect(e.all('endpoint').map((x) => `${x.id} ${x.endpointKind} ${x.ownerId ?? '-'}`)).toEqual([
      'eni-alb load-balancer-node app/web/50dc6c495c0c9188',
      'eni-clb load-balancer-node classic/legacy',
      'eni-fn lambda -',
      'eni-nat nat-gateway nat-0abc',
      'eni-rds database -',
      'eni-tgw transit-attachment tgw-attach-0def',
      'eni-vpce interface-endpoint vpce-0123',
    ]);
  });
});

describe('gateways, NAT and peering (cloud-semantics §1.3-§1.4)', () => {
  it('reads IGW attachments, the NAT gateway and its interface, and peering status', () => {
    const e = importDocs({
      [`${A}/describe-internet-gateways.json`]: {
        InternetGateways: [
          { InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] },
        ],
      },
      [`${A}/describe-nat-gateways.json`]: {
        NatGateways: [
          {
            NatGatewayId: 'nat-1',
            SubnetId: 'subnet-a',
            VpcId: 'vpc-1',
            State: 'available',
            ConnectivityType: 'public',
            NatGatewayAddresses: [
              {
                AllocationId: 'eipalloc-1',
                NetworkInterfaceId: 'eni-nat',
                PrivateIp: '10.0.0.9',
                PublicIp: '198.51.100.9',
              },
            ],
          },
        ],
      },
      [`${A}/describe-vpc-peering-connections.json`]: {
        VpcPeeringConnections: [
          {
            VpcPeeringConnectionId: 'pcx-1',
            Status: { Code: 'active' },
            RequesterVpcInfo: {
              VpcId: 'vpc-1',
              OwnerId: '111111111111',
              Region: 'us-east-1',
              CidrBlock: '10.0.0.0/16',
              CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }],
            },
            AccepterVpcInfo: {
              VpcId: 'vpc-2',
              OwnerId: '222222222222',
              Region: 'us-east-1',
              CidrBlock: '10.1.0.0/16',
            },
          },
          {
            VpcPeeringConnectionId: 'pcx-2',
            Status: { Code: 'pending-acceptance' },
            RequesterVpcInfo: { VpcId: 'vpc-1' },
            AccepterVpcInfo: { VpcId: 'vpc-3' },
          },
        ],
      },
    });
    expect(e.get('gateway', 'igw-1')).toMatchObject({
      gatewayKind: 'internet',
      attachments: [{ networkId: 'vpc-1', state: 'available' }],
    });
    expect(e.get('gateway', 'nat-1')).toMatchObject({
      gatewayKind: 'nat',
      connectivity: 'public',
      subnetId: 'subnet-a',
      addresses: [
        {
          privateIp: '10.0.0.9',
          publicIp: '198.51.100.9',
          endpointId: 'eni-nat',
          allocationId: 'eipalloc-1',
        },
      ],
    });
    expect(e.get('endpoint', 'eni-nat')).toMatchObject({
      endpointKind: 'nat-gateway',
      ownerId: 'nat-1',
      privateIps: ['10.0.0.9'],
      publicIps: ['198.51.100.9'],
      partial: true,
    });
    expect(e.get('peering', 'pcx-1')).toMatchObject({
      active: true,
      requester: { networkId: 'vpc-1', cidrs: ['10.0.0.0/16'] },
      accepter: { networkId: 'vpc-2', account: '222222222222' },
    });
    expect(e.get('peering', 'pcx-2')?.active).toBe(false);
    // vpc-1 etc. are not in these inputs: reported once per reference, as warnings.
    expect(
      e.diagnostics.every((d) => d.code === 'MODEL_DANGLING_REFERENCE' && d.severity === 'warning'),
    ).toBe(true);
  });
});

describe('transit gateways (cloud-semantics §1.5)', () => {
  it('assembles a route table from its listing, associations, propagations and the attachments', () => {
    const e = importDocs({
      [`${A}/describe-transit-gateways.json`]: {
        TransitGateways: [
          {
            TransitGatewayId: 'tgw-1',
            State: 'available',
            OwnerId: '111111111111',
            Options: {
              DefaultRouteTableAssociation: 'disable',
              DefaultRouteTablePropagation: 'enable',
              PropagationDefaultRouteTableId: 'tgw-rtb-1',
            },
          },
        ],
      },
      [`${A}/describe-transit-gateway-attachments.json`]: {
        TransitGatewayAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-1',
            TransitGatewayId: 'tgw-1',
            ResourceType: 'vpc',
            ResourceId: 'vpc-1',
            ResourceOwnerId: '111111111111',
            State: 'available',
            Association: { TransitGatewayRouteTableId: 'tgw-rtb-1', State: 'associated' },
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-2',
            TransitGatewayId: 'tgw-1',
            ResourceType: 'vpn',
            ResourceId: 'vpn-1',
            State: 'available',
          },
        ],
      },
      [`${A}/describe-transit-gateway-vpc-attachments.json`]: {
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-1',
            TransitGatewayId: 'tgw-1',
            VpcId: 'vpc-1',
            VpcOwnerId: '111111111111',
            State: 'available',
            SubnetIds: ['subnet-a', 'subnet-b'],
            Options: { ApplianceModeSupport: 'enable', SecurityGroupReferencingSupport: 'disable' },
          },
        ],
      },
      [`${A}/describe-transit-gateway-route-tables.json`]: {
        TransitGatewayRouteTables: [
          {
            TransitGatewayRouteTableId: 'tgw-rtb-1',
            TransitGatewayId: 'tgw-1',
            DefaultAssociationRouteTable: false,
            DefaultPropagationRouteTable: true,
          },
        ],
      },
      [`${A}/search-transit-gateway-routes-tgw-rtb-1.json`]: {
        Routes: [
          {
            DestinationCidrBlock: '10.1.0.0/16',
            TransitGatewayAttachments: [
              { TransitGatewayAttachmentId: 'tgw-attach-1', ResourceId: 'vpc-1', ResourceType: 'vpc' },
            ],
            Type: 'propagated',
            State: 'active',
          },
          { DestinationCidrBlock: '10.30.0.0/16', Type: 'static', State: 'blackhole' },
          { DestinationCidrBlock: '10.40.0.0/16', Type: 'static', State: 'deleting' },
        ],
        AdditionalRoutesAvailable: false,
      },
      [`${A}/get-transit-gateway-route-table-propagations-tgw-rtb-1.json`]: {
        TransitGatewayRouteTablePropagations: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-1',
            ResourceId: 'vpc-1',
            ResourceType: 'vpc',
            State: 'enabled',
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-2',
            ResourceId: 'vpn-1',
            ResourceType: 'vpn',
            State: 'disabled',
          },
        ],
      },
      [`${A}/get-transit-gateway-route-table-associations-tgw-rtb-1.json`]: {
        Associations: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-1',
            ResourceId: 'vpc-1',
            ResourceType: 'vpc',
            State: 'associated',
          },
        ],
      },
    });
    expect(e.get('transit-gateway', 'tgw-1')).toMatchObject({
      autoAssociate: false,
      autoPropagate: true,
      defaultPropagationTableId: 'tgw-rtb-1',
      securityGroupReferencing: false,
    });
    const att = e.get('transit-attachment', 'tgw-attach-1');
    expect(att).toMatchObject({
      resourceKind: 'vpc',
      networkId: 'vpc-1',
      subnetIds: ['subnet-a', 'subnet-b'],
      applianceMode: true,
      securityGroupReferencing: false,
      associatedTableId: 'tgw-rtb-1',
    });
    expect(att?.partial).toBeUndefined();
    const rt = e.get('transit-route-table', 'tgw-rtb-1');
    expect(rt).toMatchObject({
      gatewayId: 'tgw-1',
      associations: ['tgw-attach-1'],
      propagations: ['tgw-attach-1'],
      isDefaultPropagation: true,
      routesKnown: true,
      routesTruncated: false,
    });
    expect(rt?.partial).toBeUndefined();
    expect(
      rt?.routes.map(
        (r) =>
          `${r.destination.kind === 'cidr' ? r.destination.cidr : ''} ${r.type} ${r.state} ${r.attachmentIds.join(',')}`,
      ),
    ).toEqual(['10.1.0.0/16 propagated active tgw-attach-1', '10.30.0.0/16 static blackhole ']);
  });

  it('says when a parent-scoped output cannot be placed, and when a listing was truncated', () => {
    const e = importDocs({
      [`${A}/routes.json`]: { Routes: [], AdditionalRoutesAvailable: false },
      [`${A}/search-transit-gateway-routes-tgw-rtb-2.json`]: { Routes: [], AdditionalRoutesAvailable: true },
    });
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_AWS_NO_PARENT ${A}/routes.json:1:1 `,
      `warning IMPORT_AWS_TGW_ROUTES_TRUNCATED ${A}/search-transit-gateway-routes-tgw-rtb-2.json:3:32 /AdditionalRoutesAvailable`,
    ]);
    expect(e.get('transit-route-table', 'tgw-rtb-2')?.routesTruncated).toBe(true);
  });
});

describe('interfaces seen twice in one run (describe-instances and describe-network-interfaces)', () => {
  const eniRecord = (ip: string) => ({
    NetworkInterfaceId: 'eni-7',
    SubnetId: 'subnet-a',
    VpcId: 'vpc-1',
    InterfaceType: 'interface',
    PrivateIpAddress: ip,
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
    Groups: [{ GroupId: 'sg-1' }],
    Attachment: { InstanceId: 'i-7', DeviceIndex: 0 },
  });
  const instances = (ip: string) => ({
    Reservations: [
      {
        OwnerId: '111111111111',
        Instances: [
          {
            InstanceId: 'i-7',
            SubnetId: 'subnet-a',
            VpcId: 'vpc-1',
            Platform: 'windows',
            NetworkInterfaces: [eniRecord(ip)],
          },
        ],
      },
    ],
  });

  it('takes addresses from the interface record and owner/OS from the instance, in either file order', () => {
    const a = importDocs({
      [`${A}/a-instances.json`]: instances('10.0.1.7'),
      [`${A}/b-enis.json`]: { NetworkInterfaces: [eniRecord('10.0.1.7')] },
    });
    const b = importDocs({
      [`${A}/b-instances.json`]: instances('10.0.1.7'),
      [`${A}/a-enis.json`]: { NetworkInterfaces: [eniRecord('10.0.1.7')] },
    });
    for (const e of [a, b]) {
      expect(e.all('endpoint')).toHaveLength(1);
      expect(e.get('endpoint', 'eni-7')).toMatchObject({
        ownerId: 'i-7',
        osHint: 'windows',
        privateIps: ['10.0.1.7'],
        filterIds: ['sg-1'],
        subnetId: 'subnet-a',
      });
      expect(e.get('endpoint', 'eni-7')?.partial).toBeUndefined();
      expect(e.get('endpoint', 'eni-7')?.source.file).toMatch(/enis\.json$/);
    }
  });

  it('converts the interface from the instance when no record lists it, with located diagnostics', () => {
    const e = importDocs({ [`${A}/instances.json`]: instances('10.0.1.300') });
    expect(e.get('endpoint', 'eni-7')).toMatchObject({
      ownerId: 'i-7',
      osHint: 'windows',
      privateIps: [],
      filterIds: ['sg-1'],
      subnetId: 'subnet-a',
      partial: true,
    });
    expect(codes(e.diagnostics.filter((d) => d.code !== 'MODEL_DANGLING_REFERENCE'))).toEqual([
      `error IMPORT_INVALID_IP ${A}/instances.json:17:35 /Reservations/0/Instances/0/NetworkInterfaces/0/PrivateIpAddress`,
      `error IMPORT_INVALID_IP ${A}/instances.json:21:39 /Reservations/0/Instances/0/NetworkInterfaces/0/PrivateIpAddresses/0/PrivateIpAddress`,
    ]);
  });
});
