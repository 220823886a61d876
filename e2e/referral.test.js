'use strict';
// A partner completes the National Prevent Referral Form in a real browser (release build):
// each subject type end to end, errors on Continue and fixed live, check your answers with a
// change link, the declaration, the confirmation and the JSON download (REF-1..REF-4, s7).
// axe runs on every page on the way, including error states.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();

/** "What you have done so far" for an institution or an expression (no questions about a
 * person), all "No", then past "Other information" to check your answers. */
async function nothingDoneSoFar(page) {
  await r.onPage(page, 'What you have done so far', { axe: false });
  await r.answerYesNo(page, 'Have you discussed your concerns with your safeguarding lead or Prevent lead?', 'No');
  await r.answerYesNo(page, 'Have you taken any direct action since you received this information?', 'No');
  await r.answerYesNo(page, 'Have you discussed your concerns with any other agencies?', 'No');
  await r.pressContinue(page);
  await r.onPage(page, 'Other information', { axe: false });
  await r.pressContinue(page);
}

async function finishAndDownload(page) {
  await r.onPage(page, 'Check your answers before finishing your referral');
  await r.pressContinue(page);
  await r.onPage(page, 'Declaration');
  await r.pressContinue(page, 'Confirm and finish referral');
  // REF-1: the declaration is required; the error shows, then the box is ticked.
  await page.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await r.summaryErrors(page), ['Confirm the declaration to finish your referral']);
  await assertNoAxeViolations(page, 'the declaration with an error');
  await r.choose(page, 'I confirm that this is a Prevent referral, not a request for advice, and that the information I have given is correct to the best of my knowledge');
  await r.pressContinue(page, 'Confirm and finish referral');
  await r.onPage(page, 'Your referral is ready to send');
  const reference = (await page.locator('#reference').innerText()).trim();
  assert.match(reference, /^NRF-\d{8}-[0-9A-F]{8}$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(download.suggestedFilename(), `prevent-referral-${reference}.json`);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(json.reference, reference);
  return json;
}

