import { describe, expect, it } from 'vitest';
import { sample } from '../../../test/k8s/connlist-fixture.js';
import { renderConnlistMd } from './connlist-md.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const head = ['| src | dst | conn |', '|-----|-----|------|'];

describe('renderConnlistMd', () => {
  it('writes one table row per edge', () => {
    expect(renderConnlistMd({ ...sample, edges: sample.edges.slice(0, 2) })).toBe(
      lines(
        ...head,
        '| 0.0.0.0-9.255.255.255[External] | frontend/web[Deployment] | TCP 443 |',
        '| frontend/web[Deployment] | backend/api[Deployment] | TCP 8080,9090-9091 |',
      ),
    );
    expect(renderConnlistMd({ peers: [], edges: [] })).toBe(lines(...head));
  });

  it('adds one table per direction with a blank line after the egress one', () => {
    const out = renderConnlistMd({ ...sample, edges: [] }, { exposure: true });
    expect(out).toBe(
      lines(
        ...head,
        '## Exposure Analysis Result:',
        '### Egress Exposure:',
        ...head,
        '| backend/api[Deployment] | 0.0.0.0-255.255.255.255[External] | All Connections |',
        '| backend/api[Deployment] | [namespace with {{Key:env,Operator:In,Values:[a b],}}]/[all pods] | TCP http |',
        '| backend/api[Deployment] | entire-cluster | UDP 53 |',
        '',
        '### Ingress Exposure:',
        '| dst | src | conn |',
        '|-----|-----|------|',
        '| backend/db[StatefulSet] | [namespace with {team=ops}]/[pod with {app=backup}] | TCP 5432 |',
        '| frontend/web[Deployment] | 0.0.0.0-9.255.255.255[External] | TCP 443 |',
        '| frontend/web[Deployment] | entire-cluster | All Connections |',
      ),
    );
  });

  it('keeps the blank line after the title when there is no egress table', () => {
    const none = { peers: [], edges: [], exposure: { egress: [], ingress: [] } };
    expect(renderConnlistMd(none, { exposure: true })).toBe(
      lines(...head, '## Exposure Analysis Result:', ''),
    );
  });

  it('drops the conn column with a focus connection', () => {
    const out = renderConnlistMd(
      { ...sample, exposure: { egress: sample.exposure?.egress.slice(2) ?? [], ingress: [] } },
      { exposure: true, focusConn: { protocol: 'UDP', port: 53 } },
    );
    expect(out.slice(out.indexOf('## '))).toBe(
      lines(
        '## Exposure Analysis Result On UDP 53:',
        '### Egress Exposure:',
        '| src | dst |',
        '|-----|-----|',
        '| backend/api[Deployment] | [namespace with {{Key:env,Operator:In,Values:[a b],}}]/[all pods] |',
        '',
      ),
    );
  });
});
