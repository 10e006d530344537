import { describe, expect, it } from 'vitest';
import { sample } from '../../../test/k8s/connlist-fixture.js';
import { renderConnlistCsv } from './connlist-csv.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('renderConnlistCsv', () => {
  it('writes a header and one record per edge, quoting fields that hold a comma', () => {
    expect(renderConnlistCsv(sample)).toBe(
      lines(
        'src,dst,conn',
        '0.0.0.0-9.255.255.255[External],frontend/web[Deployment],TCP 443',
        'backend/api[Deployment],0.0.0.0-255.255.255.255[External],All Connections',
        'backend/api[Deployment],backend/db[StatefulSet],"TCP 5432,UDP 5432"',
        'frontend/web[Deployment],backend/api[Deployment],"TCP 8080,9090-9091"',
        '{ingress-controller},frontend/web[Deployment],TCP 80',
      ),
    );
  });

  it('adds the exposure records, ingress with the workload first', () => {
    const out = renderConnlistCsv(sample, { exposure: true });
    expect(out.slice(out.indexOf('Exposure'))).toBe(
      lines(
        'Exposure Analysis Result:,,',
        'Egress Exposure:,,',
        'src,dst,conn',
        'backend/api[Deployment],0.0.0.0-255.255.255.255[External],All Connections',
        'backend/api[Deployment],"[namespace with {{Key:env,Operator:In,Values:[a b],}}]/[all pods]",TCP http',
        'backend/api[Deployment],entire-cluster,UDP 53',
        'Ingress Exposure:,,',
        'dst,src,conn',
        'backend/db[StatefulSet],[namespace with {team=ops}]/[pod with {app=backup}],TCP 5432',
        'frontend/web[Deployment],0.0.0.0-9.255.255.255[External],TCP 443',
        'frontend/web[Deployment],entire-cluster,All Connections',
      ),
    );
  });

  it('leaves out the conn column and empty directions with a focus connection', () => {
    const out = renderConnlistCsv(
      { ...sample, edges: sample.edges.slice(0, 1), exposure: { egress: [], ingress: [] } },
      { exposure: true, focusConn: { protocol: 'TCP', port: 8080 } },
    );
    expect(out).toBe(
      lines(
        'src,dst',
        'frontend/web[Deployment],backend/api[Deployment]',
        'Exposure Analysis Result On TCP 8080:,,',
      ),
    );
  });
});
