import { describe, expect, it } from 'vitest';
import { parseConnlistTxt, parsePeer } from '../../../test/conformance/netpol-connlist-parse.js';
import { sample } from '../../../test/k8s/connlist-fixture.js';
import { renderConnlistTxt } from './connlist-txt.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const unprotected = [{ workload: 'frontend/web[Deployment]', direction: 'Ingress' } as const];

describe('renderConnlistTxt', () => {
  it('prints one line per edge, sorted by source then destination', () => {
    expect(renderConnlistTxt(sample)).toBe(
      lines(
        '0.0.0.0-9.255.255.255[External] => frontend/web[Deployment] : TCP 443',
        'backend/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'backend/api[Deployment] => backend/db[StatefulSet] : TCP 5432,UDP 5432',
        'frontend/web[Deployment] => backend/api[Deployment] : TCP 8080,9090-9091',
        '{ingress-controller} => frontend/web[Deployment] : TCP 80',
      ),
    );
  });

  it('prints nothing for an empty map', () => {
    expect(renderConnlistTxt({ peers: [], edges: [] })).toBe('');
  });

  it('adds the exposure section with the workload column padded across both directions', () => {
    const out = renderConnlistTxt(sample, { exposure: true, unprotected });
    expect(out.slice(out.indexOf('\n\n') + 2)).toBe(
      lines(
        'Exposure Analysis Result:',
        'Egress Exposure:',
        'backend/api[Deployment]  \t=> \t0.0.0.0-255.255.255.255[External] : All Connections',
        'backend/api[Deployment]  \t=> \t[namespace with {{Key:env,Operator:In,Values:[a b],}}]/[all pods] : TCP http',
        'backend/api[Deployment]  \t=> \tentire-cluster : UDP 53',
        '',
        'Ingress Exposure:',
        'backend/db[StatefulSet]  \t<= \t[namespace with {team=ops}]/[pod with {app=backup}] : TCP 5432',
        'frontend/web[Deployment] \t<= \t0.0.0.0-9.255.255.255[External] : TCP 443',
        'frontend/web[Deployment] \t<= \tentire-cluster : All Connections',
        '',
        'Workloads not protected by network policies:',
        'frontend/web[Deployment] is not protected on Ingress',
      ),
    );
  });

  it('takes the unprotected list from the section when the option does not give one', () => {
    const exposure = {
      egress: [],
      ingress: [],
      unprotected: [
        { workload: parsePeer('frontend/web[Deployment]'), direction: 'ingress' as const },
        { workload: parsePeer('backend/api[Deployment]'), direction: 'egress' as const },
      ],
    };
    expect(renderConnlistTxt({ peers: [], edges: [], exposure }, { exposure: true })).toBe(
      lines(
        'Exposure Analysis Result:',
        '',
        'Workloads not protected by network policies:',
        'backend/api[Deployment] is not protected on Egress',
        'frontend/web[Deployment] is not protected on Ingress',
      ),
    );
  });

  it('prints only the title when there is no exposure, without a blank line after an empty list', () => {
    expect(renderConnlistTxt({ peers: [], edges: [] }, { exposure: true })).toBe(
      'Exposure Analysis Result:\n',
    );
  });

  it('drops the conns and the unprotected list with a focus connection', () => {
    const out = renderConnlistTxt(
      { ...sample, exposure: { egress: [], ingress: sample.exposure?.ingress ?? [] } },
      { exposure: true, focusConn: { protocol: 'TCP', port: 443 }, unprotected },
    );
    expect(out).toBe(
      lines(
        'Permitted connections on TCP 443:',
        '0.0.0.0-9.255.255.255[External] => frontend/web[Deployment]',
        'backend/api[Deployment] => 0.0.0.0-255.255.255.255[External]',
        'backend/api[Deployment] => backend/db[StatefulSet]',
        'frontend/web[Deployment] => backend/api[Deployment]',
        '{ingress-controller} => frontend/web[Deployment]',
        '',
        'Exposure Analysis Result On TCP 443:',
        'Ingress Exposure:',
        'backend/db[StatefulSet]  \t<= \t[namespace with {team=ops}]/[pod with {app=backup}]',
        'frontend/web[Deployment] \t<= \t0.0.0.0-9.255.255.255[External]',
        'frontend/web[Deployment] \t<= \tentire-cluster',
      ),
    );
  });

  it('round-trips through the test parser', () => {
    const text = renderConnlistTxt(sample, { exposure: true, unprotected });
    const back = parseConnlistTxt(text);
    expect(renderConnlistTxt(back.connlist, { exposure: true, unprotected: back.unprotected })).toBe(text);
  });
});
