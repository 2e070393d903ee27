import { DAY, offset } from '../time';

// Time zones. Events carry the flat's TZID so a series stays at 10:00 across DST in every
// calendar app, and RFC 5545 then wants the zone's rules in the file. No tz database ships
// with the app, so the rules are read back from Intl.

const MINUTE = 60 * 1000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** How far the zone is ahead of UTC at an instant, in seconds: the clock of local dates' own. */
const offsetAt = (timeZone: string, at: number) => offset(at, timeZone) / 1000;

/** A change of offset: the instant it happens and the offsets before and after, in seconds. */
type Onset = { at: number; from: number; to: number };

/** Every change of offset in these years, found day by day and narrowed to the minute. */
function onsets(timeZone: string, fromYear: number, toYear: number): Onset[] {
	const out: Onset[] = [];
	const end = Date.UTC(toYear + 1, 0, 1);
	let t = Date.UTC(fromYear, 0, 1);
	let before = offsetAt(timeZone, t);
	while (t < end) {
		const next = t + DAY;
		const after = offsetAt(timeZone, next);
		if (after !== before) {
			let lo = t;
			let hi = next;
			while (hi - lo > MINUTE) {
				const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
				if (offsetAt(timeZone, mid) === before) lo = mid;
				else hi = mid;
			}
			out.push({ at: hi, from: before, to: after });
		}
		t = next;
		before = after;
	}
	return out;
}

/** The wall clock when an offset change begins, as the old offset shows it (RFC 5545 3.6.5). */
const wallAt = (o: Onset) => new Date(o.at + o.from * 1000);

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '');

function formatOffset(seconds: number): string {
	const abs = Math.abs(seconds);
	const pad = (n: number) => String(n).padStart(2, '0');
	const s = abs % 60;
	return `${seconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${s ? pad(s) : ''}`;
}

/**
 * The yearly rule these changes follow ("last Sunday of March at 02:00"), or null when they
 * differ from year to year and have to be listed one by one.
 */
function yearlyRule(list: Onset[]): string | null {
	const facts = list.map((o) => {
		const d = wallAt(o);
		const day = d.getUTCDate();
		const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
		return {
			month: d.getUTCMonth() + 1,
			weekday: d.getUTCDay(),
			time: d.toISOString().slice(11, 19),
			nth: Math.ceil(day / 7),
			last: day + 7 > daysInMonth
		};
	});
	const f = facts[0];
	if (!f || facts.some((x) => x.month !== f.month || x.weekday !== f.weekday || x.time !== f.time))
		return null;
	const rule = `FREQ=YEARLY;BYMONTH=${f.month};BYDAY=`;
	if (facts.every((x) => x.last)) return `${rule}-1${WEEKDAYS[f.weekday]}`;
	if (f.nth < 5 && facts.every((x) => x.nth === f.nth))
		return `${rule}${f.nth}${WEEKDAYS[f.weekday]}`;
	return null;
}

/** An observance: from `start` (local wall time) on, the zone is `to` ahead of UTC. */
function observance(start: string, from: number, to: number, extra: string[] = []) {
	const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
	return [
		`BEGIN:${kind}`,
		`DTSTART:${start}`,
		`TZOFFSETFROM:${formatOffset(from)}`,
		`TZOFFSETTO:${formatOffset(to)}`,
		...extra,
		`END:${kind}`
	];
}

const vtimezones = new Map<string, string>();

/**
 * A VTIMEZONE that is right for these years. When the zone keeps the same yearly rule over
 * the years looked at, it is written as that rule, so a series running on past them stays
 * right too; otherwise each change is listed. A zone without changes gets one observance.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
	// A year before, so the first event already has a change behind it; at least two years
	// to see a rule repeat.
	const first = fromYear - 1;
	const last = Math.max(toYear, fromYear + 1);
	const key = `${timeZone} ${first} ${last}`;
	const known = vtimezones.get(key);
	if (known) return known;

	const kinds = new Map<string, Onset[]>();
	for (const o of onsets(timeZone, first, last)) {
		const k = `${o.from} ${o.to}`;
		kinds.set(k, [...(kinds.get(k) ?? []), o]);
	}
	const years = last - first + 1;
	const rules = [...kinds.values()].map((list) =>
		new Set(list.map((o) => wallAt(o).getUTCFullYear())).size === years && list.length === years
			? yearlyRule(list)
			: null
	);
	const begins = (list: Onset[], extra: string[]) =>
		observance(stamp(wallAt(list[0]!)), list[0]!.from, list[0]!.to, extra);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	if (kinds.size > 0 && rules.every((r) => r !== null))
		[...kinds.values()].forEach((list, i) => lines.push(...begins(list, [`RRULE:${rules[i]}`])));
	else {
		const offset = offsetAt(timeZone, Date.UTC(first, 0, 1));
		lines.push(...observance(`${first}0101T000000`, offset, offset));
		for (const list of kinds.values())
			lines.push(
				...begins(
					list,
					list.slice(1).map((o) => `RDATE:${stamp(wallAt(o))}`)
				)
			);
	}
	lines.push('END:VTIMEZONE');
	const text = lines.join('\r\n');
	vtimezones.set(key, text);
	return text;
}
