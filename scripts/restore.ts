// `npm run restore -- <file>`: with the server stopped, put a backup in place of the database.
import path from 'node:path';
import { dataDir } from '../src/lib/server/db';
import { restore } from '../src/lib/server/db/backup';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run restore -- <backup file>   (with the server stopped)');
	process.exit(1);
}
try {
	const { restored, replaced } = await restore(path.resolve(file), dataDir());
	console.log(`Restored ${path.resolve(file)} to ${restored}.`);
	if (replaced) console.log(`The database it replaced is kept as ${replaced}.`);
	console.log('Start the server: migrations bring an older backup up to date.');
} catch (error) {
	// A refusal is its own explanation; anything else left the database that was there in place.
	console.error(`Nothing was restored: ${(error as Error).message}`);
	process.exit(1);
}
