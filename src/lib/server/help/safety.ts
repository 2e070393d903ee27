import type { DB } from '../db';
import * as moderation from '../moderation';
import { HelpError } from './model';
import { authorOf, view } from './thread';

/**
 * A member reports a post they can see, or one message of the thread they take part in; a
 * message they cannot see is `not_found`, like a post that is not there for them.
 */
export function report(
	db: DB,
	flatId: number,
	postId: number,
	userId: number,
	input: { reason: string; messageId?: number | null }
): void {
	const seen = view(db, flatId, postId, userId);
	if (input.messageId && !seen.messages.some((m) => m.id === input.messageId))
		throw new HelpError('not_found');
	moderation.report(
		db,
		flatId,
		userId,
		input.messageId ? { messageId: input.messageId } : { postId },
		input.reason
	);
}

/**
 * A member blocks the author of a post they see; only when the post lets them (not their own,
 * and an anonymous author only once they know the name), else `not_allowed`.
 */
export function blockAuthor(db: DB, flatId: number, postId: number, userId: number): void {
	const seen = view(db, flatId, postId, userId);
	const authorId = authorOf(db, flatId, postId);
	if (!seen.canBlock || !authorId) throw new HelpError('not_allowed');
	moderation.block(db, flatId, userId, authorId);
}
