export * from './model';
export { board } from './board';
export { tick } from './clock';
export { matches } from './matches';
export { closeForMember, create, extend, update, withdraw } from './posts';
export { blockAuthor, report } from './safety';
export { submit } from './submit';
export { accept, confirmDone, find, markDone, message, respond, thank, view } from './thread';
