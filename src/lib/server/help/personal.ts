import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import {
	flats,
	helpMessages,
	helpPosts,
	helpResponses,
	helpSuggestions,
	users
} from '../db/schema';
import type { Personal } from '../auth/personal';
import { closeForMember } from './posts';
import { keepSuggestionsOf, suggestionsOf } from './suggest';

/**
 * A person's posts, answers and messages. Their posts stay for the neighbours as "a former
 * neighbour"; what they wrote to others (answers, messages) goes with them.
 */
export const personal: Personal = {
	tables: [
		{
			table: helpPosts,
			columns: [helpPosts.authorId, helpPosts.doneMarkedBy],
			erase: 'anonymise',
			export: { key: 'posts' }
		},
		{
			table: helpResponses,
			columns: [helpResponses.userId],
			erase: 'delete',
			export: { key: 'responses' }
		},
		{
			table: helpMessages,
			columns: [helpMessages.authorId],
			erase: 'delete',
			export: { key: 'messages' }
		},
		{
			// The neighbour's suggestions go with them; a verbinder's stay, nameless (beforeErase).
			table: helpSuggestions,
			columns: [helpSuggestions.userId, helpSuggestions.suggestedBy],
			erase: 'delete',
			export: { key: 'suggestions' }
		}
	],
	// Nobody could answer a post whose author is gone.
	leave: (tx, flatId, userId, now) => closeForMember(tx, flatId, userId, now),
	beforeErase: (tx, userId) => {
		reopenWhereHelper(tx, userId);
		keepSuggestionsOf(tx, userId);
	}
};

/**
 * A request this person was going to help with is open again, with the other answers
 * waiting once more, so its author can choose someone else.
 */
function reopenWhereHelper(db: DB, userId: number): void {
	const taken = db
		.select({ postId: helpResponses.postId })
		.from(helpResponses)
		.innerJoin(helpPosts, eq(helpPosts.id, helpResponses.postId))
		.where(
			and(
				eq(helpResponses.userId, userId),
				eq(helpResponses.status, 'accepted'),
				eq(helpPosts.status, 'accepted')
			)
		)
		.all()
		.map((r) => r.postId);
	if (!taken.length) return;
	db.update(helpPosts).set({ status: 'open' }).where(inArray(helpPosts.id, taken)).run();
	db.update(helpResponses)
		.set({ status: 'waiting' })
		.where(and(inArray(helpResponses.postId, taken), eq(helpResponses.status, 'declined')))
		.run();
}

/** The person's posts with the answers they got (by first name), their answers and messages. */
export function exportData(db: DB, userId: number) {
	const other = alias(users, 'other');
	const posts = db
		.select({
			id: helpPosts.id,
			flat: flats.name,
			type: helpPosts.type,
			category: helpPosts.category,
			title: helpPosts.title,
			description: helpPosts.description,
			when: helpPosts.when,
			startDate: helpPosts.startDate,
			endDate: helpPosts.endDate,
			anonymous: helpPosts.anonymous,
			onBehalfOf: helpPosts.onBehalfOf,
			status: helpPosts.status,
			hidden: helpPosts.hidden,
			createdAt: helpPosts.createdAt,
			expiresAt: helpPosts.expiresAt,
			closedAt: helpPosts.closedAt
		})
		.from(helpPosts)
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpPosts.authorId, userId))
		.orderBy(asc(helpPosts.createdAt), asc(helpPosts.id))
		.all();
	const answers = posts.length
		? db
				.select({
					postId: helpResponses.postId,
					name: other.name,
					message: helpResponses.message,
					status: helpResponses.status,
					createdAt: helpResponses.createdAt
				})
				.from(helpResponses)
				.innerJoin(other, eq(other.id, helpResponses.userId))
				.where(
					inArray(
						helpResponses.postId,
						posts.map((p) => p.id)
					)
				)
				.orderBy(asc(helpResponses.createdAt), asc(helpResponses.id))
				.all()
		: [];

	const responses = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			message: helpResponses.message,
			status: helpResponses.status,
			createdAt: helpResponses.createdAt
		})
		.from(helpResponses)
		.innerJoin(helpPosts, eq(helpPosts.id, helpResponses.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpResponses.userId, userId))
		.orderBy(asc(helpResponses.createdAt))
		.all();

	const messages = db
		.select({
			flat: flats.name,
			post: helpPosts.title,
			body: helpMessages.body,
			hidden: helpMessages.hidden,
			createdAt: helpMessages.createdAt
		})
		.from(helpMessages)
		.innerJoin(helpPosts, eq(helpPosts.id, helpMessages.postId))
		.innerJoin(flats, eq(flats.id, helpPosts.flatId))
		.where(eq(helpMessages.authorId, userId))
		.orderBy(asc(helpMessages.createdAt), asc(helpMessages.id))
		.all();

	return {
		posts: posts.map(({ id, ...p }) => ({
			...p,
			responses: answers
				.filter((a) => a.postId === id)
				.map(({ name, message, status, createdAt }) => ({ name, message, status, createdAt }))
		})),
		responses,
		messages,
		suggestions: suggestionsOf(db, userId)
	};
}
