import AxeBuilder from '@axe-core/playwright';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { BASE_URL, DATA_DIR } from '../playwright.config';

export { BASE_URL };
export const ADMIN_STATE = path.join(DATA_DIR, 'admin-state.json');
export const PASSWORD = 'een fijne buur';
/** The instance admin that the first-run setup makes. */
export const ADMIN = { name: 'Anna', password: 'beheer-wachtwoord' };

let counter = 0;
/** A slug no other test uses, so tests need not run in order. */
export function uniqueSlug(prefix: string): string {
	return `${prefix}-${process.pid.toString(36)}${(counter++).toString(36)}${Date.now().toString(36).slice(-4)}`;
}

/** axe finds nothing on this page. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`
	);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** A request context like a browser without script: form posts with our Origin, HTML back. */
export async function client(storageState?: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: BASE_URL,
		storageState,
		extraHTTPHeaders: { origin: BASE_URL, accept: 'text/html' }
	});
}

export async function post(
	ctx: APIRequestContext,
	url: string,
	form: Record<string, string>
): Promise<{ status: number; html: string; url: string }> {
	const res = await ctx.post(url, { form });
	return { status: res.status(), html: await res.text(), url: res.url() };
}

function testId(html: string, id: string): string {
	const found = html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]+)<`));
	if (!found) throw new Error(`no ${id} in page`);
	return found[1]!.trim();
}

export type TestFlat = {
	slug: string;
	name: string;
	joinCode: string;
	verbinder: { name: string; state: string };
};

/**
 * A flat made the way people make one: the admin creates it and hands a verbinder a login
 * code, the verbinder sets a password and reads the join code from the poster page.
 */
export async function makeFlat(
	prefix: string,
	joinMode: 'open' | 'approval' = 'open'
): Promise<TestFlat> {
	const slug = uniqueSlug(prefix);
	const name = `Flat ${slug}`;
	const admin = await client(ADMIN_STATE);
	const created = await post(admin, '/admin?/createFlat', {
		name,
		slug,
		timeZone: 'Europe/Amsterdam',
		joinMode
	});
	expect(created.status).toBe(200);
	const page = await (await admin.get('/admin')).text();
	const flatId = page.match(new RegExp(`<option value="(\\d+)"[^>]*>${name}</option>`))?.[1];
	expect(flatId).toBeTruthy();
	const handed = await post(admin, '/admin?/verbinder', { flatId: flatId!, name: 'Bram' });
	const code = testId(handed.html, 'login-code');
	await admin.dispose();

	const verbinder = await client();
	await post(verbinder, '/code?/redeem', { code, password: PASSWORD });
	const poster = await (await verbinder.get(`/f/${slug}/join-code`)).text();
	const joinCode = testId(poster, 'join-code');
	const state = path.join(DATA_DIR, `${slug}-verbinder.json`);
	await verbinder.storageState({ path: state });
	await verbinder.dispose();
	return { slug, name, joinCode, verbinder: { name: 'Bram', state } };
}

/** A resident joins through the API and gets a logged-in state file. */
export async function joinAs(flat: TestFlat, name: string, houseNumber = ''): Promise<string> {
	const ctx = await client();
	const res = await post(ctx, `/join/${flat.joinCode}?/join`, {
		locale: 'nl',
		name,
		houseNumber,
		password: PASSWORD
	});
	expect(res.status, res.html.slice(0, 500)).toBe(200);
	const state = path.join(DATA_DIR, `${flat.slug}-${name}.json`);
	await ctx.storageState({ path: state });
	await ctx.dispose();
	return state;
}

/** `ready` can resolve while the worker is still activating: wait for `activated`. */
export async function workerActivated(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		const worker = reg.active!;
		if (worker.state !== 'activated')
			await new Promise((done) =>
				worker.addEventListener('statechange', () => worker.state === 'activated' && done(null))
			);
	});
}

/**
 * Passes the server's clock: one round as at this instant, as the operator runs it by hand
 * (`npm run admin -- tick`), against the test server's database.
 */
export function tick(at: Date): string {
	return execFileSync('npm', ['run', '-s', 'admin', '--', 'tick', at.toISOString()], {
		env: { ...process.env, DATA_DIR },
		encoding: 'utf8'
	});
}
