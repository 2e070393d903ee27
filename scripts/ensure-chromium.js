// The end-to-end tests drive Debian's Chromium; browsers cannot be downloaded by Playwright here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Makes sure a Debian package's program is there: as root it installs the package with apt-get,
 * otherwise it says which command to run. Exits the process when it cannot.
 */
export function ensureDebianPackage(program, pkg, why) {
	if (existsSync(program)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(
			`${pkg} is missing (${program}). Install Debian's package as root, then run the tests again:\n` +
				`  sudo apt-get update && sudo apt-get install -y ${pkg}`
		);
		process.exit(1);
	}
	console.log(`Installing Debian ${pkg} for ${why}…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', pkg]]) {
		const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (r.status !== 0) {
			console.error(`apt-get ${args.join(' ')} failed (exit ${r.status}).`);
			process.exit(1);
		}
	}
	if (!existsSync(program)) {
		console.error(`apt-get installed ${pkg}, but ${program} is still missing.`);
		process.exit(1);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
	ensureDebianPackage('/usr/bin/chromium', 'chromium', 'the end-to-end tests');
