/**
 * The server's rooms by layer, lowest first. A module imports only from its own layer or a
 * lower one, so the guard that every request runs does not load push, and a concept cannot
 * reach into the code that erases a person. ESLint's `no-restricted-imports` holds every file
 * to it (eslint.config.js) and `layers.test.ts` checks the same graph for cycles.
 *
 * A name is a folder (`help/`) or a file (`time.ts`) directly under src/lib/server.
 * @type {string[][]}
 */
export const LAYERS = [
	// The database, the one error type and the clock of local dates.
	['db', 'errors', 'time'],
	// Who someone is and what their role allows.
	['auth'],
	// Delivering to phones: knows subscriptions and payloads, nothing of notifications.
	['push'],
	// What a person is told (bell and push), per kind, by their choices.
	['notify'],
	// The flat's concepts; they may use each other, without cycles.
	[
		'flats',
		'members',
		'help',
		'calendar',
		'keys',
		'moderation',
		'welcome',
		'socialmap',
		'balance',
		'notices'
	],
	// Across the concepts: a person's data (its export and erasure), the weekly summary, and
	// the flat's figures.
	['account', 'privacy', 'summary', 'figures'],
	// What runs them: the operator's tools, the clock's jobs, and the routes' support.
	['admin', 'cli', 'clock', 'jobs', 'action', 'refusals', 'form', 'cross-site', 'page-script']
];
