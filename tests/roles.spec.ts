import { expect, test, type APIRequestContext } from '@playwright/test';
import path from 'node:path';
import { DATA_DIR } from '../playwright.config';
import { flatRows, serverDb, type ServerDb } from './db';
import { ADMIN, client, joinAs, makeFlat, PASSWORD, post, type TestFlat } from './helpers';
import { actionUrl, flatRoutes, siteRoutes, type Samples } from './routes';

/** Who knocks: the four roles of the role matrix, and someone not logged in. */
type Actor = 'visitor' | 'resident' | 'verbinder' | 'professional' | 'admin';
const ACTORS: readonly Actor[] = ['visitor', 'resident', 'verbinder', 'professional', 'admin'];

const EVERYONE = ACTORS;
const LOGGED_IN: readonly Actor[] = ['resident', 'verbinder', 'professional', 'admin'];
/** The admin runs the server, not a flat: nothing inside one is the admin's. */
const MEMBERS: readonly Actor[] = ['resident', 'verbinder', 'professional'];
/** Help posts, threads, balances and keys: never professionals. */
const NEIGHBOURS: readonly Actor[] = ['resident', 'verbinder'];
/** The social map and the welcome text. */
const EDITORS: readonly Actor[] = ['verbinder', 'professional'];
const VERBINDER: readonly Actor[] = ['verbinder'];
const NOBODY: readonly Actor[] = [];

type Form = Record<string, string>;

type Rule = {
	/** Who may take the step: on the flat, or on a post or activity a neighbour made. */
	may: readonly Actor[];
	/**
	 * Who the route's role guard lets in, when that is more than `may`: the post or activity
	 * itself refuses the rest (only its author, or the two in a thread, or a verbinder).
	 */
	guard?: readonly Actor[];
	/** A form that would take the step: everyone else sends it, and must be refused. */
	real?: (n: Neighbourhood) => Form;
	/** What those who may send: empty or invalid, so validation stops it, not a guard. */
	probe?: Form;
};

const FLAT = '/f/[flat=flat]';

const helpPost = (): Form => ({
	type: 'request',
	category: 'pets',
	title: 'Overgenomen vraag',
	when: 'flexible',
	confirmed: 'on'
});
const activity = (n: Neighbourhood): Form => ({
	title: 'Overgenomen activiteit',
	place: 'Buurtkamer',
	startDate: n.date,
	startTime: '14:00',
	endTime: '15:00',
	recurrence: 'none'
});

/**
 * The expectation table: every form action in the route tree, and who may use it. A test
 * below fails when the tree has an action this table does not name, or the other way round.
 */
