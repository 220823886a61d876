'use strict';
// The records hub (issue 6; DESIGN.md "Records"): filter by type and status, sort, select some
// and download them as one JSON file or as CSV; import a JSON export, refusing a bad file with a
// clear message and changing nothing; a round trip (export -> wipe -> import) restores every
// record exactly. By keyboard where a user would use it; axe on every state.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { useApp } = require('./lib/harness');
const vault = require('./lib/vault');
const { assertNoAxeViolations } = require('./lib/axe');
const { screenshot } = require('./lib/browser');
const r = require('./lib/referral');

const app = useApp();
const SHOTS = process.env.SHOTS;

/** Every stored draft, as the store keeps it (decrypted: e2e/lib/vault.js), by id. */
async function storedDrafts(page) {
  const all = await vault.storedDrafts(page);
  assert.equal(all.unreadable, undefined, 'an entry did not open');
  return all;
}

/** Clicks a button by keyboard and waits for the download it starts. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.locator(selector).focus();
    await page.keyboard.press('Enter');
  })()]);
  const text = fs.readFileSync(await d.path(), 'utf8');
  return { name: d.suggestedFilename(), text };
}

/** A selection export (text) with its first record's concerns and declaration taken out. */
function forged(text) {
  const f = JSON.parse(text);
  delete f.records[0].answers.concerns;
  delete f.records[0].answers.declaration;
  return JSON.stringify(f, null, 2);
}

