'use strict';
// Issue 21, item 4 (WCAG 1.4.10 reflow): no page of the three bundles scrolls sideways at 320
// CSS px wide (a phone, or 400% zoom of a 1280 px window), with what makes pages wide in use: a
// list of records, long bare URLs in answers, the audit trail, the PLP timeline. Every page that
// any end-to-end test audits with axe is checked too (e2e/lib/axe.js, assertReflows); this file
// walks every page of every form of the referral and a whole Gateway Assessment into PLP, and
// prints the widest page.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { useApp } = require('./lib/harness');
const { pageWidthAt } = require('./lib/axe');
const r = require('./lib/referral');
const p = require('./lib/pga');
const { shippedScenarios } = require('./lib/trainer');

const app = useApp();

/** A bare URL with no place to break, longer than a phone is wide. */
const LONG_URL = 'https://www.example.org/a-very-long-path-that-nobody-would-ever-break/with-a-query?and=parameters_that_run_on_and_on_without_spaces';

/** Measures each page it is given; `assertAll` fails naming every page wider than 320 px. */
function widths() {
  const seen = [];
  return {
    seen,
    async measure(page, name) {
      seen.push({ name, url: new URL(page.url()).pathname, width: await pageWidthAt(page, 320) });
    },
    assertAll(t) {
      const widest = seen.reduce((a, b) => (b.width > a.width ? b : a), { width: 0 });
      t.diagnostic(`${seen.length} pages at 320 px; the widest is ${widest.width} px (${widest.name}, ${widest.url})`);
      console.log(`# reflow: ${seen.length} pages, widest ${widest.width} px at 320 px (${widest.name})`);
      const wide = seen.filter((s) => s.width > 320);
      assert.deepEqual(wide.map((s) => `${s.name} (${s.url}): ${s.width} px`), [], 'pages that scroll sideways at 320 px');
    },
  };
}

/** The page ids of a form, from its committed snapshot (crates/core/tests/snapshots). */
function pageIds(form) {
  const file = path.join(__dirname, '..', 'crates', 'core', 'tests', 'snapshots', `${form}.form.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).pages.map((pg) => pg.id);
}

app.test('no page of the partners\' app scrolls sideways at 320 px, long URLs in the answers included', async (t) => {
  const w = widths();
  const { page } = await app.open(t, '/');
  await page.locator('main h1').first().waitFor();
  await w.measure(page, 'home');
  // A finished referral whose answers hold long URLs, then the list of drafts holding it.
  await r.finishPersonReferral(page, { concerns: `Shared ${LONG_URL} in class.`, address: LONG_URL, other: LONG_URL });
  await w.measure(page, 'confirmation');
  // Every page of a second referral, by its address (conditional pages included).
  const id = await r.start(page);
  await r.type(page, 'Full name', LONG_URL).catch(() => {});
  for (const pg of pageIds('nrf')) {
    await page.goto(`/referral/${id}/${pg}`);
    await page.locator('main h1').first().waitFor();
    await w.measure(page, `referral: ${pg}`);
  }
  await page.goto(`/referral/${id}`);
  await page.locator('main h1').first().waitFor();
  await w.measure(page, 'referral task list');
  for (const [url, name] of [['/drafts', 'saved drafts'], [`/drafts/${id}/delete`, 'delete a draft'], ['/referral/start', 'start page'], ['/page-not-found', 'not found']]) {
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await w.measure(page, name);
  }
  w.assertAll(t);
});

app.test('no page of the officers\' app scrolls sideways at 320 px: a whole Gateway Assessment into PLP, the audit trail, the timeline and the list', async (t) => {
  const w = widths();
  const { page } = await app.open(t, null);
  await require('./lib/vault').setToday(page, p.STRAIGHT_TO_PLP_TODAY);
  const s = p.straightToPlp({ slug: 'reflow', reference: 'PCM-2026-0320', ncia: 'NCIA-REFLOW', ctco: 'DC Morgan Reyes', supervisor: 'DS Priya Shah' });
  // A long bare URL as the evidence of a factor (shown on the factor pages and the record).
  s.dif = { capability: { present: { access: `Open source: ${LONG_URL}` } } };
  s.expect.deadlines = {};
  s.expect.deadlinesAfterDecision = {};
  const { id } = await p.completePga(page, s, { axe: false, check: () => {}, visit: (pg, name) => w.measure(pg, `PGA: ${name}`) });
  await page.goto(`/officer/pga/${id}/confirmation`);
  await page.locator('#audit-trail').waitFor();
  await w.measure(page, 'PGA record with its audit trail');
  await p.enterPlpFromPga(page, id, { entered: ['30', '12', '2026'], rationale: `Untraced: ${LONG_URL}`, supervisor: 'DS Priya Shah', signOff: ['30', '12', '2026'] });
  await w.measure(page, 'PLP case with its timeline');
  for (const [url, name] of [['/officer', 'assessments and cases (with records)'], ['/officer/deadlines', 'deadlines'], ['/officer/settings', 'settings'], ['/officer/referral', 'open a partner\'s referral']]) {
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await w.measure(page, name);
  }
  w.assertAll(t);
});

app.test('no page of the trainer\'s app scrolls sideways at 320 px', async (t) => {
  const w = widths();
  const { page } = await app.open(t, '/trainer');
  await page.locator('main h1', { hasText: 'Training scenarios' }).waitFor();
  await page.locator('#scenarios').waitFor();
  await w.measure(page, 'scenarios');
  const first = shippedScenarios()[0].json;
  for (const [url, name] of [[`/trainer/scenario/${first.id}`, 'a scenario\'s case file'], [`/trainer/scenario/${first.id}/debrief`, 'its debrief'], ['/trainer/author', 'write a scenario'], ['/trainer/deadlines', 'deadlines']]) {
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await w.measure(page, name);
  }
  w.assertAll(t);
});
