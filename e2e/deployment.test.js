'use strict';
// Deployment settings and the "send it" step (issue 20, REF-1, decision 0021): the confirmation
// of a finished referral says what to send and to whom (the team's address from
// /deployment.json, copyable; the readable print view; the JSON file for the team's toolkit),
// never that it was sent; without settings, or with a bad file, it says plainly that no team is
// configured, what to do, and which field is wrong. axe on each state; screenshots in
// target/screenshots/.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();
const EXAMPLE = fs.readFileSync(require('node:path').join(__dirname, '..', 'deploy', 'deployment.example.json'), 'utf8');

/** A page whose deployment.json is missing logs the 404 as a console error: expected here. */
function expectMissingFile(guarded) {
  const before = guarded.assertClean;
  guarded.assertClean = () => {
    for (let i = guarded.problems.length - 1; i >= 0; i--) {
      if (/404/.test(guarded.problems[i]) && /deployment\.json/.test(guarded.problems[i])) guarded.problems.splice(i, 1);
    }
    before();
  };
}

app.test('REF-1 (issue 20): the confirmation is a "send it" step with the team\'s address and the two files', async (t) => {
  app.server.deployment = EXAMPLE;
  const { page } = await app.open(t, null);
  const { reference } = await r.finishPersonReferral(page);
  const main = page.locator('main');
  await page.locator('#referral-email').waitFor();
  const text = await main.innerText();
  // Never reads as sent: no confirmation panel, and it says it has not been sent.
  assert.equal(await page.locator('.govuk-panel').count(), 0, 'no green "finished" panel');
  assert.doesNotMatch(text, /Referral (finished|sent)|has been sent|submitted/i);
  assert.match(text, /It has not been sent/);
  assert.match(await page.title(), /^Your referral is ready to send/);
  // To whom: the configured team and address, copyable; the reference for the subject line.
  assert.match(text, /Send it to the Exampleton Prevent team/);
  assert.equal(await page.getByLabel("The Prevent team's email address for referrals").inputValue(), 'prevent.referrals@example.org');
  assert.match(text, new RegExp(`put your reference, ${reference}, in the subject line`));
  assert.match(text, /Office hours\s+01632 960000[\s\S]*Out of hours\s+01632 960999/);
  await page.getByRole('button', { name: 'Copy the email address' }).click();
  await page.locator('#copy-status').filter({ hasText: /Copied|Selected: press Ctrl\+C/ }).waitFor();
  if ((await page.locator('#copy-status').innerText()).startsWith('Selected')) {
    assert.equal(await page.evaluate(() => String(window.getSelection())), 'prevent.referrals@example.org');
  }
  // What: the readable copy (print) and the file for the team's toolkit (captured).
  assert.match(await page.locator('#send-readable').innerText(), /A copy people can read[\s\S]*Save as PDF[\s\S]*OFFICIAL-SENSITIVE/);
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => (window.printed += 1);
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the file for the Prevent team (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), `prevent-referral-${reference}.json`);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(json.reference, reference);
  await assertNoAxeViolations(page, 'the send-it step with a team');
  await screenshot(page, 'send-it-with-team');
});

app.test('REF-1 (issue 20): with no deployment.json the confirmation says no team is configured and what to do', async (t) => {
  app.server.deployment = null;
  const guarded = await app.open(t, null);
  expectMissingFile(guarded);
  const { page } = guarded;
  await r.finishPersonReferral(page);
  const none = page.locator('#no-team');
  await none.waitFor();
  assert.match(await none.innerText(), /No Prevent team is configured for this site[\s\S]*101[\s\S]*call 999[\s\S]*no deployment\.json on this site \(the server answered 404\)/);
  assert.equal(await page.locator('#referral-email').count(), 0);
  // The files are still there to send.
  await page.getByRole('button', { name: 'Download the file for the Prevent team (JSON)' }).waitFor();
  await assertNoAxeViolations(page, 'the send-it step with no team');
  await screenshot(page, 'send-it-no-team');
});

app.test('REF-1 (issue 20): a bad deployment.json names the bad field; the advice route says no team is configured', async (t) => {
  const bad = JSON.parse(EXAMPLE);
  bad.referral_email = 'prevent.example.org';
  bad.division = 'Wales';
  app.server.deployment = JSON.stringify(bad);
  const { page } = await app.open(t, null);
  await r.start(page);
  await r.choose(page, 'No, I want advice first');
  const advice = page.locator('#advice');
  await advice.locator('#no-team').waitFor();
  assert.match(await advice.innerText(), /may still have to act on it[\s\S]*No Prevent team is configured[\s\S]*"referral_email" must be the email address referrals go to[\s\S]*"division" is not a division/);
  await assertNoAxeViolations(page, 'the advice route with a bad settings file');
  await screenshot(page, 'advice-bad-settings');
  await r.choose(page, 'Yes, I am making a referral');
  await r.pressContinue(page);
  await r.onPage(page, 'Is there an immediate risk of harm', { axe: false });
});

app.test("deployment (issue 20, item 1): the officers' app starts from the force's default division until an officer saves their own", async (t) => {
  app.server.deployment = JSON.stringify({ ...JSON.parse(EXAMPLE), division: 'scotland' });
  const { page } = await app.open(t, '/officer/settings');
  await r.onPage(page, 'Settings');
  await page.waitForFunction(() => document.querySelector('input[value="scotland"]')?.checked);
  assert.match(await page.locator('table').first().innerText(), /St Andrew's Day/);
  // The officer's own choice is saved and wins over the force's default.
  await r.choose(page, 'Northern Ireland');
  await page.locator('#settings-saved').waitFor();
  await page.reload();
  await r.onPage(page, 'Settings', { axe: false });
  assert.ok(await page.getByLabel('Northern Ireland', { exact: true }).isChecked(), "the officer's choice is kept");
  app.server.deployment = EXAMPLE;
});
