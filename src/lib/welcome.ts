/** Shared by server and pages: how long a hello and a welcome text may be. */
export const GREETING_MAX = 200;
export const WELCOME_TEXT_MAX = 8000;
