export * from './model';
export {
	askWhom,
	current,
	find,
	list,
	since,
	texts,
	type ListedNotice,
	type NoticePage
} from './read';
export { create, remove, rights, update } from './write';
export { markSeen, seenCounts } from './seen';
export { expire } from './expire';
export { exportData, personal } from './personal';
