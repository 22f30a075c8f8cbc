import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { translationProblems } from './src/lib/i18n/completeness.ts';
import { paraglideOptions } from './src/lib/i18n/paraglide-options.ts';

/** A missing or broken translation fails the build (and dev start) instead of showing a key. */
function completeTranslations(): Plugin {
	return {
		name: 'acquis-complete-translations',
		buildStart() {
			const problems = translationProblems(import.meta.dirname);
			if (problems.length > 0) this.error(`Translations are incomplete:\n  ${problems.join('\n  ')}`);
		}
	};
}

/**
 * The browser's scripts: what two or more pages share goes in one file, beside each page's own.
 * Left to itself the bundler made some twenty small shared files: a strategy's page asked for
 * 25 scripts, and on one core it opened 70–85 ms later than with the 6 it asks for now. Every
 * page still loads only its own code beside the shared file.
 */
function fewerScriptFiles(): Plugin {
	return {
		name: 'acquis-fewer-script-files',
		apply: 'build',
		configEnvironment(name) {
			if (name !== 'client') return;
			return { build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } } } } };
		}
	};
}

/**
 * `npm run dev` serves the collaboration socket on Vite's own port with the same back end:
 * the hub is the one SvelteKit's `init` hook started (server/registry.ts). Other upgrades
 * (Vite's HMR socket) are left alone.
 */
function collaborationSocket(): Plugin {
	return {
		name: 'acquis-collaboration-socket',
		configureServer(server) {
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return;
				socket.on('error', () => socket.destroy());
				try {
					const { start } = (await server.ssrLoadModule('/server/start.ts')) as typeof import('./server/start.ts');
					(await start()).collab.handleUpgrade(request, socket, head);
				} catch {
					socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
				}
			});
		}
	};
}

export default defineConfig({
	// Vitest imports modules directly (messages are compiled by `npm run prepare`): the app's
	// plugins, and their file watchers, would only slow it down and keep it from exiting.
	plugins: process.env.VITEST ? [] : [completeTranslations(), paraglideVitePlugin(paraglideOptions), sveltekit(), fewerScriptFiles(), collaborationSocket()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
