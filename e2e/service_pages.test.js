'use strict';
// Issue 21, item 9 (docs/decisions/0026): what a GOV.UK service has. The footer of every page of
// every app links to help and contact, a privacy notice and an accessibility statement; each
// app has its own copy (a link never loads another app), reachable with the vault locked; each
// says what the app does: the privacy notice that records stay in this browser's localStorage
// under a passphrase, help the team's contact from the deployment settings (the fictional
// Exampleton file the test server serves), or that no team is configured. The referral's pages
// say where they are in the linear flow ("section 2 of 5"), as the task list numbers sections.
// Followed by keyboard (Tab to the link, Enter); axe on every page (r.onPage). Waits are for
// states, never for time. Labels: A11Y-9.

const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const r = require('./lib/referral');
const p = require('./lib/pga');
const vault = require('./lib/vault');
const EXAMPLE = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'deploy', 'deployment.example.json'), 'utf8');

const app = useApp();

const HELP = 'Help and contact';
const PRIVACY = 'Privacy notice';
const ACCESSIBILITY = 'Accessibility statement';

/** Tabs from where focus is until the footer link `name` has it (at most 80 presses), then
 * presses Enter and waits for the page whose heading is `name`, with focus on it. */
async function follow(page, name) {
  for (let i = 0; ; i += 1) {
    assert.ok(i < 80, `80 presses of Tab did not reach the footer link "${name}"`);
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.closest('footer') && a.tagName === 'A' ? a.innerText.trim() : '';
    });
    if (at === name) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => {
    const a = document.activeElement;
    return a && a.tagName === 'H1' && a.innerText.trim() === h;
  }, name);
  await r.onPage(page, name);
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** The footer's support links: their texts and addresses. */
async function footerLinks(page) {
  const footer = page.locator('footer.govuk-footer');
  assert.equal(await footer.locator('h2.govuk-visually-hidden').innerText(), 'Support links');
  return footer.locator('ul.govuk-footer__inline-list a').evaluateAll((as) => as.map((a) => [a.innerText.trim(), a.getAttribute('href')]));
}

app.test("A11Y-9 the partners' footer leads, by keyboard, to help with the team's contact, a true privacy notice and the accessibility statement", async (t) => {
  const { page } = await app.open(t, '/');
  await r.onPage(page, 'Prevent Case Toolkit', { axe: false });
  assert.deepEqual(await footerLinks(page), [[HELP, '/help'], [PRIVACY, '/privacy'], [ACCESSIBILITY, '/accessibility']]);

  const help = await follow(page, HELP);
  assert.equal(new URL(page.url()).pathname, '/help');
  assert.match(await page.title(), /^Help and contact – Prevent Case Toolkit$/);
  await page.locator('#team-email').waitFor();
  assert.equal((await page.locator('#team-email').innerText()).trim(), 'prevent.referrals@example.org');
  assert.match(help, /The Exampleton Prevent team, Exampleton Constabulary/);
  assert.match(help, /Office hours 01632 960000 Out of hours 01632 960999 Advice line 01632 960123/);
  assert.match(help, /Saved drafts.*same computer and browser.*passphrase/);
  assert.match(help, /forget your passphrase.*Nobody can recover it/);
  await screenshot(page, 'service-help');

  const privacy = await follow(page, PRIVACY);
  assert.equal(new URL(page.url()).pathname, '/privacy');
  await page.getByText('Exampleton Constabulary runs this site').waitFor();
  assert.match(privacy, /only in this browser on this device, in its local storage \(localStorage\)/);
  assert.match(privacy, /encrypted \(AES-256-GCM\) with a key made from your passphrase/);
  assert.match(privacy, /passphrase is never stored/);
  assert.match(privacy, /The toolkit sends nothing itself/);
  assert.match(privacy, /3 months, 6 months or a year/);
  assert.match(privacy, /Wipe all data on this device/);
  // The names it quotes are the app's own: the hub's "This device" and its wipe button.
  await page.getByRole('link', { name: 'Saved drafts' }).first().waitFor();
  await screenshot(page, 'service-privacy');

  const statement = await follow(page, ACCESSIBILITY);
  assert.equal(new URL(page.url()).pathname, '/accessibility');
  assert.match(statement, /partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA/);
  assert.match(statement, /table of records scrolls sideways inside its own box/);
  assert.match(statement, /warned 2 minutes before the toolkit locks itself and can stay unlocked/);
  assert.match(statement, /axe-core.*320 pixels wide.*keyboard only/);
  await page.locator('#team-email').waitFor();
  await screenshot(page, 'service-accessibility');

  // The privacy notice's names are true: the hub has "This device" and its wipe button.
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.getByRole('heading', { name: 'This device' }).waitFor();
  await page.getByRole('button', { name: 'Wipe all data on this device' }).waitFor();
});

