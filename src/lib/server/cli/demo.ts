import type { DB } from '../db';
import * as flats from '../flats';
import * as members from '../members';
import * as calendar from '../calendar';
import * as help from '../help';
import { localDate, addDays } from '../time';
import { run as admin } from './admin';
import { demoMap } from './demo-map';
import { demoWelcome } from './demo-welcome';

type People = { samira: number; kees: number; amal: number; bram: number };

/** Offers, requests and help already given, as a real flat would have them. */
function helpMix(db: DB, flat: help.FlatRef, p: People) {
	const today = localDate(new Date(), flat.timeZone);
	const resident = (userId: number) => ({ userId, role: 'resident' as const });
	const base = {
		description: '',
		anonymous: false,
		onBehalfOf: null,
		startDate: null,
		endDate: null
	};
	const weekAgo = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);

	// Help that already happened: Kees watered Samira's plants, and got a thank-you.
	const plants = help.create(
		db,
		flat,
		resident(p.samira),
		{
			...base,
			type: 'request',
			category: 'plants',
			title: 'Wie geeft mijn planten water?',
			when: 'flexible'
		},
		weekAgo
	);
	help.respond(db, flat.id, plants, p.kees, 'Doe ik!');
	help.accept(
		db,
		flat.id,
		plants,
		p.samira,
		help.view(db, flat.id, plants, p.samira).responses[0]!.id
	);
	help.message(db, flat.id, plants, p.samira, 'De gieter staat op het balkon.');
	help.markDone(db, flat.id, plants, p.kees);
	help.confirmDone(db, flat.id, plants, p.samira);
	help.thank(db, flat.id, plants, p.samira, 'Dank je, Kees! Ze staan er prachtig bij.');

	help.create(db, flat, resident(p.samira), {
		...base,
		type: 'request',
		category: 'pets',
		title: 'Wie voert mijn kat?',
		description: 'Twee keer per dag. Het voer staat in de kast.',
		when: 'period',
		startDate: addDays(today, 10),
		endDate: addDays(today, 17)
	});
	help.create(db, flat, resident(p.kees), {
		...base,
		type: 'offer',
		category: 'small_jobs',
		title: 'Ik heb een boormachine en help graag met ophangen',
		when: 'flexible'
	});
	help.create(db, flat, resident(p.amal), {
		...base,
		type: 'request',
		category: 'letters',
		title: 'Wie helpt mij een brief van de gemeente te lezen?',
		when: 'flexible',
		anonymous: true
	});
	help.create(db, flat, resident(p.amal), {
		...base,
		type: 'offer',
		category: 'letters',
		title: 'أترجم رسائل من العربية وإليها — I translate Arabic letters',
		when: 'flexible'
	});
	help.create(
		db,
		flat,
		{ userId: p.bram, role: 'verbinder' },
		{
			...base,
			type: 'request',
			category: 'errands',
			title: 'Boodschappen voor mevrouw De Vries (3e verdieping)',
			when: 'day',
			startDate: addDays(today, 2),
			onBehalfOf: 'mevrouw De Vries'
		}
	);
}

