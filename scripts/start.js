// `npm start`: build when the sources changed since the last build, then serve.
// The server migrates the database itself at start (src/hooks.server.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

const current = sourceHash();
const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (current !== built || !existsSync(path.join(root, 'build', 'index.js'))) {
	console.log('Building Burenbord (the sources changed since the last build)…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
	writeFileSync(stamp, current + '\n');
}

process.env.PORT ??= '3000';
process.chdir(root);
const data = path.resolve(process.env.DATA_DIR ?? 'data');
if (process.env.ORIGIN || process.env.PROTOCOL_HEADER || process.env.HOST_HEADER) {
	// The address is set (a proxy in front): adapter-node's own server, as documented.
	console.log(`Burenbord: data in ${data}, open ${process.env.ORIGIN ?? 'the address you set'}`);
	await import(path.join(root, 'build', 'index.js'));
} else {
	// A plain start: answer at whatever address the browser used (scripts/serve.js).
	console.log(
		`Burenbord: data in ${data}, open http://localhost:${process.env.PORT} (or this machine's address on your network, port ${process.env.PORT})`
	);
	const { serve } = await import('./serve.js');
	await serve({ root });
}
