/** `rampart k8s connlist --exposure` (DESIGN §6; issue #4 items 5 and 6) on examples/shop-k8s. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

const SHOP = 'examples/shop-k8s';

describe('rampart k8s connlist --exposure', () => {
  it('txt: the map, then what the workloads share with pods beyond the input', async () => {
    const r = await runCli('k8s', 'connlist', SHOP, '--exposure');
    expect(r.code).toBe(0);
    const text = r.out.slice(r.out.indexOf('Exposure Analysis Result:'));
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' '));
    // the api accepts 9090 from any pod of the monitoring namespace and from prometheus-labelled
    // pods of its own namespace, pods the manifests do not hold yet
    expect(lines).toContain('shop/api[Deployment] <= monitoring/[all pods] : TCP 9090');
    expect(lines).toContain('shop/api[Deployment] <= shop/[pod with {app=prometheus}] : TCP 9090');
    expect(lines).toContain('shop/web[Deployment] <= entire-cluster : TCP 8080');
    expect(lines).toContain('shop/web[Deployment] <= 0.0.0.0-255.255.255.255[External] : TCP 8080');
    expect(lines).toContain('Workloads not protected by network policies:');
    expect(lines).toContain('shop/web[Deployment] is not protected on Egress');
    expect(lines).not.toContain('shop/web[Deployment] is not protected on Ingress');
  });

  it('json: the connlist and the exposure results in one object', async () => {
    const r = await runCli(
      'k8s',
      'connlist',
      SHOP,
      '--exposure',
      '--focus-workload',
      'shop/web',
      '-f',
      'json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      connlist_results: unknown[];
      exposure_results: { egress_exposure: unknown[]; ingress_exposure: unknown[] };
    };
    expect(doc.exposure_results.ingress_exposure).toEqual([
      { src: '0.0.0.0-255.255.255.255[External]', dst: 'shop/web[Deployment]', conn: 'TCP 8080' },
      { src: 'entire-cluster', dst: 'shop/web[Deployment]', conn: 'TCP 8080' },
    ]);
    expect(doc.exposure_results.egress_exposure).toContainEqual({
      src: 'shop/web[Deployment]',
      dst: 'entire-cluster',
      conn: 'All Connections',
    });
  });

  it('is ignored, with a warning, when a focus workload peer is given', async () => {
    const args = [
      'k8s',
      'connlist',
      SHOP,
      '--focus-workload',
      'shop/api',
      '--focus-workload-peer',
      'shop/web',
    ];
    const r = await runCli(...args, '--exposure');
    expect(r.code).toBe(0);
    expect(r.out).toBe((await runCli(...args)).out);
    expect(r.err).toContain('--exposure is ignored with --focus-workload and --focus-workload-peer');
  });

  it('without the flag there is no exposure section', async () => {
    const r = await runCli('k8s', 'connlist', SHOP);
    expect(r.out).not.toContain('Exposure Analysis Result');
  });
});