/** Chooses `text` (a string) as the import file, named `name`. */
async function importFile(page, name, text) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('REC-5 REC-1 REC-7 REC-4 REC-6 SEC-4: partners filter, select, download (JSON and CSV), and a round trip restores every record exactly', async (t) => {
  const { page } = await app.open(t, null);
  // Two finished referrals and one in progress.
  const a = await r.finishPersonReferral(page, { forename: 'Alex', surname: 'Example' });
  const b = await r.finishPersonReferral(page, { forename: 'Bo', surname: 'Sample', concerns: '=HYPERLINK("http://x") said, "in class"\nand online.' });
  await r.startToAboutYou(page);
  await r.type(page, 'Full name', 'Sam Teacher');
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts');
  const rows = page.locator('#drafts-table tbody tr');
  assert.equal(await rows.count(), 3);

  // REC-5: filter by status.
  await page.locator('#filter-status').selectOption('finished');
  assert.equal(await rows.count(), 2);
  await page.locator('#filter-status').selectOption('in-progress');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /In progress/);
  await page.locator('#filter-status').selectOption('');
  assert.equal(await rows.count(), 3);
  if (SHOTS) await screenshot(page, 'records-partners');
  // REC-1: the page links the published JSON Schema of the file format, served with the app.
  const schemaHref = await page.locator('#schema-link').getAttribute('href');
  const schemaRes = await page.request.get(schemaHref);
  assert.equal(schemaRes.status(), 200, schemaHref);
  assert.equal(JSON.parse(await schemaRes.text()).properties.format.const, 'prevent-toolkit/records');

  // Nothing selected: a clear message, no download.
  await page.locator('#download-selected-json').focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#undo-problem').innerText(), /Select the records to download first/);

  // REC-1: select all shown (by keyboard: Space on the checkbox) and download one JSON file.
  await page.locator('#select-all').focus();
  await page.keyboard.press('Space');
  assert.equal((await page.locator('#selected-count').innerText()).trim(), '3 of 3 shown selected');
  await assertNoAxeViolations(page, 'the records hub with every record selected');
  const json = await download(page, '#download-selected-json');
  assert.match(json.name, /^prevent-records-\d{8}-3\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, 'prevent-toolkit/records');
  assert.equal(file.protective_marking, 'OFFICIAL-SENSITIVE');
  assert.equal(file.records.length, 3);
  const refs = file.records.map((x) => x.reference).filter(Boolean).sort();
  assert.deepEqual(refs, [a.reference, b.reference].sort());
  for (const rec of file.records) assert.ok(['in-progress', 'finished'].includes(rec.status));

  // REC-7: CSV of the same selection (one type): BOM, CRLF, one row per record, the formula
  // neutralised and the quotes doubled.
  const csv = await download(page, '#download-selected-csv');
  assert.match(csv.name, /^prevent-nrf-records-\d{8}\.csv$/);
  assert.ok(csv.text.startsWith('\ufeff'), 'UTF-8 BOM');
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  assert.match(lines[0], /^record_id,status,reference,started_at,finished_on,/);
  assert.match(csv.text, /"'=HYPERLINK\(""http:\/\/x""\) said, ""in class""\nand online\."/);

  // REC-6: the round trip. Keep what the store holds, wipe it, import the file.
  const before = await storedDrafts(page);
  assert.equal(Object.keys(before).length, 3);
  for (const d of Object.values(before)) assert.ok(d.id && d.form === 'nrf' && d.answers, 'a draft as stored');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // Everything went, the vault's passphrase with it: set one again, as on first use.
  await vault.passGate(page);
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.equal(await page.locator('#no-drafts').count(), 1);
  await importFile(page, json.name, json.text);
  await page.locator('#import-review').waitFor();
  assert.match(await page.locator('#import-review').innerText(), /The file holds 3 records/);
  assert.match(await page.locator('#import-review').innerText(), /New here: it will be added/);
  await assertNoAxeViolations(page, 'an import to review');
  if (SHOTS) await screenshot(page, 'records-import-review');
  await page.locator('#import-confirm').focus();
  await page.keyboard.press('Enter');
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').innerText(), /3 records imported/);
  assert.equal(await rows.count(), 3);
  const after = await storedDrafts(page);
  assert.deepEqual(after, before, 'every record comes back exactly');

  // SEC-4: the same file again: every record is already here, unchanged, and nothing is
  // written.
  await importFile(page, json.name, json.text);
  await page.locator('#import-review').waitFor();
  assert.equal(((await page.locator('#import-review').innerText()).match(/Already here, unchanged: nothing to import/g) || []).length, 3);
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').innerText(), /No records imported/);
  assert.deepEqual(await storedDrafts(page), before, 'nothing written');

  // REC-4: the file with the draft and one finished referral changed: a finished record is never
  // replaced (keep both only: a copy with its own reference), the one in progress may be
  // replaced or kept as a copy.
  const changed = JSON.parse(json.text);
  const draft = changed.records.find((x) => x.status === 'in-progress');
  draft.answers.referrer.name = 'Sam Teacher-Jones';
  const other = changed.records.find((x) => x.reference === b.reference);
  other.answers.concerns.description = 'Shared other videos in class.';
  await importFile(page, 'changed.json', JSON.stringify(changed));
  await page.locator('#import-review').waitFor();
  const review = await page.locator('#import-review').innerText();
  assert.equal((review.match(/A final record with this id is already here/g) || []).length, 1);
  assert.equal((review.match(/Already here, unchanged/g) || []).length, 1);
  assert.match(review, /A record with this id is already here, in progress/);
  await assertNoAxeViolations(page, 'an import with conflicts');
  await page.getByLabel('Replace the one here with the imported one').check();
  await page.locator('#import-confirm').focus();
  await page.keyboard.press('Enter');
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').innerText(), /2 records imported/);
  // A copy of the changed finished one was added beside it; the one in progress was replaced.
  assert.equal(await rows.count(), 4);
  const all = await storedDrafts(page);
  for (const d of Object.values(before).filter((x) => x.finished)) assert.deepEqual(all[d.id], d, `${d.id} unchanged`);
  assert.equal(all[draft.record_id].answers['referrer.name'], 'Sam Teacher-Jones');
  const copies = Object.values(all).filter((d) => !(d.id in before));
  assert.equal(copies.length, 1);
  assert.ok(copies[0].finished, 'the copy is final too');
  assert.ok(![a.reference, b.reference].includes(copies[0].finished.reference), 'a copy has its own reference');
});

