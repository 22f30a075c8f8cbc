import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.ts';

/** `npm run prepare`: compile the messages outside Vite, for the command line and the tests. */
await compile(paraglideOptions);
