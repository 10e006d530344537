/**
 * Issue #2 item 6 (DESIGN §5), one test per kind of bad input, through the whole import: each gives a
 * located diagnostic, nothing throws, and the rest of the input is still analysed.
 */
import { describe, expect, it } from 'vitest';
import { codes, importDocs } from './support.js';

const A = 'aws/111111111111/us-east-1';
const goodVpc = { Vpcs: [{ VpcId: 'vpc-ok', CidrBlock: '10.0.0.0/16' }] };

describe('bad input', () => {
  it('malformed JSON: one fatal diagnostic at the error position; other files still imported', () => {
    const e = importDocs({
      [`${A}/vpcs.json`]: goodVpc,
      [`${A}/subnets.json`]: '{"Subnets": [\n  {"SubnetId": "s-1"\n]}',
    });
    expect(e.get('network', 'vpc-ok')).toBeDefined();
    expect(codes(e.diagnostics)).toEqual([`fatal IMPORT_JSON_SYNTAX ${A}/subnets.json:3:1 `]);
  });

  it('wrong types: reported at the exact pointer, the object kept with what is valid', () => {
    const e = importDocs({
      [`${A}/subnets.json`]: {
        Subnets: [
          {
            SubnetId: 'subnet-1',
            VpcId: 'vpc-ok',
            CidrBlock: 10,
            AvailabilityZone: ['us-east-1a'],
            MapPublicIpOnLaunch: 'yes',
          },
          'not an object',
          { SubnetId: 'subnet-2', VpcId: 'vpc-ok', CidrBlock: '10.0.2.0/24' },
        ],
      },
      [`${A}/vpcs.json`]: goodVpc,
    });
    expect(e.all('subnet').map((s) => `${s.id} ${s.cidrs.join(',')}`)).toEqual([
      'subnet-1 ',
      'subnet-2 10.0.2.0/24',
    ]);
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_WRONG_TYPE ${A}/subnets.json:6:20 /Subnets/0/CidrBlock`,
      `error IMPORT_WRONG_TYPE ${A}/subnets.json:7:27 /Subnets/0/AvailabilityZone`,
      `error IMPORT_WRONG_TYPE ${A}/subnets.json:10:30 /Subnets/0/MapPublicIpOnLaunch`,
      `error IMPORT_WRONG_TYPE ${A}/subnets.json:12:5 /Subnets/1`,
    ]);
    expect(e.diagnostics[0]?.message).toBe('expected a string at /Subnets/0/CidrBlock, found a number');
  });

  it('a top-level list of the wrong type, and a missing required id', () => {
    const e = importDocs({
      [`${A}/vpcs.json`]: { Vpcs: { VpcId: 'vpc-1' } },
      [`${A}/sgs.json`]: { SecurityGroups: [{ GroupName: 'no-id' }] },
    });
    expect(e.elements).toEqual([]);
    expect(codes(e.diagnostics)).toEqual([
      `error IMPORT_MISSING_FIELD ${A}/sgs.json:3:5 /SecurityGroups/0`,
      `error IMPORT_WRONG_TYPE ${A}/vpcs.json:2:11 /Vpcs`,
    ]);
  });

  it('invalid CIDRs and addresses: the rule or route using them is dropped, the rest kept', () => {
    const e = importDocs({
      [`${A}/rt.json`]: {
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-ok',
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
              { DestinationCidrBlock: '10.0.0.0/40', GatewayId: 'igw-1', State: 'active' },
              { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
            ],
          },
        ],
      },
      [`${A}/eni.json`]: {
        NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', VpcId: 'vpc-ok', PrivateIpAddress: '10.0.0.300' }],
      },
      [`${A}/vpcs.json`]: goodVpc,
    });
    expect(
      e
        .get('route-table', 'rtb-1')
        ?.routes.map((r) => (r.destination.kind === 'cidr' ? r.destination.cidr : '')),
    ).toEqual(['10.0.0.0/16', '0.0.0.0/0']);
    expect(e.get('endpoint', 'eni-1')?.privateIps).toEqual([]);
    expect(codes(e.diagnostics).filter((c) => !c.includes('DANGLING'))).toEqual([
      `error IMPORT_INVALID_IP ${A}/eni.json:6:27 /NetworkInterfaces/0/PrivateIpAddress`,
      `error IMPORT_INVALID_CIDR ${A}/rt.json:13:35 /RouteTables/0/Routes/1/DestinationCidrBlock`,
    ]);
    expect(e.diagnostics.find((d) => d.code === 'IMPORT_INVALID_CIDR')?.message).toBe(
      'invalid CIDR "10.0.0.0/40": prefix length must be an integer 0-32',
    );
  });

  it('dangling references: a warning naming the missing object and the field', () => {
    const e = importDocs({
      [`${A}/subnets.json`]: {
        Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-gone', CidrBlock: '10.0.1.0/24' }],
      },
    });
    expect(e.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.line} ${d.message}`)).toEqual([
      'warning MODEL_DANGLING_REFERENCE 3 subnet subnet-1 refers to network vpc-gone (networkId), which is not in the inputs',
    ]);
  });

  it('unsupported inputs: recognised-but-unmodelled and unrecognised files are `unsupported`, not errors', () => {
    const e = importDocs({
      [`${A}/cgw.json`]: { CustomerGateways: [{ CustomerGatewayId: 'cgw-1' }] },
      'azure/vnets.json': [
        { id: '/subscriptions/x', name: 'vnet', type: 'Microsoft.Network/virtualNetworks', properties: {} },
      ],
      [`${A}/vpcs.json`]: goodVpc,
    });
    expect(e.get('network', 'vpc-ok')).toBeDefined();
    expect(e.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.file}`)).toEqual([
      `unsupported IMPORT_AWS_UNSUPPORTED ${A}/cgw.json`,
      'unsupported IMPORT_UNRECOGNIZED azure/vnets.json',
    ]);
  });

  it('huge and deep documents: refused with one fatal diagnostic, without a stack overflow', () => {
    const deep = `{"Vpcs": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const e = importDocs({ [`${A}/deep.json`]: deep, [`${A}/vpcs.json`]: goodVpc });
    expect(codes(e.diagnostics)).toEqual([`fatal IMPORT_JSON_TOO_DEEP ${A}/deep.json:1:1 `]);
    expect(e.all('network')).toHaveLength(1);
  });

  it('__proto__ keys: dropped with an error, prototype untouched, sibling data kept', () => {
    const e = importDocs({
      [`${A}/vpcs.json`]:
        '{"Vpcs": [{"VpcId": "vpc-p", "__proto__": {"isAdmin": true}, "CidrBlock": "10.9.0.0/16"}]}',
    });
    expect(e.get('network', 'vpc-p')?.cidrs).toEqual(['10.9.0.0/16']);
    expect(codes(e.diagnostics)).toEqual([`error IMPORT_UNSAFE_KEY ${A}/vpcs.json:1:43 /Vpcs/0/__proto__`]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('keys that name Object.prototype members', () => {
  it('a top-level "constructor", "toString" or "hasOwnProperty" list is not a converter', () => {
    const e = importDocs({
      [`${A}/odd.json`]: {
        constructor: [{ VpcId: 'x' }],
        toString: [1],
        hasOwnProperty: [],
        Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
      },
      [`${A}/odd2.json`]: { constructor: [{}] },
      [`${A}/types.json`]: {
        NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', InterfaceType: 'constructor', VpcId: 'vpc-1' }],
        TargetGroups: [
          {
            TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/t/1',
            TargetType: '__proto__',
          },
        ],
      },
    });
    expect(e.elements.map((x) => `${x.kind} ${x.id}`)).toEqual([
      'network vpc-1',
      'endpoint eni-1',
      'target-group targetgroup/t/1',
    ]);
    expect(e.get('endpoint', 'eni-1')?.endpointKind).toBe('other');
    expect(e.get('target-group', 'targetgroup/t/1')?.targetType).toBe('instance');
    expect(e.diagnostics.map((d) => `${d.code} ${d.source.file}`)).toEqual([
      `IMPORT_UNRECOGNIZED ${A}/odd2.json`,
    ]);
  });
});

describe('files that cannot be read', () => {
  it('a read error is one fatal diagnostic for that file; the other inputs are still imported', async () => {
    const { loadEstate } = await import('../src/app/index.js');
    // /proc/self/mem stats as a regular file but fails on read (EIO): a stand-in for a file that
    // vanished or went unreadable between listing and reading.
    const { estate } = await loadEstate([
      '/proc/self/mem',
      'examples/acme/aws/111111111111/us-east-1/describe-vpcs.json',
    ]);
    expect(estate.all('network')).toHaveLength(3);
    expect(estate.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.file}`)).toEqual([
      'fatal IMPORT_FILE_UNREADABLE /proc/self/mem',
    ]);
    expect(estate.diagnostics[0]?.message).toMatch(/^cannot read the file: /);
  });
});
