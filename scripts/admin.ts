// `npm run admin -- <command>`: see src/lib/server/cli/admin.ts.
import { getDb } from '../src/lib/server/db';
import { run } from '../src/lib/server/cli/admin';

const { status, out } = run(getDb(), process.argv.slice(2));
console.log(out);
process.exitCode = status;
