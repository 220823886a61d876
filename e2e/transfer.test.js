'use strict';
// TRF-1 (s13): a PLP case transferred between forces (docs/decisions/0019-transfers.md), by
// keyboard. The outgoing force enters a High case, records its transfer (the move known, the
// receiving force contacted, the date of transfer, the up-to-date outgoing DIF, the supervisor's
// sign-off) and downloads the transfer package. In a fresh profile, the receiving force refuses a
// damaged package (nothing stored), imports the whole one, and takes the case on as a new case
// routed "Transferred from another force", whose page lists the s13 tasks (new DIF and CMP
// signed off, new panel) with their deadlines, also in the .ics file and the officers' list.
// axe runs on every new page. The browser's clock moves with the case.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { onPage, pressContinue } = require('./lib/referral');
const p = require('./lib/pga');
const vault = require('./lib/vault');
const { screenshot } = require('./lib/browser');

const app = useApp();
const SERGEANT = 'DS Priya Shah';

async function today(page, [y, m, d]) {
  await vault.setToday(page, new Date(y, m - 1, d, 10, 0, 0));
}

/** Answers every DIF page, `present` ({section: {factor: evidence}}) present, the rest absent. */
async function difPages(page, present) {
  for (const section of p.DIF) {
    await onPage(page, section.title, { axe: false });
    const mine = present[section.id] || {};
    await p.fillDifSection(page, section, {
      present: mine,
      absent: section.factors.map(([f]) => f).filter((f) => !(f in mine)),
    });
    await pressContinue(page);
  }
}

/** Presses a control by keyboard and waits for the download it starts: {name, text}. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.locator(selector).focus();
    await page.keyboard.press('Enter');
  })()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

async function importFile(page, name, text) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const ESCALATION = { threat: { escalation: 'Buying weapon parts online (PNC, open source).' } };

/** Check your answers, then the declaration and its button. */
async function confirm(page, option, button) {
  await onPage(page, 'Check your answers before finishing');
  await pressContinue(page);
  await onPage(page, button);
  await p.answer(page, 'Confirm', option);
  await pressContinue(page, button);
}

/** The band page, answered as in e2e/plp.test.js (the band already chosen when `band` is null). */
async function bandPage(page, band) {
  await onPage(page, 'Priority band', { axe: false });
  await p.answer(page, 'Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?', 'No');
  await p.answer(page, 'Do you and your supervisor agree further work is needed?', 'No');
  if (band) await p.answer(page, "What is the case's priority band?", band);
  await pressContinue(page);
}

