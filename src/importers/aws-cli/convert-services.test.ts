import { describe, expect, it } from 'vitest';
import { codes, importDocs } from '../../../test/support.js';

const A = 'aws/111111111111/us-east-1';
const ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111';

describe('load balancers', () => {
  it('links load balancer, listeners, target groups and target health by ARN suffix ids', () => {
    const e = importDocs({
      [`${A}/describe-load-balancers.json`]: {
        LoadBalancers: [
          {
            LoadBalancerArn: `${ARN}:loadbalancer/app/web/50dc`,
            LoadBalancerName: 'web',
            Scheme: 'internet-facing',
            VpcId: 'vpc-1',
            Type: 'application',
            State: { Code: 'active' },
            AvailabilityZones: [
              { ZoneName: 'us-east-1a', SubnetId: 'subnet-a' },
              { ZoneName: 'us-east-1b', SubnetId: 'subnet-b' },
            ],
            SecurityGroups: ['sg-alb'],
          },
        ],
      },
      [`${A}/describe-listeners.json`]: {
        Listeners: [
          {
            ListenerArn: `${ARN}:listener/app/web/50dc/aa11`,
            LoadBalancerArn: `${ARN}:loadbalancer/app/web/50dc`,
            Port: 443,
            Protocol: 'HTTPS',
            SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
            Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/c1' }],
            DefaultActions: [{ Type: 'forward', TargetGroupArn: `${ARN}:targetgroup/app/0123abcd` }],
          },
          {
            ListenerArn: `${ARN}:listener/app/web/50dc/bb22`,
            LoadBalancerArn: `${ARN}:loadbalancer/app/web/50dc`,
            Port: 80,
            Protocol: 'HTTP',
            DefaultActions: [
              {
                Type: 'redirect',
                RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
              },
            ],
          },
        ],
      },
      [`${A}/describe-target-groups.json`]: {
        TargetGroups: [
          {
            TargetGroupArn: `${ARN}:targetgroup/app/0123abcd`,
            TargetGroupName: 'app',
            Protocol: 'HTTP',
            Port: 8080,
            VpcId: 'vpc-1',
            TargetType: 'instance',
            LoadBalancerArns: [`${ARN}:loadbalancer/app/web/50dc`],
          },
        ],
      },
      [`${A}/describe-target-health-targetgroup-app-0123abcd.json`]: {
        TargetHealthDescriptions: [
          { Target: { Id: 'i-1', Port: 8080 }, TargetHealth: { State: 'healthy' } },
          { Target: { Id: 'i-2', Port: 8080 }, TargetHealth: { State: 'unhealthy' } },
        ],
      },
    });
    expect(e.get('load-balancer', 'app/web/50dc')).toMatchObject({
      lbType: 'application',
      scheme: 'internet-facing',
      subnetIds: ['subnet-a', 'subnet-b'],
      filterIds: ['sg-alb'],
      name: 'web',
      state: 'active',
    });
    expect(e.get('listener', 'listener/app/web/50dc/aa11')).toMatchObject({
      ownerId: 'app/web/50dc',
      port: 443,
      protocol: 'HTTPS',
      tlsPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      targetGroupIds: ['targetgroup/app/0123abcd'],
    });
    expect(e.get('listener', 'listener/app/web/50dc/bb22')).toMatchObject({
      actionTypes: ['redirect'],
      redirect: { port: '443', protocol: 'HTTPS' },
      targetGroupIds: [],
    });
    const tg = e.get('target-group', 'targetgroup/app/0123abcd');
    expect(tg).toMatchObject({
      port: 8080,
      targetType: 'instance',
      loadBalancerIds: ['app/web/50dc'],
      targetsKnown: true,
    });
    expect(tg?.targets).toEqual([
      { id: 'i-1', port: 8080, health: 'healthy' },
      { id: 'i-2', port: 8080, health: 'unhealthy' },
    ]);
    expect(tg?.partial).toBeUndefined();
  });
});

