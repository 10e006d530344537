export * from './aws/index.js';
export * from './k8s/index.js';
export * from './trace.js';
