'use strict';
// Drafts are never lost (DESIGN.md; issue 2 item 6): every change is saved as it is made, a
// reload half way resumes where the partner was, the drafts page lists, resumes and deletes
// (with confirmation and undo), and full storage is reported while the last good copy is kept.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { storedDrafts, passGate } = require('./lib/vault');
const { screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();

test('a reload half way loses nothing, and the drafts page resumes the referral', async (t) => {
  const { page } = await app.open(t, null);
  const id = await r.startToAboutYou(page);
  await r.type(page, 'Full name', 'Sam Teacher');
  // The last keystroke is saved at once: reload straight after typing.
  await page.reload();
  await r.onPage(page, 'About you', { axe: false });
  assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), 'Sam Teacher');

  // Come back later from the drafts page.
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts');
  await screenshot(page, 'drafts');
  const row = page.locator('#drafts-table tbody tr');
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /Prevent referral\s+Subject not chosen yet[\s\S]*In progress/);
  await row.getByRole('link', { name: /Resume/ }).click();
  await r.onPage(page, 'Your Prevent referral');
  await screenshot(page, 'task-list');
  const items = await page.locator('.govuk-task-list__item').allInnerTexts();
  assert.match(items[0], /Before you start[\s\S]*Completed/);
  assert.match(items[1], /About you[\s\S]*In progress/);
  assert.match(items[4], /Check and finish[\s\S]*Cannot start yet/);
  await page.getByRole('link', { name: 'About you' }).click();
  await r.onPage(page, 'About you', { axe: false });
  assert.ok(page.url().endsWith(`/referral/${id}/about-you`));
  assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), 'Sam Teacher');
});

test('deleting a draft asks first and can be undone', async (t) => {
  const { page } = await app.open(t, null);
  await r.start(page);
  await r.choose(page, 'Yes, I am making a referral');
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#drafts-table').getByRole('link', { name: /Delete/ }).click();
  await r.onPage(page, 'Are you sure you want to delete this draft?');
  // "No, keep it" keeps it.
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 1);
  await page.locator('#drafts-table').getByRole('link', { name: /Delete/ }).click();
  await r.onPage(page, 'Are you sure you want to delete this draft?', { axe: false });
  await r.pressContinue(page, 'Yes, delete this draft');
  await r.onPage(page, 'Saved drafts');
  await page.locator('#no-drafts').waitFor();
  await page.locator('#undo-delete').click();
  await page.locator('#drafts-table tbody tr').waitFor();
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 1);
  // The restored draft still has its answer.
  await page.locator('#drafts-table').getByRole('link', { name: /Resume/ }).click();
  await r.onPage(page, 'Your Prevent referral', { axe: false });
  await page.getByRole('link', { name: 'Before you start' }).click();
  await r.onPage(page, 'Are you making a Prevent referral?', { axe: false });
  assert.ok(await page.getByLabel('Yes, I am making a referral', { exact: true }).isChecked());
});

test('full storage is reported and the last good copy is kept', async (t) => {
  const { page } = await app.open(t, null);
  await r.startToAboutYou(page);
  await r.type(page, 'Full name', 'Sam');
  // Fill the rest of localStorage so the next save cannot fit.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 1000; i++) {
      try { localStorage.setItem(`filler-${i}`, chunk); } catch (e) { break; }
    }
    for (let size = 16 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (let j = 0; j < 64; j++) {
        try { localStorage.setItem(`filler-s-${size}-${j}`, 'x'.repeat(size)); } catch (e) { break; }
      }
    }
  });
  await r.type(page, 'Organisation', 'Northtown Academy, a school with a long name that makes the draft bigger');
  const banner = page.locator('#save-problem');
  await banner.waitFor();
  assert.match(await banner.innerText(), /storage is full[\s\S]*last saved copy is kept/);
  await assertNoAxeViolations(page, 'about you with a storage-full banner');
  await screenshot(page, 'storage-full');
  // What is typed stays on screen; the stored copy is the last good one.
  assert.match(await page.getByLabel('Organisation', { exact: true }).inputValue(), /^Northtown Academy/);
  const stored = Object.values(await storedDrafts(page))[0].answers;
  assert.equal(stored['referrer.name'], 'Sam');
  assert.equal(stored['referrer.organisation'], undefined);
});

test('two tabs on one draft: the second cannot overwrite the first, and says so', async (t) => {
  const { page, context } = await app.open(t, null);
  const id = await r.startToAboutYou(page);
  const other = await context.newPage();
  await other.goto(`/referral/${id}/about-you`);
  // A new tab unlocks with the passphrase (issue 8: unlock per session).
  await passGate(other);
  await r.onPage(other, 'About you', { axe: false });
  await r.type(page, 'Full name', 'Typed in tab one');
  await r.type(other, 'Organisation', 'Typed in tab two');
  const banner = other.locator('#save-problem');
  await banner.waitFor();
  assert.match(await banner.innerText(), /changed in another tab or window[\s\S]*Nothing has been overwritten/);
  const stored = (await storedDrafts(page))[id].answers;
  assert.equal(stored['referrer.name'], 'Typed in tab one');
  assert.equal(stored['referrer.organisation'], undefined);
});

test('a missing draft and an unknown page say what happened, and pass axe', async (t) => {
  const { page } = await app.open(t, '/referral/00000000-0000-4000-8000-000000000000/about-you');
  await r.onPage(page, 'This draft is not in this browser');
  await page.goto('/no/such/page');
  await r.onPage(page, 'Page not found');
  assert.match(await page.title(), /^Page not found/);
});

test('starting twice without answering leaves one draft, not two', async (t) => {
  const { page } = await app.open(t, null);
  const first = await r.start(page);
  const second = await r.start(page);
  assert.equal(second, first, 'the untouched draft is reused');
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 1);
});
