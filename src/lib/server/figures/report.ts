import type { DB } from '../db';
import { counts } from './counts';
import type { Figures } from './model';
import { figures } from './shown';
import { rollingWindow } from './window';

/**
 * A flat's figures over the six months up to now, as verbinders and professionals may see
 * them: counts per month and in all, each below three shown as "fewer than 3".
 */
export function forFlat(db: DB, flat: { id: number; timeZone: string }, now = new Date()): Figures {
	const window = rollingWindow(now, flat.timeZone);
	return figures(window.slices, counts(db, flat, window));
}
