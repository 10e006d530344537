export { type Exposure, type ExposureReport, exposureOf } from './exposure.js';
export { type Decision, type FilterVerdict, naclVerdict, securityGroupVerdict } from './filters.js';
export { evaluateFlow, type FlowQuery, type FlowSource } from './flow.js';
export { internetPieces, type Party, resolveParty, type Unresolved } from './parties.js';
export { type PeerAddresses, peerAddresses } from './peer.js';
export { type ReachOutcome, reachBetween } from './reach.js';
export { ephemeralPorts, replyOf } from './reply.js';
export { lookupRoute, type RouteLookup } from './routes.js';
export { AwsTopology } from './topology.js';
