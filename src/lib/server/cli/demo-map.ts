import type { DB } from '../db';
import type { AfterHoursPreset, OpeningHours } from '../db/schema';
import * as socialmap from '../socialmap';

/** Hours per weekday (0 = Sunday): the same ranges on each of `days`. */
function on(days: number[], ...ranges: [string, string][]): [number, [string, string][]][] {
	return days.map((d) => [d, ranges]);
}

function week(...parts: [number, [string, string][]][][]): OpeningHours {
	const hours: OpeningHours = Array.from({ length: 7 }, () => []);
	for (const [day, ranges] of parts.flat()) hours[day] = [...hours[day]!, ...ranges];
	return hours;
}

const WORKDAYS = [1, 2, 3, 4, 5];

/**
 * The help around a block of flats in a neighbourhood like Utrecht Overvecht, as a
 * verbinder would put it on the map. Names, numbers and sites are made up: the numbers
 * are no real lines and the sites end in .example.
 */
export function demoMap(db: DB, flatId: number): void {
	const place = (input: Partial<socialmap.EntryInput> & Pick<socialmap.EntryInput, 'name'>) =>
		socialmap.create(db, flatId, {
			category: 'other',
			helpsWith: '',
			phone: '',
			website: '',
			address: '',
			hours: [],
			afterHours: false,
			...input
		});

	place({
		category: 'neighbourhood_team',
		name: 'Buurtteam Overvecht',
		helpsWith:
			'Voor alle vragen over geld, gezondheid, opvoeding, eenzaamheid of brieven die je niet begrijpt. Weet je niet waar je moet beginnen? Begin hier.',
		phone: '030 123 4567',
		website: 'https://buurtteam-overvecht.example/',
		address: 'Zamenhofdreef 12',
		hours: week(on([1, 2, 4, 5], ['09:00', '17:00']), on([3], ['09:00', '12:30']))
	});
	place({
		category: 'housing_repairs',
		name: 'Woonstede, klantenservice',
		helpsWith:
			'Reparaties in huis melden: een lekkende kraan, schimmel, een kapotte deur of lamp in het trappenhuis.',
		phone: '030 234 5678',
		website: 'https://woonstede.example/reparatie',
		hours: week(on(WORKDAYS, ['08:00', '17:00']))
	});
	place({
		category: 'gp',
		name: 'Huisartsenpraktijk Gambiadreef',
		helpsWith: 'Bel in de ochtend voor een afspraak. Voor uitslagen: na 14:00.',
		phone: '030 345 6789',
		address: 'Gambiadreef 40',
		hours: week(on(WORKDAYS, ['08:00', '12:30'], ['13:30', '17:00']))
	});
	place({
		category: 'debt',
		name: 'Geldzaken Overvecht (schuldhulp)',
		helpsWith:
			'Gratis hulp bij rekeningen, schulden, toeslagen en formulieren. Op dinsdagmiddag kun je zonder afspraak langskomen.',
		phone: '030 456 7890',
		website: 'https://geldzaken-utrecht.example/',
		address: 'Wijkcentrum De Dreef, Zamenhofdreef 20',
		hours: week(on([2], ['13:00', '16:30']), on([4], ['09:00', '12:00']))
	});
	place({
		category: 'language',
		name: 'Taalcafé in de bibliotheek',
		helpsWith:
			'Samen Nederlands praten, met koffie en thee. Iedereen is welkom, ook als je nog maar een paar woorden kent.',
		address: 'Bibliotheek Overvecht, Zamenhofdreef 32',
		hours: week(on([3], ['10:00', '12:00']), on([6], ['10:30', '12:00']))
	});
	place({
		category: 'elderly',
		name: 'Ouderenwerk De Dreef',
		helpsWith:
			'Voor buren van 65 en ouder: koffieochtenden, hulp in en om het huis, iemand die met je meegaat naar de dokter.',
		phone: '030 567 8901',
		address: 'Wijkcentrum De Dreef, Zamenhofdreef 20',
		hours: week(on([1, 3, 5], ['09:00', '13:00']))
	});
	place({
		category: 'youth',
		name: 'Jongerenwerk Overvecht',
		helpsWith:
			'Voor jongeren van 12 tot 23: huiswerkhulp, sport, een plek om te chillen en iemand die luistert.',
		phone: '06 1234 5678',
		address: 'Jongerencentrum De Boog, Neckardreef 3',
		// The Friday evening runs past midnight.
		hours: week(on([2, 3, 4], ['15:00', '21:00']), on([5], ['19:00', '00:30']))
	});
	place({
		category: 'safety',
		name: 'Wijkagent Overvecht-Noord',
		helpsWith:
			'Zorgen over veiligheid in de buurt? Bel en vraag naar de wijkagent, of kom naar het spreekuur. Bij spoed altijd 112.',
		phone: '0900 8844',
		address: 'Wijkbureau, Zamenhofdreef 12',
		hours: week(on([4], ['14:00', '15:00']))
	});

	// The after-hours block: the flat's own contact and the corporation's repair line.
	const { afterHours } = socialmap.list(db, flatId);
	const fill = (preset: AfterHoursPreset, changes: Partial<socialmap.EntryInput>) => {
		const row = afterHours.find((e) => e.preset === preset);
		if (!row) return;
		socialmap.update(db, flatId, row.id, {
			category: row.category,
			name: row.name,
			helpsWith: row.helpsWith,
			phone: row.phone,
			website: row.website,
			address: row.address,
			hours: row.hours,
			afterHours: true,
			...changes
		});
	};
	fill('flat_contact', {
		phone: '06 9876 5432',
		helpsWith: 'Bram, verbinder van de flat. Voor iets in de flat dat niet tot morgen kan wachten.'
	});
	fill('repairs', { phone: '030 234 5600' });
}
