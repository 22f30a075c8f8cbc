import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		alias: {
			$server: 'server'
		},
		typescript: {
			// server/ lives beside src/ (it never imports SvelteKit), so type-check it with the app.
			config: (tsconfig) => {
				tsconfig.include.push('../server/**/*.ts', '../playwright.config.ts');
			}
		},
		// Our own origin check in hooks.server.ts covers every unsafe request (forms and JSON,
		// in dev and in production); see SPEC.md [W2]. SvelteKit's built-in check would answer
		// form posts from non-browser clients without an Origin header with 403.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