const RULES: Record<string, Record<string, Rule>> = {
	'/admin': {
		createFlat: {
			may: ['admin'],
			real: (n) => ({
				name: 'Overgenomen flat',
				slug: `${n.flat.slug}-new`,
				timeZone: 'Europe/Amsterdam',
				joinMode: 'open'
			})
		},
		verbinder: { may: ['admin'], real: (n) => ({ flatId: String(n.flatId), name: 'Eve' }) }
	},
	'/admin/login': { default: { may: EVERYONE } },
	'/code': { check: { may: EVERYONE }, redeem: { may: EVERYONE } },
	'/join': { default: { may: EVERYONE } },
	'/join/[code]': {
		join: { may: EVERYONE },
		// Joining with the account one has; a visitor is sent to log in first.
		member: { may: LOGGED_IN, real: () => ({ houseNumber: '' }), probe: { houseNumber: '<>' } }
	},
	'/language': { default: { may: EVERYONE } },
	'/login': { default: { may: EVERYONE } },
	'/logout': { default: { may: EVERYONE } },
	'/settings': {
		removeDevice: { may: LOGGED_IN, real: () => ({ id: '1' }) },
		language: { may: LOGGED_IN, real: () => ({ locale: 'en' }) },
		password: {
			may: LOGGED_IN,
			real: () => ({ current: PASSWORD, password: 'een ander wachtwoord' })
		}
	},
	'/settings/privacy': {
		delete: { may: LOGGED_IN, real: () => ({ password: PASSWORD, confirm: 'on' }) }
	},
	// Gone for good once the first flat exists.
	'/setup': {
		default: {
			may: NOBODY,
			real: (n) => ({
				adminName: 'Eve',
				password: 'overname-wachtwoord',
				name: 'Overgenomen',
				slug: `${n.flat.slug}-setup`,
				timeZone: 'UTC',
				joinMode: 'open'
			})
		}
	},

	[`${FLAT}/calendar`]: { feed: { may: MEMBERS }, stopFeed: { may: MEMBERS } },
	// The activity is the verbinder's: its author or a verbinder manages it, nobody else.
	[`${FLAT}/calendar/[id=id]`]: {
		approve: { may: VERBINDER, guard: MEMBERS },
		decline: { may: VERBINDER, guard: MEMBERS },
		pause: { may: VERBINDER, guard: MEMBERS },
		resume: { may: VERBINDER, guard: MEMBERS },
		end: { may: VERBINDER, guard: MEMBERS, real: (n) => ({ lastDate: n.date }) }
	},
	[`${FLAT}/calendar/[id=id]/[date=date]`]: {
		// Professionals see how many come, not who: they do not answer either.
		rsvp: { may: NEIGHBOURS, real: () => ({ kind: 'coming', guests: '1' }) },
		undo: { may: NEIGHBOURS },
		cancel: { may: VERBINDER, guard: MEMBERS, real: () => ({ reason: 'Schoonmaak' }) },
		change: {
			may: VERBINDER,
			guard: MEMBERS,
			real: (n) => ({ date: n.date, startTime: '11:00', endTime: '12:00', place: 'Tuin' })
		},
		restore: { may: VERBINDER, guard: MEMBERS }
	},
	[`${FLAT}/calendar/[id=id]/edit`]: {
		default: { may: VERBINDER, guard: MEMBERS, real: activity }
	},
	[`${FLAT}/calendar/new`]: { default: { may: MEMBERS, real: activity } },
	[`${FLAT}/calendar/poll/[id=id]`]: {
		// Professionals see how many a date suits, not who: they do not tick either.
		tick: {
			may: NEIGHBOURS,
			real: (n) => ({ options: String(n.pollOption) }),
			probe: { options: 'x' }
		},
		// A verbinder (or the poll's author, where allowed to publish) turns a date into the activity.
		decide: {
			may: VERBINDER,
			guard: MEMBERS,
			real: (n) => ({ optionId: String(n.pollOption) }),
			probe: { optionId: '' }
		}
	},
	// Residents may offer dates only where they may publish; this flat has them propose.
	[`${FLAT}/calendar/poll/new`]: {
		default: {
			may: EDITORS,
			guard: MEMBERS,
			real: (n) => ({
				title: 'Overgenomen datumvraag',
				place: 'Buurtkamer',
				date1: n.date,
				start1: '14:00',
				end1: '15:00',
				date2: n.date,
				start2: '16:00',
				end2: '17:00'
			})
		}
	},
	[`${FLAT}/calendar/settings`]: {
		default: {
			may: VERBINDER,
			real: () => ({ places: 'Kelder', residentActivities: 'publish' }),
			probe: { residentActivities: 'altijd' }
		}
	},
	// Fatima's request, which Ans answered: only Fatima and her helper take the thread's steps.
	[`${FLAT}/help/[id=id]`]: {
		respond: {
			may: NEIGHBOURS,
			real: () => ({ message: 'Ik kan helpen' }),
			probe: { message: 'x'.repeat(301) }
		},
		accept: { may: NOBODY, guard: NEIGHBOURS, real: (n) => ({ responseId: String(n.response) }) },
		message: { may: NOBODY, guard: NEIGHBOURS, real: () => ({ body: 'Meelezen?' }) },
		done: { may: NOBODY, guard: NEIGHBOURS },
		confirm: { may: NOBODY, guard: NEIGHBOURS },
		thank: { may: NOBODY, guard: NEIGHBOURS, real: () => ({ note: 'Dank je' }) },
		withdraw: { may: NOBODY, guard: NEIGHBOURS },
		extend: { may: NOBODY, guard: NEIGHBOURS },
		// Only the author of a lost or found post; the sample post is a request.
		returned: { may: NOBODY, guard: NEIGHBOURS },
		// Someone not suggested for it says "not now": nothing to change, nothing refused.
		notNow: { may: NEIGHBOURS },
		report: { may: NEIGHBOURS, real: () => ({ reason: 'Klopt niet' }) },
		block: { may: NEIGHBOURS }
	},
	[`${FLAT}/help/[id=id]/suggest`]: {
		suggest: {
			may: VERBINDER,
			real: (n) => ({ userId: String(n.fatima.userId) }),
			probe: { userId: '' }
		}
	},
	[`${FLAT}/help/waiting`]: {
		days: { may: VERBINDER, real: () => ({ days: '3' }), probe: { days: '9' } }
	},
	[`${FLAT}/notices/new`]: {
		default: {
			may: EDITORS,
			real: (n) => ({
				kind: 'other',
				validFrom: n.date,
				validUntil: n.date,
				title_nl: 'Overgenomen bericht'
			}),
			probe: {}
		}
	},
	// The writer (Bram here) or any verbinder; a professional passes the guard, the notice refuses.
	[`${FLAT}/notices/[id=id]`]: { remove: { may: VERBINDER, guard: EDITORS } },
	// Only the writer: Bram wrote the sample notice.
	[`${FLAT}/notices/[id=id]/edit`]: {
		default: {
			may: VERBINDER,
			guard: EDITORS,
			real: (n) => ({
				kind: 'other',
				validFrom: n.date,
				validUntil: n.date,
				title_nl: 'Overgenomen bericht'
			}),
			probe: {}
		}
	},
	[`${FLAT}/summary`]: {
		schedule: {
			may: VERBINDER,
			real: () => ({ day: '3', time: '09:30' }),
			probe: { day: '9', time: 'straks' }
		}
	},
	[`${FLAT}/help/[id=id]/edit`]: { default: { may: NOBODY, guard: NEIGHBOURS, real: helpPost } },
	[`${FLAT}/help/new`]: { default: { may: NEIGHBOURS, real: helpPost } },
	[`${FLAT}/join-code`]: {
		rotate: { may: VERBINDER },
		joinMode: { may: VERBINDER, real: () => ({ joinMode: 'open' }) }
	},
	[`${FLAT}/keys`]: {
		add: { may: NEIGHBOURS, real: (n) => ({ holderId: String(n.fatima.userId) }) },
		review: { may: NEIGHBOURS, real: (n) => ({ keyId: String(n.key) }) },
		end: { may: NEIGHBOURS, real: (n) => ({ keyId: String(n.key) }) }
	},
	[`${FLAT}/map`]: {
		move: { may: EDITORS, real: (n) => ({ id: String(n.entry), direction: 'up' }) }
	},
	[`${FLAT}/map/[id=id]/edit`]: {
		save: {
			may: EDITORS,
			real: () => ({ category: 'neighbourhood_team', name: 'Overgenomen plek' })
		},
		remove: { may: EDITORS, real: () => ({ confirm: 'on' }) }
	},
	[`${FLAT}/map/new`]: {
		default: { may: EDITORS, real: () => ({ category: 'other', name: 'Overgenomen plek' }) }
	},
	[`${FLAT}/members`]: {
		approve: { may: VERBINDER, real: (n) => ({ membershipId: String(n.waiting) }) },
		refuse: { may: VERBINDER, real: (n) => ({ membershipId: String(n.waiting) }) },
		remove: { may: VERBINDER, real: (n) => ({ membershipId: String(n.fatima.membershipId) }) },
		role: {
			may: VERBINDER,
			real: (n) => ({ membershipId: String(n.fatima.membershipId), role: 'verbinder' })
		},
		loginCode: {
			may: VERBINDER,
			real: (n) => ({ membershipId: String(n.fatima.membershipId) })
		}
	},
	[`${FLAT}/notifications`]: {
		open: { may: MEMBERS, real: (n) => ({ id: String(n.notification) }) },
		allRead: { may: MEMBERS }
	},
	[`${FLAT}/notifications/settings`]: {
		default: {
			may: MEMBERS,
			real: () => ({ kind_activities: 'off' }),
			probe: { quiet: 'on', quietStart: 'straks' }
		}
	},
	[`${FLAT}/profile`]: {
		save: {
			may: NEIGHBOURS,
			real: () => ({ talents: 'pets', tags: 'koken' }),
			probe: { talents: 'alles' }
		},
		unblock: { may: NEIGHBOURS, real: (n) => ({ userId: String(n.fatima.userId) }) }
	},
	[`${FLAT}/reports`]: {
		handle: { may: VERBINDER, real: (n) => ({ reportId: String(n.report), outcome: 'hide' }) }
	},
	[`${FLAT}/welcome`]: {
		greet: { may: MEMBERS, real: () => ({ body: 'Hallo allemaal' }) },
		tick: { may: MEMBERS, real: () => ({ step: 'install' }) },
		dismiss: { may: MEMBERS }
	},
	[`${FLAT}/welcome/edit`]: {
		save: {
			may: EDITORS,
			real: () => ({ locale: 'nl', body: 'Overgenomen welkom' }),
			probe: { locale: 'xx' }
		},
		preview: {
			may: EDITORS,
			real: () => ({ locale: 'nl', body: 'Overgenomen welkom' }),
			probe: { locale: 'xx' }
		}
	}
};