describe('prefix lists, endpoints, flow logs, databases', () => {
  it('knows that describe-managed-prefix-lists has no entries until the entries file is imported (§1.8-9)', () => {
    const lists = {
      PrefixLists: [
        {
          PrefixListId: 'pl-office',
          PrefixListName: 'office',
          AddressFamily: 'IPv4',
          MaxEntries: 5,
          OwnerId: '111111111111',
          State: 'create-complete',
        },
      ],
    };
    expect(
      importDocs({ [`${A}/describe-managed-prefix-lists.json`]: lists }).get('prefix-list', 'pl-office'),
    ).toMatchObject({ entriesKnown: false, cidrs: [], managedBy: 'customer' });
    const both = importDocs({
      [`${A}/describe-managed-prefix-lists.json`]: lists,
      [`${A}/get-managed-prefix-list-entries-pl-office.json`]: {
        Entries: [{ Cidr: '198.51.100.0/24', Description: 'hq' }, { Cidr: '203.0.113.64/26' }],
      },
    });
    expect(both.get('prefix-list', 'pl-office')).toMatchObject({
      entriesKnown: true,
      cidrs: ['198.51.100.0/24', '203.0.113.64/26'],
      name: 'office',
      maxEntries: 5,
    });
  });

  it('reads gateway and interface endpoints, flow logs and RDS instances', () => {
    const e = importDocs({
      [`${A}/describe-vpc-endpoints.json`]: {
        VpcEndpoints: [
          {
            VpcEndpointId: 'vpce-1',
            VpcEndpointType: 'Gateway',
            VpcId: 'vpc-1',
            ServiceName: 'com.amazonaws.us-east-1.s3',
            State: 'available',
            RouteTableIds: ['rtb-1'],
            PolicyDocument: '{"Statement":[]}',
          },
          {
            VpcEndpointId: 'vpce-2',
            VpcEndpointType: 'Interface',
            VpcId: 'vpc-1',
            ServiceName: 'com.amazonaws.us-east-1.sts',
            SubnetIds: ['subnet-a'],
            NetworkInterfaceIds: ['eni-v'],
            Groups: [{ GroupId: 'sg-v' }],
            PrivateDnsEnabled: true,
          },
          { VpcEndpointId: 'vpce-3', VpcEndpointType: 'Resource', VpcId: 'vpc-1' },
        ],
      },
      [`${A}/describe-flow-logs.json`]: {
        FlowLogs: [
          {
            FlowLogId: 'fl-1',
            ResourceId: 'vpc-1',
            TrafficType: 'REJECT',
            LogDestinationType: 'cloud-watch-logs',
            LogGroupName: 'vpc-rejects',
            MaxAggregationInterval: 600,
            FlowLogStatus: 'ACTIVE',
          },
        ],
      },
      [`${A}/describe-db-instances.json`]: {
        DBInstances: [
          {
            DBInstanceIdentifier: 'orders',
            DBInstanceArn: 'arn:aws:rds:us-east-1:111111111111:db:orders',
            Engine: 'postgres',
            DBInstanceStatus: 'available',
            PubliclyAccessible: false,
            StorageEncrypted: true,
            Endpoint: { Address: 'orders.abc.us-east-1.rds.amazonaws.com', Port: 5432 },
            VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db', Status: 'active' }],
            DBSubnetGroup: {
              VpcId: 'vpc-1',
              Subnets: [{ SubnetIdentifier: 'subnet-d1' }, { SubnetIdentifier: 'subnet-d2' }],
            },
            TagList: [{ Key: 'Tier', Value: 'data' }],
          },
        ],
      },
    });
    expect(e.get('service-endpoint', 'vpce-1')).toMatchObject({
      endpointType: 'gateway',
      routeTableIds: ['rtb-1'],
      policy: '{"Statement":[]}',
    });
    expect(e.get('service-endpoint', 'vpce-2')).toMatchObject({
      endpointType: 'interface',
      subnetIds: ['subnet-a'],
      endpointIds: ['eni-v'],
      filterIds: ['sg-v'],
      privateDns: true,
    });
    expect(e.get('flow-log', 'fl-1')).toMatchObject({
      resourceKind: 'network',
      trafficType: 'REJECT',
      destination: 'vpc-rejects',
      aggregationIntervalSeconds: 600,
    });
    expect(e.get('database', 'orders')).toMatchObject({
      engine: 'postgres',
      port: 5432,
      networkId: 'vpc-1',
      subnetIds: ['subnet-d1', 'subnet-d2'],
      filterIds: ['sg-db'],
      publiclyAccessible: false,
      tags: { Tier: 'data' },
      account: '111111111111',
      region: 'us-east-1',
    });
    expect(codes(e.diagnostics.filter((d) => d.code !== 'MODEL_DANGLING_REFERENCE'))).toEqual([
      `unsupported IMPORT_AWS_ENDPOINT_TYPE ${A}/describe-vpc-endpoints.json:34:26 /VpcEndpoints/2/VpcEndpointType`,
    ]);
  });

  it('reports recognised but unmodelled outputs as unsupported, once per file', () => {
    const e = importDocs({
      [`${A}/describe-customer-gateways.json`]: {
        CustomerGateways: [{ CustomerGatewayId: 'cgw-1' }, { CustomerGatewayId: 'cgw-2' }],
      },
    });
    expect(e.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'unsupported IMPORT_AWS_UNSUPPORTED 2 customer gateways not modelled yet; paths through them are not analysed',
    ]);
  });
});
