import { describe, expect, it } from 'vitest';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import { notifications } from '../db/schema';
import * as keys from '.';

const DAY = 24 * 60 * 60 * 1000;

const setup = () => flatWithNeighbours();

describe('spare keys', () => {
	it('are seen by the two only, and either can end them', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		keys.add(db, flat.id, ans, kees);
		expect(keys.list(db, flat.id, ans).map((k) => [k.holder, k.mine])).toEqual([['Kees', true]]);
		expect(keys.list(db, flat.id, kees).map((k) => [k.owner, k.mine])).toEqual([['Ans', false]]);
		expect(keys.list(db, flat.id, mo)).toEqual([]);
		const [k] = keys.list(db, flat.id, ans);
		expect(() => keys.end(db, flat.id, k!.id, mo)).toThrow('not_found');
		keys.end(db, flat.id, k!.id, kees);
		expect(keys.list(db, flat.id, ans)).toEqual([]);
		expect(() => keys.add(db, flat.id, ans, ans)).toThrow('self');
	});

	it('ask both every six months whether it is still right', async () => {
		const { db, flat, ans, kees } = await setup();
		const t0 = new Date('2027-01-01T00:00:00Z');
		keys.add(db, flat.id, ans, kees, t0);
		expect(keys.remind(db, new Date(t0.getTime() + 181 * DAY))).toBe(0);
		expect(keys.remind(db, new Date(t0.getTime() + 183 * DAY))).toBe(1);
		expect(keys.remind(db, new Date(t0.getTime() + 184 * DAY))).toBe(0);
		const sent = db
			.select()
			.from(notifications)
			.all()
			.filter((n) => n.type === 'key_review');
		expect(sent.map((n) => n.userId).sort()).toEqual([ans, kees].sort());
		keys.review(
			db,
			flat.id,
			keys.list(db, flat.id, ans)[0]!.id,
			kees,
			new Date(t0.getTime() + 185 * DAY)
		);
		expect(keys.remind(db, new Date(t0.getTime() + 300 * DAY))).toBe(0);
		expect(keys.remind(db, new Date(t0.getTime() + 368 * DAY))).toBe(1);
	});
});
