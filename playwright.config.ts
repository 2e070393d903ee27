import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';

/** E2E_PORT lets a second checkout run its suite beside this one. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The test server's database lives here; tests/server.js empties it at every start. */
export const DATA_DIR = path.resolve('.e2e-data');

export default defineConfig({
	testDir: 'tests',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	use: {
		baseURL: BASE_URL,
		locale: 'nl-NL',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-dev-shm-usage',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update'
			]
		}
	},
	projects: [
		{ name: 'setup', testMatch: /first-run\.setup\.ts/, use: { ...devices['Pixel 7'] } },
		{
			name: 'mobile',
			dependencies: ['setup'],
			testIgnore: /\.setup\.ts/,
			use: { ...devices['Pixel 7'] }
		}
	],
	webServer: {
		command: 'node tests/server.js',
		url: `${BASE_URL}/offline`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE_URL,
			DATA_DIR,
			// Every test comes from 127.0.0.1; per-account limits still apply unchanged.
			IP_LIMIT_SCALE: '100',
			// The local test push service (tests/push-service.ts) has a self-signed certificate
			// and runs on 127.0.0.1, an address the app refuses to push to in production.
			PUSH_EXTRA_CA_FILE: path.resolve('tests/fixtures/push-cert.pem'),
			PUSH_ALLOW_PRIVATE_ADDRESSES: '1'
		}
	}
});
