import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import * as flats from '../flats';
import * as loginCode from '../auth/login-code';
import * as members from '../members';
import { cleanName, nameKey, nameSkeleton } from '../members/name';
import * as adminLog from '../admin/log';
import { round } from '../clock';

export const USAGE = `Usage: npm run admin -- <command>

  login-code <flat-slug> <first name>   a one-time login code (72 h) for a member of a flat
  admin-code <name>                     a one-time login code for an instance admin; creates
                                        the admin account when there is none by that name
  flats                                 list the flats (name and web name only)
  tick [instant]                        run one round of the server's clock now, or as at an
                                        ISO instant (2027-03-14T18:05:00+01:00)`;

/** The instance admin's command line, for when nobody can log in any more. */
export function run(db: DB, args: string[]): { status: number; out: string } {
	const [command, ...rest] = args;
	if (command === 'login-code' && rest.length >= 2) {
		const [slug, ...name] = rest;
		const flat = flats.bySlug(db, slug!);
		if (!flat) return { status: 1, out: `No flat with the web name "${slug}".` };
		const member = members.forLogin(db, flat.id, name.join(' '));
		if (!member) return { status: 1, out: `Nobody called "${name.join(' ')}" in ${flat.name}.` };
		// The operator's code is for the whole account; every flat it is in can read that it came.
		const code = db.transaction((tx) => {
			for (const f of members.flatsOf(tx, member.userId))
				adminLog.record(tx, { flatId: f.id, action: 'login_code', subjectId: member.userId });
			return loginCode.issue(tx, { userId: member.userId, flatId: null });
		});
		return {
			status: 0,
			out: `Login code for ${name.join(' ')} (${flat.name}): ${code}\nValid for 72 hours, once, at /code.`
		};
	}
	if (command === 'admin-code' && rest.length >= 1) {
		const name = cleanName(rest.join(' '));
		let admin = db
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.isAdmin, true), eq(users.nameKey, nameKey(name))))
			.get();
		admin ??= db
			.insert(users)
			.values({ name, nameKey: nameKey(name), nameSkeleton: nameSkeleton(name), isAdmin: true })
			.returning({ id: users.id })
			.get();
		const code = loginCode.issue(db, { userId: admin.id, flatId: null });
		return {
			status: 0,
			out: `Login code for admin ${name}: ${code}\nValid for 72 hours, once, at /code.`
		};
	}
	if (command === 'flats') {
		const list = flats.listForAdmin(db);
		return {
			status: 0,
			out: list.map((f) => `${f.slug}\t${f.name}`).join('\n') || 'No flats yet.'
		};
	}
	if (command === 'tick' && rest.length <= 1) {
		const at = rest[0] ? new Date(rest[0]) : new Date();
		if (Number.isNaN(at.getTime())) return { status: 2, out: `Not an instant: "${rest[0]}".` };
		const done = round(db, at);
		return {
			status: 0,
			out: Object.entries(done)
				.map(([what, count]) => `${what}\t${count}`)
				.join('\n')
		};
	}
	return { status: 2, out: USAGE };
}
