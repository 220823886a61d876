'use strict';
// Drafts are never lost (DESIGN.md; issue 2 item 6): every change is saved as it is made, a
// reload half way resumes where the partner was, the drafts page lists, resumes and deletes
// (with confirmation and undo). Full storage and two tabs are rows of issue 8's fault table
// (e2e/faults.test.js).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
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

// Full storage and two tabs on one draft: in e2e/faults.test.js (issue 8's fault table).

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
