/** Helps given and received in the last twelve months: never a score, only a nudge. */
export type Balance = { given: number; received: number };

/** The friendly line a balance gets: start, ask for help, offer some, or all even. */
export type Nudge = 'start' | 'ask' | 'offer' | 'even';
