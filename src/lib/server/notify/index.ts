export * from './model';
export { activeMembers, forgetUnseen, record, verbinders } from './record';
export { list, markAllRead, open, unreadCount } from './bell';
export * as prefs from './prefs';
