import { describe, expect, it } from 'vitest';
import { arnParts, regionOfZone } from '../_kit/aws/index.js';
import { pathHints } from './path-hints.js';

describe('path hints', () => {
  it('reads account and region from our layout and Batfish layouts', () => {
    expect(pathHints('examples/acme/aws/111111111111/us-east-1/describe-vpcs.json')).toEqual({
      account: '111111111111',
      region: 'us-east-1',
    });
    expect(pathHints('test-multi-account/aws_configs/accounts/111/us-west-1/Vpcs.json')).toEqual({
      account: '111',
      region: 'us-west-1',
    });
    expect(pathHints('aws_configs/us-gov-west-1/Vpcs.json')).toEqual({ region: 'us-gov-west-1' });
    expect(pathHints('Vpcs.json')).toEqual({});
  });

  it('takes the parent object of parent-scoped calls from the file name (DESIGN §6)', () => {
    expect(pathHints('x/search-transit-gateway-routes-tgw-rtb-0abc.json')).toEqual({
      call: 'search-transit-gateway-routes',
      parent: 'tgw-rtb-0abc',
    });
    expect(pathHints('get-transit-gateway-route-table-propagations-tgw-rtb-1.json').call).toBe(
      'get-transit-gateway-route-table-propagations',
    );
    expect(pathHints('describe-target-health-targetgroup-prod-app-0123abcd.json').parent).toBe(
      'targetgroup-prod-app-0123abcd',
    );
  });

  it('derives regions from zones and ARNs', () => {
    expect(regionOfZone('us-east-1a')).toBe('us-east-1');
    expect(regionOfZone('eu-central-1c')).toBe('eu-central-1');
    expect(regionOfZone('nonsense')).toBeUndefined();
    expect(arnParts('arn:aws:elasticloadbalancing:us-east-2:554773406868:targetgroup/t/10b6')).toEqual({
      account: '554773406868',
      region: 'us-east-2',
      resource: 'targetgroup/t/10b6',
    });
  });
});
