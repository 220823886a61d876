'use strict';
// Deadlines in working days (DESIGN.md "Deadlines"; PGA-2, PGA-7, PGA-15, PLP-5, PLP-11, INT-1):
// the settings page (division, own holidays), the deadlines page with its panels, and the
// calendar file parsed back by an independent iCalendar parser (ical.js). Both pages are in the
// officers' bundle (dist/officer/), under /officer/.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const ICAL = require('ical.js');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();

/** Types a date into the three boxes of the date input with this id. */
async function typeDate(page, id, day, month, year) {
  await page.locator(`#${id}-day`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

const panel = (page, key) => page.locator(`#deadline-${key}`);

test('PGA-2, PGA-15, PLP-11, INT-1: the deadlines page counts working days and exports a calendar', async (t) => {
  const { page } = await app.open(t, '/officer/deadlines');
  await r.onPage(page, 'Deadline calculator');
  await page.getByLabel('Case reference', { exact: true }).fill('PCM-2026-0042');
  await r.choose(page, 'No');
  // Received Tuesday 22 December 2026: Christmas Friday and the Boxing Day substitute Monday do not count.
  await typeDate(page, 'received', '22', '12', '2026');
  await panel(page, 'pga-2').waitFor();
  assert.match(await panel(page, 'pga-2').innerText(), /Prevent Gateway Assessment[\s\S]*PGA-2, CTP-Prevent Policy s8[\s\S]*31 December 2026/);
  assert.equal(await panel(page, 'pga-2').locator('[role="status"]').count(), 1, 'the status line is a live region');
  await typeDate(page, 'deconflicted', '14', '12', '2026');
  await panel(page, 'pga-15').waitFor();
  // s10: no more than 20 days after de-confliction; s6's PLP reading (20 working days) beside it.
  assert.match(await panel(page, 'pga-15').innerText(), /PGA-15[\s\S]*3 January 2027[\s\S]*s6 gives a case managed in PLP 20 working days: 14 January 2027/);
  await typeDate(page, 'closed', '30', '6', '2026');
  await typeDate(page, 'last-submission', '30', '11', '2026');
  await panel(page, 'int-1').waitFor();
  assert.match(await panel(page, 'plp-11-6-months').innerText(), /7 January 2027/);
  assert.match(await panel(page, 'int-1').innerText(), /28 February 2027/);
  // An impossible date is named, and starts no clock.
  await typeDate(page, 'closed', '31', '2', '2026');
  await page.getByText('Date the case was closed must be a real date').first().waitFor();
  assert.equal(await panel(page, 'plp-11-6-months').count(), 0);
  await typeDate(page, 'closed', '30', '6', '2026');
  await assertNoAxeViolations(page, 'the deadlines page with deadlines');
  await screenshot(page, 'deadlines');

  const download = async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ics').click()]);
    assert.equal(dl.suggestedFilename(), 'prevent-deadlines-PCM-2026-0042.ics');
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  const text = await download();
  assert.ok(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines are folded at 75 octets');
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.deepEqual(events.map((e) => e.startDate.toString()), ['2026-12-31', '2027-01-03', '2027-01-07', '2027-07-07', '2027-02-28']);
  assert.ok(events.every((e) => e.startDate.isDate), 'all-day events');
  assert.ok(events.every((e) => e.summary.includes('(PCM-2026-0042)')));
  assert.match(events[0].description, /Rule PGA-2, CTP-Prevent Policy s8/);
  assert.match(events[1].description, /s6 gives a case managed in PLP 20 working days: 14 January 2027/);
  assert.ok(cal.getAllSubcomponents('vevent').every((v) => v.getFirstSubcomponent('valarm')), 'each event has a reminder');
  // Exporting again gives the same UIDs, so a calendar updates the events.
  const again = new ICAL.Component(ICAL.parse(await download()));
  assert.deepEqual(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')), events.map((e) => e.uid));
});

test('PLP-5 (s12): the next review as the case page gives it: the last DIF serves the first panel after it', async (t) => {
  const { page } = await app.open(t, '/officer/deadlines');
  await r.onPage(page, 'Deadline calculator', { axe: false });
  await page.locator('#band').selectOption('high');
  await typeDate(page, 'last-review', '1', '3', '2027');
  await panel(page, 'plp-5').waitFor();
  const plp5 = () => panel(page, 'plp-5').innerText();
  assert.match(await plp5(), /^PLP review(?! \(before)[\s\S]*Due 29 March 2027/);
  // The bug report: a High case with a panel two weeks after its DIF. The DIF serves that panel,
  // so the review stays 4 weeks after the DIF, as on the case page (decision 0003).
  await typeDate(page, 'next-panel', '15', '3', '2027');
  assert.match(await plp5(), /^PLP review(?! \(before)[\s\S]*Due 29 March 2027/);
  // Once that panel has met, the next one needs a new DIF before it.
  await typeDate(page, 'last-panel', '15', '3', '2027');
  await typeDate(page, 'next-panel', '22', '3', '2027');
  assert.match(await plp5(), /^PLP review \(before the panel\)[\s\S]*Due 22 March 2027/);
  // Monitored (PLP-12): every 3 months unless a shorter frequency was decided.
  await page.locator('#band').selectOption('monitored');
  await typeDate(page, 'next-panel', '5', '4', '2027');
  assert.match(await plp5(), /Due 5 April 2027/);
  await page.locator('#band').selectOption('Monitored (Green), every 4 weeks');
  assert.match(await plp5(), /Due 29 March 2027/);
  await assertNoAxeViolations(page, 'the deadlines page for a Monitored PLP case with its panels');
  await screenshot(page, 'deadlines-plp-5');
});

test('settings: the division and own holidays are saved and move every deadline', async (t) => {
  const { page } = await app.open(t, '/officer/settings');
  await r.onPage(page, 'Settings');
  assert.ok(await page.getByLabel('England and Wales', { exact: true }).isChecked(), 'England and Wales by default');
  await r.choose(page, 'Scotland');
  await page.locator('#settings-saved').waitFor();
  await page.reload();
  await r.onPage(page, 'Settings', { axe: false });
  assert.ok(await page.getByLabel('Scotland', { exact: true }).isChecked(), 'the division is saved');
  assert.match(await page.locator('table').first().innerText(), /St Andrew's Day/);

  // Scotland has no Easter Monday: received Wednesday 24 March 2027, the PGA is due Thursday 1 April.
  await page.goto('/officer/deadlines');
  await r.onPage(page, 'Deadline calculator', { axe: false });
  await typeDate(page, 'received', '24', '3', '2027');
  assert.match(await panel(page, 'pga-2').innerText(), /1 April 2027/);

  // A newly announced holiday: a Saturday is refused with a reason; a weekday is added.
  await page.goto('/officer/settings');
  await r.onPage(page, 'Settings', { axe: false });
  await typeDate(page, 'holiday-date', '27', '3', '2027');
  await page.getByLabel('Name of the holiday', { exact: true }).fill('Announced holiday');
  await r.pressContinue(page, 'Add holiday');
  await page.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await r.summaryErrors(page), ['The date is a Saturday or Sunday, which is never a working day: enter the weekday the holiday is on']);
  assert.match(await page.title(), /^Error: /);
  await assertNoAxeViolations(page, 'settings with an error');
  await typeDate(page, 'holiday-date', '25', '3', '2027');
  await r.pressContinue(page, 'Add holiday');
  await page.locator('.govuk-summary-list').waitFor();
  assert.match(await page.locator('.govuk-summary-list').innerText(), /25 March 2027[\s\S]*Announced holiday/);
  await assertNoAxeViolations(page, 'settings with an added holiday');
  await screenshot(page, 'settings');

  await page.goto('/officer/deadlines');
  await r.onPage(page, 'Deadline calculator', { axe: false });
  await typeDate(page, 'received', '24', '3', '2027');
  assert.match(await panel(page, 'pga-2').innerText(), /2 April 2027/, 'the added holiday moves the deadline');

  // Removing it moves the deadline back.
  await page.goto('/officer/settings');
  await r.onPage(page, 'Settings', { axe: false });
  await page.getByRole('link', { name: /Remove/ }).click();
  await page.locator('#no-extra-holidays').waitFor();
});
