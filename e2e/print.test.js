'use strict';
// The print view of every record (DESIGN.md, Records: "a print view (check your answers, marked
// OFFICIAL-SENSITIVE, prints cleanly to PDF)"): a finished referral, a final Gateway Assessment
// and a PLP case page are printed to PDF by headless Chromium (print media, the stylesheet's own
// @page size and margins), and the text of every PDF page is read back (pdfjs-dist): the marking
// in the top and the bottom margin, "Page N of M" at the bottom, nothing of the app's chrome
// (header bar and its links, footer, skip link, buttons, links elsewhere), and the record's
// answers in the check-your-answers layout (a key and its answer on one line). Each page's print
// button calls the browser's print. The PDFs are kept under target/screenshots/ (print-*.pdf);
// with SHOTS=1 every page is also drawn to a PNG there, to look at.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { useApp } = require('./lib/harness');
const { SCREENSHOT_DIR, screenshot } = require('./lib/browser');
const { onPage } = require('./lib/referral');
const r = require('./lib/referral');
const p = require('./lib/pga');
const { readPages, renderPng, MM } = require('./lib/pdf');
const vault = require('./lib/vault');

const app = useApp();

const MARKING = 'OFFICIAL-SENSITIVE';
const TRAINING_MARKING = 'OFFICIAL-SENSITIVE — TRAINING — FICTIONAL';
/** The page margin (static/app.css, @page: 20 mm top and bottom). */
const MARGIN = 20 * MM;

/** Text of the app's chrome, in either bundle: never on paper. */
const CHROME = [
  'Skip to main content',
  'Prevent Case Toolkit', // the header bar's service name
  'Make a referral', // the partners' header links
  'Saved drafts',
  'Assessments and cases', // the officers' header links
  'Settings',
  'Nothing you enter leaves this browser', // the footer
];

/**
 * Prints the page as Chromium does to PDF (print media, the CSS page size and margins, A4 when
 * the CSS sets no size, no background colours); keeps it at target/screenshots/print-<name>.pdf
 * (and with SHOTS=1 each page as print-<name>-<n>.png); returns its pages (lib/pdf.js).
 */
async function printToPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `print-${name}.pdf`), pdf);
  const pages = await readPages(pdf);
  if (process.env.SHOTS) {
    for (const pg of pages) await renderPng(pdf, pg.number, path.join(SCREENSHOT_DIR, `print-${name}-${pg.number}.png`));
  }
  return pages;
}

/**
 * Every page of `pages`: the marking alone in the top margin; the marking and "Page N of M", and
 * nothing else, in the bottom margin; no page number in the body; none of the chrome, nor of
 * `absent` (the page's buttons and links), anywhere.
 */
function assertEveryPage(pages, what, { marking = MARKING, absent = [] } = {}) {
  const total = pages.length;
  assert.ok(total >= 1, `${what}: the PDF has no page`);
  for (const pg of pages) {
    const where = `${what}, page ${pg.number} of ${total}`;
    const top = pg.lines.filter((l) => l.top < MARGIN).map((l) => l.text);
    const bottom = pg.lines.filter((l) => l.bottom < MARGIN).map((l) => l.text);
    const body = pg.lines.filter((l) => l.top >= MARGIN && l.bottom >= MARGIN).map((l) => l.text);
    assert.deepEqual(top, [marking], `${where}: the top margin reads ${JSON.stringify(top)}`);
    const foot = bottom.join(' ');
    assert.ok(foot.includes(marking), `${where}: no "${marking}" in the bottom margin: ${JSON.stringify(bottom)}`);
    assert.equal(foot.replace(marking, '').trim(), `Page ${pg.number} of ${total}`, `${where}: the bottom margin reads ${JSON.stringify(bottom)}`);
    assert.ok(body.length > 0, `${where}: the page is blank`);
    assert.ok(!body.some((l) => /Page \d+ of \d+/.test(l)), `${where}: a page number in the body`);
    for (const text of [...CHROME, ...absent]) {
      const line = pg.lines.find((l) => l.text.includes(text));
      assert.equal(line, undefined, `${where}: "${text}" is printed: "${line && line.text}"`);
    }
    // Buttons and their instructions ("Download …", "Print …") stay on the screen.
    const button = body.find((l) => /\b(Download|Print)\b/.test(l));
    assert.equal(button, undefined, `${where}: a button or its instructions are printed: "${button}"`);
  }
}

