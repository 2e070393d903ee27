import type { DB } from '../db';
import * as flats from '../flats';
import * as members from '../members';
import { run as admin } from './admin';

export const DEMO_PASSWORD = 'buren-demo';

/** A demo flat with a few neighbours, on an empty database. Later features add their own demo data here. */
export async function seed(db: DB): Promise<string> {
	if (flats.count(db) > 0)
		throw new Error('The database already has flats: the demo fills an empty one only.');
	const flat = flats.create(db, {
		name: 'De Horst (demo)',
		slug: 'de-horst',
		timeZone: 'Europe/Amsterdam',
		joinMode: 'open'
	});
	const neighbours = [
		{ name: 'Samira', houseNumber: '3B', locale: 'nl' },
		{ name: 'Kees', houseNumber: '12', locale: 'nl' },
		{ name: 'Amal', houseNumber: '7', locale: 'ar' },
		{ name: 'Joost', houseNumber: null, locale: 'nl' }
	];
	for (const n of neighbours) await members.join(db, { flat, ...n, password: DEMO_PASSWORD });
	const joost = members.forLogin(db, flat.id, 'Joost')!;
	members.setRole(db, flat.id, members.membership(db, flat.id, joost.userId)!.id, 'professional');
	members.addWithoutPassword(db, { flatId: flat.id, name: 'Bram', role: 'verbinder' });
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
