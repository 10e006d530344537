/** CNI profiles and their detection from manifests (k8s-mesh §1.1, §1.6). */
import { describe, expect, it } from 'vitest';
import { cniProfile, detectCni } from './cni.js';

const ds = (name: string, images: string[] = [], namespace = 'kube-system') => ({
  name,
  namespace,
  workloadKind: 'DaemonSet',
  images,
});

describe('cni profiles', () => {
  it('Calico matches pod addresses with ipBlocks, Cilium does not, Flannel enforces nothing', () => {
    expect(cniProfile('calico')).toMatchObject({ enforcesNetworkPolicy: true, ipBlockMatchesPods: true });
    expect(cniProfile('Cilium')).toMatchObject({ enforcesNetworkPolicy: true, ipBlockMatchesPods: false });
    expect(cniProfile('flannel')).toMatchObject({ enforcesNetworkPolicy: false });
    expect(cniProfile('default')).toMatchObject({ name: 'default', ipBlockMatchesPods: false });
    expect(cniProfile('no-such-cni')).toBeUndefined();
  });

  it('detects the plugin from its DaemonSet or image and says where', () => {
    expect(detectCni([ds('calico-node', ['docker.io/calico/node:v3.27.0'])])).toEqual({
      profile: cniProfile('calico'),
      evidence: 'kube-system/calico-node[DaemonSet]',
    });
    expect(detectCni([ds('agent', ['quay.io/cilium/cilium:v1.15.0'])])?.profile.name).toBe('cilium');
    expect(detectCni([ds('kube-flannel-ds', ['flannel/flannel:v0.24'])])?.profile).toMatchObject({
      name: 'flannel',
      enforcesNetworkPolicy: false,
    });
  });

  it('Flannel with Calico is Canal; the AWS VPC CNI enforces only with its policy agent', () => {
    expect(detectCni([ds('kube-flannel-ds'), ds('calico-node')])?.profile.name).toBe('canal');
    expect(detectCni([ds('aws-node', ['amazon-k8s-cni:v1.18'])])?.profile.enforcesNetworkPolicy).toBe(false);
    expect(
      detectCni([ds('aws-node', ['amazon-k8s-cni:v1.18', 'aws-network-policy-agent:v1.1'])])?.profile,
    ).toMatchObject({ name: 'aws-vpc-cni', enforcesNetworkPolicy: true });
  });

  it('ordinary workloads reveal nothing', () => {
    expect(detectCni([ds('web', ['nginx:1.25'], 'default')])).toBeUndefined();
  });
});
