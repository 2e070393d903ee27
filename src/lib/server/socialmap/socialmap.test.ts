import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import { flats as flatsTable, mapEntries, type OpeningHours } from '../db/schema';
import { localInstant } from '../time';
import { parseForm } from '../form';
import { hoursToFields, mapEntrySchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import * as socialmap from '.';
import type { EntryInput } from '.';

const AMS = 'Europe/Amsterdam';

const place = (over: Partial<EntryInput> = {}): EntryInput => ({
	category: 'neighbourhood_team',
	name: 'Buurtteam Overvecht',
	helpsWith: 'Brieven, geldzaken, opvoeding',
	phone: '030 123 4567',
	website: '',
	address: '',
	hours: [],
	afterHours: false,
	...over
});

/** Hours with ranges on some weekdays (0 = Sunday). */
function week(days: Record<number, [string, string][]>): OpeningHours {
	return Array.from({ length: 7 }, (_, d) => days[d] ?? []);
}

const at = (date: string, time: string, timeZone = AMS) => localInstant(date, time, timeZone);

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('a new flat', () => {
	it('starts with the after-hours rows: 112, police, GP out-of-hours, repairs, contact', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		const map = socialmap.list(db, flat.id);
		expect(map.entries).toEqual([]);
		expect(
			map.afterHours.map((e) => [e.preset, e.category, e.phone, e.name, e.afterHours, e.sortOrder])
		).toEqual([
			['emergency', 'safety', '112', '', true, 0],
			['police', 'safety', '0900 8844', '', true, 1],
			['gp_out_of_hours', 'gp_out_of_hours', '', '', true, 2],
			['repairs', 'housing_repairs', '', '', true, 3],
			['flat_contact', 'other', '', '', true, 4]
		]);
	});

	it('gets the same rows as migration 0007 gave the flats that already existed', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		// A flat from before the migration: no rows yet, then the migration's own inserts.
		const old = db
			.insert(flatsTable)
			.values({ name: 'Oud', slug: 'oud', timeZone: AMS, joinMode: 'open', joinCode: 'OUD2345' })
			.returning()
			.get();
		const migration = readFileSync(path.resolve('drizzle/0007_welcome_map.sql'), 'utf8');
		const inserts = migration
			.split('--> statement-breakpoint')
			.map((s) => s.trim())
			.filter((s) => s.startsWith('INSERT INTO `map_entries`'))
			.map((s) => s.replace('FROM `flats`', `FROM \`flats\` WHERE \`id\` = ${old.id}`));
		expect(inserts).toHaveLength(5);
		for (const sql of inserts) db.$client.exec(sql);
		const rows = (flatId: number) =>
			db
				.select()
				.from(mapEntries)
				.where(eq(mapEntries.flatId, flatId))
				.orderBy(mapEntries.sortOrder)
				.all()
				.map(({ id: _id, flatId: _flat, createdAt: _at, ...rest }) => rest);
		expect(rows(flat.id)).toEqual(rows(old.id));
	});
});

