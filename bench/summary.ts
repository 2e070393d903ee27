// `npm run bench:summary`: one weekly summary round over the bench database (`npm run
// bench:seed`), on a copy of it, so the other benches keep their data. Times the round as the
// server runs it (giving way between flats) and its longest slice without a break, beside a
// floor measured in the same run: a plain read of every flat's schedule. At the national scale
// it writes its section of docs/benchmarks.md; a smaller seed only prints it.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../src/lib/server/db';
import * as summary from '../src/lib/server/summary';
import { benchDir, machine, median, readBench, writeSection } from './common';

const DAY = 24 * 60 * 60 * 1000;

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

async function main() {
	const info = readBench();
	const dir = path.join(os.tmpdir(), `burenbord-bench-summary-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	const copy = path.join(dir, 'burenbord.db');
	try {
		const source = openDatabase(path.join(benchDir(), 'burenbord.db'));
		let t = performance.now();
		await source.$client.backup(copy);
		source.$client.close();
		console.log(`copied the bench database in ${ms(performance.now() - t)}`);
		const db = openDatabase(copy);

		// The first summary moment after the seed's day: the week before it holds the seed's
		// newest posts, and every flat began long before.
		const flat = db.$client
			.prepare(
				'select time_zone as timeZone, summary_day as summaryDay, summary_time as summaryTime from flats limit 1'
			)
			.get() as summary.Schedule;
		const due = summary.dueAt(flat, new Date(Date.parse(info.now) + 7 * DAY));
		const at = new Date(due.getTime() + 5 * 60 * 1000);

		const floor = median(5, () =>
			db.$client
				.prepare('select id, time_zone, summary_day, summary_time, created_at from flats')
				.all()
		);
		// As the server runs it every ten minutes: every flat checked, giving way between batches.
		const delay = monitorEventLoopDelay({ resolution: 1 });
		delay.enable();
		t = performance.now();
		await summary.drain(db, new Date(due.getTime() - DAY));
		const idle = performance.now() - t;
		t = performance.now();
		const counts = await summary.drain(db, at);
		const roundMs = performance.now() - t;
		t = performance.now();
		await summary.drain(db, at);
		const after = performance.now() - t;
		delay.disable();
		const longest = delay.max / 1e6;
		// The operator's `npm run admin -- tick` does the same in one go.
		const tick = median(5, () => summary.tick(db, at));
		const members = (
			db.$client.prepare("select count(*) as n from memberships where status = 'active'").get() as {
				n: number;
			}
		).n;
		db.$client.close();

		const text = `
## Weekly summary round

\`npm run bench:summary\` on a copy of the bench database (scale ${info.scale}: ${info.counts.flats?.toLocaleString('en')} flats, ${members.toLocaleString('en')} active members), the summary due ${due.toISOString()}, run at ${at.toISOString()} as the server runs it (\`summary.drain\`: one flat per transaction, giving way between flats).

| measure | time | × floor |
| --- | --- | --- |
| floor: a plain read of every flat's schedule | ${ms(floor)} | 1 |
| checking every flat when none is due (the server's ten-minute round) | ${ms(idle)} | ${(idle / floor).toFixed(1)} |
| **one summary round over every flat** | **${ms(roundMs)}** | ${(roundMs / floor).toFixed(0)} |
| checking every flat again after the round (nothing left to send) | ${ms(after)} | ${(after / floor).toFixed(1)} |
| the same in one go, as \`npm run admin -- tick\` runs it | ${ms(tick)} | ${(tick / floor).toFixed(1)} |
| **longest time any of the server's runs held the event loop** | **${ms(longest)}** | |

${counts.summaries.toLocaleString('en')} flats had their round, ${counts.summariesSent.toLocaleString('en')} members got a summary (push and bell), ${counts.summariesFailed} flats failed. Per flat: ${ms(roundMs / Math.max(1, counts.summaries))}.

${machine(info)}
`;
		console.log(text);
		if (info.scale === 1) await writeSection('summary', text);
		else console.log(`(scale ${info.scale}: docs/benchmarks.md keeps the national numbers only)`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
