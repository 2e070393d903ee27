import type { DB } from '../db';
import { localDate } from '../time';
import { isLostFound } from '../../help';
import { concerns, soundsHarsh } from './light';
import { HelpError, type Author, type Check, type FlatRef, type PostInput } from './model';
import { create, update } from './posts';

/**
 * A new post, or the author's edit of one, as the form sends it. A first day already over in
 * the flat is refused (`past`). Then, unless the person saw it already (`confirmed`), a kind
 * word about light help or harsh words holds the post back: the form shows it and asks again.
 * A period too long is held back even then. Returns the saved post's id, or what to show.
 */
export function submit(
	db: DB,
	flat: FlatRef,
	author: Author,
	input: PostInput & { confirmed?: boolean },
	postId?: number,
	now = new Date()
): { id: number } | { check: Check } {
	const today = localDate(now, flat.timeZone);
	// A lost or found thing has no dates to be late for (`create` drops any that were sent).
	if (
		!isLostFound(input.type) &&
		input.when !== 'flexible' &&
		input.startDate &&
		input.startDate < today
	)
		throw new HelpError('past');
	const text = `${input.title}\n${input.description}`;
	const found = concerns(db, { flatId: flat.id, userId: author.userId, ...input, text }, now);
	if (found.includes('long')) return { check: { concerns: found, harsh: false } };
	const harsh = soundsHarsh(text);
	if (!input.confirmed && (found.length > 0 || harsh)) return { check: { concerns: found, harsh } };
	if (postId === undefined) return { id: create(db, flat, author, input, now) };
	update(db, flat, postId, author, input, now);
	return { id: postId };
}
