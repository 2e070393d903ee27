export * from './model';
export { createFlat, forLogin, handOver, handVerbinder } from './admin';
export { setup, setupOpen } from './setup';
export * as log from './log';
