export * from './model';
export { dismiss, showChecklist, steps, stepsFor, tick } from './checklist';
export { greet, recentGreetings } from './greetings';
export { renderMarkdown } from './markdown';
export { languages, page, save, source } from './text';
