import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './tests/helpers/chromium';

/**
 * End-to-end tests in a real Chromium against the production build on a fresh database.
 * Playwright cannot download its own browser here: Debian's chromium is used when present.
 */
const PORT = Number(process.env.E2E_PORT ?? 4317);
export const E2E_PASSWORD = 'correct horse battery staple 2005';
// A folder named after the pid is not fresh where CI reuses /tmp and pids repeat: a run then met the
// last run's locks, snapshots and comments. The runner makes a new folder; its workers inherit the variable.
process.env.ACQUIS_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'acquis-e2e-'));
const databasePath = path.join(process.env.ACQUIS_E2E_DIR, 'acquis.db');

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: CHROMIUM_EXECUTABLE,
			args: CHROMIUM_ARGS
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'node --import tsx server/build.ts --if-stale && node build/main.js',
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_PATH: databasePath,
			DEMO_PASSWORD: E2E_PASSWORD,
			LOG_LEVEL: 'warn'
		}
	}
});
