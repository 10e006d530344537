import { describe, expect, it } from 'vitest';
import { edge, sample } from '../../../test/k8s/connlist-fixture.js';
import { renderConnlistJson } from './connlist-json.js';

const one = { peers: [], edges: [edge('a/x[Pod]', 'b/y[Pod]', 'TCP 80')] };

describe('renderConnlistJson', () => {
  it('writes an array of src/dst/conn objects, indented like Go', () => {
    expect(renderConnlistJson(one)).toBe(
      '[\n  {\n    "src": "a/x[Pod]",\n    "dst": "b/y[Pod]",\n    "conn": "TCP 80"\n  }\n]\n',
    );
    expect(renderConnlistJson({ peers: [], edges: [] })).toBe('[]\n');
  });

  it('wraps the list and the exposure, writing an empty direction as null', () => {
    const doc = JSON.parse(
      renderConnlistJson({ ...sample, exposure: { egress: [], ingress: [] } }, { exposure: true }),
    );
    expect(Object.keys(doc)).toEqual(['connlist_results', 'exposure_results']);
    expect(doc.exposure_results).toEqual({ egress_exposure: null, ingress_exposure: null });
    expect(doc.connlist_results[0]).toEqual({
      src: '0.0.0.0-9.255.255.255[External]',
      dst: 'frontend/web[Deployment]',
      conn: 'TCP 443',
    });
  });

  it('keeps the peer first in ingress items and sorts them by workload', () => {
    const doc = JSON.parse(renderConnlistJson(sample, { exposure: true }));
    expect(doc.exposure_results.ingress_exposure.map((i: { dst: string }) => i.dst)).toEqual([
      'backend/db[StatefulSet]',
      'frontend/web[Deployment]',
      'frontend/web[Deployment]',
    ]);
    expect(doc.exposure_results.ingress_exposure[0].src).toBe(
      '[namespace with {team=ops}]/[pod with {app=backup}]',
    );
  });

  it('uses the focus keys, drops conn and writes an empty direction as [] with a focus connection', () => {
    const out = renderConnlistJson(
      { ...one, exposure: { egress: [], ingress: [] } },
      { exposure: true, focusConn: { protocol: 'TCP', port: 80 } },
    );
    expect(out).toBe(
      [
        '{',
        '  "connlist_conn_focus_results": [',
        '    {',
        '      "src": "a/x[Pod]",',
        '      "dst": "b/y[Pod]"',
        '    }',
        '  ],',
        '  "exposure_conn_focus_results": {',
        '    "egress_exposure": [],',
        '    "ingress_exposure": []',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes like Go: HTML-sensitive characters as unicode escapes', () => {
    const out = renderConnlistJson({ peers: [], edges: [edge('a/x<&>[Pod]', 'b/y[Pod]', 'TCP 80')] });
    expect(out).toContain('"src": "a/x\\u003c\\u0026\\u003e[Pod]"');
  });

  it('adds mTLS, L7 limits and notes after the three keys when the edge has them', () => {
    const e = edge('a/x[Pod]', 'b/y[Pod]', 'TCP 80,443');
    const annotated = {
      ...e,
      mtls: [{ conns: e.conns, mode: 'required' as const, encrypted: true, mesh: 'istio' as const }],
      l7: [
        {
          enforcedBy: 'cilium' as const,
          effect: 'allow-only' as const,
          conns: edge('a/x[Pod]', 'b/y[Pod]', 'TCP 80').conns,
          requests: [{ methods: ['GET'], paths: ['/health'] }],
          policy: 'k8s/b/CiliumNetworkPolicy/y',
        },
      ],
      notes: ['refused: k8s/b/PeerAuthentication/strict requires mTLS'],
    };
    expect(JSON.parse(renderConnlistJson({ peers: [], edges: [annotated] }))).toEqual([
      {
        src: 'a/x[Pod]',
        dst: 'b/y[Pod]',
        conn: 'TCP 80,443',
        mtls: [{ conn: 'TCP 80,443', mode: 'required', encrypted: true, mesh: 'istio' }],
        l7: [
          {
            conn: 'TCP 80',
            enforcedBy: 'cilium',
            effect: 'allow-only',
            policy: 'k8s/b/CiliumNetworkPolicy/y',
            requests: [{ methods: ['GET'], paths: ['/health'] }],
          },
        ],
        notes: ['refused: k8s/b/PeerAuthentication/strict requires mTLS'],
      },
    ]);
  });
});
