export { awsConnections, awsProtocol, type Result as ConnectionsResult } from './connections.js';
export { type ArnParts, arnParts, elbId, isAccountId, own, regionOfZone } from './ids.js';
export { endpointKindOfType } from './interface-kinds.js';
