// The end-to-end tests drive Debian's Chromium; browsers cannot be downloaded by Playwright here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
	console.error(
		`Chromium is missing (${CHROMIUM}). Install Debian's package as root, then run the tests again:\n` +
			'  sudo apt-get update && sudo apt-get install -y chromium'
	);
	process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
	const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
	if (r.status !== 0) {
		console.error(`apt-get ${args.join(' ')} failed (exit ${r.status}).`);
		process.exit(1);
	}
}
if (!existsSync(CHROMIUM)) {
	console.error(`apt-get installed chromium, but ${CHROMIUM} is still missing.`);
	process.exit(1);
}
