// The app as a real installation runs it: behind Caddy on https (deploy/Caddyfile, with a
// certificate from Caddy's own CA instead of Let's Encrypt), with the proxy settings of
// deploy/burenbord.service. The suite's own server (plain http) is not used here.
import {
	chromium,
	devices,
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import config from '../playwright.config';
import { PASSWORD, workerActivated } from './helpers';
import { startPushService, type PushService } from './push-service';

let dir: string;
let origin: string;
let caddyRoot: string;
let app: ChildProcess;
let caddy: ChildProcess;
let browser: Browser;
let service: PushService;
const logs: string[] = [];

const SLUG = 'de-https';
let joinCode: string;

/** A loopback port nobody listens on now. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function started(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
	const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
	const keep = (chunk: Buffer) => logs.push(`${path.basename(command)}: ${chunk}`);
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	return child;
}

/**
 * deploy/Caddyfile as the operator gets it, on a loopback port with Caddy's internal CA: the
 * same site block, header and proxy, only the name, the port and where certificates come from
 * differ. Fails when the file no longer has what is replaced, so the two cannot drift apart.
 */
function testCaddyfile(httpsPort: number, appPort: number): string {
	const deployed = readFileSync('deploy/Caddyfile', 'utf8');
	const replace = (text: string, from: string, to: string) => {
		if (!text.includes(from)) throw new Error(`deploy/Caddyfile has no "${from}"`);
		return text.replace(from, to);
	};
	const site = replace(
		replace(
			deployed,
			'burenbord.example.nl {',
			`https://localhost:${httpsPort} {\n\tbind 127.0.0.1\n\ttls internal`
		),
		'reverse_proxy 127.0.0.1:3000',
		`reverse_proxy 127.0.0.1:${appPort}`
	);
	// No admin endpoint (another Caddy may have :2019), no redirect listener on :80, and the
	// CA is not put into the system's trust store.
	const global =
		'{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\tauto_https disable_redirects\n}\n';
	return global + site;
}

async function until(what: string, ready: () => Promise<boolean>, timeout = 20_000) {
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		if (await ready().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${what} did not come up:\n${logs.join('')}`);
}

/** One request through Caddy from a loopback address of our choice, as another client. */
function fromAddress(
	localAddress: string,
	pathname: string,
	form: Record<string, string>,
	headers: Record<string, string> = {}
): Promise<number> {
	const body = new URLSearchParams(form).toString();
	return new Promise((resolve, reject) => {
		const req = httpsRequest(
			`${origin}${pathname}`,
			{
				method: 'POST',
				localAddress,
				ca: caddyRoot,
				headers: {
					origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					...headers
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode!));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** Like tests/helpers' `client`, on the https address. */
function client(storageState?: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: origin,
		storageState,
		// The API client runs in Node and is not the subject here; the browser checks the chain.
		ignoreHTTPSErrors: true,
		extraHTTPHeaders: { origin, accept: 'text/html' }
	});
}

function testId(html: string, id: string): string {
	const found = html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]+)<`));
	if (!found) throw new Error(`no ${id} in page`);
	return found[1]!.trim();
}

/** The Set-Cookie line that sets the session, from a form post's own answer. */
async function sessionCookieOf(ctx: APIRequestContext, url: string, form: Record<string, string>) {
	const res = await ctx.post(url, { form, maxRedirects: 0 });
	expect(res.status(), (await res.text()).slice(0, 300)).toBe(303);
	return res
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((value) => value.startsWith('session='));
}

/** A resident joins through the API and gets a logged-in state file. */
async function joinAs(name: string): Promise<string> {
	const ctx = await client();
	const cookie = await sessionCookieOf(ctx, `/join/${joinCode}?/join`, {
		locale: 'nl',
		name,
		houseNumber: '',
		password: PASSWORD
	});
	expect(cookie).toMatch(/; Secure\b/);
	const state = path.join(dir, `${name}.json`);
	await ctx.storageState({ path: state });
	await ctx.dispose();
	return state;
}

async function phone(state?: string): Promise<BrowserContext> {
	return browser.newContext({
		...devices['Pixel 7'],
		baseURL: origin,
		locale: 'nl-NL',
		storageState: state,
		serviceWorkers: 'allow'
	});
}

