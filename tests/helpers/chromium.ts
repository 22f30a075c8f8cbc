import fs from 'node:fs';

/** Debian's chromium when present (Playwright cannot download its own browser here), or `CHROMIUM_PATH`. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	// Without these, Chromium keeps trying the network this machine does not have.
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Full Chromium in headless mode builds its address bar's popup, a page of its own, for every
	// window: ~300 ms of work on one core per new context, competing with the page under test.
	// Puppeteer turns these off by default for the same reason.
	'--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
];
