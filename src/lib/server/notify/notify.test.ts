import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request, otherFlat } from '../../../../tests/unit/fixtures';
import * as help from '../help';
import * as members from '../members';
import * as notify from '.';
import * as prefs from './prefs';

describe('in-app notifications', () => {
	it('count, list and mark read per member and flat only', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours();
		const other = otherFlat(db);
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

describe('professionals and help', () => {
	it('a professional hears nothing of help, not even by a choice made as a resident', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours();
		const keesMembership = members.membership(db, flat.id, kees)!;
		prefs.save(db, keesMembership.id, { requests: 'app' }, null);
		members.saveProfile(db, flat.id, kees, {
			talents: ['pets'],
			tags: [],
			languages: [],
			notifyMatches: true,
			showBalance: false
		});
		const ask = (title: string) =>
			help.create(
				db,
				flat,
				{ userId: ans, role: 'resident' },
				request(title, { category: 'pets' })
			);
		const seen = () =>
			notify
				.list(db, flat.id, kees)
				.map((n) => `${n.type}:${n.params.title}`)
				.sort();
		ask('Wie voert de kat?');
		notify.record(db, {
			flatId: flat.id,
			userId: kees,
			type: 'activity_new',
			link: 'calendar/1',
			params: { title: 'Koffie' }
		});
		expect(seen()).toEqual(['activity_new:Koffie', 'request_match:Wie voert de kat?']);

		// Made a professional: the help news from before is gone, the flat's activities stay.
		members.setRole(db, flat.id, keesMembership.id, 'professional');
		expect(seen()).toEqual(['activity_new:Koffie']);
		ask('Wie laat de hond uit?');
		notify.record(db, { flatId: flat.id, userId: kees, type: 'message_new', link: 'help/1' });
		notify.record(db, { flatId: flat.id, userId: kees, type: 'key_added', link: 'keys' });
		expect(seen()).toEqual(['activity_new:Koffie']);
		expect(notify.unreadCount(db, flat.id, kees)).toBe(1);

		// Back to resident: the choice made before counts again.
		members.setRole(db, flat.id, keesMembership.id, 'resident');
		ask('Wie geeft de vissen eten?');
		expect(seen()).toEqual(['activity_new:Koffie', 'request_match:Wie geeft de vissen eten?']);
	});
});