test('REC-3: a bad, truncated, oversized or foreign file is refused with a clear message and changes nothing', async (t) => {
  const { page } = await app.open(t, null);
  const a = await r.finishPersonReferral(page, {});
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#select-all').check();
  const json = await download(page, '#download-selected-json');
  const before = await storedDrafts(page);
  const cases = [
    ['not JSON', 'notes.json', 'Dear team, please see attached.', /The file is not JSON \(line 1, column 1\): choose the .json file the toolkit downloaded/],
    ['truncated', 'cut.json', json.text.slice(0, Math.floor(json.text.length / 2)), /The file stops before its end \(line \d+\): it may have been cut short/],
    ['someone else\'s JSON', 'other.json', JSON.stringify({ hello: 'world' }), /The file is not an export of the toolkit: it does not say what format it is in/],
    ['a record changed by hand', 'edited.json', json.text.replace('"status": "finished"', '"status": "done"'), /Record 1: its status is .done., neither 'in-progress' nor 'finished'/],
    // SEC-4 (issue 16): a referral marked finished without its concerns or declaration.
    ['a forged finished referral', 'forged.json', forged(json.text), new RegExp(`Record 1: ${a.reference} claims to be final but fails REF-2, REF-1: Describe your concerns`)],
  ];
  for (const [name, fileName, text, pattern] of cases) {
    await importFile(page, fileName, text);
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const message = (await summary.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /The file was not imported\./, name);
    assert.match(message, pattern, name);
    assert.equal(await page.locator('#import-file-error').count(), 1, `${name}: the message is on the field too`);
    assert.deepEqual(await storedDrafts(page), before, `${name}: nothing changed`);
  }
  await assertNoAxeViolations(page, 'an import refused');
  if (SHOTS) await screenshot(page, 'records-import-refused');
  // Oversized: refused before it is read.
  await importFile(page, 'big.json', ' '.repeat(5 * 1024 * 1024 + 1));
  await page.locator('#import-file-error').waitFor();
  assert.match(await page.locator('#import-file-error').innerText(), /too big/);
  assert.deepEqual(await storedDrafts(page), before);
  assert.ok(a.reference);
});

// The officers' hub: a Gateway Assessment that went straight to PLP, the PLP case it started
// and a submission to the FIMU linked to that case.
const p = require('./lib/pga');
const TODAY = p.STRAIGHT_TO_PLP_TODAY;
const CTCO = 'DC Morgan Reyes';
const SERGEANT = 'DS Priya Shah';
const STRAIGHT_TO_PLP = p.straightToPlp({ slug: 'records-straight-to-plp', reference: 'PCM-2026-0404', ncia: 'NCIA-REC', ctco: CTCO, supervisor: SERGEANT });

