import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: process.env.LOC ?? 'en' });
const page = await ctx.newPage();
const base = 'http://127.0.0.1:3100';
const [who, ...paths] = process.argv.slice(2);
await page.goto(base + '/login');
if (who !== 'none') { await page.fill('#email', who); await page.fill('#password', 'demo-password-2005'); await page.click('main form button[type=submit]'); await page.waitForURL(/strategies/); }
let i = 0;
for (const p of paths) { await page.goto(base + p); await page.waitForTimeout(Number(process.env.WAIT ?? 300)); await page.screenshot({ path: `/tmp/shot-${i++}.png` }); }
await browser.close();
