'use strict';
// Police-led Partnership over time (issue 5; DESIGN.md PLP-1..11, INT-1), by keyboard: a case
// enters PLP as High (an escalation factor in the DIF), is reassessed down to Standard, then to
// Monitored, and is closed; at each step the band and the dates shown are checked. The browser's
// clock moves with the case (Playwright's clock), so every date entered is "today" and every
// due date is known. England and Wales bank holidays.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { onPage, pressContinue } = require('./lib/referral');
const p = require('./lib/pga');
const { screenshot } = require('./lib/browser');
const { setToday } = require('./lib/vault');

/** SHOTS=1 keeps a full-page PNG of the page under target/screenshots/, to look at. */
const shot = (page, name) => (process.env.SHOTS ? screenshot(page, name) : null);

const app = useApp();
const CTCO = 'DC Sam Okafor';
const SERGEANT = 'DS Priya Shah';

/** Sets the browser's today (10:00 local time). */
async function today(page, [y, m, d]) {
  await setToday(page, new Date(y, m - 1, d, 10, 0, 0));
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

/** The band page: inputs, band (and Monitored's reason), Continue. */
async function band(page, { legend, band: chosen, reason, rationale }) {
  await onPage(page, 'Priority band', { axe: false });
  await p.answer(page, 'Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?', 'No');
  await p.answer(page, 'Do you and your supervisor agree further work is needed?', 'No');
  await p.answer(page, legend, chosen);
  if (reason) {
    await p.answer(page, 'Why is the case Monitored?', reason);
    // PLP-12 (s12): how often, decided and justified with the supervisor.
    await p.answer(page, 'How often will the case be reassessed while it is Monitored?', 'Every 3 months, the longest the policy allows');
    await p.typeLabelled(page, 'Why this frequency?', 'Settled for two months: the longest interval, agreed with DS Shah.');
  }
  if (rationale) await p.typeLabelled(page, 'Rationale for the band (optional when it is the suggested one)', rationale);
  await pressContinue(page);
}

/** Sign-off (and for a reassessment the CMP update), check answers and confirm; each page
 * audited with axe the first time (`axe`). */
async function signOffAndConfirm(page, { date, cmp, confirm, button, axe = false }) {
  if (cmp) await p.answer(page, 'Has the Case Management Plan been updated?', 'Yes');
  await p.signOff(page, SERGEANT, date);
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing', { axe });
  await pressContinue(page);
  await onPage(page, button, { axe });
  await p.answer(page, 'Confirm', confirm);
  await pressContinue(page, button);
}

const deadlineText = (page, key) => p.textOf(page.locator(`#deadline-${key}`));

/** Opens the panel form from the case page and answers its PLP-8 questions; `met` adds the
 * minutes and actions (PLP-13, s11). */
async function panelForm(page, date, { met = false } = {}) {
  await page.locator('#record-panel').focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Record a PLP panel', { axe: false });
  await p.typeDate(page, 'panel.date', date);
  await p.typeLabelled(page, "Chair's name", 'DI Alex Chair');
  await p.answer(page, 'Is the chair a police officer or member of police staff?', 'Yes');
  await p.answer(page, 'Is the chair a Sergeant, a CTCO supervisor or above?', 'Yes');
  await p.answer(page, 'Does the chair manage the cases discussed?', 'No');
  await p.typeLabelled(page, 'Who attends, and why?', 'Local authority safeguarding lead: current contact with the family.');
  await p.answer(page, 'Is the case heard as Any Other Business of a Channel panel?', 'No');
  if (met) {
    await p.typeLabelled(page, 'Minutes', 'Reviewed the CMP with the local authority.');
    await p.typeLabelled(page, 'Actions agreed', 'CTCO to visit the family.');
  }
}

/** From the panel page: check answers, confirm, and back to the case page. */
async function confirmPanel(page) {
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing', { axe: false });
  await pressContinue(page);
  await onPage(page, 'Confirm the panel', { axe: false });
  await p.answer(page, 'Confirm', 'I confirm the record of this panel');
  await pressContinue(page, 'Confirm the panel');
  await onPage(page, 'Panel recorded', { axe: false });
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP', { axe: false });
}

/** A panel that does not follow a Channel panel, recorded ahead of its day. */
async function recordPanel(page, date) {
  await panelForm(page, date);
  await p.answer(page, 'Does the PLP panel follow directly after a Channel panel?', 'No');
  await confirmPanel(page);
}

test('PLP-1..5, PLP-8..11, INT-1: a High case reassessed down to Standard, then Monitored, then closed', async (t) => {
  const { page } = await app.open(t, null);

  // Entry on Tuesday 5 January 2027, after Information Gathering (PLP-7).
  await today(page, [2027, 1, 5]);
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  await page.getByText('Start a PLP case', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Start a Police-led Partnership case', { axe: false });
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP', { axe: false });
  // PLP-7: a route needs its rationale.
  await p.typeLabelled(page, 'Your name', CTCO);
  await p.typeLabelled(page, 'Case reference', 'PCM-2027-0005');
  await p.typeDate(page, 'plp.entered', ['5', '1', '2027']);
  await p.answer(page, 'How did the case enter PLP?', 'After Information Gathering');
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['Explain why the S.36 decision was not to refer the person to a Channel panel (PLP-7, s11)']);
  await assertNoAxeViolations(page, 'PLP entry without its rationale');
  await p.typeLabelled(page, 'Rationale for entering PLP', 'Consent to Channel refused; police-led support agreed.');
  await pressContinue(page);
  await difPages(page, { threat: { escalation: 'Buying weapon parts online (PNC, open source).' } });
  // PLP-2: the escalation factor makes High the suggestion; Monitored is not offered (PLP-4).
  await onPage(page, 'Priority band', { axe: false });
  assert.equal(await p.textOf(page.locator('#plp-suggested')), 'High (Red)');
  assert.match(await p.textOf(page.locator('#plp-triggers')), /An unmitigated escalation factor \(PLP-2\)/);
  assert.ok(await p.group(page, "What is the case's priority band?").getByLabel('Monitored (Green)', { exact: true }).isDisabled());
  await band(page, { legend: "What is the case's priority band?", band: 'High (Red)' });
  await onPage(page, 'Supervisory sign-off', { axe: false });
  await signOffAndConfirm(page, { date: ['5', '1', '2027'], confirm: 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor', button: 'Confirm the entry into PLP', axe: true });
  await onPage(page, 'Case entered PLP');
  // PLP-5: High, so the next DIF is due 4 weeks later; INT-1: the FIMU summary 3 months later.
  assert.match(await deadlineText(page, 'plp-5'), /Due 2 February 2027: 20 working days left/);
  assert.match(await deadlineText(page, 'int-1'), /Due 5 April 2027/);
  // A panel set two weeks on discusses the opening DIF (s12, decision 0003): the review stays 4
  // weeks after the DIF, as the deadlines page gives for the same dates.
  await recordPanel(page, ['19', '1', '2027']);
  assert.match(await deadlineText(page, 'plp-5'), /^PLP review .*Due 2 February 2027/);

  // Reassessment on Tuesday 2 February: the escalation has stopped; a capability factor remains.
  await today(page, [2027, 2, 2]);
  await page.reload();
  await onPage(page, 'Case entered PLP', { axe: false });
  assert.match(await deadlineText(page, 'plp-5'), /Due today 2 February 2027/);
  const reassess = async (date, present, bandChoice) => {
    await page.getByRole('button', { name: 'Reassess the case' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Reassessment', { axe: false });
    await p.typeDate(page, 'plp.review_date', date);
    await pressContinue(page);
    await difPages(page, present);
    await band(page, bandChoice);
    await onPage(page, 'CMP update and sign-off', { axe: false });
    await signOffAndConfirm(page, { date, cmp: true, confirm: 'I confirm this reassessment, its band and the CMP update, signed off by my supervisor', button: 'Confirm the reassessment', axe: date[1] === '2' });
    await onPage(page, 'Reassessment recorded', { axe: false });
    await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Case entered PLP', { axe: false });
  };
  await reassess(['2', '2', '2027'], { capability: { access: 'Still in touch with the online network.' } }, { legend: "What is the case's priority band now?", band: 'Standard (Amber)' });
  assert.match(await p.textOf(page.locator('#plp-summary')), /Priority band Standard \(Amber\)/);
  // PLP-5: Standard, 8 weeks.
  assert.match(await deadlineText(page, 'plp-5'), /Due 30 March 2027/);

  // INT-1: the reassessment goes to the FIMU the same day. Every submission says whether the
  // risk is escalating, de-escalating or static; once recorded, the 3-monthly summary counts
  // from it (2 May, not 5 April).
  assert.match(await p.textOf(page.locator('#plp-no-submissions')), /counts from entry \(INT-1\)/);
  await page.locator('#record-submission').focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Record a submission to the FIMU', { axe: false });
  assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO);
  await p.typeDate(page, 'fimu.date', ['2', '2', '2027']);
  await p.answer(page, 'What did you submit?', 'A DIF or reassessment');
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['Say whether the risk is escalating, de-escalating or static: every submission to the FIMU says so (INT-1, s9)']);
  await assertNoAxeViolations(page, 'a FIMU submission without its risk direction');
  await shot(page, 'plp-fimu-error');
  await p.answer(page, 'Is the risk escalating, de-escalating or static?', 'De-escalating');
  await p.typeLabelled(page, 'Intelligence or FIMU reference (optional)', 'FIMU/27/0042');
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing');
  await pressContinue(page);
  await onPage(page, 'Confirm the submission');
  await p.answer(page, 'Confirm', 'I confirm this submission was made to the FIMU');
  await pressContinue(page, 'Confirm the submission');
  await onPage(page, 'Submission recorded');
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP', { axe: false });
  assert.equal(
    await p.textOf(page.locator('#plp-submissions')),
    '2 February 2027 A DIF or reassessment. Risk: de-escalating. Reference: FIMU/27/0042',
  );
  assert.match(await deadlineText(page, 'int-1'), /Due 2 May 2027/);

  // Reassessment on Tuesday 30 March: nothing Prevent-relevant left; Monitored, de-escalated (PLP-4).
  await today(page, [2027, 3, 30]);
  await page.reload();
  await onPage(page, 'Case entered PLP', { axe: false });
  await reassess(['30', '3', '2027'], {}, {
    legend: "What is the case's priority band now?",
    band: 'Monitored (Green)',
    reason: 'Risk and vulnerabilities have de-escalated demonstrably and consistently',
  });
  const history = (await page.locator('#plp-history .govuk-summary-list__row').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  assert.deepEqual(history, [
    '5 January 2027 Entry: High (Red)',
    '2 February 2027 Reassessment: Standard (Amber)',
    '30 March 2027 Reassessment: Monitored (Green)',
  ]);
  // PLP-5: Monitored, 3 months; the timeline shows the three bands in turn.
  assert.match(await deadlineText(page, 'plp-5'), /Due 30 June 2027/);
  const spans = await page.locator('#plp-timeline .pct-timeline__span').evaluateAll((gs) => gs.map((g) => g.dataset.band));
  assert.deepEqual(spans, ['High', 'Standard', 'Monitored']);
  await assertNoAxeViolations(page, 'a PLP case with its history and timeline');

  // PLP-8 and PLP-5: panels set for 20 April and 18 May. The 30 March DIF serves the first;
  // nothing new serves the second, so the next DIF is due before it, sooner than 30 June.
  await recordPanel(page, ['20', '4', '2027']);
  assert.match(await deadlineText(page, 'plp-5'), /^PLP review .*Due 30 June 2027/);
  await recordPanel(page, ['18', '5', '2027']);
  const panels = (await page.locator('#plp-panels .govuk-summary-list__row').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  assert.deepEqual(panels, [
    '19 January 2027 PLP panel. DIF of 5 January 2027',
    '20 April 2027 PLP panel. DIF of 30 March 2027',
    '18 May 2027 PLP panel. No new DIF since the panel before it (PLP-5)',
  ]);
  assert.match(await deadlineText(page, 'plp-5'), /PLP review \(before the panel\).*Due 18 May 2027/);
  await shot(page, 'plp-case-panels');

  // Closure on Tuesday 29 June: risk reduced, nothing remaining (PLP-9, PLP-10).
  await today(page, [2027, 6, 29]);
  await page.reload();
  await onPage(page, 'Case entered PLP', { axe: false });
  await page.getByRole('button', { name: 'Close the case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Close the case', { axe: false });
  await p.typeDate(page, 'plp.closed', ['29', '6', '2027']);
  await p.answer(page, 'Why is the case closing?', 'Risk reduced: diverted, deterred or desisted');
  await p.answer(page, 'Is the closing DIF complete and signed off by a supervisor?', 'No');
  await p.answer(page, 'Do Prevent issues or CT risk remain?', 'No');
  await pressContinue(page);
  // PLP-10: only with a supervised closing DIF.
  assert.deepEqual(await p.summaryErrors(page), ['A PLP case closes only with a supervised closing DIF (PLP-10, s13)']);
  await assertNoAxeViolations(page, 'a PLP closure without a supervised closing DIF');
  await p.answer(page, 'Is the closing DIF complete and signed off by a supervisor?', 'Yes');
  await pressContinue(page);
  // s13: a supervisor authorises the closure; SUP-1 and PGA-16 (s14): never the managing CTCO,
  // never a Constable.
  await onPage(page, "The supervisor's authority");
  await p.signOff(page, CTCO, ['28', '6', '2027'], { rank: 'Constable', approve: 'Does the supervisor authorise the closure?' });
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['The supervisor cannot be the CTCO who manages the case (PGA-16, s14)']);
  await p.typeLabelled(page, "Supervisor's name", SERGEANT);
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), [
    'Constables and the lowest police staff grades must never supervise: the supervisor must be at least a Sergeant or a police staff CTCO supervisor (PGA-16, s14)',
  ]);
  await assertNoAxeViolations(page, 'a PLP closure authorised by a Constable');
  await screenshot(page, 'plp-closure-authority-refused');
  await p.answer(page, "Supervisor's rank or grade", 'Sergeant or above');
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing');
  await pressContinue(page);
  await onPage(page, 'Confirm the closure');
  await p.answer(page, 'Confirm', 'I confirm the closure of this case');
  await pressContinue(page, 'Confirm the closure');
  await onPage(page, 'Case closed', { axe: false });
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP', { axe: false });
  // PLP-11: reviews 6 and 12 months after closure, each within 5 working days (New Year 2028
  // falls on a Saturday: Monday 3 January is its substitute).
  assert.match(await deadlineText(page, 'plp-11-6-months'), /Due 6 January 2028/);
  assert.match(await deadlineText(page, 'plp-11-12-months'), /Due 6 July 2028/);
  assert.equal(await page.locator('#deadline-plp-5').count(), 0, 'a closed case has no review cadence');
  // The officers' list shows the case's next deadline.
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  const row = (await page.locator('#drafts-table tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  assert.ok(row.some((r) => /PLP case Case PCM-2027-0005 .*Finished .*6-month closed case review \(PLP-11\): .*6 January 2028/.test(r)), row.join(' | '));

  // REV-1 (s13): the two reviews, each a record with a new DIF (the case's last copied in),
  // what changed, the outcome and a supervisor's approval; each meets its deadline.
  const closedReview = async (when, date, which) => {
    await today(page, when);
    await page.goto('/officer');
    await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
    await page.locator('#drafts-table tbody tr', { hasText: 'PCM-2027-0005' }).getByRole('link', { name: /^View/ }).first().click();
    await onPage(page, 'Case entered PLP', { axe: false });
    assert.equal(await p.textOf(page.locator('#record-closed-review')), `Record the ${which} review`);
    await page.locator('#record-closed-review').focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Closed case review', { axe: which === '6-month' });
    assert.ok(await p.group(page, 'Which review is this?').getByLabel(`The ${which} review`, { exact: true }).isChecked());
    assert.ok(await p.group(page, 'Which assessment does the review complete?').getByLabel('A new DIF', { exact: true }).isChecked(), 'a PLP case is reviewed with a new DIF');
    await p.typeDate(page, 'review.date', date);
    await pressContinue(page);
    // The last DIF is carried in: each page is answered already.
    for (const section of p.DIF) {
      await onPage(page, section.title, { axe: false });
      await pressContinue(page);
    }
    await onPage(page, 'What the review found', { axe: which === '6-month' });
    await p.typeLabelled(page, 'What has changed since the case closed?', 'Working full time; no concerns from partners or police systems.');
    await p.answer(page, 'What does the review decide?', 'The case remains closed');
    await p.typeLabelled(page, 'Why?', 'The risk has stayed reduced.');
    await pressContinue(page);
    await onPage(page, "The supervisor's approval", { axe: which === '6-month' });
    await p.signOff(page, SERGEANT, date, { approve: 'Does the supervisor approve the review?' });
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the review', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm this review, approved by my supervisor');
    await pressContinue(page, 'Confirm the review');
    await onPage(page, 'Review recorded', { axe: false });
    await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Case entered PLP', { axe: false });
  };
  await closedReview([2028, 1, 4], ['4', '1', '2028'], '6-month');
  assert.match(await deadlineText(page, 'plp-11-6-months'), /Met: was due 6 January 2028/);
  assert.match(await deadlineText(page, 'plp-11-12-months'), /Due 6 July 2028/);
  await shot(page, 'plp-closed-six-month-review');
  await closedReview([2028, 7, 3], ['3', '7', '2028'], '12-month');
  const reviews = (await page.locator('#closed-reviews .govuk-summary-list__row').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  assert.deepEqual(reviews, [
    '6-month review, 4 January 2028 The case remains closed View the 6-month review',
    '12-month review, 3 July 2028 The case remains closed View the 12-month review',
  ]);
  assert.equal(await p.textOf(page.locator('#closed-reviews-done')), 'Both reviews are recorded.');
  assert.match(await deadlineText(page, 'plp-11-12-months'), /Met: was due 6 July 2028/);
  await assertNoAxeViolations(page, 'a closed PLP case with both reviews');
  await screenshot(page, 'plp-closed-both-reviews');
});

test('INT-2, PLP-14, PLP-13, PLP-12: a late reassessment that raises the risk is flagged and prompts a submission to the FIMU, recorded from the prompt; escalating intelligence prompts a new DIF; a High case closes only for a reason that cannot wait', async (t) => {
  const { page } = await app.open(t, null);
  // Entry on Tuesday 5 January 2027 as Standard: a grievance, nothing in the threat section.
  await today(page, [2027, 1, 5]);
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments and PLP cases', { axe: false });
  await page.getByText('Start a PLP case', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Start a Police-led Partnership case', { axe: false });
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP', { axe: false });
  await p.typeLabelled(page, 'Your name', CTCO);
  await p.typeLabelled(page, 'Case reference', 'PCM-2027-0014');
  await p.typeDate(page, 'plp.entered', ['5', '1', '2027']);
  await p.answer(page, 'How did the case enter PLP?', 'After Information Gathering');
  await p.typeLabelled(page, 'Rationale for entering PLP', 'Consent to Channel refused; police-led support agreed.');
  await pressContinue(page);
  await difPages(page, { engagement: { grievance: 'Posts about grievances (open source).' } });
  await band(page, { legend: "What is the case's priority band?", band: 'Standard (Amber)' });
  await onPage(page, 'Supervisory sign-off', { axe: false });
  await signOffAndConfirm(page, { date: ['5', '1', '2027'], confirm: 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor', button: 'Confirm the entry into PLP' });
  await onPage(page, 'Case entered PLP', { axe: false });
  assert.equal(await p.textOf(page.locator('#plp-prompts')), '', 'nothing to prompt at entry');

  // Reassessed on Tuesday 9 March, a week after the Standard cadence (2 March): a new risk of
  // harm, and High.
  // It is signed off the next day, 10 March.
  await today(page, [2027, 3, 10]);
  await page.reload();
  await onPage(page, 'Case entered PLP', { axe: false });
  await page.getByRole('button', { name: 'Reassess the case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Reassessment', { axe: false });
  await p.typeDate(page, 'plp.review_date', ['9', '3', '2027']);
  await pressContinue(page);
  await difPages(page, { engagement: { grievance: 'Still posting.' }, threat: { harm: 'Threats to a named teacher (school).' } });
  await band(page, { legend: "What is the case's priority band now?", band: 'High (Red)' });
  await onPage(page, 'CMP update and sign-off', { axe: false });
  await signOffAndConfirm(page, { date: ['10', '3', '2027'], cmp: true, confirm: 'I confirm this reassessment, its band and the CMP update, signed off by my supervisor', button: 'Confirm the reassessment' });
  await onPage(page, 'Reassessment recorded', { axe: false });
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP', { axe: false });
  // INT-2 (s9): the FIMU must be informed, and the prompt records it.
  assert.match(
    await p.textOf(page.locator('#plp-prompts')),
    /The reassessment of 9 March 2027 records a significant change in risk \(the band rose from Standard \(Amber\) to High \(Red\); a new risk of harm\): the FIMU must be informed \(INT-2, s9\) Record the submission to the FIMU$/,
  );
  // PLP-13 (s12): the late reassessment is flagged with both dates, and on the timeline.
  assert.equal(await p.textOf(page.locator('#plp-missed')), '! Warning The reassessment due by 2 March 2027 was made on 9 March 2027, 7 days late (PLP-13, s12)');
  assert.match(await p.textOf(page.locator('#plp-timeline')), /PLP review due: missed, made on 9 March 2027 \(PLP-13\) Standard \(Amber\) Missed/);
  await assertNoAxeViolations(page, 'a PLP case with the INT-2 prompt');
  await screenshot(page, 'plp-int-2-prompt');
  await page.locator('#prompt-fimu').focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Record a submission to the FIMU', { axe: false });
  // The submission is intelligence that the risk is escalating, made the next day.
  await p.typeDate(page, 'fimu.date', ['10', '3', '2027']);
  await p.answer(page, 'What did you submit?', 'Intelligence that could change the DIF, the CMP or the VAF');
  await p.answer(page, 'Is the risk escalating, de-escalating or static?', 'Escalating');
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing', { axe: false });
  await pressContinue(page);
  await onPage(page, 'Confirm the submission', { axe: false });
  await p.answer(page, 'Confirm', 'I confirm this submission was made to the FIMU');
  await pressContinue(page, 'Confirm the submission');
  await onPage(page, 'Submission recorded', { axe: false });
  await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Case entered PLP', { axe: false });
  // The FIMU is told; PLP-14 (s12): the escalating intelligence asks for a new DIF.
  assert.equal(await page.locator('#prompt-fimu').count(), 0, 'the INT-2 prompt is answered');
  assert.match(
    await p.textOf(page.locator('#plp-prompts')),
    /Intelligence submitted on 10 March 2027 says the risk is escalating: complete a new DIF, CMP update and sign-off \(PLP-14, s12\) Reassess the case$/,
  );
  assert.match(await page.locator('#prompt-dif').getAttribute('href'), /^\/officer\/plp-review\/start\?case=[0-9a-f-]{36}$/);

  // PLP-13 (s11): a panel met on 9 March, straight after a Channel panel. Once it has met, the
  // end of the Channel panel and the start of the PLP panel are stated and minuted: "no" is
  // refused, as there must be no overlap between Channel and PLP cases.
  await panelForm(page, ['9', '3', '2027'], { met: true });
  await p.answer(page, 'Does the PLP panel follow directly after a Channel panel?', 'Yes');
  const handover = 'Did both chairs state when their panel ended or began, and do both sets of minutes record it?';
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['The panel has met: select yes if both sets of minutes record when each panel ended or began (PLP-13, s11)']);
  await p.answer(page, handover, 'No');
  await pressContinue(page);
  assert.deepEqual(await p.summaryErrors(page), ['There must be no overlap between Channel and PLP cases: each chair states when their panel ends or begins, in both sets of minutes (PLP-13, s11)']);
  await assertNoAxeViolations(page, 'a PLP panel that overlapped a Channel panel');
  await screenshot(page, 'plp-13-channel-overlap');
  await p.answer(page, handover, 'Yes');
  await confirmPanel(page);
  // PLP-13 (s12): the DIF the panel discussed was signed off the day after it.
  assert.equal(await p.textOf(page.locator('#plp-panels')), '9 March 2027 PLP panel. DIF of 9 March 2027. Actions: CTCO to visit the family.');
  assert.equal(
    await p.textOf(page.locator('#plp-panel-checks')),
    '! Warning The DIF of 9 March 2027 was signed off on 10 March 2027, after the panel of 9 March 2027: the DIF, CMP update and sign-off all come before the panel (PLP-13, s12)',
  );
  await assertNoAxeViolations(page, 'a PLP case with a panel before its DIF was signed off');
  await screenshot(page, 'plp-13-panel-before-sign-off');

  // PLP-12 (s12): a High case cannot close for reasons that can wait for Monitored; a subject
  // who cannot be located closes at once.
  await page.getByRole('button', { name: 'Close the case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Close the case', { axe: false });
  const codes = p.group(page, 'Why is the case closing?');
  for (const label of ['Risk reduced: diverted, deterred or desisted', 'No actual CT concern', 'Exited into Channel: the individual is willing']) {
    const option = codes.getByLabel(label, { exact: true });
    assert.ok(await option.isDisabled(), `${label} is refused from High`);
    const hint = await p.textOf(page.locator(`#${await option.getAttribute('aria-describedby')}`));
    assert.equal(hint, 'Not available: the case is High (Red): it leaves PLP through Monitored first (PLP-12, s12).');
  }
  for (const label of ['The subject is deceased', 'The subject could not be located', 'Escalated to the Pursue space']) {
    assert.ok(await codes.getByLabel(label, { exact: true }).isEnabled(), `${label} can close from High`);
  }
  await assertNoAxeViolations(page, 'a PLP closure from High (PLP-12)');
  await screenshot(page, 'plp-12-closure-from-high');
  await p.typeDate(page, 'plp.closed', ['10', '3', '2027']);
  await p.answer(page, 'Why is the case closing?', 'The subject could not be located');
  await p.answer(page, 'Is the closing DIF complete and signed off by a supervisor?', 'Yes');
  await p.answer(page, 'Do Prevent issues or CT risk remain?', 'No');
  await pressContinue(page);
  await onPage(page, "The supervisor's authority", { axe: false });
});