test('REC-5 REC-1 REC-6: officers filter by type, sort by next deadline, and a PLP case leaves and comes back with its linked records', async (t) => {
  const { page } = await app.open(t, null);
  await vault.setToday(page, TODAY);
  const { id: pgaId } = await p.completePga(page, STRAIGHT_TO_PLP, { axe: false });
  await p.enterPlpFromPga(page, pgaId, {
    entered: ['30', '12', '2026'],
    rationale: 'Untraced institution: straight to PLP (PGA-8).',
    supervisor: SERGEANT,
    signOff: ['30', '12', '2026'],
  });
  // A submission to the FIMU, linked to the case.
  await page.locator('#record-submission').click();
  await r.onPage(page, 'Record a submission to the FIMU', { axe: false });
  await p.typeDate(page, 'fimu.date', ['30', '12', '2026']);
  await p.answer(page, 'What did you submit?', 'A DIF or reassessment');
  await p.answer(page, 'Is the risk escalating, de-escalating or static?', 'Static');
  await r.pressContinue(page);
  await r.onPage(page, 'Check your answers before finishing', { axe: false });
  await r.pressContinue(page);
  await r.onPage(page, 'Confirm the submission', { axe: false });
  await p.answer(page, 'Confirm', 'I confirm this submission was made to the FIMU');
  await r.pressContinue(page, 'Confirm the submission');
  await r.onPage(page, 'Submission recorded', { axe: false });

  await page.goto('/officer');
  await r.onPage(page, 'Your Gateway Assessments and PLP cases');
  const rows = page.locator('#drafts-table tbody tr');
  const types = async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[1].innerText.trim())));
  // REC-5: by default the assessments and cases; each type alone; every record.
  assert.deepEqual((await types()).sort(), ['Gateway Assessment', 'PLP case']);
  await page.locator('#filter-type').selectOption('plp');
  assert.deepEqual(await types(), ['PLP case']);
  await page.locator('#filter-type').selectOption('all');
  assert.deepEqual((await types()).sort(), ['Gateway Assessment', 'PLP case', 'Submission to the FIMU']);
  // Sorted by next deadline: the PLP case (its next DIF) comes before the final PGA (none).
  await page.locator('#filter-type').selectOption('cases');
  await page.locator('#sort').selectOption('deadline');
  assert.deepEqual(await types(), ['PLP case', 'Gateway Assessment']);
  await assertNoAxeViolations(page, 'the officers\' records hub, sorted by deadline');
  if (SHOTS) await screenshot(page, 'records-officers');
  const officerSchema = await page.request.get(await page.locator('#schema-link').getAttribute('href'));
  assert.equal(officerSchema.status(), 200);
  for (const form of ['pga', 'plp', 'plp-review', 'plp-closure', 'plp-panel', 'plp-fimu']) {
    const res = await page.request.get(`/officer/schemas/${form}-record-v1.schema.json`);
    assert.equal(res.status(), 200, form);
  }

  // REC-1: the PLP case alone downloads with the submission linked to it.
  await rows.first().locator('input[type=checkbox]').check();
  const one = JSON.parse((await download(page, '#download-selected-json')).text);
  assert.deepEqual(one.records.map((x) => x.form.id), ['plp', 'plp-fimu']);
  // Everything shown, then the round trip.
  await page.locator('#select-all').check();
  const json = await download(page, '#download-selected-json');
  const file = JSON.parse(json.text);
  assert.deepEqual(file.records.map((x) => x.form.id).sort(), ['pga', 'plp', 'plp-fimu']);
  const before = await storedDrafts(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await vault.passGate(page);
  await r.onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  await importFile(page, json.name, json.text);
  await page.locator('#import-review').waitFor();
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  assert.deepEqual(await storedDrafts(page), before, 'every record comes back exactly');
  // The case page shows its submission again (the link came back).
  await page.locator('#filter-type').selectOption('plp');
  await rows.first().getByRole('link', { name: /View/ }).click();
  await r.onPage(page, 'Case entered PLP', { axe: false });
  assert.match(await page.locator('#plp-submissions').innerText(), /30 December 2026\s+A DIF or reassessment\. Risk: static/);
});

test('SEC-4 PGA-10: a second final Gateway Assessment for a case is refused by import; another version of the one here comes in only as a marked copy', async (t) => {
  const { page } = await app.open(t, null);
  await vault.setToday(page, TODAY);
  const s = p.straightToPlp({ slug: 'records-pga-10', reference: 'PCM-2026-0410', ncia: 'NCIA-410', ctco: CTCO, supervisor: SERGEANT });
  const { id, reference } = await p.completePga(page, s, { axe: false });
  const [, record] = await p.downloadJson(page);
  const before = await storedDrafts(page);
  await page.goto('/officer');
  await r.onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  // PGA-10 (s8): the same assessment under another id (with that id's reference), as a forger
  // would make it: refused whole, nothing changed.
  const second = { ...record, record_id: '00000000-0000-4000-8000-000000000410', reference: reference.replace(/[0-9A-F]{8}$/, '00000000') };
  await importFile(page, 'second.json', JSON.stringify(second, null, 2));
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.match((await summary.innerText()).replace(/\s+/g, ' '), /The file was not imported\. Record 1: PGA-\d{8}-00000000 is a final Gateway Assessment for case 'PCM-2026-0410', and this case already has a final one here: only one Prevent Gateway Assessment is ever completed in the lifetime of a case \(PGA-10, s8\)/);
  assert.deepEqual(await storedDrafts(page), before, 'nothing changed');
  // Another version of the one here (its rationale rewritten, every rule still met): left out
  // by default; chosen, it comes in as a marked copy in progress, and says so on its pages.
  const other = JSON.parse(JSON.stringify(record));
  other.answers.decision.rationale = 'Rewritten after it was final.';
  await importFile(page, 'other.json', JSON.stringify(other, null, 2));
  await page.locator('#import-review').waitFor();
  assert.match(await page.locator('#import-review').innerText(), /Another version of this Gateway Assessment is here, final\. A case has only one \(PGA-10, s8\)/);
  assert.ok(await page.getByLabel('Leave it out').isChecked(), 'left out by default');
  await assertNoAxeViolations(page, 'an import of another version of a final PGA');
  if (SHOTS) await screenshot(page, 'records-import-another-version');
  await page.getByLabel('Import it as a marked copy, in progress').check();
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  const all = await storedDrafts(page);
  assert.deepEqual(all[id], before[id], 'the final one unchanged');
  const copies = Object.values(all).filter((d) => !(d.id in before));
  assert.equal(copies.length, 1);
  const copy = copies[0];
  assert.equal(copy.status, 'in-progress');
  assert.equal(copy.finished, null);
  assert.equal(copy.answers['decision.rationale'], 'Rewritten after it was final.');
  assert.ok(copy.copy_of.startsWith(`This is a marked copy of ${reference} (record ${id}), not that record`), copy.copy_of);
  assert.match(await page.locator('#drafts-table').innerText(), /\(marked copy\)/);
  await page.goto(`/officer/pga/${copy.id}`);
  await page.locator('#marked-copy').waitFor();
  assert.equal((await page.locator('#marked-copy .govuk-notification-banner__heading').innerText()).trim(), 'This is a marked copy, not a final record');
  assert.equal((await page.locator('#marked-copy .govuk-body').innerText()).trim(), copy.copy_of);
  await assertNoAxeViolations(page, 'a marked copy');
  if (SHOTS) await screenshot(page, 'records-marked-copy');
});

