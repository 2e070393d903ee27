export * from './model';
export {
	byId,
	byJoinCode,
	bySlug,
	count,
	create,
	forJoinCode,
	listForAdmin,
	named,
	rotateJoinCode,
	setCalendarSettings,
	setJoinMode
} from './flats';
export * as joinCode from './join-code';