/** The text of every page, joined (lines joined by "\n"). */
const allText = (pages) => pages.map((pg) => pg.text).join('\n');

/**
 * Asserts the printed pages have each of `lines`: a line that is exactly it (a short key and its
 * answer, "First name(s) Alex", are on one line in the check-your-answers layout), or, for a
 * {part} entry, a line that includes it (a line of an answer beside a long key).
 */
function assertLines(pages, what, lines) {
  const all = pages.flatMap((pg) => pg.lines.map((l) => l.text));
  for (const want of lines) {
    const found = typeof want === 'string' ? all.includes(want) : all.some((l) => l.includes(want.part));
    assert.ok(found, `${what}: no printed line ${JSON.stringify(want)} in:\n${allText(pages)}`);
  }
}

/**
 * The print button `name` calls the browser's print (stubbed here: a headless browser has no
 * dialog), and shows on the screen only.
 */
async function assertPrintButton(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.printed), 1, `"${name}" calls window.print()`);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await button.isHidden(), `"${name}" is not printed`);
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await button.isVisible(), `"${name}" shows on the screen`);
}

/** Long enough answers for two or more A4 pages; each short enough for one line of the print. */
const CONCERNS = [
  'Alex shared an extremist video in class.',
  'Alex said the attackers were "right".',
  'Alex asked about getting a passport.',
  'Alex tried to add pupils to a group chat.',
  'Alex no longer goes to football club.',
  'Alex wears a badge with the group\'s symbol.',
  'Alex searched for the group at school.',
  'A parent told the head of year.',
];

app.test('REC print: a finished referral prints with the marking and page numbers on every page and no app chrome', async (t) => {
  const { page } = await app.open(t, null);
  const { reference } = await r.finishPersonReferral(page, {
    forename: 'Alex',
    surname: 'Printwell',
    address: '12 Example Road\nNorthtown\nNT1 2AB\nPrevious: 4 Old Lane, Northtown',
    concerns: CONCERNS.join('\n'),
    wellbeing: 'Parents separated this year.\nAlex has said they feel nobody listens to them.',
    leadDetails: 'Discussed with our designated safeguarding lead on 11 November.',
    other: 'Alex has a younger sibling at the same school.\nThe head of year can give more detail.',
  });
  await assertPrintButton(page, 'Print or save as PDF');

  const pages = await printToPdf(page, 'referral');
  assert.ok(pages.length >= 2, `the referral spans ${pages.length} page(s); the test needs two or more`);
  assertEveryPage(pages, 'the referral', {
    absent: ['Download the file for the Prevent team', 'Print or save as PDF', 'Make another referral', 'see your saved drafts', 'Your referral is ready to send', 'It has not been sent', 'Copy the email address', 'prevent.referrals@example.org'],
  });
  // The record: its reference and every answer, a key and its answer on one line.
  assert.ok(allText(pages).includes(reference), `the reference ${reference} is printed`);
  assertLines(pages, 'the referral', [
    'Prevent referral',
    `Your reference is ${reference}`,
    'Your answers',
    'Full name Sam Teacher',
    'Organisation Northtown Academy',
    'First name(s) Alex',
    'Last name Printwell',
    'Date of birth 3 April 1990',
    ...CONCERNS.map((part) => ({ part })),
    { part: 'Islamist' },
  ]);
  // The long answers run on to the next page: the last page carries answers too.
  assert.ok(pages.at(-1).text.includes('The head of year can give more detail.'), `the last page:\n${pages.at(-1).text}`);

  // Training material (DESIGN.md, Records): the margins of every page say so, still numbered.
  await t.test('REC print: training material prints "TRAINING — FICTIONAL" in the marking of every page', async () => {
    await page.evaluate(() => document.querySelector('.pct-marking').classList.add('pct-marking--training'));
    const training = await printToPdf(page, 'referral-training');
    assert.equal(training.length, pages.length, 'the same pages');
    assertEveryPage(training, 'the referral as training material', { marking: TRAINING_MARKING });
  });
});

