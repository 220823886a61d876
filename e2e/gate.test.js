'use strict';
// A gate a partner understands (issue 20, item 5; docs/decisions/0023-people-on-one-computer.md):
// the partners' start page comes first; the passphrase is asked for when a referral is about to
// be stored, in plain words ("Protect this referral on this computer"), with show/hide and what
// happens if it is forgotten; on a shared computer a second person keeps their own protected
// drafts beside a colleague's ("I am someone else") without deleting anything. Axe on every new
// page. Labels: GATE-1 (the start page before the gate), GATE-2 (people on one computer).

const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { screenshot } = require('./lib/browser');
const r = require('./lib/referral');
const vault = require('./lib/vault');

const app = useApp();
const SHOTS = process.env.SHOTS;
const OTHER = 'a colleague on the late shift';
const FIRST_QUESTION = 'Are you making a Prevent referral?';

/** The draft id in the page's address. */
function draftId(page) {
  const m = page.url().match(/\/referral\/([0-9a-f-]{36})\//);
  assert.ok(m, `no draft id in ${page.url()}`);
  return m[1];
}

/** The answer `path` of draft `id` once it is stored (sealed, read with the browser's own
 * WebCrypto): waits for the store, not for a time. */
async function storedAnswer(page, id, path) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const draft = (await vault.storedDrafts(page))[id];
    if (draft && draft.answers[path] !== undefined) return draft.answers[path];
    if (Date.now() > deadline) throw new Error(`${path} of ${id} was not stored: ${JSON.stringify(draft && draft.answers)}`);
  }
}

/** Presses "Start now" on the start page with the keyboard. */
async function startNow(page) {
  await r.onPage(page, 'Make a Prevent referral', { axe: false });
  await page.getByRole('button', { name: 'Start now' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main h1')?.innerText.trim() !== 'Make a Prevent referral');
}

/** Locks with "Lock now", and waits for the passphrase to be asked for. */
async function lockNow(page) {
  await page.locator('#lock-now').focus();
  await page.keyboard.press('Enter');
  assert.equal(await vault.gateHeading(page), vault.UNLOCK);
}

/** Every stored key of the toolkit, sorted, with its value. */
async function storage(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pct.')).sort().map((k) => [k, localStorage.getItem(k)]));
}

/** The draft ids the "Saved drafts" table links to. */
async function listedIds(page) {
  await r.onPage(page, 'Saved drafts', { axe: false });
  const hrefs = await page.locator('main a[href*="/referral/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = new Set(hrefs.map((h) => (h.match(/\/referral\/([0-9a-f-]{36})/) || [])[1]).filter(Boolean));
  return [...ids].sort();
}

app.test('GATE-1 the partners\' start page opens with no gate; Start now asks to protect the referral in plain words, with show/hide and "What if I forget it?"', async (t) => {
  const { page } = await app.open(t, null, { vault: false });
  await page.goto('/');
  await r.onPage(page, 'Prevent Case Toolkit');
  await page.goto('/referral/start');
  await r.onPage(page, 'Make a Prevent referral');
  assert.equal(await page.locator('#passphrase').count(), 0, 'the start page asks for a passphrase');
  // Someone who wants advice, not a referral, gets the team's advice line here (REF-1, s7).
  await page.locator('#start-advice #team-advice-line').waitFor();
  assert.equal((await page.locator('#team-advice-line').innerText()).trim(), '01632 960123');
  assert.deepEqual(await storage(page), [], 'the start page stored something');

  await startNow(page);
  await r.onPage(page, 'Protect this referral on this computer');
  // Focus moves to the new heading, as on any new page.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const text = await page.locator('main').innerText();
  assert.match(text, /anyone else using this computer cannot read your referrals without it/);
  assert.doesNotMatch(text, /Turn on encryption|Set a passphrase for this device/);
  // Nothing is stored before the passphrase is set.
  assert.deepEqual((await storage(page)).filter(([k]) => k.startsWith('pct.draft') || k.startsWith('pct.vault')), []);

  // Show/hide, by keyboard: the GOV.UK password input says what it did.
  await page.locator('#passphrase').focus();
  await page.keyboard.type(vault.PASSPHRASE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-controls')), 'passphrase');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#passphrase').type === 'text');
  const status = page.locator('button[aria-controls="passphrase"]').locator('xpath=preceding-sibling::div[1]');
  assert.equal(await status.textContent(), 'Your passphrase is visible');
  assert.equal(await page.locator('button[aria-controls="passphrase"]').innerText(), 'Hide');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#passphrase').type === 'password');
  assert.equal(await status.textContent(), 'Your passphrase is hidden');

  // "What if I forget it?" opens, by keyboard, and says what happens.
  const details = page.locator('details', { hasText: 'What if I forget it?' });
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('details')].some((d) => d.open));
  const said = await details.innerText();
  assert.match(said, /Nobody can recover it/);
  assert.match(said, /you would have to start the referral again/);
  assert.match(said, /can still be deleted/);
  await assertNoAxeViolations(page, 'the gate with "What if I forget it?" open');
  if (SHOTS) await screenshot(page, 'gate-first-use');

  // Too short: a clear message, nothing stored.
  await page.locator('#confirm').fill('short');
  await page.locator('#passphrase').fill('short');
  await r.pressContinue(page, 'Continue');
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /at least 10 characters/);
  await assertNoAxeViolations(page, 'the gate with an error');
  assert.deepEqual((await storage(page)).filter(([k]) => k.startsWith('pct.draft') || k.startsWith('pct.vault')), []);

  await page.locator('#passphrase').fill(vault.PASSPHRASE);
  await page.locator('#confirm').fill(vault.PASSPHRASE);
  await r.pressContinue(page, 'Continue');
  // The referral starts once it is protected.
  await r.onPage(page, FIRST_QUESTION, { axe: false });
  const id = draftId(page);
  const drafts = await vault.storedDrafts(page);
  assert.ok(drafts[id], 'the referral is not stored sealed');
  assert.equal(drafts.unreadable, undefined);
});