describe('open now', () => {
	// 12 March 2027 is a Friday, 13 March a Saturday.
	const lateFriday = week({ 5: [['22:00', '02:00']] });

	it('counts a range past midnight to the day it starts', () => {
		expect(socialmap.isOpen(lateFriday, AMS, at('2027-03-12', '23:00'))).toEqual({
			open: true,
			closesAt: '02:00'
		});
		expect(socialmap.isOpen(lateFriday, AMS, at('2027-03-13', '01:00'))).toEqual({
			open: true,
			closesAt: '02:00'
		});
		expect(socialmap.isOpen(lateFriday, AMS, at('2027-03-13', '02:30'))).toEqual({
			open: false,
			opensAt: { day: 5, time: '22:00', inDays: 6 }
		});
		expect(socialmap.isOpen(lateFriday, AMS, at('2027-03-12', '21:00'))).toEqual({
			open: false,
			opensAt: { day: 5, time: '22:00', inDays: 0 }
		});
	});

	it('keeps 09:00–17:00 on the flat clock across both DST changes (server on UTC)', () => {
		const monday = week({ 1: [['09:00', '17:00']] });
		// Summer time began on Sunday 28 March 2027: 08:30 UTC is 10:30 in Amsterdam.
		expect(socialmap.isOpen(monday, AMS, new Date('2027-03-29T08:30:00Z')).open).toBe(true);
		expect(socialmap.isOpen(monday, AMS, new Date('2027-03-29T06:30:00Z')).open).toBe(false);
		expect(socialmap.isOpen(monday, AMS, new Date('2027-03-29T14:59:00Z'))).toEqual({
			open: true,
			closesAt: '17:00'
		});
		expect(socialmap.isOpen(monday, AMS, new Date('2027-03-29T15:00:00Z')).open).toBe(false);
		// Winter time again from Sunday 31 October 2027: 08:30 UTC is 09:30, 07:30 UTC is 08:30.
		expect(socialmap.isOpen(monday, AMS, new Date('2027-11-01T08:30:00Z')).open).toBe(true);
		expect(socialmap.isOpen(monday, AMS, new Date('2027-11-01T07:30:00Z'))).toEqual({
			open: false,
			opensAt: { day: 1, time: '09:00', inDays: 0 }
		});
		expect(socialmap.isOpen(monday, AMS, new Date('2027-11-01T16:00:00Z')).open).toBe(false);
	});

	it('says when it opens next: tomorrow, or the same day next week', () => {
		const hours = week({ 1: [['09:00', '12:00']], 2: [['13:00', '17:00']] });
		// 29 March 2027 is a Monday.
		expect(socialmap.isOpen(hours, AMS, at('2027-03-29', '12:00')).opensAt).toEqual({
			day: 2,
			time: '13:00',
			inDays: 1
		});
		expect(socialmap.isOpen(hours, AMS, at('2027-03-30', '18:00')).opensAt).toEqual({
			day: 1,
			time: '09:00',
			inDays: 6
		});
		const mondayOnly = week({ 1: [['09:00', '12:00']] });
		expect(socialmap.isOpen(mondayOnly, AMS, at('2027-03-29', '12:30')).opensAt).toEqual({
			day: 1,
			time: '09:00',
			inDays: 7
		});
		expect(socialmap.isOpen([], AMS, at('2027-03-29', '10:00'))).toEqual({ open: false });
	});

	it('uses the second range of a day too', () => {
		const split = week({
			3: [
				['13:00', '17:00'],
				['09:00', '12:00']
			]
		});
		// 31 March 2027 is a Wednesday.
		expect(socialmap.isOpen(split, AMS, at('2027-03-31', '12:30'))).toEqual({
			open: false,
			opensAt: { day: 3, time: '13:00', inDays: 0 }
		});
		expect(socialmap.isOpen(split, AMS, at('2027-03-31', '10:00')).closesAt).toBe('12:00');
	});
});

describe('editing the map', () => {
	it('keeps each flat to its own places', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		const other = otherFlat(db, AMS);
		const theirs = socialmap.create(db, other.id, place({ name: 'Hun buurtteam' }));
		expect(socialmap.list(db, flat.id).entries).toEqual([]);
		expect(socialmap.list(db, other.id).entries.map((e) => e.name)).toEqual(['Hun buurtteam']);
		for (const attempt of [
			() => socialmap.get(db, flat.id, theirs.id),
			() => socialmap.update(db, flat.id, theirs.id, place({ name: 'Overgenomen' })),
			() => socialmap.remove(db, flat.id, theirs.id),
			() => socialmap.move(db, flat.id, theirs.id, 'up')
		])
			expect(attempt).toThrow(new socialmap.MapError('not_found'));
		expect(socialmap.get(db, other.id, theirs.id).name).toBe('Hun buurtteam');
	});

	it('never removes a preset row; editing keeps it in the block and 112 keeps its number', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		const [emergency, , , , contact] = socialmap.list(db, flat.id).afterHours;
		expect(() => socialmap.remove(db, flat.id, emergency!.id)).toThrow(
			new socialmap.MapError('preset')
		);
		socialmap.update(
			db,
			flat.id,
			contact!.id,
			place({ name: '', phone: '06 1234 5678', category: 'debt', afterHours: false })
		);
		const edited = socialmap.get(db, flat.id, contact!.id);
		expect([edited.preset, edited.category, edited.afterHours, edited.phone]).toEqual([
			'flat_contact',
			'other',
			true,
			'06 1234 5678'
		]);
		socialmap.update(db, flat.id, emergency!.id, place({ name: '', phone: '' }));
		expect(socialmap.get(db, flat.id, emergency!.id).phone).toBe('112');
		expect(socialmap.list(db, flat.id).afterHours).toHaveLength(5);
	});

	it('wants a name for every place but a preset row, which has one in every language', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		expect(() => socialmap.create(db, flat.id, place({ name: ' ' }))).toThrow(
			new socialmap.MapError('name')
		);
		const a = socialmap.create(db, flat.id, place({ name: 'Buurtteam' }));
		expect(() => socialmap.update(db, flat.id, a.id, place({ name: '' }))).toThrow(
			new socialmap.MapError('name')
		);
		expect(socialmap.get(db, flat.id, a.id).name).toBe('Buurtteam');
		const [police] = socialmap.list(db, flat.id).afterHours.slice(1);
		expect(socialmap.update(db, flat.id, police!.id, place({ name: '' })).name).toBe('');
	});

	it('finds a place of this flat only, without throwing', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		const other = otherFlat(db, AMS);
		const theirs = socialmap.create(db, other.id, place({ name: 'Hun buurtteam' }));
		expect(socialmap.find(db, flat.id, theirs.id)).toBeUndefined();
		expect(socialmap.find(db, other.id, theirs.id)?.name).toBe('Hun buurtteam');
	});

	it('removes an ordinary place, and moves places within their kind of help', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		const a = socialmap.create(db, flat.id, place({ name: 'Buurtteam' }));
		const b = socialmap.create(db, flat.id, place({ name: 'Wijkcentrum' }));
		socialmap.create(db, flat.id, place({ name: 'Taalcafé', category: 'language' }));
		socialmap.move(db, flat.id, b.id, 'up');
		const names = () => socialmap.list(db, flat.id).entries.map((e) => e.name);
		expect(names()).toEqual(['Wijkcentrum', 'Buurtteam', 'Taalcafé']);
		socialmap.move(db, flat.id, b.id, 'up');
		expect(names()).toEqual(['Wijkcentrum', 'Buurtteam', 'Taalcafé']);
		socialmap.remove(db, flat.id, a.id);
		expect(names()).toEqual(['Wijkcentrum', 'Taalcafé']);
	});

	it('puts a place that is also for after hours at the end of the block', async () => {
		const { db, flat } = await flatWithNeighbours(AMS);
		socialmap.create(db, flat.id, place({ name: 'Storingsdienst lift', afterHours: true }));
		const block = socialmap.list(db, flat.id).afterHours;
		expect(block.map((e) => e.name || e.preset)).toEqual([
			'emergency',
			'police',
			'gp_out_of_hours',
			'repairs',
			'flat_contact',
			'Storingsdienst lift'
		]);
	});
});

