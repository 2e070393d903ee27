// `npm start`: build when the sources changed since the last build, then serve, in WORKERS
// processes on one port (node:cluster) over the one SQLite file. `--no-build` serves the
// build as it is (one made by `vite build`, which writes no source stamp); `--build=DIR` serves
// the build in DIR as it is (the benchmarks serve a copy of it).
// The server migrates the database itself at start (src/hooks.server.ts).
import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const inputs = [
	'src',
	'static',
	'messages',
	'project.inlang/settings.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];
const skip = new Set(['paraglide']);
const stamp = path.join(root, 'build', '.source-hash');
const buildArg = process.argv.find((a) => a.startsWith('--build='));
const buildDir = buildArg
	? path.resolve(buildArg.slice('--build='.length))
	: path.join(root, 'build');

function* files(p) {
	const full = path.join(root, p);
	if (!existsSync(full)) return;
	if (statSync(full).isFile()) return yield p;
	for (const entry of readdirSync(full).sort())
		if (!skip.has(entry)) yield* files(path.join(p, entry));
}

function sourceHash() {
	const hash = createHash('sha256');
	for (const input of inputs)
		for (const file of files(input))
			hash
				.update(file)
				.update('\0')
				.update(readFileSync(path.join(root, file)));
	return hash.digest('hex');
}

/** The exit code of a start that cannot go on (src/lib/server/db/upgrade.ts): no restart helps. */
const START_FAILURE_EXIT = 78;

/** WORKERS, or one per core up to eight: past that the one database file is what waits. */
function workerCount() {
	const set = process.env.WORKERS?.trim();
	if (!set) return Math.min(8, os.availableParallelism());
	if (!/^[1-9]\d*$/.test(set)) {
		console.error(`WORKERS=${set}: set it to a whole number of server processes, 1 or more.`);
		process.exit(START_FAILURE_EXIT);
	}
	return Number(set);
}

if (cluster.isPrimary && !buildArg && !process.argv.includes('--no-build')) {
	const current = sourceHash();
	const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
	if (current !== built || !existsSync(path.join(root, 'build', 'index.js'))) {
		console.log('Building Burenbord (the sources changed since the last build)…');
		const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
		const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
		if (result.status !== 0) process.exit(result.status ?? 1);
		writeFileSync(stamp, current + '\n');
	}
}

process.env.PORT ??= '3000';
process.chdir(root);
const data = path.resolve(process.env.DATA_DIR ?? 'data');
const behindProxy = !!(
	process.env.ORIGIN ||
	process.env.PROTOCOL_HEADER ||
	process.env.HOST_HEADER
);
const count = cluster.isPrimary ? workerCount() : 1;

if (cluster.isPrimary) {
	if (behindProxy)
		console.log(`Burenbord: data in ${data}, open ${process.env.ORIGIN ?? 'the address you set'}`);
	else
		console.log(
			`Burenbord: data in ${data}, open http://localhost:${process.env.PORT} (or this machine's address on your network, port ${process.env.PORT})`
		);
}

if (cluster.isPrimary && count > 1) lead(count);
else await serveHere();

/** One server in this process: the only one, or one of the primary's workers. */
async function serveHere() {
	// A worker leaves once the app has closed: the channel to the primary would keep it alive.
	if (cluster.isWorker) process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
	if (behindProxy) {
		// The address is set (a proxy in front): adapter-node's own server, as documented.
		await import(path.join(buildDir, 'index.js'));
	} else {
		// A plain start: answer at whatever address the browser used (scripts/serve.js).
		const { serve } = await import('./serve.js');
		await serve({ root, build: buildDir });
	}
}

/**
 * The primary: it serves nothing itself. The first worker is the leader (BURENBORD_LEADER=1:
 * the clock and the push sender run there, see src/hooks.server.ts); the others start once it
 * listens, so the database is migrated (and copied before an upgrade) by one process, before
 * any other opens it. A worker that crashes is replaced in its role; one that stops with 78
 * (a start that cannot go on, its message printed) stops them all with 78, as a single
 * server would. SIGTERM and SIGINT are passed on, and the primary ends when its workers have.
 */
function lead(count) {
	const roles = new Map();
	let othersStarted = false;
	let stopping = false;
	let exitCode = 0;

	const fork = (leader) => {
		const worker = cluster.fork({ BURENBORD_LEADER: leader ? '1' : '0' });
		roles.set(worker.id, { leader, since: Date.now() });
		console.log(
			`Burenbord: server process ${worker.process.pid} started${leader ? ' (leader)' : ''}`
		);
	};

	const stop = (signal) => {
		stopping = true;
		const workers = Object.values(cluster.workers ?? {});
		if (workers.length === 0) process.exit(exitCode);
		for (const worker of workers) worker?.process.kill(signal);
		// As a single server: what has not finished by SHUTDOWN_TIMEOUT is cut off.
		const limit = (Number(process.env.SHUTDOWN_TIMEOUT ?? 30) + 5) * 1000;
		setTimeout(() => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
		}, limit).unref();
	};

	cluster.on('listening', (worker) => {
		if (stopping || othersStarted || !roles.get(worker.id)?.leader) return;
		othersStarted = true;
		for (let i = 1; i < count; i++) fork(false);
	});

	cluster.on('exit', (worker, code, signal) => {
		const role = roles.get(worker.id);
		roles.delete(worker.id);
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
			return;
		}
		if (code === START_FAILURE_EXIT) {
			exitCode = START_FAILURE_EXIT;
			stop('SIGTERM');
			return;
		}
		console.error(
			`Burenbord: server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`
		);
		// One that dies as it starts is not restarted in a tight loop.
		const quick = Date.now() - (role?.since ?? 0) < 5000;
		setTimeout(() => stopping || fork(role?.leader ?? false), quick ? 2000 : 0);
	});

	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
	console.log(`Burenbord: starting ${count} server processes (WORKERS)`);
	fork(true);
}
