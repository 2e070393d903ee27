// Caddy checks deploy/Caddyfile (src/lib/deploy.test.ts) and stands in front of the app over
// https in tests/https.spec.ts, as it does on a real server: Debian's package, like Chromium.
import { ensureDebianPackage } from './ensure-chromium.js';

ensureDebianPackage('/usr/bin/caddy', 'caddy', 'the deploy and https tests');
