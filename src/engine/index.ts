export * from './aws/index.js';
export * from './trace.js';
