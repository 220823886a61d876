'use strict';
// Steps a partner takes through the referral, shared by the e2e tests. Each step checks the
// page it lands on with axe (WCAG 2.2 A/AA) before acting, so every page is audited.

const assert = require('node:assert/strict');
const { assertNoAxeViolations } = require('./axe');

/** Waits for the page whose h1 (or legend/label heading) is `heading`, and audits it. */
async function onPage(page, heading, { axe = true } = {}) {
  await page.locator('main h1', { hasText: heading }).first().waitFor({ state: 'visible' });
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

module.exports = { onPage, pressContinue, choose, type, start, startToAboutYou, beforeYouStartAndAboutYou, answerYesNo, summaryErrors };
