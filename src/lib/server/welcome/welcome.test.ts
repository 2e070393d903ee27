import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import { greetings, memberships, welcomeSteps } from '../db/schema';
import { WELCOME_STEPS } from '$lib/welcome';
import * as members from '../members';
import * as moderation from '../moderation';
import * as welcome from '.';
import { ALLOWED_TAGS, renderMarkdown, sanitize } from './markdown';

const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ['href', 'rel'], ol: ['start'] };
const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

/** Reads entities back the way a browser would before it follows a link. */
function decode(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&colon;/gi, ':')
		.replace(/&tab;/gi, '\t')
		.replace(/&newline;/gi, '\n')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

/** The attributes of one tag as the browser reads them: name and (unquoted) value. */
function attributes(source: string): [string, string][] {
	const out: [string, string][] = [];
	const rest = source.replace(
		/\s*([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
		(_, name: string, dq?: string, sq?: string, bare?: string) => {
			out.push([name.toLowerCase(), dq ?? sq ?? bare ?? '']);
			return '';
		}
	);
	// Nothing in the tag is left over that the pattern did not understand.
	expect(rest.replace(/\s|\//g, '')).toBe('');
	return out;
}

/**
 * Every tag in the output is on the allowlist, with only its own attributes (so no `on…=`,
 * style or class) and links only to http(s), mailto and tel. Text is not inspected: what is
 * escaped there is shown, not run.
 */
function expectSafe(html: string) {
	expect(html).not.toMatch(/<script/i);
	const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
	// Each '<' left is one of those tags: anything else came out escaped as text.
	expect(html.split('<').length - 1).toBe(tags.length);
	for (const [, name, attrs = ''] of tags) {
		const tag = name!.toLowerCase();
		expect(ALLOWED_TAGS as readonly string[]).toContain(tag);
		for (const [attr, value] of attributes(attrs)) {
			expect(attr).not.toMatch(/^on/);
			expect(ALLOWED_ATTRIBUTES[tag] ?? []).toContain(attr);
			if (attr !== 'href') continue;
			const target = decode(value).replace(/[\s\p{Cc}]/gu, '');
			expect(target).toMatch(SAFE_HREF);
			expect(target).not.toMatch(/^(javascript|data|vbscript):/i);
		}
	}
}

const XSS = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<svg/onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x](jav&#x09;ascript:alert(1))',
	'[x](jav&#x0A;ascript:alert(1))',
	'[x](&#106;avascript:alert(1))',
	'[x](javascript&colon;alert(1))',
	'[x](<javascript:alert(1)>)',
	'[x](  javascript:alert(1)  )',
	'[x](\tjavascript:alert(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](DATA:text/html,<script>alert(1)</script>)',
	'[x](vbscript:msgbox(1))',
	'[x](file:///etc/passwd)',
	'[x](//evil.example/steal)',
	'[x][evil]\n\n[evil]: javascript:alert(1)',
	'![x](javascript:alert(1))',
	'![tracker](https://evil.example/pixel.png)',
	'<javascript:alert(1)>',
	'<data:text/html,alert(1)>',
	'<vbscript:msgbox(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="&#x6A;avascript:alert(1)">x</a>',
	"<a href='javas\u0000cript:alert(1)'>x</a>",
	'<iframe src="https://evil.example"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<style>body{display:none}</style>',
	'<p style="background:url(javascript:alert(1))">x</p>',
	'<p class="big" id="x">x</p>',
	'<div onclick="alert(1)">x</div>',
	'<details open ontoggle=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<form action="https://evil.example"><button formaction="javascript:alert(1)">x</button></form>',
	'<base href="https://evil.example/">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
	'<textarea></textarea><img src=x onerror=alert(1)>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'&#60;img src=x onerror=alert(1)&#62;',
	'"><img src=x onerror=alert(1)>',
	'\'"><svg onload=alert(1)>',
	'[x](https://ok.example" onmouseover="alert(1))',
	'[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
	"[x](https://ok.example/'onmouseover='alert(1))",
	'**<img src=x onerror=alert(1)>**',
	'- <svg><a href="javascript:alert(1)">x</a></svg>',
	'[\u202Egnp.exe](https://evil.example/exe.png)',
	'<!-- <script>alert(1)</script> -->',
	'<![CDATA[<script>alert(1)</script>]]>'
];

describe('welcome text: Markdown to safe HTML', () => {
	it.each(XSS)('renders %j without anything that runs', (payload) => {
		expectSafe(renderMarkdown(payload));
	});

	it.each(XSS)('the sanitiser alone also stops %j', (payload) => {
		expectSafe(sanitize(payload));
	});

	it('has a corpus of at least thirty payloads', () => {
		expect(XSS.length).toBeGreaterThanOrEqual(30);
	});

	it('has a check that notices unsafe output', () => {
		for (const unsafe of [
			'<img src=x onerror=alert(1)>',
			'<p onclick="alert(1)">x</p>',
			'<p style="color:red">x</p>',
			'<a href="javascript:alert(1)">x</a>',
			'<a href="jav&#x09;ascript:alert(1)">x</a>',
			'<a href="data:text/html,x">x</a>',
			'<iframe></iframe>'
		])
			expect(() => expectSafe(unsafe), unsafe).toThrow();
	});

	it('keeps what a verbinder writes: bold, italic, lists, headings and links', () => {
		const html = renderMarkdown(
			[
				'# Welkom',
				'',
				'**Bram** en *Samira*',
				'Dinsdag 10:00',
				'',
				'- de galerij is vrij',
				'- containers op dinsdag',
				'',
				'1. vraag',
				'2. help',
				'',
				'[gemeente](https://www.example.nl/buurt) · [mail](mailto:bram@example.nl) · [bel](tel:+31201234567)'
			].join('\n')
		);
		expectSafe(html);
		expect(html).toContain('<h2>Welkom</h2>');
		expect(html).toContain('<strong>Bram</strong>');
		expect(html).toContain('<em>Samira</em>');
		// A line break where the writer pressed Enter.
		expect(html).toMatch(/<em>Samira<\/em><br \/>\s*Dinsdag/);
		expect(html).toContain('<li>de galerij is vrij</li>');
		expect(html).toMatch(/<ol>\s*<li>vraag<\/li>/);
		expect(html).toContain(
			'<a href="https://www.example.nl/buurt" rel="noopener noreferrer nofollow">gemeente</a>'
		);
		expect(html).toContain('href="mailto:bram@example.nl"');
		expect(html).toContain('href="tel:+31201234567"');
	});

	it('shows typed HTML as the text it is, and a picture as its description', () => {
		expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
		expect(renderMarkdown('![de kat](https://example.org/kat.png)')).toBe('<p>de kat</p>');
	});

	it('removes characters that reverse text, so a link cannot pose as another', () => {
		expect(renderMarkdown('[a\u202Eb](https://example.org)')).not.toContain('\u202E');
	});

	it('makes a pasted address a link', () => {
		expect(renderMarkdown('Kijk op https://example.org')).toContain(
			'<a href="https://example.org" rel="noopener noreferrer nofollow">'
		);
	});
});

async function setup() {
	const base = await flatWithNeighbours();
	const { db, flat, ans } = base;
	members.setRole(db, flat.id, members.membership(db, flat.id, ans)!.id, 'verbinder');
	const membershipOf = (userId: number, flatId = flat.id) =>
		members.membership(db, flatId, userId)!;
	return { ...base, membershipOf };
}

describe('welcome page languages', () => {
	it('is empty until a verbinder writes it', async () => {
		const { db, flat } = await setup();
		expect(welcome.page(db, flat, 'nl')).toBeNull();
		expect(welcome.source(db, flat.id, 'nl')).toBe('');
	});

	it('falls back to Dutch when the reader’s language is not written', async () => {
		const { db, flat, ans } = await setup();
		welcome.save(db, flat.id, ans, 'nl', 'Welkom!');
		expect(welcome.page(db, flat, 'ar')).toEqual({
			html: '<p>Welkom!</p>',
			locale: 'nl',
			fallback: true,
			available: ['nl']
		});
	});

	it('shows the reader’s language once it is written', async () => {
		const { db, flat, ans } = await setup();
		welcome.save(db, flat.id, ans, 'nl', 'Welkom!');
		welcome.save(db, flat.id, ans, 'ar', 'أهلاً!');
		expect(welcome.page(db, flat, 'ar')).toEqual({
			html: '<p>أهلاً!</p>',
			locale: 'ar',
			fallback: false,
			available: ['nl', 'ar']
		});
	});

	it('falls back to any written language when there is no Dutch one', async () => {
		const { db, flat, ans } = await setup();
		welcome.save(db, flat.id, ans, 'en', 'Welcome!');
		expect(welcome.page(db, flat, 'ar')).toMatchObject({ locale: 'en', fallback: true });
	});

	it('updates a language in place, and an empty text removes it', async () => {
		const { db, flat, ans, kees } = await setup();
		expect(welcome.save(db, flat.id, ans, 'nl', 'Eerste')).toBe('saved');
		expect(welcome.save(db, flat.id, kees, 'nl', 'Tweede\r\n')).toBe('saved');
		expect(welcome.source(db, flat.id, 'nl')).toBe('Tweede');
		expect(welcome.languages(db, flat.id)).toEqual(['nl']);
		expect(welcome.save(db, flat.id, ans, 'nl', '  \n ')).toBe('removed');
		expect(welcome.page(db, flat, 'nl')).toBeNull();
	});

	it('never returns another flat’s welcome page', async () => {
		const { db, flat, ans } = await setup();
		const other = otherFlat(db);
		welcome.save(db, other.id, ans, 'ar', 'Niet van jullie');
		welcome.save(db, other.id, ans, 'nl', 'Ook niet van jullie');
		expect(welcome.page(db, flat, 'ar')).toBeNull();
		expect(welcome.source(db, flat.id, 'ar')).toBe('');
		expect(welcome.languages(db, flat.id)).toEqual([]);
		welcome.save(db, flat.id, ans, 'nl', 'Van ons');
		expect(welcome.page(db, flat, 'ar')).toMatchObject({
			html: '<p>Van ons</p>',
			locale: 'nl',
			available: ['nl']
		});
	});
});

describe('first-day checklist', () => {
	it('shows for a new member and ticks each step once', async () => {
		const { db, kees, membershipOf } = await setup();
		const m = membershipOf(kees);
		expect(m.welcomeDone).toBe(false);
		expect(welcome.showChecklist(m, welcome.steps(db, m.id))).toBe(true);
		const first = new Date('2027-03-01T10:00:00Z');
		expect(welcome.tick(db, m.id, 'install', first)).toBe(true);
		expect(welcome.tick(db, m.id, 'install', new Date('2027-03-02T10:00:00Z'))).toBe(false);
		expect(welcome.steps(db, m.id)).toEqual(['install']);
		const rows = db.select().from(welcomeSteps).where(eq(welcomeSteps.membershipId, m.id)).all();
		expect(rows).toEqual([{ membershipId: m.id, step: 'install', doneAt: first }]);
	});

	it('goes away for good when put away', async () => {
		const { db, kees, membershipOf } = await setup();
		welcome.dismiss(db, membershipOf(kees).id);
		const m = membershipOf(kees);
		expect(m.welcomeDone).toBe(true);
		expect(welcome.showChecklist(m, welcome.steps(db, m.id))).toBe(false);
	});

	it('finishes itself when the last step is done', async () => {
		const { db, kees, membershipOf } = await setup();
		const id = membershipOf(kees).id;
		for (const step of WELCOME_STEPS.slice(0, -1)) welcome.tick(db, id, step);
		expect(membershipOf(kees).welcomeDone).toBe(false);
		welcome.tick(db, id, WELCOME_STEPS.at(-1)!);
		expect(membershipOf(kees).welcomeDone).toBe(true);
		expect(welcome.showChecklist(membershipOf(kees), welcome.steps(db, id))).toBe(false);
	});

	it('asks a professional for no talents, so four steps finish theirs', async () => {
		const { db, flat, mo, membershipOf } = await setup();
		members.setRole(db, flat.id, membershipOf(mo).id, 'professional');
		const id = membershipOf(mo).id;
		expect(welcome.stepsFor('professional')).not.toContain('profile');
		for (const step of welcome.stepsFor('professional')) welcome.tick(db, id, step);
		expect(membershipOf(mo).welcomeDone).toBe(true);
	});

	it('leaves the checklist of other members alone', async () => {
		const { db, kees, mo, membershipOf } = await setup();
		welcome.dismiss(db, membershipOf(kees).id);
		welcome.tick(db, membershipOf(kees).id, 'calendar');
		expect(membershipOf(mo).welcomeDone).toBe(false);
		expect(welcome.steps(db, membershipOf(mo).id)).toEqual([]);
	});
});

describe('greetings', () => {
	it('takes one hello per member per flat and ticks the first step', async () => {
		const { db, flat, kees, membershipOf } = await setup();
		const m = membershipOf(kees);
		expect(welcome.greet(db, flat.id, kees, m.id, ' Hallo! Ik ben Kees. ')).toBe(true);
		expect(welcome.greet(db, flat.id, kees, m.id, 'Nog een keer')).toBe(false);
		const rows = db.select().from(greetings).where(eq(greetings.userId, kees)).all();
		expect(rows.map((g) => g.body)).toEqual(['Hallo! Ik ben Kees.']);
		expect(welcome.steps(db, m.id)).toEqual(['greet']);
	});

	it('lets the same person say hello again in another flat', async () => {
		const { db, flat, kees, membershipOf } = await setup();
		const other = otherFlat(db);
		members.joinAsUser(db, { flat: other, userId: kees, houseNumber: null });
		welcome.greet(db, flat.id, kees, membershipOf(kees).id, 'Hallo H');
		expect(welcome.greet(db, other.id, kees, membershipOf(kees, other.id).id, 'Hallo B')).toBe(
			true
		);
		expect(welcome.recentGreetings(db, other.id).map((g) => g.body)).toEqual(['Hallo B']);
	});

	it('shows the hellos of the last month, newest first, of people who still live here', async () => {
		const { db, flat, ans, kees, mo, join, membershipOf } = await setup();
		const now = new Date('2027-03-31T12:00:00Z');
		const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
		welcome.greet(db, flat.id, ans, membershipOf(ans).id, 'Lang geleden', daysAgo(40));
		welcome.greet(db, flat.id, kees, membershipOf(kees).id, 'Hallo, Kees hier', daysAgo(10));
		welcome.greet(db, flat.id, mo, membershipOf(mo).id, 'Ik ben Mo', daysAgo(2));
		const sara = await join('Sara');
		welcome.greet(db, flat.id, sara, membershipOf(sara).id, 'Sara, 4e verdieping', daysAgo(1));
		members.remove(db, flat.id, membershipOf(sara).id);

		expect(welcome.recentGreetings(db, flat.id, { now })).toEqual([
			{ name: 'Mo', body: 'Ik ben Mo', createdAt: daysAgo(2) },
			{ name: 'Kees', body: 'Hallo, Kees hier', createdAt: daysAgo(10) }
		]);
		expect(welcome.recentGreetings(db, flat.id, { days: 45, now })).toHaveLength(3);
	});

	it('keeps another flat’s hellos out', async () => {
		const { db, flat, kees, membershipOf } = await setup();
		const other = otherFlat(db);
		members.joinAsUser(db, { flat: other, userId: kees, houseNumber: null });
		welcome.greet(db, other.id, kees, membershipOf(kees, other.id).id, 'Alleen in B');
		expect(welcome.recentGreetings(db, flat.id)).toEqual([]);
	});

	it('hides the hellos of neighbours blocked either way from each other only', async () => {
		const { db, flat, ans, kees, mo, membershipOf } = await setup();
		welcome.greet(db, flat.id, kees, membershipOf(kees).id, 'Hallo, Kees hier');
		welcome.greet(db, flat.id, mo, membershipOf(mo).id, 'Ik ben Mo');
		welcome.greet(db, flat.id, ans, membershipOf(ans).id, 'Ans hier');
		moderation.block(db, flat.id, ans, kees);
		const bodies = (viewer: number) =>
			welcome.recentGreetings(db, flat.id, { viewer }).map((g) => g.body);
		expect(bodies(ans)).toEqual(['Ans hier', 'Ik ben Mo']);
		expect(bodies(kees)).toEqual(['Ik ben Mo', 'Hallo, Kees hier']);
		expect(bodies(mo)).toEqual(['Ans hier', 'Ik ben Mo', 'Hallo, Kees hier']);
	});

	it('does not show a neighbour who still waits for approval', async () => {
		const { db, flat, kees, membershipOf } = await setup();
		welcome.greet(db, flat.id, kees, membershipOf(kees).id, 'Hallo');
		db.update(memberships)
			.set({ status: 'pending' })
			.where(eq(memberships.id, membershipOf(kees).id))
			.run();
		expect(welcome.recentGreetings(db, flat.id)).toEqual([]);
	});
});
