import type { CompilerOptions } from '@inlang/paraglide-js';

/**
 * How Paraglide compiles the messages: one set of options for the Vite plugin (build, dev)
 * and for `npm run prepare` (so the command line and the tests have the messages too).
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The person's saved choice, then the cookie the server keeps in step with it, then the
	// browser's languages (`custom-browser`, src/lib/server/locale.ts), then English (SPEC.md [L1]).
	strategy: ['custom-user', 'cookie', 'custom-browser', 'baseLocale'],
	// Programs ask for a language with Accept-Language alone [L3].
	routeStrategies: [{ match: '/api/:path(.*)?', strategy: ['custom-browser', 'baseLocale'] }]
} satisfies CompilerOptions;
