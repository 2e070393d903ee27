// A person across every concept, as call sites read it: `account.erase(tx, userId)`.
export { erase } from './erase';
export { removeMember } from './remove-member';
export { PERSONAL_DATA } from './personal-data';