test('SEC-2: wipe all data on this device asks first, cancel keeps everything, and yes deletes only the toolkit\'s data; the storage answer is shown', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, {});
  await r.startToAboutYou(page);
  await page.evaluate(() => localStorage.setItem('other.site.key', 'kept'));
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  // navigator.storage.persist() was asked, and its answer is shown in words.
  await page.waitForFunction(() => !document.querySelector('#storage-persisted').innerText.startsWith('Checking'));
  assert.match(await page.locator('#storage-persisted').innerText(), /^This browser (keeps the toolkit's data until you delete it|may delete the toolkit's data when it runs short of space)/);
  const ours = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pct.')).length);
  const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pct.draft.')).length);
  assert.equal(await drafts(), 2);
  const kept = await ours();
  // Asks first; Cancel changes nothing.
  await page.locator('#wipe').focus();
  await page.keyboard.press('Enter');
  await page.locator('#wipe-confirm').waitFor();
  assert.match(await page.locator('#wipe-confirm').innerText(), /every record and draft \(2\).*cannot be undone/s);
  await assertNoAxeViolations(page, 'the wipe confirmation');
  if (SHOTS) await screenshot(page, 'records-wipe-confirm');
  await page.locator('#wipe-cancel').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#wipe-confirm').count(), 0);
  assert.equal(await ours(), kept);
  // Yes: the toolkit's entries go, another site's key on the origin stays, the list is empty.
  await page.locator('#wipe').click();
  await page.locator('#wipe-yes').focus();
  await page.keyboard.press('Enter');
  await page.locator('#wipe-done').waitFor();
  assert.match(await page.locator('#wipe-done').innerText(), new RegExp(`has been deleted \\(${kept} entries\\)`));
  assert.equal(await ours(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('other.site.key')), 'kept');
  // The passphrase went with the data (SEC-2): the next page asks for a new one.
  await page.locator('#wipe-continue').focus();
  await page.keyboard.press('Enter');
  assert.equal(await vault.gateHeading(page), 'Protect this referral on this computer');
});

