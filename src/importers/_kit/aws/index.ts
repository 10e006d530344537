export { awsConnections, awsProtocol, type Result as ConnectionsResult } from './connections.js';
