/**
 * Issue #3 item 3: the Batfish AWS snapshots' expected traces (shared/conformance/cloud/
 * batfish-aws-snapshots/expected-traces.json). Prints `N passed, M failed`; every case is either in
 * scope and must pass, or listed below with the reason it is out of scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsTopology, evaluateFlow, type FlowSource } from '../../src/engine/index.js';
import { ConnectionSet, PortSet, parseIp } from '../../src/model/index.js';
import { cloudConformance, importFiles, listJson } from '../support.js';
import { dispositionOf, normalize } from './batfish-dispositions.js';

interface Case {
  readonly scenario: string;
  readonly test: string;
  readonly flow_kind: 'any' | 'tcp';
  readonly src_location: string;
  readonly dst_ip: string;
  readonly expected_disposition: string;
  readonly extra?: string[] | string;
}

const root = join(cloudConformance, 'batfish-aws-snapshots');
const cases = (JSON.parse(readFileSync(join(root, 'expected-traces.json'), 'utf8')) as { cases: Case[] })
  .cases;

/** Out of scope, with the reason (not silently skipped). */
const OUT_OF_SCOPE: Readonly<Record<string, string>> = {
  'test-direct-connect-private-vif':
    'Direct Connect and on-premises routers are not modelled (their router configs are not in this copy)',
  'test-direct-connect-gateway': 'Direct Connect gateways and on-premises routers are not modelled',
};

/** Batfish's on-premises router: traffic it sends enters through the scenario's VPN gateway. */
const ONPREM = '<onprem-router>';

/** Batfish's placeholder for the first address of the VPN connection's customer prefix. */
const SITE = '<first IP of the VPN site prefix>';

/** The first address of the first static route of the scenario's VPN connections. */
function siteAddress(topo: AwsTopology): string | undefined {
  const route = topo.estate
    .all('gateway')
    .flatMap((g) => g.vpnConnections ?? [])
    .flatMap((v) => v.routes)[0];
  return route?.split('/')[0];
}

/** The VPN gateway attached to a VPC in the scenario (the on-premises router's way in). */
function vpnGatewayOf(topo: AwsTopology): string | undefined {
  return topo.estate.all('gateway').find((g) => g.gatewayKind === 'vpn' && g.attachments.length > 0)?.id;
}

/** Single cases out of scope inside otherwise modelled scenarios. */
function caseOutOfScope(c: Case): string | undefined {
  if (OUT_OF_SCOPE[c.scenario]) return OUT_OF_SCOPE[c.scenario];
  // The on-premises router's own routing (BGP) is not in the snapshot; only what it sends in is judged.
  if (c.scenario === 'test-vpn-gateway' && c.src_location !== ONPREM)
    return 'the answer depends on the on-premises router (BGP), whose configuration is not modelled';
  if (
    !c.src_location.startsWith('i-') &&
    !c.src_location.startsWith('vgw-') &&
    c.src_location !== '<internet>' &&
    c.src_location !== ONPREM
  )
    return `source ${c.src_location} is not modelled`;
  if (!parseIp(c.dst_ip) && c.dst_ip !== SITE) return `destination "${c.dst_ip}" is not an address`;
  if (c.src_location === '<internet>' && c.dst_ip === '192.18.0.8')
    return 'internet to an address outside the inputs never enters AWS (Batfish: EXITS_NETWORK)';
  return undefined;
}

function port(c: Case): number {
  const extra = Array.isArray(c.extra) ? c.extra : [];
  if (extra.includes('NamedPort.SSH.number()')) return 22;
  const n = extra.map(Number).find((x) => Number.isInteger(x) && x > 0);
  return n ?? 80;
}

const estates = new Map<string, AwsTopology>();
function topology(scenario: string): AwsTopology {
  let t = estates.get(scenario);
  if (!t) {
    t = new AwsTopology(importFiles(listJson(join(root, scenario)), root));
    estates.set(scenario, t);
  }
  return t;
}

function run(c: Case): string {
  const topo = topology(c.scenario);
  const instance = c.src_location.startsWith('i-') ? topo.estate.get('instance', c.src_location) : undefined;
  const eni = instance ? topo.endpoint(instance.endpointIds[0] ?? '') : undefined;
  if (c.src_location.startsWith('i-') && !eni) return 'NO_SOURCE';
  // A flow from a VPN gateway starts at a customer-side host: the first address of the VPN prefix.
  const source: FlowSource = eni
    ? { kind: 'endpoint', endpoint: eni }
    : c.src_location.startsWith('vgw-') || c.src_location === ONPREM
      ? {
          kind: 'vpn',
          gatewayId: c.src_location === ONPREM ? (vpnGatewayOf(topo) ?? '') : c.src_location,
          address: parseIp(siteAddress(topo) ?? '192.0.2.10')!,
        }
      : { kind: 'internet', address: parseIp('198.51.100.1')! };
  // Batfish's default flow has no ports: IP protocol 0; `tcp` cases are a SYN to the given port.
  const connections =
    c.flow_kind === 'tcp' ? ConnectionSet.tcp(PortSet.of(port(c))) : ConnectionSet.protocol(0);
  const dst = parseIp(c.dst_ip === SITE ? (siteAddress(topo) ?? '') : c.dst_ip);
  if (!dst) return 'NO_DESTINATION';
  const v = evaluateFlow(topo, { source, destination: dst, connections });
  return dispositionOf(v, topo, eni);
}

describe('Batfish AWS expected traces', () => {
  const inScope = cases.filter((c) => caseOutOfScope(c) === undefined);
  const results = inScope.map((c) => ({ c, got: run(c) }));
  const passed = results.filter((r) => normalize(r.got) === normalize(r.c.expected_disposition)).length;
  process.stdout.write(
    `batfish-aws expected-traces: ${passed} passed, ${inScope.length - passed} failed, ${cases.length - inScope.length} out of scope\n`,
  );
  for (const c of cases) {
    const why = caseOutOfScope(c);
    if (why) process.stdout.write(`  out of scope: ${c.scenario} ${c.test} -> ${c.dst_ip}: ${why}\n`);
  }

  it.each(results.map((r) => [`${r.c.scenario} ${r.c.test} ${r.c.src_location} -> ${r.c.dst_ip}`, r]))(
    '%s',
    (_name, r) => {
      expect(normalize(r.got)).toBe(normalize(r.c.expected_disposition));
    },
  );

  it('keeps the out-of-scope list honest: at least half of the suite is in scope', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(cases.length / 2);
  });
});
