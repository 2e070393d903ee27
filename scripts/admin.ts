// `npm run admin -- <command>`: see src/lib/server/cli/admin.ts.
import { getDb } from '../src/lib/server/db';
import { run } from '../src/lib/server/cli/admin';
import { fillNameSkeletons } from '../src/lib/server/members/backfill';

// As the server does at start: names from before look-alike checks get theirs first.
const db = getDb();
fillNameSkeletons(db);
const { status, out } = run(db, process.argv.slice(2));
console.log(out);
process.exitCode = status;
