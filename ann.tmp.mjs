import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const base = 'http://127.0.0.1:3100';
async function open(email, path) {
  const ctx = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(email, 'pageerror:', e.message));
  await page.goto(base + '/login');
  await page.fill('#email', email); await page.fill('#password', 'demo-password-2005');
  await page.click('main form button[type=submit]'); await page.waitForURL(/strategies/);
  await page.goto(base + path);
  await page.waitForSelector('.ProseMirror');
  return page;
}
const expert = await open('expert.asylum@demo.local', '/strategies/al-asylum');
const author = await open('author.al@demo.local', '/strategies/al-asylum');
// expert selects the first paragraph's first sentence
await expert.evaluate(() => {
  const p = document.querySelector('.ProseMirror p');
  const range = document.createRange(); const t = p.firstChild; range.setStart(t, 0); range.setEnd(t, 60);
  const s = getSelection(); s.removeAllRanges(); s.addRange(range);
});
await expert.waitForTimeout(300);
await expert.click('text=Link to benchmark');
await expert.waitForSelector('dialog[open]');
await expert.waitForTimeout(500);
await expert.locator('dialog label.choice').nth(5).click();
await expert.locator('dialog textarea').fill('Appeals lack suspensive effect.');
await expert.click('dialog button[type=submit]');
await expert.waitForTimeout(1500);
await author.screenshot({ path: '/tmp/shot-author.png' });
await expert.screenshot({ path: '/tmp/shot-expert.png' });
console.log('author highlights:', await author.locator('.passage').count());
await browser.close();
