import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const base = 'http://127.0.0.1:3100';
async function open(email) {
  const ctx = await browser.newContext({ viewport: { width: 1300, height: 850 } });
  const page = await ctx.newPage();
  page.on('console', (m) => console.log(email, 'console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log(email, 'pageerror:', e.message));
  await page.goto(base + '/login');
  await page.fill('#email', email); await page.fill('#password', 'demo-password-2005');
  await page.click('main form button[type=submit]'); await page.waitForURL(/strategies/);
  await page.goto(base + '/strategies/al-migration');
  return page;
}
const a = await open('author.al@demo.local');
const b = await open('head.al@demo.local');
await a.waitForSelector('.ProseMirror[contenteditable=true]', { timeout: 10000 });
await b.waitForSelector('.ProseMirror[contenteditable=true]', { timeout: 10000 });
await a.click('.ProseMirror h2');
await a.keyboard.press('End');
await a.keyboard.type(' — draft by Elira');
await b.waitForFunction(() => document.querySelector('.ProseMirror').textContent.includes('draft by Elira'), null, { timeout: 5000 });
await b.waitForTimeout(500);
await a.screenshot({ path: '/tmp/shot-a.png' });
await b.screenshot({ path: '/tmp/shot-b.png' });
console.log('status A:', await a.textContent('.save-status'));
await browser.close();
