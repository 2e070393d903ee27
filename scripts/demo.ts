// `npm run demo`: a demo flat on an empty database (DATA_DIR, default ./data).
import { getDb } from '../src/lib/server/db';
import { seed } from '../src/lib/server/cli/demo';

try {
	console.log(await seed(getDb()));
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
}
