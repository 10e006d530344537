/** The CLI contract (DESIGN §6) for the commands that exist: scan, demo; exit codes; no stack traces. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResultJson } from '../src/contract/index.js';
import { runCli } from './cli-run.js';

describe('rampart scan', () => {
  it('prints the inventory of the example estate and exits 0', async () => {
    const r = await runCli('scan', 'examples/acme/aws');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 1)).toEqual([
      'Inventory: 55 files, 3 accounts, 1 regions: 4 networks, 23 subnets, 21 endpoints, 8 instances, 14 security groups, 6 network ACLs, 13 route tables, 4 gateways, 1 transit gateways, 4 transit attachments, 2 transit route tables, 2 peerings, 1 service endpoints, 2 prefix lists, 1 load balancers, 2 listeners, 1 target groups, 2 databases, 2 flow logs, 2 public addresses',
    ]);
    expect(r.out).toContain(
      '  vpc-0d9987d5ae889d744  10.20.0.0/16 (acme-staging): 6 subnets, 4 endpoints, flow logs OFF',
    );
    expect(r.out.trimEnd().endsWith('Diagnostics: none')).toBe(true);
  });

  it('prints one JSON object with inventory, findings and diagnostics', async () => {
    const r = await runCli('scan', 'examples/acme/aws', '--format', 'json');
    const j = JSON.parse(r.out) as ScanResultJson;
    expect(Object.keys(j)).toEqual(['tool', 'inventory', 'findings', 'diagnostics']);
    expect(j.inventory.totals.network).toBe(4);
    expect(j.inventory.scopes.map((s) => `${s.account} ${s.region}`)).toEqual([
      '111111111111 us-east-1',
      '222222222222 us-east-1',
      'AWS us-east-1',
    ]);
    expect(j.findings).toEqual([]);
  });

  it('exits 2 on bad input, lists the diagnostic with file:line:column, and still reports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-'));
    writeFileSync(join(dir, 'vpcs.json'), '{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}');
    writeFileSync(join(dir, 'broken.json'), '{"Subnets": [\n  {"SubnetId": "subnet-1",}\n]}');
    const r = await runCli('scan', dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('1 networks');
    expect(r.out).toMatch(/broken\.json:2:27 fatal IMPORT_JSON_SYNTAX not valid JSON: /);
    expect(r.err).toBe('');
  });

  it('exits 2 with a one-line message for a missing path or a bad flag, never a stack trace', async () => {
    const missing = await runCli('scan', 'no/such/dir');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(
      'rampart: input path not found: no/such/dir\n  hint: Give a file or folder with exported JSON.\n',
    );
    const badFormat = await runCli('scan', 'examples/acme/aws', '--format', 'yaml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain("option '-f, --format <format>' argument 'yaml' is invalid");
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(`${missing.err}${badFormat.err}${unknown.err}`).not.toMatch(/\n\s+at /);
  });

  it('answers --help and --version with exit 0', async () => {
    expect((await runCli('--help')).code).toBe(0);
    const v = await runCli('--version');
    expect(v.code).toBe(0);
    expect(v.out).toBe('0.1.0\n');
  });
});

describe('rampart demo', () => {
  it('scans the bundled estate (both formats) without input problems', async () => {
    const r = await runCli('demo', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ScanResultJson;
    expect(j.inventory.totals.network).toBe(4);
    expect(j.diagnostics.filter((d) => d.severity !== 'warning' && d.severity !== 'unsupported')).toEqual([]);
  });
});

describe('rampart scan limits', () => {
  it('--max-file-bytes refuses larger files with a fatal diagnostic and exit 2; bad values are usage errors', async () => {
    const r = await runCli(
      'scan',
      'examples/acme/aws/111111111111/us-east-1/describe-vpcs.json',
      '--max-file-bytes',
      '100',
    );
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      /describe-vpcs\.json fatal IMPORT_FILE_TOO_LARGE file is \d+ bytes, over the 100-byte limit/,
    );
    const bad = await runCli('scan', 'examples/acme/aws', '--max-file-bytes', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      "option '--max-file-bytes <n>' argument 'lots' is invalid. expected a positive integer",
    );
  });
});

describe('rampart scan input paths', () => {
  it('refuses a path that is neither a file nor a folder', async () => {
    const r = await runCli('scan', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'rampart: input path is neither a file nor a folder: /dev/null\n  hint: Save the export to a file first.\n',
    );
  });
});

describe('rampart scan on Kubernetes manifests', () => {
  it('counts namespaces, workloads and policies by kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-k8s-'));
    writeFileSync(
      join(dir, 'm.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: n}\nspec: {podSelector: {}}\n---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: x}\nspec: {priority: 1, subject: {namespaces: {}}}\n',
    );
    const r = await runCli('scan', dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      'Inventory: 1 files, Kubernetes manifests: 1 namespaces, 1 workloads, 1 NetworkPolicies, 1 AdminNetworkPolicies',
      '',
      'kubernetes manifests',
      '  1 namespaces, 1 workloads, 1 NetworkPolicies, 1 AdminNetworkPolicies',
    ]);
  });
});