describe('the map form', () => {
	const valid = { category: 'neighbourhood_team', name: 'Buurtteam' };

	it('refuses javascript: and other non-web addresses', () => {
		for (const website of [
			'javascript:alert(1)',
			'JavaScript:alert(1)',
			' javascript:alert(document.cookie)',
			'java\tscript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'https://gemeente.nl@voorbeeld.example',
			'ftp://buurtteam.nl',
			'gewoon tekst'
		]) {
			const result = parseForm(mapEntrySchema, form({ ...valid, website }));
			expect(result.ok, website).toBe(false);
			if (!result.ok) expect(result.errors.website, website).toBe(m.map_err_website());
		}
	});

	it('accepts web addresses as people type them', () => {
		const result = parseForm(
			mapEntrySchema,
			form({ ...valid, website: 'www.buurtteamovervecht.nl', phone: '٠٣٠ 123  4567' })
		);
		expect(result.ok && [result.data.website, result.data.phone]).toEqual([
			'https://www.buurtteamovervecht.nl/',
			'030 123 4567'
		]);
	});

	it('checks phone numbers and lengths', () => {
		for (const [field, value] of [
			['phone', '030-abc'],
			['phone', '+31 (0)30 123 4567 890'],
			['phone', '+'],
			['name', 'x'.repeat(81)],
			['address', 'x'.repeat(121)],
			['helpsWith', 'x'.repeat(301)],
			['category', 'casino']
		] as const) {
			const result = parseForm(mapEntrySchema, form({ ...valid, [field]: value }));
			expect(result.ok, `${field}: ${value}`).toBe(false);
			if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
		}
	});

	it('reads the week of opening hours, with the hours past midnight', () => {
		const result = parseForm(
			mapEntrySchema,
			form({
				...valid,
				d1_open1: '09:00',
				d1_close1: '12:00',
				d1_open2: '13:00',
				d1_close2: '17:00',
				likeMonday: 'on',
				d3_open1: '07:00',
				d5_open1: '22:00',
				d5_close1: '02:00'
			})
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const monday: [string, string][] = [
			['09:00', '12:00'],
			['13:00', '17:00']
		];
		expect(result.data.hours).toEqual([[], monday, monday, monday, monday, monday, []]);
		expect(
			parseForm(
				mapEntrySchema,
				form({ ...valid, ...hoursToFields(week({ 5: [['22:00', '02:00']] })) })
			)
		).toMatchObject({ ok: true, data: { hours: week({ 5: [['22:00', '02:00']] }) } });
	});

	it('says which time is missing or wrong, together with the other fields', () => {
		const result = parseForm(
			mapEntrySchema,
			form({
				...valid,
				phone: 'bel mij',
				d1_open1: '09:00',
				d2_open1: '25:00',
				d2_close1: '17:00',
				d3_open1: '10:00',
				d3_close1: '10:00',
				d4_open1: '09:00',
				d4_close1: '13:00',
				d4_open2: '12:00',
				d4_close2: '17:00'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			phone: m.map_err_phone(),
			d1_close1: m.map_err_range(),
			d2_open1: m.err_time(),
			d3_close1: m.map_err_same_time(),
			d4_open2: m.map_err_overlap()
		});
	});
});