test.beforeAll(async () => {
	test.setTimeout(45_000);
	dir = mkdtempSync(path.join(tmpdir(), 'burenbord-https-'));
	const [appPort, httpsPort] = [await freePort(), await freePort()];
	origin = `https://localhost:${httpsPort}`;
	service = await startPushService();

	// The server as deploy/burenbord.service starts it, plus the test push service's settings.
	app = started(process.execPath, ['tests/server.js'], {
		PORT: String(appPort),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		ADDRESS_HEADER: 'X-Forwarded-For',
		XFF_DEPTH: '1',
		DATA_DIR: path.join(dir, 'data'),
		PUSH_EXTRA_CA_FILE: path.resolve('tests/fixtures/push-cert.pem'),
		PUSH_ALLOW_PRIVATE_ADDRESSES: '1'
	});
	await until('the app', async () => (await fetch(`http://127.0.0.1:${appPort}/healthz`)).ok);

	const caddyfile = path.join(dir, 'Caddyfile');
	writeFileSync(caddyfile, testCaddyfile(httpsPort, appPort));
	caddy = started('/usr/bin/caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
		HOME: dir,
		XDG_DATA_HOME: dir,
		XDG_CONFIG_HOME: dir
	});
	const authority = path.join(dir, 'caddy/pki/authorities/local');
	await until('caddy', async () => {
		if (!existsSync(path.join(authority, 'root.crt'))) return false;
		caddyRoot = readFileSync(path.join(authority, 'root.crt'), 'utf8');
		return (await fromAddress('127.0.0.1', '/healthz', {})) > 0;
	});

	// Chromium accepts Caddy's CA by the key of its intermediate certificate, which Caddy sends
	// with every leaf. `ignoreHTTPSErrors` is not enough: it lets pages load, but Chromium still
	// refuses to register a service worker from an origin whose certificate has an error.
	const intermediate = new X509Certificate(readFileSync(path.join(authority, 'intermediate.crt')));
	const spki = createHash('sha256')
		.update(intermediate.publicKey.export({ type: 'spki', format: 'der' }))
		.digest('base64');
	const launch = config.use!.launchOptions!;
	browser = await chromium.launch({
		...launch,
		args: [...(launch.args ?? []), `--ignore-certificate-errors-spki-list=${spki}`]
	});

	// The first run, as an operator does it: the setup page makes the admin and the flat.
	const admin = await client();
	const cookie = await sessionCookieOf(admin, '/setup', {
		adminName: 'Anna',
		password: 'beheer-wachtwoord',
		name: 'De Https',
		slug: SLUG,
		timeZone: 'Europe/Amsterdam',
		joinMode: 'open'
	});
	expect(cookie).toMatch(/; Secure\b/);
	const adminPage = await (await admin.get('/admin')).text();
	const flatId = adminPage.match(/<option value="(\d+)"[^>]*>De Https<\/option>/)?.[1];
	const handed = await admin.post('/admin?/verbinder', { form: { flatId: flatId!, name: 'Bram' } });
	const code = testId(await handed.text(), 'login-code');
	await admin.dispose();
	const verbinder = await client();
	await verbinder.post('/code?/redeem', { form: { code, password: PASSWORD } });
	joinCode = testId(await (await verbinder.get(`/f/${SLUG}/join-code`)).text(), 'join-code');
	await verbinder.dispose();
});

test.afterAll(async () => {
	await browser?.close();
	await service?.close();
	caddy?.kill();
	app?.kill();
	rmSync(dir, { recursive: true, force: true });
});

test('over https the session cookie is Secure and Caddy sends HSTS', async () => {
	await joinAs('Ans');
	const visitor = await client();
	const cookie = await sessionCookieOf(visitor, '/login', {
		flat: SLUG,
		name: 'Ans',
		password: PASSWORD
	});
	expect(cookie).toMatch(/; HttpOnly; Secure; SameSite=Lax/);
	// One header, the Caddyfile's: no second value from the app, no preload.
	const home = await visitor.get('/');
	const hsts = home
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'strict-transport-security')
		.map((h) => h.value);
	expect(hsts).toEqual(['max-age=31536000']);
	await visitor.dispose();
});

test('the service worker registers over https and shows the offline page', async () => {
	const context = await phone(await joinAs('Mila'));
	const page = await context.newPage();
	await page.goto(`/f/${SLUG}`);
	await workerActivated(page);
	await page.reload(); // now controlled by the worker
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await context.setOffline(true);
	const response = await page.goto(`/f/${SLUG}/members`);
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je bent offline');
	await context.close();
});

test('a phone subscribes over https and a push arrives when a neighbour answers', async () => {
	const ans = await client(await joinAs('Noor'));
	const kees = await client(await joinAs('Kees'));
	await ans.post(`/f/${SLUG}/notifications/settings`, {
		form: { kind_responses: 'push', quiet: 'off' }
	});
	const device = service.newSubscription('noor-phone');
	const subscribed = await ans.post('/settings/push', {
		data: device,
		headers: { 'content-type': 'application/json' }
	});
	expect(subscribed.status()).toBe(201);
	const asked = await ans.post(`/f/${SLUG}/help/new`, {
		form: { type: 'request', category: 'pets', title: 'Wie voert mijn kat?', when: 'flexible' }
	});
	const postId = asked.url().match(/\/help\/(\d+)$/)?.[1];
	expect(postId).toBeTruthy();
	const arriving = service.waitFor('noor-phone', 10_000);
	await kees.post(`/f/${SLUG}/help/${postId}?/respond`, { form: { message: 'Ik kan helpen' } });
	const arrived = await arriving;
	expect(arrived.ok, arrived.problems.join('; ')).toBe(true);
	expect(JSON.parse(arrived.payload!)).toMatchObject({ url: `/f/${SLUG}/help/${postId}` });
	await ans.dispose();
	await kees.dispose();
});

test('per-address limits count the client Caddy saw, whatever X-Forwarded-For it sends', async () => {
	// 127.0.0.2 guesses join codes, each time with another made-up X-Forwarded-For. To the app,
	// every request comes from Caddy at 127.0.0.1: were it to count that address, every client
	// would share one limit; were it to believe the client's header, the guesser would never
	// be limited.
	const guess = (from: string, forged: string) =>
		fromAddress(from, '/join', { code: 'HTTPS-2345-6789' }, { 'x-forwarded-for': forged });
	const statuses: number[] = [];
	for (let i = 0; i < 31; i++) statuses.push(await guess('127.0.0.2', `203.0.113.${i}`));
	expect(statuses.slice(0, 30)).toEqual(Array(30).fill(400));
	expect(statuses[30]).toBe(429);
	// Another client, even one that names the limited address, is not held up by it.
	expect(await guess('127.0.0.3', '127.0.0.2')).toBe(400);
});
