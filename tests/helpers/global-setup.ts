import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsStale } from '../../server/build-if-stale';

/** Integration tests run the production build, as users do; build it once if it is stale. */
export default function setup() {
	if (!buildIsStale()) return;
	const root = path.resolve(import.meta.dirname, '../..');
	// The build is the app's, not the test runner's: without VITEST in its environment (vite.config.ts).
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit', env });
	if (result.status !== 0) throw new Error('vite build failed');
}
