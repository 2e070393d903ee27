export * from './model';
export { dueAt, inTime, previousDue } from './due';
export { anythingNew, current, forReader, gather, since, tally, type Gathered } from './content';
export { drain, sendOne, tick } from './round';
export { setSchedule } from './schedule';
