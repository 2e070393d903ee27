/** Shared by server and pages: how an activity repeats. */
export const RECURRENCES = ['none', 'weekly', 'biweekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
