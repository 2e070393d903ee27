// A person's data, as call sites read it: `privacy.exportData(db, userId)`, `privacy.retention(db)`.
export * from './model';
export { checkPassword, deleteAccount, deleteRefusal, deleteWithPassword } from './delete';
export { exportData, exportFileName, type Export } from './export';
export { retention } from './retention';
