'use strict';
// Issue 21, items 5 and 7: long pages and the officers' words. A minimal referral's check your
// answers is short (no "Not given" row for an optional answer never given) and the long
// "Describe your concerns" hint waits behind "What to include"; the officers' pages say what
// they do. Screenshots with SHOTS=1 in target/screenshots/.

const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const r = require('./lib/referral');

const app = useApp();

app.test('REF-2 (issue 21, item 5): a minimal referral\'s check page is short, its concerns hint short', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, {
    onConcerns: async (page) => {
      const hint = await page.locator('#concerns-description-hint').innerText();
      assert.ok(hint.length < 120, `the hint is short: ${hint}`);
      const details = page.locator('details', { hasText: 'What to include' });
      assert.equal(await details.locator('li').count(), 7, 'the prompts are a bulleted list');
      assert.equal(await details.evaluate((d) => d.open), false, 'closed at first');
      await screenshot(page, 'words-concerns');
    },
    onCheck: async (page) => {
      const main = page.locator('main');
      assert.doesNotMatch(await main.innerText(), /Not given/);
      const rows = await page.locator('main .govuk-summary-list__row').count();
      assert.ok(rows <= 18, `${rows} rows`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await screenshot(page, 'words-check-answers');
      assert.ok(height < 3000, `the page is ${height} px tall`);
    },
  });
});

app.test('SEC-4 (issue 21, item 7): a final record is deleted as a record, with what that means; a draft as a draft', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, { forename: 'Final', surname: 'Words' });
  await r.start(page);
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  const row = (name) => page.locator('#drafts-table tbody tr', { hasText: name });
  await row('Finished').getByRole('link', { name: /Delete/ }).click();
  await r.onPage(page, 'Are you sure you want to delete this final referral?');
  assert.match(await page.title(), /^Delete this final referral/);
  const meaning = await page.locator('#delete-meaning').innerText();
  assert.match(meaning, /is final: it cannot be changed[\s\S]*sealed note[\s\S]*only an unaltered copy can come back as the final record[\s\S]*\(SEC-4\)/);
  assert.doesNotMatch(await page.locator('main').innerText(), /draft/i);
  await screenshot(page, 'words-delete-final');
  await r.pressContinue(page, 'Yes, delete this record');
  await page.locator('#deleted-banner', { hasText: 'Final record deleted.' }).waitFor();
  await row('In progress').getByRole('link', { name: /Delete/ }).click();
  await r.onPage(page, 'Are you sure you want to delete this draft?', { axe: false });
  assert.match(await page.locator('#delete-meaning').innerText(), /This referral is not finished/);
  await r.pressContinue(page, 'Yes, delete this draft');
  await page.locator('#deleted-banner', { hasText: 'Draft deleted.' }).waitFor();
});

app.test('PGA-2 (issue 21, item 7): "Deadlines" is called what it is, a calculator, says "Overdue" once and links to what is due', async (t) => {
  const { page } = await app.open(t, '/officer/deadlines');
  await r.onPage(page, 'Deadline calculator');
  assert.match(await page.title(), /^Deadline calculator/);
  const nav = page.locator('header nav');
  assert.equal(await nav.getByRole('link', { name: 'Deadlines', exact: true }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Deadline calculator', exact: true }).getAttribute('aria-current'), 'page');
  assert.match(await page.locator('#what-is-due').innerText(), /works out a case's deadlines from the dates you enter/);
  // A panel says "Overdue" once (its tag), not "Overdue Overdue:".
  await page.locator('#received-day').fill('1');
  await page.locator('#received-month').fill('6');
  await page.locator('#received-year').fill('2020');
  const status = page.locator('#deadline-pga-2 .pct-deadline__status');
  await status.waitFor();
  assert.match(await status.innerText(), /^Overdue was due \d+ June 2020, \d+ working days ago$/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Overdue\W+Overdue/);
  await screenshot(page, 'words-overdue-panel');
  await page.getByRole('link', { name: 'What is due', exact: true }).click();
  await require('./lib/vault').passGate(page);
  await r.onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  assert.equal(await page.locator('#sort').inputValue(), 'deadline', 'soonest deadline first');
});

app.test('PGA-10 (s8, issue 21, item 7): a DIF factor "Not assessed yet" lets the page continue, stays in sight, and blocks the Gateway Decision', async (t) => {
  const p = require('./lib/pga');
  const s = p.straightToPlp({ slug: 'words-unassessed', reference: 'PCM-2026-0521', ncia: 'NCIA-WORDS', ctco: 'DC Morgan Reyes', supervisor: 'DS Priya Shah' });
  const { page } = await app.open(t, null);
  await page.clock.setFixedTime(p.STRAIGHT_TO_PLP_TODAY);
  const [section] = p.DIF;
  const [, label] = section.factors[0];
  const visit = async (page, name) => {
    if (name !== `decision-${s.slug}-chosen`) return;
    const decisionUrl = page.url();
    await page.goto(decisionUrl.replace(/\/decision$/, `/dif-${section.id}`));
    await r.onPage(page, section.title, { axe: false });
    assert.match(await page.locator('main').innerText(), /If you have not assessed a factor yet, select 'Not assessed yet': you can save and come back, but the Gateway Decision waits until every factor is assessed \(PGA-10\)/);
    const group = p.group(page, label);
    const was = await group.locator('input:checked').getAttribute('value');
    await p.answer(page, label, 'Not assessed yet');
    await screenshot(page, 'words-dif-not-assessed');
    await r.pressContinue(page);
    await r.onPage(page, p.DIF[1].title);
    assert.match(await page.locator('#pga-unassessed').innerText(), new RegExp(`Not assessed yet[\\s\\S]*${label} \\(${section.title}\\)[\\s\\S]*waits until each is assessed \\(PGA-10, s8\\)`));
    // The decision is blocked, with how many factors and which.
    await page.goto(decisionUrl);
    await r.onPage(page, 'Gateway Decision', { axe: false });
    await r.pressContinue(page);
    await page.locator('.govuk-error-summary').waitFor();
    assert.deepEqual(await p.summaryErrors(page), [`You cannot make the Gateway Decision yet: 1 DIF factor is not assessed yet: '${label}' (${section.title}). Record each as present, absent or unknown first: the decision is made on the completed DIF (PGA-10, s8)`]);
    await screenshot(page, 'words-decision-blocked');
    // Assessed again, the decision goes on.
    await page.goto(decisionUrl.replace(/\/decision$/, `/dif-${section.id}`));
    await r.onPage(page, section.title, { axe: false });
    await p.answer(page, label, { present: 'Present', absent: 'Absent', unknown: 'Unknown' }[was]);
    await page.goto(decisionUrl);
    await r.onPage(page, 'Gateway Decision', { axe: false });
  };
  await p.completePga(page, s, { axe: false, visit });
});