/** The Buurtkamer's week: a coffee morning, a language café and the garden group. */
function activities(db: DB, flat: calendar.FlatRef, p: People) {
	const today = localDate(new Date(), flat.timeZone);
	const weekday = (day: number) => {
		// The next date (from today) that falls on this weekday (0 = Sunday).
		const now = new Date(`${today}T12:00:00Z`).getUTCDay();
		return addDays(today, (day - now + 7) % 7);
	};
	const bram = { userId: p.bram, role: 'verbinder' as const };
	const base = { description: '', untilDate: null, count: null, capacity: null, helpersWanted: 0 };
	const coffee = calendar.create(db, flat, bram, {
		...base,
		title: 'Koffieochtend',
		description: 'Koffie, thee en een praatje. Iedereen is welkom, ook als je net komt wonen.',
		place: 'Buurtkamer',
		startDate: weekday(2),
		startTime: '10:00',
		endTime: '11:30',
		recurrence: 'weekly',
		helpersWanted: 2
	});
	calendar.rsvp(
		db,
		flat,
		coffee.id,
		coffee.startDate,
		{ userId: p.kees, role: 'resident' },
		{
			kind: 'helping',
			guests: 0
		}
	);
	calendar.rsvp(
		db,
		flat,
		coffee.id,
		coffee.startDate,
		{ userId: p.samira, role: 'resident' },
		{
			kind: 'coming',
			guests: 1
		}
	);
	calendar.create(db, flat, bram, {
		...base,
		title: 'Taalcafé — Nederlands oefenen',
		description: 'Samen Nederlands praten, in je eigen tempo. Neem gerust een brief mee.',
		place: 'Buurtkamer',
		startDate: weekday(4),
		startTime: '19:00',
		endTime: '20:30',
		recurrence: 'biweekly',
		capacity: 12
	});
	calendar.create(db, flat, bram, {
		...base,
		title: 'Tuingroep',
		description: 'We houden de binnentuin bij. Handschoenen zijn er.',
		place: 'Binnentuin',
		startDate: weekday(6),
		startTime: '10:00',
		endTime: '12:00',
		recurrence: 'monthly',
		helpersWanted: 1
	});
}

export const DEMO_PASSWORD = 'buren-demo';

/** A demo flat with a few neighbours, on an empty database. Later features add their own demo data here. */
export async function seed(db: DB): Promise<string> {
	if (flats.count(db) > 0)
		throw new Error('The database already has flats: the demo fills an empty one only.');
	const created = flats.create(db, {
		name: 'De Horst (demo)',
		slug: 'de-horst',
		timeZone: 'Europe/Amsterdam',
		joinMode: 'open'
	});
	flats.setCalendarSettings(db, created.id, {
		places: ['Buurtkamer', 'Binnentuin'],
		residentActivities: 'propose'
	});
	const flat = { ...created, places: ['Buurtkamer', 'Binnentuin'] };
	const neighbours = [
		{ name: 'Samira', houseNumber: '3B', locale: 'nl' },
		{ name: 'Kees', houseNumber: '12', locale: 'nl' },
		{ name: 'Amal', houseNumber: '7', locale: 'ar' },
		{ name: 'Joost', houseNumber: null, locale: 'nl' }
	];
	for (const n of neighbours) await members.join(db, { flat, ...n, password: DEMO_PASSWORD });
	const joost = members.forLogin(db, flat.id, 'Joost')!;
	members.setRole(db, flat.id, members.membership(db, flat.id, joost.userId)!.id, 'professional');
	const bram = members.addWithoutPassword(db, { flatId: flat.id, name: 'Bram', role: 'verbinder' });
	const people = {
		samira: members.forLogin(db, flat.id, 'Samira')!.userId,
		kees: members.forLogin(db, flat.id, 'Kees')!.userId,
		amal: members.forLogin(db, flat.id, 'Amal')!.userId,
		bram
	};
	helpMix(db, flat, people);
	activities(db, flat, people);
	demoWelcome(db, flat.id, bram);
	demoMap(db, flat.id);
	const bramCode = admin(db, ['login-code', flat.slug, 'Bram']).out;
	const adminCode = admin(db, ['admin-code', 'Beheer']).out;
	return [
		`Demo flat: ${flat.name}, at /f/${flat.slug}`,
		`Join code: ${flats.joinCode.format(flat.joinCode)} (or open /join/${flats.joinCode.format(flat.joinCode)})`,
		`Neighbours Samira, Kees, Amal (Arabic) and Joost (professional) log in at /login with password "${DEMO_PASSWORD}".`,
		`Verbinder Bram sets a password with his code at /code. ${bramCode}`,
		adminCode
	].join('\n');
}
