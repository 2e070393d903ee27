export * from './model';
export { add, end, list, remind, review } from './keys';
