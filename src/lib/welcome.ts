/** Shared by server and pages: how long a hello and a welcome text may be. */
export const GREETING_MAX = 200;
export const WELCOME_TEXT_MAX = 8000;

/** The first-day checklist, in the order a newcomer sees it. */
export const WELCOME_STEPS = ['greet', 'profile', 'install', 'notifications', 'calendar'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];