test('REF-1..4: a partner refers a person, fixing errors on the way, and downloads the referral', async (t) => {
  const { page } = await app.open(t, null);
  const id = await r.start(page);

  // REF-1: Continue with nothing chosen shows the error summary, focused, and "Error: " in the title.
  await r.pressContinue(page);
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the error summary has focus');
  assert.match(await page.title(), /^Error: /);
  assert.deepEqual(await r.summaryErrors(page), ['Select whether you are making a referral or want advice']);
  assert.match(await page.locator('.govuk-error-message').first().innerText(), /^Error:/);
  await assertNoAxeViolations(page, 'referral-or-advice with an error');
  await screenshot(page, 'referral-or-advice-error');
  // The summary link moves focus to the field.
  await page.locator('.govuk-error-summary a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'referral-intent');
  // REF-1 (s7, issue 20): "advice" is a route, not an error: the team's advice line (the
  // deployment settings) and what advice means, in place of Continue; the error goes at once.
  await r.choose(page, 'No, I want advice first');
  await summary.waitFor({ state: 'detached' });
  const advice = page.locator('#advice');
  await advice.getByText('01632 960123').waitFor();
  assert.match(await advice.innerText(), /Get advice from your Prevent team[\s\S]*may still have to act on it[\s\S]*Exampleton Prevent team \(Exampleton Constabulary\)[\s\S]*Advice line\s+01632 960123/);
  assert.equal(await page.getByRole('button', { name: 'Continue' }).count(), 0, 'no Continue on the advice route');
  assert.equal(await page.locator('.govuk-error-message').count(), 0, 'advice is not an error');
  await assertNoAxeViolations(page, 'the advice route with the team\'s contact');
  await screenshot(page, 'referral-advice-route');
  await r.choose(page, 'Yes, I am making a referral');
  await advice.waitFor({ state: 'detached' });
  assert.doesNotMatch(await page.title(), /^Error: /);
  await r.pressContinue(page);

  // REF-3: "yes" to immediate risk shows the 999 warning at once, and does not block.
  // The warning is announced: it appears inside a polite live region that was on the page,
  // empty, before the answer (a region added with its text is not read out).
  await r.onPage(page, 'Is there an immediate risk of harm');
  const live = page.locator('#risk-immediate-warnings[aria-live="polite"]');
  assert.equal((await live.innerText()).trim(), '', 'the live region is there, empty, before the answer');
  await r.choose(page, 'Yes');
  await live.getByText('Call 999 now if you have not already.').waitFor();
  await assertNoAxeViolations(page, 'immediate risk with the 999 warning');
  await r.pressContinue(page);

  // REF-2: a contact route in the right format.
  await r.onPage(page, 'About you');
  await r.type(page, 'Full name', 'Sam Teacher');
  await r.type(page, 'Organisation', 'Northtown Academy');
  await r.type(page, 'Email address', 'sam@');
  await r.pressContinue(page);
  await page.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await r.summaryErrors(page), ['Enter an email address in the correct format, like name@example.com']);
  await assertNoAxeViolations(page, 'about you with an error');
  await r.type(page, 'Email address', 'sam@example.org');
  await page.locator('.govuk-error-summary').waitFor({ state: 'detached' });
  // Continue by pressing Enter inside a text field, as keyboard users do.
  await page.getByLabel('Email address', { exact: true }).press('Enter');

  await r.onPage(page, 'Who or what is the referral about?');
  await r.choose(page, 'A person');
  await r.pressContinue(page);

  // REF-2 and REF-4: a name, and a real date of birth not in the future.
  await r.onPage(page, 'About the person');
  await r.pressContinue(page);
  await page.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await r.summaryErrors(page), [
    'Enter their name, or describe them if you do not know it',
    'Enter their date of birth, or their approximate age if you do not know it',
  ]);
  await assertNoAxeViolations(page, 'about the person with errors');
  await screenshot(page, 'person-errors');
  await r.type(page, 'First name(s)', 'Alex');
  await r.type(page, 'Day', '31');
  await r.type(page, 'Month', '2');
  await r.type(page, 'Year', '2010');
  assert.deepEqual(await r.summaryErrors(page), ['Date of birth must be a real date']);
  await page.locator('.govuk-error-summary a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'subject-dob-day');
  await r.type(page, 'Day', '3');
  await r.type(page, 'Month', '4');
  await page.locator('.govuk-error-summary').waitFor({ state: 'detached' });
  await r.pressContinue(page);

  await r.onPage(page, 'Their address and other details');
  await r.pressContinue(page);
  await r.onPage(page, 'Describe your concerns');
  await r.type(page, 'In as much detail as possible, describe the specific concerns', 'Shared extremist videos in class and talked about travelling to join a group.');
  await r.choose(page, 'Islamist');
  await r.pressContinue(page);
  await r.onPage(page, 'Their wellbeing and needs');
  await r.pressContinue(page);

  // REF-2: details are required when the answer is yes; under-18s ask about parents or carers.
  await r.onPage(page, 'What you have done so far');
  await r.answerYesNo(page, 'Have you discussed your concerns with your safeguarding lead or Prevent lead?', 'Yes');
  await r.answerYesNo(page, 'Have you told the person that you are making this referral?', 'No');
  await r.answerYesNo(page, 'Have you taken any direct action since you received this information?', 'No');
  await r.answerYesNo(page, 'Have you discussed your concerns with any other agencies?', 'No');
  await r.answerYesNo(page, 'They are under 18. Have their parents or carers been told about your concerns?', 'No');
  await r.pressContinue(page);
  await page.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await r.summaryErrors(page), ['Give details of the discussion with your safeguarding or Prevent lead, because you answered yes']);
  await assertNoAxeViolations(page, 'what you have done so far with an error');
  await page.locator('#info-safeguarding-lead-details').fill('Discussed with our designated safeguarding lead on 2 November.');
  await r.pressContinue(page);
  await r.onPage(page, 'Work and education');
  await r.pressContinue(page);
  await r.onPage(page, 'Other information');
  await r.pressContinue(page);

  // Check your answers: a change link goes to the question and comes back.
  await r.onPage(page, 'Check your answers before finishing your referral');
  await screenshot(page, 'check-answers');
  const row = (key) => page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${key.replace(/[()]/g, '\\$&')}$`) }) });
  const dob = row('Date of birth');
  assert.match(await dob.innerText(), /3 April 2010/);
  await row('First name(s)').getByRole('link', { name: /Change/ }).click();
  await r.onPage(page, 'About the person', { axe: false });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'subject-forename');
  await r.type(page, 'First name(s)', 'Alexis');
  await r.pressContinue(page);
  await r.onPage(page, 'Check your answers before finishing your referral', { axe: false });
  assert.match(await row('First name(s)').innerText(), /Alexis/);

  const json = await finishAndDownload(page);
  await screenshot(page, 'confirmation');
  assert.equal(json.format, 'prevent-toolkit/record');
  assert.equal(json.format_version, 1);
  assert.equal(json.protective_marking, 'OFFICIAL-SENSITIVE');
  assert.equal(json.record_id, id);
  assert.equal(json.status, 'finished');
  assert.deepEqual(json.form, { id: 'nrf', version: 1, title: 'Prevent referral' });
  assert.equal(json.answers.referral.intent, 'referral');
  assert.equal(json.answers.referrer.email, 'sam@example.org');
  assert.equal(json.answers.subject.type, 'individual');
  assert.equal(json.answers.subject.forename, 'Alexis');
  assert.equal(json.answers.subject.dob, '2010-04-03');
  assert.deepEqual(json.answers.concerns.type, ['islamist']);
  assert.equal(json.answers.info.safeguarding_lead, 'yes');
  assert.equal(json.answers.info.parents_informed, 'no');
  assert.deepEqual(json.warnings.map((w) => w.rule_id), ['REF-3']);
  // The record keeps its warnings in sight, with their rule and citation (issue 18).
  assert.match(await page.locator('#record-warnings').innerText(), /Warnings to note[\s\S]*\(REF-3, NRF\)/);

  // A finished referral is read-only: its question pages lead to the confirmation.
  await page.goto(`/referral/${id}/about-you`);
  await r.onPage(page, 'This referral is finished');
});

test('REF-2: a referral about an institution, then one about an ideological expression', async (t) => {
  const { page } = await app.open(t, null);
  await r.start(page);
  await r.beforeYouStartAndAboutYou(page, { email: '', phone: '01632 960 001' });
  await r.onPage(page, 'Who or what is the referral about?', { axe: false });
  await r.choose(page, 'An institution');
  await r.pressContinue(page);
  await r.onPage(page, 'About the institution');
  await r.pressContinue(page);
  assert.deepEqual(await r.summaryErrors(page), ['Enter the name of the institution']);
  await r.type(page, 'Name of the institution', 'Northtown Youth Club');
  await r.pressContinue(page);
  await r.onPage(page, 'Describe your concerns', { axe: false });
  await r.type(page, 'In as much detail as possible, describe the specific concerns', 'A speaker who promotes violence was invited.');
  await r.pressContinue(page);
  // No wellbeing, work or "told the person" questions for an institution.
  await r.onPage(page, 'What you have done so far', { axe: false });
  assert.equal(await page.getByText('Have you told the person').count(), 0);
  await nothingDoneSoFar(page);
  const json = await finishAndDownload(page);
  assert.equal(json.answers.subject.type, 'institution');
  assert.equal(json.answers.institution.name, 'Northtown Youth Club');
  assert.equal(json.answers.referrer.phone, '01632 960 001');
  assert.equal(json.answers.subject.forename, undefined);
  assert.deepEqual(json.warnings, []);

  await r.start(page);
  await r.beforeYouStartAndAboutYou(page);
  await r.onPage(page, 'Who or what is the referral about?', { axe: false });
  await r.choose(page, 'An ideological expression');
  await r.pressContinue(page);
  await r.onPage(page, 'About the ideological expression');
  await r.choose(page, 'Stickers');
  await r.type(page, 'Describe what you saw', 'Stickers with a far-right slogan on lamp posts.');
  // REF-4: a date in the future is refused.
  await r.type(page, 'Day', '1');
  await r.type(page, 'Month', '1');
  await r.type(page, 'Year', '2999');
  await r.pressContinue(page);
  assert.deepEqual(await r.summaryErrors(page), ['The date you first saw it must be today or in the past']);
  await r.type(page, 'Year', '2025');
  await r.pressContinue(page);
  await r.onPage(page, 'Describe your concerns', { axe: false });
  await r.type(page, 'In as much detail as possible, describe the specific concerns', 'They appeared overnight near the mosque.');
  await r.pressContinue(page);
  await nothingDoneSoFar(page);
  const json2 = await finishAndDownload(page);
  assert.equal(json2.answers.subject.type, 'expression');
  assert.deepEqual(json2.answers.expression.form, ['stickers']);
  assert.equal(json2.answers.expression.first_seen, '2025-01-01');
});
