export * from './model';
export { apart, block, blockedBy, blockedWith, unblock } from './blocks';
export { handle, queue, report } from './reports';