app.test('A11Y-9 the service pages open while the toolkit is locked: from the gate, help is one footer link away', async (t) => {
  const { page } = await app.open(t, '/drafts', { vault: false });
  assert.ok(vault.FIRST_USE.includes(await vault.gateHeading(page)), 'the gate asks for a passphrase');
  const help = await follow(page, HELP);
  assert.doesNotMatch(help, /Enter your passphrase|Create a passphrase/, 'no gate in front of help');
  await page.locator('#team-email').waitFor();
});

app.test('A11Y-9 with no deployment settings, help says that no team is configured and what to do', async (t) => {
  app.server.deployment = null;
  t.after(() => { app.server.deployment = EXAMPLE; });
  const guarded = await app.open(t, '/');
  // The missing file is logged as a 404: expected here.
  const before = guarded.assertClean;
  guarded.assertClean = () => {
    for (let i = guarded.problems.length - 1; i >= 0; i--) {
      if (/404/.test(guarded.problems[i]) && /deployment\.json/.test(guarded.problems[i])) guarded.problems.splice(i, 1);
    }
    before();
  };
  const { page } = guarded;
  await r.onPage(page, 'Prevent Case Toolkit', { axe: false });
  await follow(page, HELP);
  await page.locator('#no-team').waitFor();
  assert.match(await page.locator('#no-team').innerText(), /No Prevent team is configured for this site[\s\S]*101[\s\S]*999/);
  assert.equal(await page.locator('#team-email').count(), 0);
});

app.test("A11Y-9 the officers' footer links to the officers' own copies, which name the team and the officers' settings", async (t) => {
  const { page } = await app.open(t, '/officer');
  await r.onPage(page, 'Your Gateway Assessments', { axe: false });
  assert.deepEqual(await footerLinks(page), [[HELP, '/officer/help'], [PRIVACY, '/officer/privacy'], [ACCESSIBILITY, '/officer/accessibility']]);
  const help = await follow(page, HELP);
  assert.equal(new URL(page.url()).pathname, '/officer/help');
  assert.match(help, /Assessments and cases/);
  await page.locator('#team-email').waitFor();
  const privacy = await follow(page, PRIVACY);
  assert.match(privacy, /localStorage.*passphrase/);
  assert.match(privacy, /DIF framework/);
  const statement = await follow(page, ACCESSIBILITY);
  assert.equal(new URL(page.url()).pathname, '/officer/accessibility');
  assert.match(statement, /2 minutes before/);
});

app.test("A11Y-9 the trainer's footer links to the trainer's own copies, true to fictional records kept in the clear", async (t) => {
  const { page } = await app.open(t, '/trainer/');
  await r.onPage(page, 'Training scenarios', { axe: false });
  assert.deepEqual(await footerLinks(page), [[HELP, '/trainer/help'], [PRIVACY, '/trainer/privacy'], [ACCESSIBILITY, '/trainer/accessibility']]);
  const help = await follow(page, HELP);
  assert.equal(new URL(page.url()).pathname, '/trainer/help');
  assert.match(help, /ask your trainer/);
  const privacy = await follow(page, PRIVACY);
  assert.match(privacy, /fictional training records only.*local storage \(localStorage\).*not encrypted/);
  assert.doesNotMatch(privacy, /passphrase/);
  const statement = await follow(page, ACCESSIBILITY);
  assert.equal(new URL(page.url()).pathname, '/trainer/accessibility');
  // The trainer's app has no lock.
  assert.doesNotMatch(statement, /locks itself/);
});

app.test('A11Y-9 each page of the referral says where it is in the flow, as the task list numbers its sections', async (t) => {
  const { page } = await app.open(t, null);
  await r.start(page);
  const caption = () => page.locator('main #flow-position').innerText();
  assert.equal(await caption(), 'Prevent referral, section 1 of 5: Before you start');
  await r.choose(page, 'Yes, I am making a referral');
  await r.pressContinue(page);
  await r.onPage(page, 'Is there an immediate risk of harm', { axe: false });
  assert.equal(await caption(), 'Prevent referral, section 1 of 5: Before you start');
  await r.choose(page, 'No');
  await r.pressContinue(page);
  await r.onPage(page, 'About you', { axe: false });
  assert.equal(await caption(), 'Prevent referral, section 2 of 5: About you');
  await screenshot(page, 'flow-position');
  // The task list names the same five sections, in the same order.
  await page.getByRole('link', { name: 'Save and come back later' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('main').getByText('Check and finish').first().waitFor();
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  const order = ['Before you start', 'About you', 'Who or what the referral is about', 'The concerns', 'Check and finish'].map((s) => text.indexOf(s));
  assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1])), `the task list's sections in order: ${order}`);
});

app.test("A11Y-9 the officers' forms say where a page is too (decision 0026)", async (t) => {
  const { page } = await app.open(t, null);
  await p.startPga(page, { axe: false });
  assert.match(await page.locator('main #flow-position').innerText(), /, section 1 of \d+: /);
});
