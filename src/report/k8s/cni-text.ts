/** The one line that says which CNI profile an analysis used and what it means (stderr of k8s commands). */
import type { CniProfile } from '../../model/index.js';

export function renderCniProfileText(profile: CniProfile, evidence: string): string {
  return `rampart: CNI profile ${profile.name} (${evidence}): ${
    profile.enforcesNetworkPolicy
      ? `policies enforced; ipBlocks ${profile.ipBlockMatchesPods ? 'also match' : 'do not match'} pod addresses`
      : 'NetworkPolicies are NOT enforced, every pair is reachable'
  }\n`;
}
