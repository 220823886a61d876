'use strict';
// Issue 20, item 4 (DESIGN.md "Hand-overs": "Prevent team → CTCO"; docs/decisions/0022): a
// partner finishes a referral and downloads its file; the officer, in a profile of their own,
// opens it in the officers' app, reads it (read-only), and starts the Gateway Assessment from
// it, whose pages show the carried answers (the mapping table: crates/core/tests/handover.rs).
// Opening the same file again says so and links to that assessment; a damaged file is refused
// with its message and changes nothing. The referral prints, marked, without its buttons, and
// is listed on the officers' home. Axe on every new page; screenshots in
// target/screenshots/handover-*.png.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const { readPages } = require('./lib/pdf');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');
const p = require('./lib/pga');

const app = useApp();

/** The partner's side: a finished referral about a person and its downloaded JSON file. */
async function partnersFile(t) {
  const { page } = await app.open(t, '/');
  const { reference } = await r.finishPersonReferral(page, { dob: ['27', '3', '1990'], nationality: 'French' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  return { reference, text: fs.readFileSync(await download.path(), 'utf8') };
}

async function chooseFile(page, name, text) {
  await page.locator('#referral-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

const group = (page, legend) => page.getByRole('group', { name: legend, exact: true });
const checked = (page, legend, option) => group(page, legend).getByLabel(option, { exact: true }).first().isChecked();

async function openFromHome(page) {
  await page.goto('/officer');
  await r.onPage(page, 'Your Gateway Assessments');
  await page.locator('#open-referral').focus();
  await page.keyboard.press('Enter');
  await r.onPage(page, "Open a partner's referral");
}

app.test("hand-over: the officer opens a partner's referral and starts the Gateway Assessment from it, once", async (t) => {
  const { reference, text } = await partnersFile(t);
  const { page } = await app.open(t, '/officer');
  await openFromHome(page);
  await screenshot(page, 'handover-open');

  // A damaged file: refused with its message; nothing stored.
  const keys = () => page.evaluate(() => Object.keys(localStorage).sort().join(' '));
  const before = await keys();
  await chooseFile(page, 'damaged.json', text.slice(0, Math.floor(text.length / 2)));
  const error = page.locator('#referral-file-error');
  await error.waitFor();
  assert.match(await error.innerText(), /The referral was not opened\. .+/);
  assert.equal(await page.locator('.govuk-error-summary a').count(), 1);
  await assertNoAxeViolations(page, 'a damaged referral file refused');
  await screenshot(page, 'handover-damaged');
  assert.equal(await keys(), before, 'nothing stored');

  // The partner's file: the referral, read-only and printable, with the way to start.
  await chooseFile(page, `prevent-referral-${reference}.json`, text);
  await r.onPage(page, `Referral ${reference}`);
  const main = await page.locator('main').innerText();
  for (const shown of ['Alex', 'Example', 'Sam Teacher', 'Northtown Academy', 'Shared extremist videos in class.', 'French']) {
    assert.ok(main.includes(shown), `the referral shows ${shown}`);
  }
  assert.equal(await page.locator('main .govuk-summary-list__actions a').count(), 0, 'no change links: read-only');
  assert.equal(await page.getByRole('button', { name: 'Print this referral' }).count(), 1);
  await screenshot(page, 'handover-referral');
  // Printable: the record's print view, marked, without the buttons.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  // Compared without white space: a long heading wraps.
  const bare = (t) => t.replace(/\s+/g, '');
  const printed = bare((await readPages(pdf)).flatMap((pg) => pg.lines.map((l) => l.text)).join(''));
  for (const shown of [`Referral ${reference}`, 'OFFICIAL-SENSITIVE', 'Alex', 'Shared extremist videos in class.']) {
    assert.ok(printed.includes(bare(shown)), `the print shows ${shown}`);
  }
  for (const hidden of ['Start the Gateway Assessment', 'Print this referral']) {
    assert.ok(!printed.includes(bare(hidden)), `the print leaves out ${hidden}`);
  }

  await page.locator('#start-from-referral').focus();
  await page.keyboard.press('Enter');
  await r.onPage(page, 'Case details');
  const m = page.url().match(/\/officer\/pga\/([0-9a-f-]{36})\/case$/);
  assert.ok(m, `an assessment's first page: ${page.url()}`);
  const pga = m[1];
  assert.ok(await checked(page, 'Who or what is the referral about?', 'A person'), 'subject type carried');
  assert.ok(await checked(page, 'Is this a referral into Prevent Case Management, or a tasking?', 'A referral into PCM'), 'a referral, not a tasking');
  assert.equal(await page.getByLabel('Case reference', { exact: true }).inputValue(), '', 'the case reference is the PCM Tracker one: not carried');
  assert.equal(await page.locator('#pga-referral-link').count(), 1, 'the referral is linked from the assessment');
  await screenshot(page, 'handover-pga-case');
  // What the referral cannot say: the case as the FIMU sent it, and its de-confliction (PGA-1).
  await p.typeLabelled(page, 'Your name', 'DC Officer');
  await p.typeLabelled(page, 'Case reference', 'PCM-2026-0042');
  await p.typeDate(page, 'case.received', ['1', '12', '2026']);
  await p.answer(page, 'Is this a Dovetail area?', 'No, not Dovetail');
  await r.pressContinue(page);
  await r.onPage(page, 'FIMU de-confliction', { axe: false });
  await p.fillDeconfliction(page, { date: ['1', '12', '2026'], reference: 'NCIA-0042' });
  await r.pressContinue(page);
  await r.onPage(page, 'Background checks', { axe: false });

  await page.goto(`/officer/pga/${pga}/subject`);
  await r.onPage(page, 'About the subject');
  await screenshot(page, 'handover-pga-subject');
  assert.ok(await checked(page, "Do you know the subject's date of birth?", 'Yes'));
  assert.deepEqual(
    await Promise.all(['day', 'month', 'year'].map((p) => page.locator(`#subject-dob-${p}`).inputValue())),
    ['27', '3', '1990'],
  );
  assert.ok(await checked(page, "What is the subject's nationality?", 'Another nationality'));
  assert.equal(await page.getByLabel('Which nationality or nationalities?', { exact: true }).inputValue(), 'French');
  await screenshot(page, 'handover-pga-subject');
  await page.goto(`/officer/pga/${pga}/relevance`);
  await r.onPage(page, 'Type of concern');
  assert.ok(await checked(page, 'What type of concern is it?', 'Islamist'));

  // The link goes back to the referral, which now names its assessment.
  await page.locator('#pga-referral-link').click();
  await r.onPage(page, `Referral ${reference}`);
  assert.match(await page.locator('#referral-assessment').innerText(), /already been started/);
  assert.equal(await page.locator('#start-from-referral').count(), 0);

  // Opened twice: said so, with the link to the assessment, and no second one.
  await openFromHome(page);
  await chooseFile(page, 'again.json', text);
  await r.onPage(page, `Referral ${reference}`);
  const again = page.locator('#referral-assessment');
  assert.match(await again.innerText(), new RegExp(`You have opened referral ${reference} before`));
  await screenshot(page, 'handover-again');
  await again.getByRole('link').click();
  await page.waitForURL(new RegExp(`/officer/pga/${pga}$`));
  await page.goto('/officer');
  await r.onPage(page, 'Your Gateway Assessments');
  await page.getByLabel('Type', { exact: true }).selectOption('pga');
  assert.equal(await page.locator('main tbody tr').count(), 1, 'one assessment of the referral');
  // The referral is listed on the officers' home, and its row opens it.
  await page.getByLabel('Type', { exact: true }).selectOption('nrf');
  assert.equal(await page.locator('main tbody tr').count(), 1, 'the referral, listed');
  await page.locator('main tbody tr').getByRole('link', { name: /View/ }).click();
  await r.onPage(page, `Referral ${reference}`, { axe: false });
});