test('TRF-1: a High case transferred out with its package, refused damaged, imported and taken on in another force', async (t) => {
  // ---- The outgoing force (Northshire). Entry on Tuesday 5 January 2027.
  const out = await app.open(t, null);
  let page = out.page;
  await today(page, [2027, 1, 5]);
  await page.goto('/officer/plp/start');
  await onPage(page, 'Start a Police-led Partnership case', { axe: false });
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP', { axe: false });
  await p.typeLabelled(page, 'Your name', 'DC Sam Okafor');
  await p.typeLabelled(page, 'Case reference', 'PCM-2027-0077');
  await p.typeDate(page, 'plp.entered', ['5', '1', '2027']);
  await p.answer(page, 'How did the case enter PLP?', 'After Information Gathering');
  await p.typeLabelled(page, 'Rationale for entering PLP', 'Consent to Channel refused; police-led support agreed.');
  await pressContinue(page);
  await difPages(page, ESCALATION);
  await bandPage(page, 'High (Red)');
  await onPage(page, 'Supervisory sign-off', { axe: false });
  await p.signOff(page, SERGEANT, ['5', '1', '2027']);
  await pressContinue(page);
  await confirm(page, 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor', 'Confirm the entry into PLP');
  await onPage(page, 'Case entered PLP', { axe: false });
  const caseId = page.url().split('/').slice(-2)[0];

  // 1 March 2027: the subject is moving to Westshire. "Transfer to another force".
  await today(page, [2027, 3, 1]);
  await page.reload();
  await onPage(page, 'Case entered PLP', { axe: false });
  await page.locator('#transfer').focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Transfer to another force', { axe: false });
  assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), 'DC Sam Okafor');
  await p.typeLabelled(page, 'Your force', 'Northshire Police');
  await p.typeLabelled(page, 'Receiving force', 'Westshire Police');
  await p.typeDate(page, 'transfer.known', ['22', '2', '2027']);
  await p.typeDate(page, 'transfer.contacted', ['21', '2', '2027']);
  await p.typeDate(page, 'plp.transferred', ['1', '3', '2027']);
  await p.typeDate(page, 'transfer.dif_date', ['1', '3', '2027']);
  await pressContinue(page);
  // s13: the new force is contacted when the move becomes known, not before.
  assert.deepEqual(await p.summaryErrors(page), [
    'The receiving force cannot have been contacted about the move before it became known (22 February 2027) (TRF-1, s13)',
  ]);
  await assertNoAxeViolations(page, 'a transfer with its contact before the move was known');
  await screenshot(page, 'trf-1-transfer-error');
  // Over-typed (selected, then typed), so that the date is never blank on the way.
  await page.locator('#transfer-contacted-day').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('22');
  await pressContinue(page);
  // The outgoing DIF starts as the last one: the escalation factor is already there.
  await onPage(page, p.DIF[0].title, { axe: true });
  await difPages(page, ESCALATION);
  await onPage(page, "The supervisor's sign-off");
  await p.signOff(page, SERGEANT, ['1', '3', '2027'], { approve: 'Does the supervisor sign off the outgoing DIF and the transfer?' });
  await pressContinue(page);
  await confirm(page, 'I confirm the transfer of this case, its outgoing DIF signed off by my supervisor', 'Confirm the transfer');
  await onPage(page, 'Transfer recorded');
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP');
  assert.equal(
    await p.textOf(page.locator('#plp-transferred')),
    'Transferred to Westshire Police on 1 March 2027. The case has ended in this force: the receiving force manages it and its reviews (TRF-1, s13).',
  );
  // The case has ended here: no reassessment, panel or submission, and no deadlines of its own.
  assert.equal(await page.getByRole('button', { name: 'Reassess the case' }).count(), 0);
  assert.equal(await page.locator('#record-panel').count(), 0);
  assert.equal(await page.locator('[id^="deadline-"]').count(), 0);
  assert.equal(await p.textOf(page.locator('#plp-no-deadlines')), 'None in this force.');
  await screenshot(page, 'trf-1-transferred-out');
  const pkg = await download(page, '#download-package');
  assert.equal(pkg.name, 'prevent-plp-case-PCM-2027-0077-transfer-package.json');
  const file = JSON.parse(pkg.text);
  assert.equal(file.package, 'transfer');
  assert.equal(file.protective_marking, 'OFFICIAL-SENSITIVE');
  assert.deepEqual(file.records.map((r) => r.form.id), ['plp', 'plp-transfer']);
  assert.equal(file.records[0].record_id, caseId);


  // ---- The receiving force (Westshire), a fresh profile, on Wednesday 3 March 2027.
  const inn = await app.open(t, null);
  page = inn.page;
  await today(page, [2027, 3, 3]);
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  // A damaged package is refused whole: cut short, or without its case. Nothing is stored.
  const damaged = [
    ['cut short', pkg.text.slice(0, 2000), /The file stops before its end/],
    ['without its case', JSON.stringify({ ...file, records: file.records.slice(1) }), /This transfer package is not whole: the package does not hold the case that was transferred \(TRF-1, s13\)/],
    ['without its transfer', JSON.stringify({ ...file, records: file.records.slice(0, 1) }), /The file is marked as a transfer package but holds no transfer \(TRF-1, s13\)/],
  ];
  for (const [what, text, message] of damaged) {
    await importFile(page, pkg.name, text);
    await page.locator('#import-file-error').waitFor();
    assert.match(await page.locator('#import-file-error').innerText(), message, what);
  }
  await assertNoAxeViolations(page, 'a damaged transfer package refused');
  await screenshot(page, 'trf-1-package-refused');
  assert.equal(Object.keys(await vault.storedDrafts(page)).length, 0, 'nothing stored');
  // The whole package.
  await importFile(page, pkg.name, pkg.text);
  await page.locator('#import-review').waitFor();
  assert.match(await page.locator('#import-review').innerText(), /The file holds 2 records/);
  await page.locator('#import-confirm').focus();
  await page.keyboard.press('Enter');
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').innerText(), /2 records imported/);
  // The case as the outgoing force recorded it, read-only, and the way to take it on.
  await page.goto(`/officer/plp/${caseId}/confirmation`);
  await onPage(page, 'Case entered PLP');
  assert.match(await p.textOf(page.locator('#plp-transferred')), /^Transferred to Westshire Police on 1 March 2027/);
  await page.locator('#take-on').focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Start a Police-led Partnership case');
  assert.match(await p.textOf(page.locator('#plp-from-pga')), /^This case was transferred from Northshire Police/);
  await screenshot(page, 'trf-1-take-on');
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP');
  assert.equal(await page.getByLabel('Case reference', { exact: true }).inputValue(), 'PCM-2027-0077');
  assert.ok(await p.group(page, 'How did the case enter PLP?').getByLabel('Transferred from another force', { exact: true }).isChecked());
  assert.equal(await page.getByLabel('Which force transferred the case?', { exact: true }).inputValue(), 'Northshire Police');
  assert.equal(await page.locator('#plp-received-day').inputValue(), '3');
  await p.typeLabelled(page, 'Your name', 'DC Ann Idris');
  await p.typeDate(page, 'plp.entered', ['3', '3', '2027']);
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['Explain the move between areas and the change in circumstances it brings (s13) (PLP-7, s11)']);
  await p.typeLabelled(page, 'Rationale for entering PLP', 'Moved to Westshire with family; new school and new contacts.');
  // The tasks s13 names, with their deadlines, as soon as the day of receipt is known.
  assert.match(await p.textOf(page.locator('#deadline-trf-1-dif')), /Due 10 March 2027: 5 working days left/);
  assert.match(await p.textOf(page.locator('#deadline-trf-1-panel')), /Due 31 March 2027/);
  await screenshot(page, 'trf-1-entry');
  await pressContinue(page);
  // The officers' list shows the draft's next deadline: the new DIF and CMP.
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  assert.match(await p.textOf(page.locator('main')), /New DIF and CMP, signed off \(transfer\) \(TRF-1\): Due 10 March 2027/);
  await page.goBack();
  await onPage(page, p.DIF[0].title, { axe: false });
  await difPages(page, ESCALATION);
  await bandPage(page, null);
  await onPage(page, 'Supervisory sign-off', { axe: false });
  await p.signOff(page, 'DS Lee Hart', ['3', '3', '2027']);
  await pressContinue(page);
  await confirm(page, 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor', 'Confirm the entry into PLP');
  await onPage(page, 'Case entered PLP');
  assert.match(await p.textOf(page.locator('#plp-summary')), /Transferred from Northshire Police, received on 3 March 2027/);
  // The new DIF and CMP are done; the panel is next, then PLP-5 and INT-1 as for any case.
  assert.match(await p.textOf(page.locator('#deadline-trf-1-dif')), /Met: was due 10 March 2027/);
  assert.match(await p.textOf(page.locator('#deadline-trf-1-panel')), /Due 31 March 2027/);
  assert.match(await p.textOf(page.locator('#deadline-plp-5')), /Due 31 March 2027/);
  await screenshot(page, 'trf-1-taken-on');
  const ics = await download(page, '#download-ics');
  assert.match(ics.text, /SUMMARY:[^\n]*New PLP panel \(transfer\)/);
  assert.match(ics.text, /20270331/);
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases');
  assert.match(await p.textOf(page.locator('main')), /New PLP panel \(transfer\) \(TRF-1\): Due 31 March 2027/);
  assert.match(await p.textOf(page.locator('main')), /None here: transferred to Westshire Police on 1 March 2027/);
  await screenshot(page, 'trf-1-officers-list');
});
