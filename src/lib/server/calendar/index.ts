// The calendar's verbs, as call sites read them: `calendar.create(db, …)`, `calendar.tick(db)`.
export * from './model';
export { canManage, find, get } from './access';
export { agenda, occurrence, occurrences, upcoming, week } from './occurrences';
export {
	approve,
	authorName,
	create,
	decline,
	end,
	pause,
	proposals,
	save,
	update
} from './series';
export { attendance, forgetMember, rsvp, undo } from './rsvp';
export { cancelOccurrence, changeOccurrence, restoreOccurrence } from './exceptions';
export { tick } from './clock';
export * from './poll-model';
export { createPoll, findPoll, forgetPollVotes, mayStartPoll, openPolls, vote } from './poll';
export { pollOptions, pollView } from './poll-view';
export { closePolls, decide, mayDecide } from './poll-decide';
export * as recurrence from './recurrence';
