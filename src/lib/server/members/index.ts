// Who lives in a flat, as call sites read it: `members.join(db, …)`, `members.list(db, flatId)`.
export * from './model';
export { nameKey } from './name';
export { addWithoutPassword, join, joinAsUser, nameTaken } from './join';
export { find, flatsOf, forLogin, list, membership } from './lookup';
export { approve, isLastFlat, leave, removable, remove, setRole } from './manage';
export { directory, hearsOfMatches, profile, saveProfile } from './profile';
export { issueLoginCode } from './login-code';
