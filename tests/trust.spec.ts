import { expect, test } from '@playwright/test';
import { ADMIN_STATE, client, joinAs, makeFlat, post } from './helpers';

/** The membership id behind a neighbour's card on the verbinders' members page. */
async function membershipId(verbinderState: string, slug: string, name: string) {
	const verbinder = await client(verbinderState);
	const html = await (await verbinder.get(`/f/${slug}/members`)).text();
	await verbinder.dispose();
	const id = html.match(
		new RegExp(`data-member="${name}"[\\s\\S]*?name="membershipId" value="(\\d+)"`)
	)?.[1];
	expect(id, `${name} on the members page of ${slug}`).toBeTruthy();
	return { id: id!, html };
}

test('a verbinder cannot give a login code to an account that is in another flat too', async () => {
	const a = await makeFlat('trust-a');
	const b = await makeFlat('trust-b');
	const c = await makeFlat('trust-c', 'approval');
	const keesState = await joinAs(a, 'Kees');
	const kees = await client(keesState);
	for (const flat of [b, c])
		expect((await post(kees, `/join/${flat.joinCode}?/member`, { houseNumber: '' })).status).toBe(
			200
		);
	await kees.dispose();

	// Active in B: the page says who can help instead of offering a code, and the action refuses.
	const inB = await membershipId(b.verbinder.state, b.slug, 'Kees');
	expect(inB.html).toContain('Kees is ook lid van een andere flat');
	const verbinderB = await client(b.verbinder.state);
	const refused = await post(verbinderB, `/f/${b.slug}/members?/loginCode`, {
		membershipId: inB.id
	});
	await verbinderB.dispose();
	expect(refused.status).toBe(400);
	expect(refused.html).not.toContain('data-testid="login-code"');
	expect(refused.html).toContain('Kees is ook lid van een andere flat');

	// Only asking to join C: no code either.
	const inC = await membershipId(c.verbinder.state, c.slug, 'Kees');
	const verbinderC = await client(c.verbinder.state);
	const pending = await post(verbinderC, `/f/${c.slug}/members?/loginCode`, {
		membershipId: inC.id
	});
	await verbinderC.dispose();
	expect(pending.status).toBe(400);
	expect(pending.html).not.toContain('data-testid="login-code"');
});

test('a verbinder the administrator hands a flat is announced to it and kept in its log', async () => {
	const flat = await makeFlat('trust-seen');
	const admin = await client(ADMIN_STATE);
	const page = await (await admin.get('/admin')).text();
	const flatId = page.match(new RegExp(`<option value="(\\d+)"[^>]*>${flat.name}</option>`))?.[1];
	const handed = await post(admin, '/admin?/verbinder', { flatId: flatId!, name: 'Eve' });
	await admin.dispose();
	expect(handed.status).toBe(200);

	const bram = await client(flat.verbinder.state);
	const bell = await (await bram.get(`/f/${flat.slug}/notifications`)).text();
	expect(bell).toContain('De beheerder heeft Eve als verbinder aan de flat toegevoegd.');
	const list = await (await bram.get(`/f/${flat.slug}/members`)).text();
	await bram.dispose();
	expect(list).toMatch(/data-member="Eve"[\s\S]*?Toegevoegd door de beheerder op/);
	const log = list.match(/data-testid="admin-log"[\s\S]*?<\/ul>/)?.[0] ?? '';
	expect(log).toContain('Heeft Eve als verbinder toegevoegd.');
	expect(log).toContain('Heeft de flat op Burenbord gezet.');
});