test('REC-5: a long list comes in pages of 50 (GOV.UK pagination); filters, "select every record shown" and the CSV cover every page; the sealed index lists it again without opening each record', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, { forename: 'Alex', surname: 'Example' });
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#select-all').check();
  const one = JSON.parse((await download(page, '#download-selected-json')).text);
  // 120 finished referrals: copies of this one with their own ids (and references).
  const rec = one.records[0];
  one.records = Array.from({ length: 120 }, (_, i) => {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return { ...rec, record_id: id, reference: rec.reference.replace(/[0-9A-F]{8}$/, id.slice(0, 8).toUpperCase()) };
  });
  await page.evaluate(() => localStorage.removeItem(Object.keys(localStorage).find((k) => k.startsWith('pct.draft.'))));
  await page.reload();
  await r.onPage(page, 'Saved drafts', { axe: false });
  await importFile(page, 'many.json', JSON.stringify(one));
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  const rows = page.locator('#drafts-table tbody tr');
  const range = page.locator('#records-range');
  const nav = page.locator('nav.govuk-pagination');
  // The list is drawn again after the import says it is done: wait for it, not for time.
  await range.filter({ hasText: 'of 120 records' }).waitFor();
  assert.equal(await rows.count(), 50);
  assert.equal((await range.innerText()).trim(), 'Showing 1 to 50 of 120 records');
  assert.deepEqual((await nav.locator('a').allTextContents()).map((x) => x.trim()), ['1', '2', '3', 'Next page']);
  assert.equal(await nav.locator('[aria-current=page]').innerText(), '1');
  await assertNoAxeViolations(page, 'the records hub, first of three pages');
  if (SHOTS) await screenshot(page, 'records-pages');

  // Next, by keyboard: the next 50, the address says which page, and focus is on the range.
  await nav.getByRole('link', { name: 'Next page' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#records-range')?.innerText.includes('51 to 100'));
  assert.ok(page.url().endsWith('/drafts?page=2'), page.url());
  assert.equal(await rows.count(), 50);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'records-range');
  assert.deepEqual((await nav.locator('a').allTextContents()).map((x) => x.trim()), ['Previous page', '1', '2', '3', 'Next page']);
  await assertNoAxeViolations(page, 'the records hub, second page');
  await nav.getByRole('link', { name: 'Page 3' }).click();
  await page.waitForFunction(() => document.querySelector('#records-range')?.innerText.includes('101 to 120'));
  assert.equal(await rows.count(), 20);

  // "Select every record shown" is every record the filters show, on every page.
  assert.equal(await page.locator('label[for=select-all]').innerText(), 'Select every record shown, on all 3 pages');
  await page.locator('#select-all').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#selected-count')?.innerText.trim() !== '0 of 120 shown selected');
  assert.equal((await page.locator('#selected-count').innerText()).trim(), '120 of 120 shown selected');
  const csv = await download(page, '#download-selected-csv');
  assert.equal(csv.text.slice(1).split('\r\n').filter(Boolean).length, 121, 'a header and 120 records');
  assert.equal(await page.locator('#undo-problem').count(), 0);

  // A filter starts again at its first page; the back button goes back a page.
  await page.locator('#filter-status').selectOption('in-progress');
  await page.locator('#no-drafts').waitFor();
  assert.ok(page.url().endsWith('/drafts'), page.url());
  assert.equal(await nav.count(), 0);
  await page.locator('#filter-status').selectOption('finished');
  assert.equal((await range.innerText()).trim(), 'Showing 1 to 50 of 120 records');
  await nav.getByRole('link', { name: 'Page 2' }).click();
  await page.waitForFunction(() => document.querySelector('#records-range')?.innerText.includes('51 to 100'));
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#records-range')?.innerText.includes('1 to 50'));

  // A page past the end (records deleted since) shows the last one.
  await page.goto('/drafts?page=9');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.waitForFunction(() => document.querySelector('#records-range')?.innerText.includes('101 to 120'));

  // The list's index is kept sealed, in this tab only: nothing of a record in clear.
  const index = await page.evaluate(() => sessionStorage.getItem('pct.index'));
  assert.ok(index && index.startsWith('{"v":1,"kdf"'), 'the index is not sealed');
  assert.ok(!index.includes('A person'));
  assert.equal(await page.evaluate(() => localStorage.getItem('pct.index')), null, 'the index takes room in localStorage');
  // A record changed in storage by another tab is listed as it is now (its stamp changed).
  await page.evaluate(() => {
    const ks = Object.keys(localStorage).filter((k) => k.startsWith('pct.draft.')).sort();
    localStorage.setItem(ks[0], localStorage.getItem(ks[1]));
  });
  await page.reload();
  await r.onPage(page, 'Saved drafts', { axe: false });
  assert.match(await page.locator('main').innerText(), /1 saved draft has been set aside\. It has been left as it was and is not listed here:/);
  assert.equal((await range.innerText()).trim(), 'Showing 101 to 119 of 119 records', 'still the last page (?page=9)');
});
