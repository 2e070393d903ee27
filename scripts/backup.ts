// `npm run backup [-- <file>]`: a consistent copy of the live database, safe while it runs.
import path from 'node:path';
import { dataDir } from '../src/lib/server/db';
import { backup, backupName } from '../src/lib/server/db/backup';

const destination = process.argv[2] ? path.resolve(process.argv[2]) : backupName(dataDir());
const { file } = await backup(path.join(dataDir(), 'burenbord.db'), destination);
console.log(`Backup written and checked: ${file}`);
