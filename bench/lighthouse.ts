// `npm run bench:lighthouse`: Lighthouse (mobile, the default preset) on the bench flat's
// board, calendar and welcome page, logged in as the bench member, on the bench server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	benchDir,
	ensureBuild,
	login,
	machine,
	ORIGIN,
	readBench,
	startServer,
	writeSection
} from './common';

const CHROME = '/usr/bin/chromium';
const PAGES = [
	['Board', ''],
	['Calendar', '/calendar'],
	['Welcome', '/welcome']
] as const;

type Report = {
	lighthouseVersion: string;
	categories: Record<string, { score: number | null }>;
	audits: Record<string, { displayValue?: string; numericValue?: number }>;
};

/** Runs per page (BENCH_RUNS, default 5): the row shown is the median run by performance. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);

async function main() {
	const info = readBench();
	ensureBuild();
	const dir = path.join(benchDir(), 'lighthouse');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const bin = path.resolve('node_modules', '.bin', 'lighthouse');
	const server = await startServer();
	const rows: string[] = [];
	const loads: number[] = [];
	const failures: string[] = [];
	try {
		const cookie = await login(info);
		for (const [name, suffix] of PAGES) {
			const url = `${ORIGIN}/f/${info.slug}${suffix}`;
			const reports: Report[] = [];
			for (let i = 0; i < RUNS; i++) {
				const out = path.join(dir, `${name.toLowerCase()}-${i + 1}.json`);
				loads.push(os.loadavg()[0]!);
				// Lighthouse 13 takes the browser from CHROME_PATH (it has no --chrome-path flag).
				const run = spawnSync(
					bin,
					[
						url,
						'--output=json',
						`--output-path=${out}`,
						'--only-categories=performance,accessibility',
						'--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --disable-background-networking',
						`--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
						'--quiet'
					],
					{ env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 180_000 }
				);
				if (run.status !== 0 || !existsSync(out)) {
					const why = (run.stderr || run.error?.message || `exit ${run.status}`)
						.trim()
						.split('\n')
						.slice(-5)
						.join(' ');
					failures.push(`${name}: ${why}`);
					console.error(`${name}: lighthouse failed: ${why}`);
					continue;
				}
				reports.push(JSON.parse(readFileSync(out, 'utf8')) as Report);
			}
			if (!reports.length) continue;
			const perf = (r: Report) => r.categories.performance?.score ?? 0;
			const tbt = (r: Report) => r.audits['total-blocking-time']?.numericValue ?? 0;
			const sorted = [...reports].sort((a, b) => perf(a) - perf(b) || tbt(b) - tbt(a));
			const report = sorted[Math.floor(sorted.length / 2)]!;
			const all = reports.map((r) => Math.round(perf(r) * 100)).join(', ');
			const score = (c: string) => Math.round((report.categories[c]?.score ?? 0) * 100);
			const metric = (a: string) => report.audits[a]?.displayValue ?? '—';
			rows.push(
				`| ${name} | ${score('performance')} | ${score('accessibility')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} | ${all} |`
			);
			console.log(rows.at(-1));
		}
	} finally {
		await server.stop();
	}
	await writeSection(
		'lighthouse',
		[
			'## Lighthouse',
			'',
			machine(info),
			`- \`npm run bench:lighthouse\`: Lighthouse 13.5.0, mobile (its default: simulated slow 4G and a mid-range phone's CPU), Debian Chromium headless, logged in as the bench member (session cookie as an extra header), on the bench server. Lighthouse 13 has no PWA category (see shared STACK notes).`,
			'',
			`- The machine's 1-minute load average as each page began: ${loads.map((l) => l.toFixed(1)).join(', ')} (2 cores). Lighthouse times the page on the real CPU and scales it, so other work on the machine lowers the performance score.`,
			'',
			`- ${RUNS} runs per page; the row is the median run by performance score, the last column every run's score.`,
			'',
			'| Page | Performance | Accessibility | FCP | LCP | TBT | CLS | runs |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
			...rows,
			...(failures.length
				? ['', 'Lighthouse could not run on:', '', ...failures.map((f) => `- ${f}`)]
				: [])
		].join('\n')
	);
	if (failures.length) process.exitCode = 1;
}

await main();