// The clock is fixed (as in pga.test.js) so the PGA's deadlines, which the walk checks, are known.
const TODAY = p.STRAIGHT_TO_PLP_TODAY;
const CTCO = 'DC Morgan Reyes';
const SERGEANT = 'DS Priya Shah';
const STRAIGHT_TO_PLP = p.straightToPlp({ slug: 'print-straight-to-plp', reference: 'PCM-2026-0301', ncia: 'NCIA-PRINT', ctco: CTCO, supervisor: SERGEANT });

app.test('REC print: a final Gateway Assessment and the PLP case it starts print with the marking and page numbers on every page and no app chrome', async (t) => {
  const { page } = await app.open(t, null);
  await vault.setToday(page, TODAY);
  const { id, reference } = await p.completePga(page, STRAIGHT_TO_PLP, { axe: false });

  await t.test('REC print: a final PGA record prints its Gateway Decision summary, audit trail and answers on numbered, marked pages', async () => {
    await onPage(page, 'Gateway Assessment final', { axe: false });
    await assertPrintButton(page, 'Print the assessment');
    const pages = await printToPdf(page, 'pga');
    assertEveryPage(pages, 'the PGA record', {
      absent: ['Download the assessment (JSON)', 'Print the assessment', 'Start the PLP case', 'Back to your assessments'],
    });
    assertLines(pages, 'the PGA record', [
      'Gateway Assessment final',
      reference,
      'Gateway Decision summary for the FIMU',
      'Case reference PCM-2026-0301',
      'Gateway Decision Straight to PLP',
      'Rationale Untraced: straight to PLP.',
      'Risk is De-escalating',
      'Audit trail',
      'The assessment',
    ]);
    // The only "Deadlines" printed is the record's own heading, not the header's link.
    assert.equal(allText(pages).match(/\bDeadlines\b/g).length, 1, 'one "Deadlines": the heading of the record');
    const text = allText(pages);
    assert.ok(text.includes(CTCO) && text.includes(SERGEANT), 'the audit trail names the CTCO and the supervisor');
  });

  await t.test('REC print: a PLP case page prints its band, history, deadlines, timeline and entry on numbered, marked pages', async () => {
    const plpReference = await p.enterPlpFromPga(page, id, {
      entered: ['30', '12', '2026'],
      rationale: 'Untraced institution: straight to PLP (PGA-8).',
      supervisor: SERGEANT,
      signOff: ['30', '12', '2026'],
    });
    // The page gained a button: audit it again.
    await onPage(page, 'Case entered PLP');
    await assertPrintButton(page, 'Print the case');
    if (process.env.SHOTS) await screenshot(page, 'print-plp-screen');
    const pages = await printToPdf(page, 'plp');
    assertEveryPage(pages, 'the PLP case', {
      absent: [
        'Download the case (JSON)',
        'Download the deadlines (.ics)',
        'Print the case',
        'Reassess the case',
        'Close the case',
        'Record a panel',
        'Record a submission to the FIMU',
        'Back to your assessments and cases',
      ],
    });
    assertLines(pages, 'the PLP case', [
      'Case entered PLP',
      plpReference,
      'The case',
      'Case reference PCM-2026-0301',
      'Priority band Standard (Amber)',
      'Entered PLP 30 December 2026',
      'Reassessments',
      'Timeline',
      'The entry',
    ]);
    assert.equal(allText(pages).match(/\bDeadlines\b/g).length, 1, 'one "Deadlines": the heading of the case');
  });
});
