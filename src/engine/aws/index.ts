export { type Decision, type FilterVerdict, naclVerdict, securityGroupVerdict } from './filters.js';
export { evaluateFlow, type FlowQuery, type FlowSource } from './flow.js';
export { type PeerAddresses, peerAddresses } from './peer.js';
export { ephemeralPorts, replyOf } from './reply.js';
export { lookupRoute, type RouteLookup } from './routes.js';
export { AwsTopology } from './topology.js';
