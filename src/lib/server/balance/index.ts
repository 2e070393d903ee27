export * from './model';
export { flatThisMonth, forMember, forMembers, nudge } from './balance';
