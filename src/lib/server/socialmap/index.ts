export * from './model';
export { addDefaults, create, find, get, isFilled, list, move, remove, update } from './entries';
export { hasHours, isOpen, weekday, type OpenState } from './hours';