/** Steps that end what the rest of the run needs (a neighbour, the join code, the session). */
const LAST = [
	`${FLAT}/notices/[id=id] ?/remove`,
	`${FLAT}/help/[id=id] ?/block`,
	`${FLAT}/join-code ?/rotate`,
	'/logout ?/default'
];

/** What only neighbours may read: none of it may reach a professional. */
const SECRET = {
	doneTitle: 'Pssst wie voert mijn kat',
	doneText: 'Pssst de sleutel ligt onder de mat',
	response: 'Pssst ik kan woensdag',
	message: 'Pssst bel maar aan op drie hoog',
	openTitle: 'Pssst wie leent mij een ladder',
	laterTitle: 'Pssst wie haalt mijn boodschappen',
	behalfTitle: 'Pssst boodschappen voor de buurvrouw',
	behalfName: 'mevrouw Pssst',
	houseNumbers: ['A-4711', 'J-2207', 'F-0815', 'W-0042']
};

/** How balances show: in the page (Dutch), and as their names in the page data. */
const BALANCE = ['Jouw geven en krijgen', 'Hielp ', '"given":', '"received":', '"flatThisMonth":'];

type Neighbourhood = {
	flat: TestFlat;
	flatId: number;
	db: ServerDb;
	states: Record<'resident' | 'verbinder' | 'professional', string>;
	/** Fatima's open request that Ans answered, and her request that Ans helped with. */
	post: number;
	response: number;
	donePost: number;
	laterPost: number;
	behalfPost: number;
	activity: number;
	date: string;
	entry: number;
	key: number;
	report: number;
	notification: number;
	notice: number;
	poll: number;
	pollOption: number;
	fatima: { userId: number; membershipId: number };
	/** Wim's membership, waiting for a verbinder. */
	waiting: number;
};

