import { describe, expect, it } from 'vitest';
import { flatWithNeighbours } from '../db/fixtures';
import * as flats from '../flats';
import * as members from '../members';
import * as notify from '.';

describe('in-app notifications', () => {
	it('count, list and mark read per member and flat only', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours();
		const other = flats.create(db, {
			name: 'O',
			slug: 'o-flat',
			timeZone: 'UTC',
			joinMode: 'open'
		});
		members.joinAsUser(db, { flat: other, userId: ans, houseNumber: null });
		const at = (s: number) => new Date(Date.UTC(2027, 0, 1, 0, 0, s));
		notify.record(db, {
			flatId: flat.id,
			userId: ans,
			type: 'response_new',
			link: 'help/1',
			params: { title: 'Kat' }
		});
		notify.record(db, {
			flatId: flat.id,
			userId: ans,
			type: 'message_new',
			link: 'help/1',
			params: { title: 'Kat' }
		});
		notify.record(db, { flatId: other.id, userId: ans, type: 'message_new', link: 'help/9' });
		notify.record(db, { flatId: flat.id, userId: kees, type: 'response_accepted', link: 'help/1' });
		expect(notify.unreadCount(db, flat.id, ans)).toBe(2);
		const [first, second] = notify.list(db, flat.id, ans);
		expect([first!.type, second!.type].sort()).toEqual(['message_new', 'response_new']);
		expect(notify.open(db, flat.id, kees, first!.id)).toBeUndefined();
		expect(notify.open(db, other.id, ans, first!.id, at(1))).toBeUndefined();
		expect(notify.open(db, flat.id, ans, first!.id, at(2))).toBe('help/1');
		expect(notify.unreadCount(db, flat.id, ans)).toBe(1);
		notify.markAllRead(db, flat.id, ans);
		expect(notify.unreadCount(db, flat.id, ans)).toBe(0);
		expect(notify.unreadCount(db, other.id, ans)).toBe(1);
		expect(notify.unreadCount(db, flat.id, kees)).toBe(1);
	});
});
