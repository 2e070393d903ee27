import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { greetings, welcomePages, welcomeSteps } from '../db/schema';
import type { Personal } from '../auth/personal';

/** A newcomer's hello and checklist; the welcome page itself is the flat's. */
export const personal: Personal = {
	tables: [
		{
			table: greetings,
			columns: [greetings.userId],
			erase: 'delete',
			export: { key: 'memberships.greeting' }
		},
		{
			table: welcomeSteps,
			columns: [welcomeSteps.membershipId],
			erase: 'cascade',
			export: { key: 'memberships.welcomeSteps' }
		},
		{
			table: welcomePages,
			columns: [welcomePages.updatedBy],
			erase: 'anonymise',
			export: { omitted: "the flat's welcome text, which the verbinders write together" }
		}
	]
};

/** The checklist steps done and the hello written, in one flat. */
export function exportMembership(db: DB, ms: { id: number; flatId: number }, userId: number) {
	return {
		welcomeSteps: db
			.select({ step: welcomeSteps.step, doneAt: welcomeSteps.doneAt })
			.from(welcomeSteps)
			.where(eq(welcomeSteps.membershipId, ms.id))
			.all(),
		greeting:
			db
				.select({ body: greetings.body, createdAt: greetings.createdAt })
				.from(greetings)
				.where(and(eq(greetings.flatId, ms.flatId), eq(greetings.userId, userId)))
				.get() ?? null
	};
}