function ahead(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
		timeZone: 'Europe/Amsterdam'
	});
}

async function ok(ctx: APIRequestContext, url: string, form: Form): Promise<string> {
	const res = await post(ctx, url, form);
	expect(res.status, `${url}: ${res.html.slice(0, 300)}`).toBe(200);
	return res.url;
}

/**
 * A flat with some life in it, made through the app: Ans (resident), Joost (resident, then
 * the flat's professional), Fatima who asks for help, the verbinder Bram, and Wim waiting
 * to be let in; one request done with a thread and a thank-you balance, open ones, an
 * activity, a place on the map, a spare key and a report. House numbers for everyone.
 */
async function neighbourhood(prefix: string): Promise<Neighbourhood> {
	const flat = await makeFlat(prefix);
	const f = `/f/${flat.slug}`;
	const db = serverDb();
	const states = {
		resident: await joinAs(flat, 'Ans', SECRET.houseNumbers[0]),
		professional: await joinAs(flat, 'Joost', SECRET.houseNumbers[1]),
		verbinder: flat.verbinder.state
	};
	const ans = await client(states.resident);
	const joost = await client(states.professional);
	const fatima = await client(await joinAs(flat, 'Fatima', SECRET.houseNumbers[2]));
	const bram = await client(flat.verbinder.state);
	const flatId = db.prepare('SELECT id FROM flats WHERE slug = ?').pluck().get(flat.slug) as number;
	const member = (name: string) =>
		db
			.prepare(
				`SELECT m.id AS membershipId, m.user_id AS userId FROM memberships m
				 JOIN users u ON u.id = m.user_id WHERE m.flat_id = ? AND u.name = ?`
			)
			.get(flatId, name) as { membershipId: number; userId: number };
	const ask = async (ctx: APIRequestContext, form: Form) => {
		const url = await ok(ctx, `${f}/help/new`, {
			type: 'request',
			category: 'pets',
			when: 'flexible',
			confirmed: 'on',
			...form
		});
		return Number(url.match(/\/help\/(\d+)$/)?.[1]);
	};
	const responseTo = (postId: number) =>
		db.prepare('SELECT id FROM help_responses WHERE post_id = ?').pluck().get(postId) as number;

	// Joost, still a resident, asks to hear of every request and of those for his talents.
	await ok(joost, `${f}/notifications/settings`, { kind_requests: 'app' });
	await ok(joost, `${f}/profile?/save`, { talents: 'pets', notifyMatches: 'on' });
	await ok(ans, `${f}/profile?/save`, { talents: 'pets', showBalance: 'on' });

	const donePost = await ask(fatima, { title: SECRET.doneTitle, description: SECRET.doneText });
	await ok(ans, `${f}/help/${donePost}?/respond`, { message: SECRET.response });
	await ok(fatima, `${f}/help/${donePost}?/accept`, { responseId: String(responseTo(donePost)) });
	await ok(ans, `${f}/help/${donePost}?/message`, { body: SECRET.message });
	await ok(fatima, `${f}/help/${donePost}?/done`, {});
	await ok(ans, `${f}/help/${donePost}?/confirm`, {});
	const openPost = await ask(fatima, { title: SECRET.openTitle, category: 'lend' });
	await ok(ans, `${f}/help/${openPost}?/respond`, { message: 'Ik heb er een' });

	const joostMember = member('Joost');
	await ok(bram, `${f}/members?/role`, {
		membershipId: String(joostMember.membershipId),
		role: 'professional'
	});
	const laterPost = await ask(fatima, { title: SECRET.laterTitle, category: 'errands' });
	const behalfPost = await ask(bram, {
		title: SECRET.behalfTitle,
		category: 'errands',
		onBehalfOf: SECRET.behalfName
	});

	const date = ahead(3);
	const made = await ok(bram, `${f}/calendar/new`, {
		title: 'Koffie in de Buurtkamer',
		place: 'Buurtkamer',
		startDate: date,
		startTime: '10:00',
		endTime: '11:30',
		recurrence: 'weekly',
		helpersWanted: '1'
	});
	const activityId = Number(made.match(/\/calendar\/(\d+)$/)?.[1]);
	await ok(ans, `${f}/calendar/${activityId}/${date}?/rsvp`, { kind: 'coming' });
	const place = await ok(bram, `${f}/map/new`, {
		category: 'neighbourhood_team',
		name: 'Buurtteam Noord'
	});
	const entry = Number(place.match(/entry[-=](\d+)/)?.[1]);
	const fatimaMember = member('Fatima');
	const posted = await ok(bram, `${f}/notices/new`, {
		kind: 'maintenance',
		validFrom: ahead(0),
		validUntil: date,
		title_nl: 'De lift is kapot'
	});
	const pollMade = await ok(bram, `${f}/calendar/poll/new`, {
		title: 'Lunch',
		place: 'Buurtkamer',
		date1: date,
		start1: '12:00',
		end1: '13:00',
		date2: date,
		start2: '18:00',
		end2: '19:00'
	});
	const poll = Number(pollMade.match(/\/calendar\/poll\/(\d+)$/)?.[1]);
	await ok(ans, `${f}/keys?/add`, { holderId: String(fatimaMember.userId) });
	await ok(ans, `${f}/help/${openPost}?/report`, { reason: 'Dubbel geplaatst' });

	await ok(bram, `${f}/join-code?/joinMode`, { joinMode: 'approval' });
	await joinAs(flat, 'Wim', SECRET.houseNumbers[3]);

	const one = (sql: string) => db.prepare(sql).pluck().get(flatId) as number;
	const n: Neighbourhood = {
		flat,
		flatId,
		db,
		states,
		post: openPost,
		response: responseTo(openPost),
		donePost,
		laterPost,
		behalfPost,
		activity: activityId,
		date,
		entry,
		key: one('SELECT id FROM spare_keys WHERE flat_id = ?'),
		report: one('SELECT id FROM reports WHERE flat_id = ?'),
		notification: one('SELECT min(id) FROM notifications WHERE flat_id = ?'),
		notice: Number(posted.match(/\/notices\/(\d+)$/)?.[1]),
		poll,
		pollOption: db
			.prepare('SELECT min(id) FROM activity_poll_options WHERE poll_id = ?')
			.pluck()
			.get(poll) as number,
		fatima: fatimaMember,
		waiting: member('Wim').membershipId
	};
	for (const [name, value] of Object.entries(n))
		if (typeof value === 'number') expect(value, name).toBeGreaterThan(0);
	for (const ctx of [ans, joost, fatima, bram]) await ctx.dispose();
	return n;
}

