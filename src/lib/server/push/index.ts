export * from './model';
export { devices, removeDevice, subscribe, unsubscribe } from './subscriptions';
export { dropPending, queue } from './outbox';
export { deliver, kick, startPushWorker } from './worker';
export { webPushSender } from './send';
export { deviceLabel, serviceHost } from './label';
export { publicKey } from './vapid';
