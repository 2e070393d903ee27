export * from './model';
export { board, CARD_COLUMNS } from './board';
export { tick } from './clock';
export { matches } from './matches';
export { closeForMember, create, extend, returned, update, withdraw } from './posts';
export { blockAuthor, report } from './safety';
export { submit } from './submit';
export {
	candidates,
	MAX_SUGGESTIONS_PER_DAY,
	MAX_SUGGESTIONS_PER_POST,
	notNow,
	suggest,
	suggestionFor
} from './suggest';
export { accept, confirmDone, find, markDone, message, respond, thank, view } from './thread';
export { setWaitingDays, waiting, waitingTick } from './waiting';