/** The flat's routes with real ids: its post, its activity and date, its place on the map. */
function samples(n?: Neighbourhood): Samples {
	if (!n) return {};
	return {
		'/help/[id=id]': String(n.post),
		'/calendar/[id=id]': String(n.activity),
		'/map/[id=id]': String(n.entry),
		'/notices/[id=id]': String(n.notice),
		'/calendar/poll/[id=id]': String(n.poll),
		date: n.date
	};
}

/** Every form action in the route tree, inside the flat and outside it. */
function everyAction(n?: Neighbourhood) {
	const slug = n?.flat.slug ?? 'some-flat';
	const routes = [
		...siteRoutes({ code: n?.flat.joinCode ?? 'ABCD-EFGH' }),
		...flatRoutes(samples(n)).map((r) => ({
			...r,
			route: `${FLAT}${r.route}`,
			path: `/f/${slug}${r.path}`
		}))
	];
	return routes.flatMap((r) =>
		r.actions.map((action) => ({ route: r.route, action, url: actionUrl(r.path, action) }))
	);
}

type Answer = { status: number; type: string; location: string | null };

/**
 * Posts the form the way an enhanced form does, so the action's own answer comes back and
 * no page load (with a guard of its own) runs after it.
 */
async function act(ctx: APIRequestContext, url: string, form: Form): Promise<Answer> {
	const res = await ctx.post(url, {
		form,
		maxRedirects: 0,
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const body = (await res.json().catch(() => null)) as Partial<Answer> | null;
	return {
		status: res.status() === 200 && body?.status ? body.status : res.status(),
		type: body?.type ?? 'none',
		location: body?.location ?? null
	};
}

/** Refused: forbidden, a flat that is not yours (404), or off to log in first. */
const refused = (a: Answer) =>
	a.status === 403 ||
	a.status === 404 ||
	(a.type === 'redirect' && /^\/(admin\/)?login(\?|$)/.test(a.location ?? ''));

const show = (a: Answer) => `${a.type} ${a.status}${a.location ? ` to ${a.location}` : ''}`;

test('the table names every form action in the route tree, and nothing else', () => {
	const inTree = everyAction()
		.map((a) => `${a.route} ?/${a.action}`)
		.sort();
	const inTable = Object.entries(RULES)
		.flatMap(([route, actions]) => Object.keys(actions).map((a) => `${route} ?/${a}`))
		.sort();
	expect(inTable).toEqual(inTree);
});

test('every action lets in whom the table names, and refuses everyone else without a change', async () => {
	const n = await neighbourhood('roles');
	// The admin's own session: this one logs out at the end, not the one other tests share.
	const admin = await client();
	expect((await post(admin, '/admin/login', ADMIN)).url).toMatch(/\/admin$/);
	const adminState = path.join(DATA_DIR, `${n.flat.slug}-admin.json`);
	await admin.storageState({ path: adminState });
	await admin.dispose();
	const contexts: Record<Actor, APIRequestContext> = {
		visitor: await client(),
		resident: await client(n.states.resident),
		verbinder: await client(n.states.verbinder),
		professional: await client(n.states.professional),
		admin: await client(adminState)
	};
	const rows = () => flatRows(n.db, { id: n.flatId, slug: n.flat.slug });
	const last = (a: { route: string; action: string }) => LAST.indexOf(`${a.route} ?/${a.action}`);
	const targets = everyAction(n).sort((a, b) => last(a) - last(b));
	const wrong: string[] = [];
	let cells = 0;

	for (const { route, action, url } of targets) {
		const rule = RULES[route]?.[action];
		if (!rule) {
			wrong.push(`${route} ?/${action} is not in the table`);
			continue;
		}
		for (const actor of ACTORS) {
			cells++;
			const ctx = contexts[actor];
			const where = `${route} ?/${action} as ${actor}`;
			if (rule.may.includes(actor)) {
				const got = await act(ctx, url, rule.probe ?? {});
				if (refused(got) || got.status >= 500)
					wrong.push(`${where}: let in expected, ${show(got)}`);
				continue;
			}
			// Past the role guard, a neighbour's post refuses once the form is read; before it,
			// nothing the form says may matter, so an empty one is refused as well.
			const guarded = rule.guard?.includes(actor) ?? false;
			const forms = [rule.real?.(n) ?? {}, ...(rule.real && !guarded ? [{}] : [])];
			for (const form of forms) {
				const before = rows();
				const got = await act(ctx, url, form);
				if (!refused(got))
					wrong.push(`${where} ${JSON.stringify(form)}: refused expected, ${show(got)}`);
				if (rows() !== before)
					wrong.push(`${where} ${JSON.stringify(form)}: the flat's data changed`);
			}
		}
	}
	expect(wrong).toEqual([]);
	expect(cells).toBe(targets.length * ACTORS.length);
	expect(targets.length).toBeGreaterThan(60);
	for (const ctx of Object.values(contexts)) await ctx.dispose();
	n.db.close();
});

test('a professional never sees help posts, threads, balances or house numbers, nor their page data', async () => {
	const n = await neighbourhood('roles-pro');
	const f = `/f/${n.flat.slug}`;
	const secrets = [
		SECRET.doneTitle,
		SECRET.doneText,
		SECRET.response,
		SECRET.message,
		SECRET.openTitle,
		SECRET.laterTitle,
		SECRET.behalfTitle,
		SECRET.behalfName,
		...SECRET.houseNumbers,
		...BALANCE
	];
	// Each help route with each post: open, done with a thread, asked later, on someone's behalf.
	const paths = [
		...flatRoutes(samples(n)).filter((r) => !r.route.startsWith('/help/[id=id]')),
		...[n.post, n.donePost, n.laterPost, n.behalfPost].flatMap((id) =>
			flatRoutes({ ...samples(n), '/help/[id=id]': String(id) }).filter((r) =>
				r.route.startsWith('/help/[id=id]')
			)
		)
	].map((r) => `${f}${r.path}`);

	const pro = await client(n.states.professional);
	const leaks: string[] = [];
	const opened: string[] = [];
	for (const page of paths) {
		for (const url of [page, `${page}/__data.json`]) {
			const res = await pro.get(url, { maxRedirects: 0 });
			expect(res.status(), url).toBeLessThan(500);
			if (res.status() === 200 && !url.endsWith('.json')) opened.push(page);
			const body = await res.text();
			for (const secret of secrets) if (body.includes(secret)) leaks.push(`${url}: ${secret}`);
		}
	}
	expect(leaks).toEqual([]);
	// The pages a professional works with did open: the check above looked at real pages.
	const work = [
		'',
		'/calendar',
		`/calendar/${n.activity}`,
		`/calendar/${n.activity}/${n.date}`,
		'/map',
		`/map/${n.entry}/edit`,
		'/notifications',
		'/notices',
		`/notices/${n.notice}`,
		`/calendar/poll/${n.poll}`,
		'/summary',
		'/figures',
		'/welcome',
		'/welcome/edit'
	];
	expect(opened).toEqual(expect.arrayContaining(work.map((p) => `${f}${p}`)));
	await pro.dispose();

	// The same words do reach those who may read them, so the check above can fail.
	const ans = await client(n.states.resident);
	const thread = await (await ans.get(`${f}/help/${n.donePost}`)).text();
	for (const text of [SECRET.doneTitle, SECRET.doneText, SECRET.message])
		expect(thread).toContain(text);
	const board = await (await ans.get(`${f}/__data.json`)).text();
	for (const text of [SECRET.laterTitle, SECRET.behalfTitle, '"given":', '"flatThisMonth":'])
		expect(board).toContain(text);
	expect(await (await ans.get(f)).text()).toContain('Jouw geven en krijgen');
	expect(await (await ans.get(`${f}/neighbours`)).text()).toContain('Hielp ');
	await ans.dispose();
	const bram = await client(n.states.verbinder);
	const members = await (await bram.get(`${f}/members`)).text();
	for (const houseNumber of SECRET.houseNumbers) expect(members).toContain(houseNumber);
	await bram.dispose();
	n.db.close();
});
