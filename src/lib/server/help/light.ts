import { and, eq, gte, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { helpPosts } from '../db/schema';
import type { PostCategory, PostType } from '../../help';
import { DAY, daysBetween } from '../time';
import { MAX_PERIOD_DAYS, type Concern } from './model';

/**
 * Words that suggest care or structural help rather than a neighbourly favour, per language.
 * Matched in every language, whatever the interface language: people write as they speak.
 */
const CARE_WORDS = {
	nl: [
		'elke dag',
		'iedere dag',
		'dagelijks',
		'wond',
		'medicijn',
		'medicijnen',
		'medicatie',
		'schuld',
		'schulden',
		'verzorging',
		'verzorgen',
		'wassen en aankleden',
		'incontinent'
	],
	en: [
		'every day',
		'daily',
		'wound',
		'medication',
		'medicine',
		'debt',
		'debts',
		'nursing',
		'personal care'
	],
	ar: ['كل يوم', 'يوميا', 'يومياً', 'جرح', 'دواء', 'أدوية', 'ديون', 'دين', 'رعاية']
};

/** Words that may hurt; the form asks whether to say it more kindly. */
const HARSH_WORDS = {
	nl: [
		'idioot',
		'debiel',
		'kut',
		'klote',
		'tering',
		'kanker',
		'rot op',
		'achterlijk',
		'sukkel',
		'stomme'
	],
	en: ['idiot', 'stupid', 'shut up', 'moron', 'damn', 'crap', 'hate you'],
	ar: ['غبي', 'حمار', 'اسكت', 'اخرس', 'تافه']
};

/** Whether the text holds one of the words, as a whole word, in any of the languages. */
function mentions(text: string, lists: Record<string, string[]>): boolean {
	const t = ` ${text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
	return Object.values(lists).some((words) => words.some((w) => t.includes(` ${w} `)));
}

/** Words that sound like care rather than a neighbourly favour. */
export const suggestsCare = (text: string) => mentions(text, CARE_WORDS);
/** Words that may hurt. */
export const soundsHarsh = (text: string) => mentions(text, HARSH_WORDS);

const requestsSince = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(helpPosts)
		.where(
			and(
				eq(helpPosts.flatId, sql.placeholder('flatId')),
				eq(helpPosts.authorId, sql.placeholder('userId')),
				eq(helpPosts.type, 'request'),
				eq(helpPosts.category, sql.placeholder('category')),
				gte(helpPosts.createdAt, sql.placeholder('since'))
			)
		)
		.prepare()
);

/** Requests this member posted in a category since a moment (for the light-help guard). */
function recentRequests(
	db: DB,
	flatId: number,
	userId: number,
	category: PostCategory,
	since: Date
): number {
	return requestsSince(db).get({ flatId, userId, category, since: since.getTime() })!.n;
}

/**
 * Reasons to remind someone, kindly, that neighbours help now and then: a third request in
 * the same category within 28 days, a long period, or words that sound like care. It never
 * blocks a post and never tells anyone else.
 */
export function concerns(
	db: DB,
	input: {
		flatId: number;
		userId: number;
		type: PostType;
		category: PostCategory;
		when: string;
		startDate: string | null;
		endDate: string | null;
		text: string;
	},
	now = new Date()
): Concern[] {
	if (input.type !== 'request') return [];
	const found: Concern[] = [];
	if (
		recentRequests(
			db,
			input.flatId,
			input.userId,
			input.category,
			new Date(now.getTime() - 28 * DAY)
		) >= 2
	)
		found.push('repeat');
	if (
		input.when === 'period' &&
		input.startDate &&
		input.endDate &&
		daysBetween(input.startDate, input.endDate) + 1 > MAX_PERIOD_DAYS
	)
		found.push('long');
	if (suggestsCare(input.text)) found.push('care');
	return found;
}
