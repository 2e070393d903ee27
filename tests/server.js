// Starts the built app on an empty database for the end-to-end tests.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.DATA_DIR;
if (!dir) throw new Error('DATA_DIR must be set for the test server');
rmSync(path.resolve(dir), { recursive: true, force: true });
// A computed path: the type checker must not wander into the build output.
await import(pathToFileURL(path.resolve('build/index.js')).href);
