import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, welcomeSteps, type Membership, type Role } from '../db/schema';
import { WELCOME_STEPS, type WelcomeStep } from '$lib/welcome';

/** The checklist's steps for a role: professionals have no talents page, so no 'profile'. */
export function stepsFor(role: Role): WelcomeStep[] {
	return WELCOME_STEPS.filter((s) => s !== 'profile' || role !== 'professional');
}

/** The steps a member has done, in the checklist's order. */
export function steps(db: DB, membershipId: number): WelcomeStep[] {
	const done = new Set(
		db
			.select({ step: welcomeSteps.step })
			.from(welcomeSteps)
			.where(eq(welcomeSteps.membershipId, membershipId))
			.all()
			.map((r) => r.step)
	);
	return WELCOME_STEPS.filter((s) => done.has(s));
}

/** Whether the first-day checklist still shows: not put away, and a step still to do. */
export function showChecklist(
	membership: Pick<Membership, 'welcomeDone' | 'role'>,
	done: readonly WelcomeStep[] = []
): boolean {
	return !membership.welcomeDone && stepsFor(membership.role).some((s) => !done.includes(s));
}

/**
 * Marks a step done, once (a second tick keeps the first time). When it was the last step
 * the checklist is finished and stays away. True when this call did the step.
 */
export function tick(db: DB, membershipId: number, step: WelcomeStep, now = new Date()): boolean {
	return db.transaction((tx) => {
		const m = tx
			.select({ role: memberships.role })
			.from(memberships)
			.where(eq(memberships.id, membershipId))
			.get();
		if (!m) return false;
		const added = tx
			.insert(welcomeSteps)
			.values({ membershipId, step, doneAt: now })
			.onConflictDoNothing()
			.run().changes;
		if (!showChecklist({ welcomeDone: false, role: m.role }, steps(tx, membershipId)))
			tx.update(memberships)
				.set({ welcomeDone: true })
				.where(eq(memberships.id, membershipId))
				.run();
		return added > 0;
	});
}

/** Puts the checklist away for good ("I know my way around"). */
export function dismiss(db: DB, membershipId: number): void {
	db.update(memberships).set({ welcomeDone: true }).where(eq(memberships.id, membershipId)).run();
}
