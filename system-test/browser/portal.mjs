// Opens the gateway's API portal in Debian's headless Chromium, as a person would:
// every service's endpoints are listed, a real token is entered once in Authorize, and
// one "Try it out" call answers a success envelope. Usage: node portal.mjs <gateway> <token>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [gateway, token] = process.argv.slice(2);
const expected = { users: '/api/users/me', examples: '/api/examples', payments: '/api/payments' };
const profile = mkdtempSync(join(tmpdir(), 'appgain-portal-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  timeout: 60000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
context.setDefaultTimeout(30000);

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log('ok ' + message);
}

async function show(page, service) {
  await page.selectOption('.topbar select', { label: service });
  await page.waitForSelector(`.opblock-summary-path[data-path="${expected[service]}"]`);
}

try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(gateway + '/docs');
  await page.waitForSelector('.topbar select option', { state: 'attached' });
  const services = await page.$$eval('.topbar select option', (options) => options.map((o) => o.textContent));
  for (const service of Object.keys(expected)) {
    check(services.includes(service), `${service} is in the portal's list`);
    await show(page, service);
    const paths = await page.$$eval('.opblock-summary-path', (all) => all.map((p) => p.dataset.path));
    check(paths.includes(expected[service]), `${service} lists ${expected[service]} (${paths.length} operations)`);
  }

  await page.click('.auth-wrapper .authorize');
  await page.fill('.auth-container input', token);
  await page.click('.auth-btn-wrapper button.authorize');
  await page.click('.auth-btn-wrapper button.btn-done');
  console.log('ok the token is entered once, in Authorize');

  await show(page, 'users');
  const me = page.locator('.opblock-get').filter({ has: page.locator('[data-path="/api/users/me"]') });
  await me.locator('.opblock-summary').click();
  await me.locator('button.try-out__btn').click();
  await me.locator('button.execute').click();
  const status = me.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const body = await me.locator('.live-responses-table .response-col_description pre').first().textContent();
  check((await status.textContent()).trim() === '200', 'Try it out on GET /api/users/me answers 200');
  check(JSON.parse(body).status === 'success', 'with a success envelope');
  const curl = await me.locator('.curl-command').textContent();
  check(curl.includes(gateway + '/api/users/me') && curl.includes('Authorization: Bearer'),
    'through the gateway, with the bearer token');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
