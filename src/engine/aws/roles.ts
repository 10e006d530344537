import type { EndpointKind } from '../../model/index.js';

/** Interfaces that only forward others' traffic: never a destination of their own, never a foothold. */
export const RELAYS: ReadonlySet<EndpointKind> = new Set([
  'nat-gateway',
  'transit-attachment',
  'gateway-lb-endpoint',
]);

/** Interfaces whose owner runs code an attacker could hold, so it opens connections of its own. */
export const RUNS_CODE: ReadonlySet<EndpointKind> = new Set(['nic', 'lambda', 'pod', 'other']);

/** Interfaces that open connections to the internet: code runners plus databases (extensions, replication). */
export const OPENS_CONNECTIONS: ReadonlySet<EndpointKind> = new Set([...RUNS_CODE, 'database']);
