export { type Decision, type FilterVerdict, naclVerdict, securityGroupVerdict } from './filters.js';
export { type PeerAddresses, peerAddresses } from './peer.js';
export { lookupRoute, type RouteLookup } from './routes.js';
export { AwsTopology } from './topology.js';