app.test('GATE-2 on a shared computer a second person keeps their own referrals beside the first\'s ("I am someone else"), deleting nothing; each passphrase opens its own', async (t) => {
  const { page } = await app.open(t, null, { vault: false });
  // The first person starts a referral and answers its first question.
  await page.goto('/referral/start');
  await startNow(page);
  assert.equal(await vault.gateHeading(page), 'Protect this referral on this computer');
  await vault.passGate(page);
  await r.onPage(page, FIRST_QUESTION, { axe: false });
  const first = draftId(page);
  await r.choose(page, 'Yes, I am making a referral');
  await r.pressContinue(page);
  await r.onPage(page, 'Is there an immediate risk of harm', { axe: false });
  // Wait for the answer to be stored (sealed), as it is read back below.
  const answer = await storedAnswer(page, first, 'referral.intent');
  await lockNow(page);
  await r.onPage(page, vault.UNLOCK);
  if (SHOTS) await screenshot(page, 'gate-unlock');
  const hers = (await storage(page)).filter(([k]) => !k.startsWith('pct.p2.'));

  // The "Forgotten your passphrase?" help says deleting removes everyone's, and offers the way
  // that deletes nothing.
  const forgotten = page.locator('details', { hasText: 'Forgotten your passphrase?' });
  await forgotten.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('details')].some((d) => d.open));
  assert.match(await forgotten.innerText(), /deletes everyone's referrals, not only yours/);
  assert.match(await forgotten.innerText(), /I am someone else/);
  await assertNoAxeViolations(page, 'the unlock page with "Forgotten your passphrase?" open');

  // A second person, on the start page, presses Start now: the gate asks for a passphrase.
  await page.goto('/referral/start');
  await startNow(page);
  assert.equal(await vault.gateHeading(page), vault.UNLOCK);
  await r.pressContinue(page, 'I am someone else');
  await r.onPage(page, 'Protect your own referrals on this computer');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.match(await page.locator('main').innerText(), /Nothing is deleted/);
  if (SHOTS) await screenshot(page, 'gate-someone-else');
  // The colleague's passphrase is refused (it would always open theirs), changing nothing.
  await page.locator('#passphrase').fill(vault.PASSPHRASE);
  await page.locator('#confirm').fill(vault.PASSPHRASE);
  await r.pressContinue(page, 'Continue');
  await page.locator('.govuk-error-summary').waitFor();
  assert.match(await page.locator('.govuk-error-summary').innerText(), /already used on this computer/);
  await assertNoAxeViolations(page, 'the newcomer\'s gate with an error');
  assert.equal(await page.locator('main h1').innerText(), 'Protect your own referrals on this computer');
  assert.deepEqual((await storage(page)).filter(([k]) => !k.startsWith('pct.p2.')), hers);
  // Their own passphrase: their own referral starts.
  await page.locator('#passphrase').fill(OTHER);
  await page.locator('#confirm').fill(OTHER);
  await r.pressContinue(page, 'Continue');
  await r.onPage(page, FIRST_QUESTION, { axe: false });
  const second = draftId(page);
  assert.notEqual(second, first);
  assert.ok((await vault.storedDrafts(page, OTHER, { person: 2 }))[second], 'the second person\'s referral is not stored sealed under pct.p2.');
  // They see none of the first person's drafts.
  await page.locator('header').getByRole('link', { name: 'Saved drafts' }).click();
  assert.deepEqual(await listedIds(page), [second]);
  // Nothing of the first person's was touched.
  assert.deepEqual((await storage(page)).filter(([k]) => !k.startsWith('pct.p2.')), hers);
  await lockNow(page);

  // The first person's passphrase opens the first person's drafts, the answer intact.
  await page.goto('/drafts');
  await vault.passGate(page);
  assert.deepEqual(await listedIds(page), [first]);
  // A page load asks again: the key lives in this tab's memory only.
  await page.goto(`/referral/${first}/referral-or-advice`);
  await vault.passGate(page);
  await r.onPage(page, FIRST_QUESTION, { axe: false });
  assert.ok(await page.getByLabel('Yes, I am making a referral', { exact: true }).isChecked());
  assert.equal((await vault.storedDrafts(page))[first].answers['referral.intent'], answer);
  await lockNow(page);
  // And the second person's opens theirs.
  await page.goto('/drafts');
  await vault.passGate(page, OTHER);
  assert.deepEqual(await listedIds(page), [second]);
});
