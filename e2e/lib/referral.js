'use strict';
// Steps a partner takes through the referral, shared by the e2e tests. Each step checks the
// page it lands on with axe (WCAG 2.2 A/AA) before acting, so every page is audited.

const assert = require('node:assert/strict');
const { assertNoAxeViolations } = require('./axe');

/** Waits for the page whose h1 (or legend/label heading) is `heading`, and audits it. */
async function onPage(page, heading, { axe = true } = {}) {
  await page.locator('main h1', { hasText: heading }).first().waitFor({ state: 'visible' }).catch(async (e) => {
    // Say what the page shows instead, so that a failure names its cause.
    const shows = await page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`${e.message}\nThe page (${page.url()}) shows instead:\n${shows.slice(0, 1500)}`);
  });
  if (axe) await assertNoAxeViolations(page, `the page "${heading}"`);
}

/** Presses Continue the way a keyboard user does: Tab to the button, then Enter. */
async function pressContinue(page, name = 'Continue') {
  const button = page.getByRole('button', { name });
  await button.focus();
  await page.keyboard.press('Enter');
}

/** Chooses a radio or checkbox option by its label, with the keyboard (focus + Space). */
async function choose(page, label) {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await page.keyboard.press('Space');
  assert.ok(await input.isChecked(), `option "${label}" is not checked after Space`);
}

/** Types into the field with this label. */
async function type(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.pressSequentially(text);
}

/** Starts a new referral from the start page; returns the draft id from the URL. */
async function start(page) {
  await page.goto('/referral/start');
  await onPage(page, 'Make a Prevent referral');
  await page.getByRole('button', { name: 'Start now' }).focus();
  await page.keyboard.press('Enter');
  // With the vault not yet open in this tab, the passphrase is asked for first, in place
  // (issue 20, item 5). (Required here: vault.js requires this file.)
  await page.waitForFunction(() => document.querySelector('main h1')?.innerText.trim() !== 'Make a Prevent referral');
  await require('./vault').passGate(page);
  await onPage(page, 'Are you making a Prevent referral?');
  const m = page.url().match(/\/referral\/([0-9a-f-]{36})\//);
  assert.ok(m, `no draft id in ${page.url()}`);
  return m[1];
}

/** The two "before you start" questions (a referral; no immediate risk), ending on About you. */
async function answerBeforeYouStart(page, { axe = false } = {}) {
  await choose(page, 'Yes, I am making a referral');
  await pressContinue(page);
  await onPage(page, 'Is there an immediate risk of harm', { axe });
  await choose(page, 'No');
  await pressContinue(page);
  await onPage(page, 'About you', { axe });
}

/** The first pages, common to every subject type. */
async function beforeYouStartAndAboutYou(page, { email = 'sam@example.org', phone = '' } = {}) {
  await answerBeforeYouStart(page, { axe: true });
  await type(page, 'Full name', 'Sam Teacher');
  await type(page, 'Organisation', 'Northtown Academy');
  await page.getByLabel('Sector (optional)').selectOption('education');
  if (email) await type(page, 'Email address', email);
  if (phone) await type(page, 'Phone number', phone);
  await pressContinue(page);
}

/** Starts a referral and answers the two "before you start" questions; returns the draft id. */
async function startToAboutYou(page) {
  const id = await start(page);
  await answerBeforeYouStart(page);
  return id;
}

/** The yes/no questions of "What you have done so far" (a fieldset per question). */
async function answerYesNo(page, legend, answer) {
  const group = page.getByRole('group', { name: legend });
  const input = group.getByLabel(answer, { exact: true });
  await input.focus();
  await page.keyboard.press('Space');
}

/** Text of the error summary's links. */
async function summaryErrors(page) {
  return page.locator('.govuk-error-summary a').allInnerTexts();
}

/**
 * A finished referral about a person, the quick way: fields filled at once (fill), no axe (the
 * walks in referral.test.js audit these pages), from the start page to "Your referral is ready to send".
 * `a` overrides the answers: {forename, surname, dob: [day, month, year] (an adult by default,
 * so no question about parents), address, nationality, concerns, wellbeing, leadDetails, other}; multi-line
 * answers print one line each. Returns {id, reference}.
 */
async function finishPersonReferral(page, a = {}) {
  const fill = (label, text) => page.getByLabel(label, { exact: true }).fill(text);
  const next = async (heading) => {
    await pressContinue(page);
    await onPage(page, heading, { axe: false });
  };
  const id = await start(page);
  await answerBeforeYouStart(page);
  await fill('Full name', 'Sam Teacher');
  await fill('Organisation', 'Northtown Academy');
  await fill('Email address', 'sam@example.org');
  await next('Who or what is the referral about?');
  await choose(page, 'A person');
  await next('About the person');
  await fill('First name(s)', a.forename || 'Alex');
  await fill('Last name', a.surname || 'Example');
  const [day, month, year] = a.dob || ['3', '4', '1990'];
  await fill('Day', day);
  await fill('Month', month);
  await fill('Year', year);
  await next('Their address and other details');
  if (a.address) await fill('Address (optional)', a.address);
  if (a.nationality) await fill('Nationality or citizenship (optional)', a.nationality);
  await next('Describe your concerns');
  if (a.onConcerns) await a.onConcerns(page);
  await fill('In as much detail as possible, describe the specific concerns', a.concerns || 'Shared extremist videos in class.');
  await choose(page, 'Islamist');
  await next('Their wellbeing and needs');
  if (a.wellbeing) await fill('Is there anything in their life that might be affecting their wellbeing or making them vulnerable in any sense? (optional)', a.wellbeing);
  await next('What you have done so far');
  await answerYesNo(page, 'Have you discussed your concerns with your safeguarding lead or Prevent lead?', 'Yes');
  await page.locator('#info-safeguarding-lead-details').fill(a.leadDetails || 'Discussed with our designated safeguarding lead.');
  await answerYesNo(page, 'Have you told the person that you are making this referral?', 'No');
  await answerYesNo(page, 'Have you taken any direct action since you received this information?', 'No');
  await answerYesNo(page, 'Have you discussed your concerns with any other agencies?', 'No');
  await next('Work and education');
  await next('Other information');
  if (a.other) await fill('Is there anything else the Prevent team should know? (optional)', a.other);
  await next('Check your answers before finishing your referral');
  if (a.onCheck) await a.onCheck(page);
  await next('Declaration');
  await choose(page, 'I confirm that this is a Prevent referral, not a request for advice, and that the information I have given is correct to the best of my knowledge');
  await pressContinue(page, 'Confirm and finish referral');
  await onPage(page, 'Your referral is ready to send', { axe: false });
  const reference = (await page.locator('#reference').innerText()).trim();
  return { id, reference };
}

module.exports = { onPage, pressContinue, choose, type, start, startToAboutYou, beforeYouStartAndAboutYou, answerYesNo, summaryErrors, finishPersonReferral };
