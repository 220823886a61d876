'use strict';
// Issue 16, item 5 in the browser: tamper-evident storage. Someone holding the browser profile
// puts back an older sealed copy of a finished referral, or plants an entry in clear: the records
// hub sets it aside and names it, and it cannot be opened or changed. Rows of the fault table
// (SEC-3 faults survived, SEC-4 final means final; docs/decisions/0008-manifest.md).

const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');
const { faultTable } = require('./lib/faults');
const { openSealed } = require('./lib/vault');

const app = useApp();
const fault = faultTable(app, 'manifest');

/** Keeps, in the page, the first value written to each record's entry (its first sealed copy). */
const keepFirstCopies = (page) => page.addInitScript(() => {
  const set = Storage.prototype.setItem;
  window.firstCopies = {};
  Storage.prototype.setItem = function setItem(k, v) {
    if (this === localStorage && k.startsWith('pct.draft.') && !(k in window.firstCopies)) window.firstCopies[k] = v;
    return set.call(this, k, v);
  };
});

fault('SEC-4', 'an older copy of a finished referral put back', 'it is set aside and named ("put back to an older copy, from before it was finished"); it cannot be opened or edited; the copy is left as it is', async (t) => {
  const { page } = await app.open(t, null);
  await keepFirstCopies(page);
  const { id } = await r.finishPersonReferral(page, {});
  const key = `pct.draft.${id}`;
  // What storage holds the moment the confirmation shows: the final record (PGA-10, s8), not
  // a save still queued behind the next frame, which putting back a copy now would undo.
  const [older, atConfirmation] = await page.evaluate((key) => [window.firstCopies[key], localStorage.getItem(key)], key);
  assert.ok(older && older !== atConfirmation, 'no older copy kept');
  assert.equal((await openSealed(page, key, atConfirmation))?.status, 'finished', 'the confirmation shows before the final record is stored');
  // The first, in-progress copy (saved before the subject was chosen: named by its own label)
  // put back over the finished record.
  await page.evaluate(([key, older]) => localStorage.setItem(key, older), [key, older]);
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.match(await page.locator('main').innerText(), /1 saved draft has been set aside\. It has been left as it was and is not listed here:/);
  assert.match(await page.locator('#set-aside li').innerText(), /^Prevent referral “Subject not chosen yet”, saved .+: it was put back to an older copy, from before it was finished\.$/);
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 0, 'listed as a record');
  await assertNoAxeViolations(page, 'records hub with an entry set aside');
  // Opening it by its address: refused, with why.
  await page.goto(`/referral/${id}/about-you`);
  await page.locator('main h1').waitFor();
  assert.equal((await page.locator('main h1').innerText()).trim(), 'This draft cannot be opened');
  assert.match(await page.locator('main').innerText(), /set aside because it was put back to an older copy/);
  assert.equal(await page.locator('main input, main textarea').count(), 0, 'a form to type into');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), older, 'the copy was changed');
});

fault('SEC-3', 'an entry planted in clear', 'it is set aside and named ("not encrypted, so it was not written by this toolkit"); never listed as a record, never overwritten', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, {});
  const planted = JSON.stringify({
    format: 'prevent-toolkit/draft', envelope_version: 1, id: '0badc0de-0000-4000-8000-000000000000', kind: 'nrf', revision: 1,
    saved_at: '2026-11-28T10:00:00Z', label: 'Call 0123 456 789 now', status: 'in-progress', encryption: null,
    payload: JSON.stringify({ id: '0badc0de-0000-4000-8000-000000000000', form: 'nrf', form_version: 1, created_at: '2026-11-28T10:00:00Z', answers: {}, completed_pages: [], status: 'in-progress', finished: null }),
  });
  await page.evaluate((planted) => localStorage.setItem('pct.draft.0badc0de-0000-4000-8000-000000000000', planted), planted);
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 1, 'the real one is listed, the planted one is not');
  assert.equal(await page.locator('#set-aside li').innerText(), 'A saved entry, 0BADC0DE: it is not encrypted, so it was not written by this toolkit.');
  assert.ok(!(await page.locator('main').innerText()).includes('Call 0123'), 'the planted label is shown');
  assert.equal(await page.evaluate(() => localStorage.getItem('pct.draft.0badc0de-0000-4000-8000-000000000000')), planted);
});
