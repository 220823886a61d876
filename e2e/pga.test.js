'use strict';
// A CTCO completes the Prevent Gateway Assessment (officers' bundle, /officer/pga/...) in a real
// browser, by keyboard: one assessment for each of the five Gateway Decisions, with the side
// panel's deadlines (PGA-2, PGA-7, PGA-15), factors found and FIMU submission (PGA-11), the
// options the policy rules out (PGA-6..9, PGA-14), supervision (PGA-16), finalising (PGA-10),
// the final record, its JSON download and its read-only pages; the de-confliction gate (PGA-1);
// and the error states (GOV.UK error summary, DIF-1, PGA-16). axe runs on every PGA page at
// least once, error states included.
//
// The browser's clock is fixed at Wednesday 30 December 2026, 10:00 (Playwright's
// clock.setFixedTime), so every deadline is known: received Tuesday 22 December 2026, the PGA
// (and the LACC referral in a Dovetail area) is due Thursday 31 December (Christmas Day and the
// Boxing Day substitute, Monday 28th, do not count): 1 working day left. De-conflicted Monday
// 21 December, the S.36 decision (not Dovetail) is due no more than 20 days later (s10, PGA-15):
// Sunday 10 January 2027, 6 working days left (s6's PLP reading, 20 working days, would give
// 21 January and is named beside it).

const { describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { screenshot } = require('./lib/browser');
const { onPage, pressContinue } = require('./lib/referral');
const p = require('./lib/pga');
const { setToday } = require('./lib/vault');

const app = useApp();

const TODAY = new Date('2026-12-30T10:00:00');
const RECEIVED = ['22', '12', '2026'];
const DECONFLICTED = ['21', '12', '2026'];
const PGA_DUE = 'Due 31 December 2026: 1 working day left';
const S36_DUE = 'Due 10 January 2027: 6 working days left';
const CTCO = 'DC Morgan Reyes';
const SERGEANT = 'DS Priya Shah';

/** A fresh, guarded page (own storage) with the clock fixed at TODAY. */
async function openAtToday(t) {
  const guarded = await app.open(t, null);
  await setToday(guarded.page, TODAY);
  return guarded;
}

const NOT_DOVETAIL = 'Only Dovetail areas refer cases to the LACC at PGA (PGA-7, s8, s10)';
const NEEDS_NO_CONCERN = 'Closing needs a reasonable belief that there is no Prevent-relevant concern (PGA-9, s8)';
const NEEDS_PURSUE = 'Escalating to Pursue needs a Pursue-relevant concern (PGA-9, s8, s13)';
const NEEDS_SUSPICION = 'Keeping a case in PCM needs a reasonable suspicion of a Prevent-relevant concern (PGA-6, s8)';
// PGA-17, PGA-18 (issue 18): what the decision page says of Close and Straight to PLP.
const PURSUE_NOT_PLAIN_CLOSE = 'A case with a Pursue-relevant concern recorded cannot simply be closed: close it by escalating the concern out of Prevent, which always goes to the FIMU (PGA-17, s8, s12)';
const PLP_NEEDS_SUSPICION = 'Going straight to PLP needs a reasonable suspicion of a Prevent-relevant concern (PGA-18, s8)';
const UNSUITABLE_NOT_PLP = 'In a Dovetail area a case you judged unsuitable for PLP is referred to the LACC, not taken into PLP (PGA-18, s8)';
// PGA-20: a British adult with no propensity to travel: only the flag on local systems is asked,
// decided with its rationale.
const NOT_FLAGGED = { made: false, rationale: 'No flag: the FIMU holds the case and the local nominal already shows it.' };
const PERSON = {
  subject: { dob: ['14', '3', '1990'], nationality: 'British', travel: 'No' },
  duties: { flag: NOT_FLAGGED },
};

/** What every scenario shares; each one overrides what makes its decision. */
function scenario(s) {
  return {
    deconfliction: { date: DECONFLICTED, reference: `NCIA-${s.slug.toUpperCase()}`, rado: 3 },
    checkDate: ['23', '12', '2026'],
    signOff: ['29', '12', '2026'],
    concernType: 'Extreme right-wing',
    pursueInvestigation: 'No',
    person: PERSON,
    supervisor: SERGEANT,
    ...s,
    case: { received: RECEIVED, ctco: CTCO, subject: 'A person', ...s.case },
  };
}

const SCENARIOS = [
  scenario({
    slug: 'keep-in-pcm',
    decision: 'Keep in PCM',
    case: { reference: 'PCM-2026-0101', area: 'No, not Dovetail' },
    dif: {
      engagement: { present: { grievance: 'Open source: grievance posts.' }, absent: ['excitement'] },
      intent: { present: { 'them-and-us': 'Referral: us-and-them talk.' } },
    },
    assessment: { concern: 'suspicion', pursue: 'No', direction: 'Escalating', summary: 'Engaging with an ERW group.' },
    rationale: 'Suspicion: gather information.',
    expect: {
      deadlines: { 'pga-2': PGA_DUE, 'pga-15': S36_DUE },
      deadlinesAfterDecision: { 'pga-2': PGA_DUE, 'pga-15': S36_DUE },
      unavailable: { 'Refer to the LACC': NOT_DOVETAIL, Close: NEEDS_NO_CONCERN, 'Close and escalate to Pursue': NEEDS_PURSUE },
      fimuRequired: true,
      direction: 'Escalating',
      next: `S.36 decision (non-Dovetail) (PGA-15): ${S36_DUE}`,
    },
  }),
  scenario({
    slug: 'refer-to-lacc',
    decision: 'Refer to the LACC',
    case: { reference: 'PCM-2026-0102', area: 'Yes, Dovetail' },
    dif: {
      vulnerability: { present: { isolation: 'School: withdrawn.' }, absent: ['substance-misuse'] },
    },
    assessment: { concern: 'suspicion', pursue: 'No', unsuitablePlp: 'Yes', direction: 'Static', summary: 'Vulnerable; suits Channel.' },
    // 16 on the day of receipt, of another nationality: the FCO, CRO and Immigration and the
    // PIW request are asked too, each decided either way with its rationale (PGA-20).
    person: {
      subject: { dob: ['1', '6', '2010'], nationality: 'French', travel: 'No' },
      duties: {
        overseas: { made: true, rationale: 'Convictions abroad would change the assessment: CRO request sent.' },
        piw: { made: false, rationale: 'No talk of travel and no passport: not requested for now.' },
        flag: { made: true, rationale: 'Flagged so officers who meet the subject know of the interest.' },
      },
    },
    rationale: 'Not for PLP: refer to LACC.',
    expect: {
      deadlines: { 'pga-2': PGA_DUE, 'pga-7': PGA_DUE },
      deadlinesAfterDecision: { 'pga-2': PGA_DUE, 'pga-7': PGA_DUE },
      unavailable: {
        'Keep in PCM': 'In a Dovetail area a case unsuitable for PLP is referred to the LACC (PGA-7, s8)',
        'Straight to PLP': UNSUITABLE_NOT_PLP,
        Close: NEEDS_NO_CONCERN,
        'Close and escalate to Pursue': NEEDS_PURSUE,
      },
      fimuRequired: true,
      direction: 'Static',
      // The referral to the LACC goes with the final decision (PGA-7): nothing is left due.
      next: 'None',
    },
  }),
  scenario({
    slug: 'straight-to-plp',
    decision: 'Straight to PLP',
    case: { reference: 'PCM-2026-0103', subject: 'An institution', area: 'Yes, Dovetail' },
    concernType: 'Islamist',
    dif: {
      capability: { present: { access: 'Open source: fundraising.' } },
    },
    assessment: { concern: 'suspicion', pursue: 'No', traced: 'No', direction: 'De-escalating', summary: 'Nobody can be traced.' },
    person: null,
    rationale: 'Untraced: straight to PLP.',
    expect: {
      // PGA-7's LACC deadline is for cases potentially suitable for Channel: only a person is.
      deadlines: { 'pga-2': PGA_DUE },
      deadlinesAfterDecision: { 'pga-2': PGA_DUE },
      unavailable: {
        'Keep in PCM': 'An institution or ideological expression whose responsible person cannot be traced goes straight to PLP (PGA-8, s8)',
        'Refer to the LACC': 'Only a person can be referred to Channel (PGA-7, s10)',
        Close: NEEDS_NO_CONCERN,
        'Close and escalate to Pursue': NEEDS_PURSUE,
      },
      fimuRequired: true,
      direction: 'De-escalating',
      next: 'None',
    },
  }),
  scenario({
    slug: 'close',
    decision: 'Close',
    case: { reference: 'PCM-2026-0104', area: 'No, not Dovetail' },
    deconfliction: {
      date: DECONFLICTED,
      reference: 'NCIA-CLOSE',
      rado: 6,
      before: ['Gathered basic biographical data from local systems or the referrer'],
    },
    concernType: 'No ideology identified, or other susceptibility',
    dif: {
      protective: { present: { 'family-support': 'Parents supportive.' }, absent: ['positive-peers'] },
    },
    assessment: { concern: 'noConcern', pursue: 'No', direction: 'Static', summary: 'A school project: no concern.' },
    rationale: 'No concern: close.',
    expect: {
      deadlines: { 'pga-2': PGA_DUE, 'pga-15': S36_DUE },
      deadlinesAfterDecision: { 'pga-2': PGA_DUE },
      unavailable: { 'Keep in PCM': NEEDS_SUSPICION, 'Refer to the LACC': NOT_DOVETAIL, 'Straight to PLP': PLP_NEEDS_SUSPICION, 'Close and escalate to Pursue': NEEDS_PURSUE },
      fimuRequired: false,
      direction: 'Static',
      next: 'None',
    },
  }),
  scenario({
    slug: 'close-escalate-pursue',
    decision: 'Close and escalate to Pursue',
    case: { reference: 'PCM-2026-0105', area: 'Yes, Dovetail' },
    pursueInvestigation: 'Yes',
    // An approximate age and an unknown nationality, with a propensity to travel: every duty is
    // asked, and the PIW request made needs the travel risk (PGA-20, s9).
    person: {
      subject: { dob: { age: '30' }, nationality: 'Not known', travel: 'Yes' },
      duties: {
        overseas: { made: false, rationale: 'The FIMU is making the overseas enquiries with Pursue.' },
        piw: { made: true, travelRisk: 'Booked a one-way flight towards a conflict area next month.', rationale: 'Travel booked: port staff need to know.' },
        flag: NOT_FLAGGED,
      },
    },
    dif: {
      threat: {
        present: {
          mobilisation: 'PNC: weapons parts bought.',
          pursue: 'FIMU: Pursue operation.',
        },
      },
    },
    assessment: { concern: 'unclear', pursue: 'Yes', unsuitablePlp: 'No', direction: 'Escalating', summary: 'Pursue-relevant.' },
    rationale: 'Pursue concern: escalate.',
    expect: {
      deadlines: { 'pga-2': PGA_DUE, 'pga-7': PGA_DUE },
      deadlinesAfterDecision: { 'pga-2': PGA_DUE },
      unavailable: {
        'Keep in PCM': NEEDS_SUSPICION,
        'Refer to the LACC': 'A subject under current Pursue investigation cannot be a Channel case (PGA-14, s10)',
        'Straight to PLP': PLP_NEEDS_SUSPICION,
        Close: PURSUE_NOT_PLAIN_CLOSE,
      },
      fimuRequired: true,
      direction: 'Escalating',
      next: 'None',
      // PGA-12 (s8): the FCO, CRO and Immigration decision was made as for a foreign national
      // because the nationality is not known; the warning stays on the record.
      warnings: [/nationality is not known.*\(PGA-12, s8\)/],
    },
  }),
];

/** Factors the scenario found present, as the final summary lists them ("Section: a; b"). */
function presentBySection(s) {
  return p.DIF.filter((sec) => s.dif[sec.id] && s.dif[sec.id].present)
    .map((sec) => {
      const labels = sec.factors.filter(([id]) => id in s.dif[sec.id].present).map(([, label]) => label);
      return `${sec.title}: ${labels.join('; ')}`;
    })
    .join('\n');
}

/** The final record of scenario `s`: summary, deadlines, audit trail, JSON, read-only pages, the list. */
async function checkFinalRecord(page, s, { id, reference }, check) {
  assert.match(reference, /^PGA-20261230-[0-9A-F]{8}$/);
  assert.equal(reference.slice(-8), id.replace(/-/g, '').slice(0, 8).toUpperCase());

  const summary = await p.summaryList(page.locator('#gateway-summary'));
  assert.deepEqual(summary, {
    'Case reference': s.case.reference,
    'Gateway Decision': s.decision,
    Rationale: s.rationale,
    'Risk is': s.expect.direction,
    'Factors found present': presentBySection(s),
    'Supervised by': `${SERGEANT}, 29 December 2026`,
    'FIMU submission': s.expect.fimuRequired ? p.FIMU.summaryRequired : p.FIMU.summaryNotNeeded,
    'DIF framework': 'ctp-default version 1',
  });
  // PGA-2 is met by finalising, and so is PGA-7 when the decision is the referral to the LACC;
  // the S.36 decision (PGA-15) stays.
  const met = 'Met: was due 31 December 2026';
  const after = { ...s.expect.deadlinesAfterDecision, 'pga-2': met };
  if (after['pga-7']) after['pga-7'] = met;
  await p.assertDeadlines(page, after, 'on the final record');
  for (const w of s.expect.warnings || []) {
    await check(`the warning ${w} on the final record`, async () => assert.match(await p.textOf(page.locator('#record-warnings')), w));
  }

  // The audit trail: who entered what (the CTCO; the supervisor's own fields by the supervisor).
  const audit = page.locator('#audit-trail tbody tr');
  assert.ok((await audit.count()) > 50, 'the audit trail lists the answers');
  const who = new Set(await page.locator('#audit-trail tbody tr td:nth-child(2)').allInnerTexts());
  assert.ok(who.has(CTCO) && who.has(SERGEANT), `the audit trail names the CTCO and the supervisor: ${[...who].join(', ')}`);

  // The JSON download (INT-1, PGA-11).
  const [file, json] = await p.downloadJson(page);
  assert.equal(file, `prevent-gateway-assessment-${reference}.json`);
  assert.equal(json.form.id, 'pga');
  assert.equal(json.status, 'finished');
  assert.equal(json.reference, reference);
  assert.equal(json.finished_on, '2026-12-30');
  assert.equal(json.gateway_decision.case_reference, s.case.reference);
  assert.equal(json.gateway_decision.decision, s.decision);
  assert.equal(json.gateway_decision.rationale, s.rationale);
  assert.equal(json.gateway_decision.fimu_submission_required, s.expect.fimuRequired);
  assert.equal(json.gateway_decision.risk_direction, s.expect.direction);
  assert.equal(json.gateway_decision.dif_framework, 'ctp-default version 1', 'the record names the framework it was made with');
  assert.equal(json.gateway_decision.supervised_by, `${SERGEANT}, 29 December 2026`);
  assert.ok(Array.isArray(json.audit) && json.audit.length > 0, 'the audit trail is exported');
  assert.ok(json.audit.some((a) => a.by === CTCO && a.field === 'decision.outcome'), 'the CTCO recorded the decision');
  assert.ok(json.audit.some((a) => a.by === SERGEANT && a.field === 'supervisor.approved'), 'the supervisor approved');

  // PGA-10: read-only. A question page, check answers and the task list say so, with no inputs.
  const pages = s.slug === 'keep-in-pcm' ? ['decision', 'dif-engagement', 'check-answers', 'declaration', ''] : ['decision', ''];
  for (const [i, path] of pages.map((pg) => `/officer/pga/${id}${pg ? `/${pg}` : ''}`).entries()) {
    await page.goto(path);
    await onPage(page, 'This assessment is final', { axe: i === 0 && s.slug === 'keep-in-pcm' });
    assert.equal(await page.locator('main input, main textarea, main select, main button').count(), 0, `no inputs on ${path}`);
  }
  await page.getByRole('link', { name: 'View the assessment, its Gateway Decision summary and audit trail' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Gateway Assessment final', { axe: false });

  // The officers' list shows it as finished, with its next deadline.
  await page.goto('/officer');
  await onPage(page, 'Your Gateway Assessments', { axe: s.slug === 'keep-in-pcm' });
  const rows = page.locator('#drafts-table tbody tr');
  assert.equal(await rows.count(), 1);
  // The first cell is the record's select box (issue 6, the records hub).
  const cells = (await rows.first().locator('td').allInnerTexts()).map((c) => c.trim()).slice(1);
  assert.equal(cells[0], 'Gateway Assessment');
  assert.equal(cells[1], `Case ${s.case.reference}`);
  assert.equal(cells[3], 'Finished');
  assert.equal(cells[4], s.expect.next);

  // PGA-15 (s10, issue 18): a case kept in PCM outside Dovetail has its S.36 decision recorded
  // from the final record, supervised (PGA-16, s6, s14); its date meets the deadline.
  if (s.slug === 'keep-in-pcm') {
    await page.goto(`/officer/pga/${id}/confirmation`);
    await onPage(page, 'Gateway Assessment final', { axe: false });
    assert.match(await p.textOf(page.locator('main')), /Next: the S\.36 decision/);
    await screenshot(page, 'pga-s36-next-on-the-record');
    await page.locator('#record-s36').focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Record the S.36 decision', { axe: false });
    assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO, 'the CTCO is carried from the assessment');
    // Nothing given: each missing answer named, with its rule.
    await pressContinue(page);
    const missing = await p.summaryErrors(page);
    assert.ok(missing.length >= 3, `errors: ${missing}`);
    assert.ok(missing.every((m) => /PGA-15/.test(m)), `each S.36 error cites PGA-15: ${missing}`);
    await assertNoAxeViolations(page, 'the S.36 decision with errors');
    await screenshot(page, 'pga-s36-errors');
    await p.typeDate(page, 's36.date', ['30', '12', '2026']);
    await p.answer(page, 'What is the S.36 decision?', 'Refer to a Channel panel');
    await p.typeLabelled(page, 'Rationale for the decision', 'Information Gathering: S.36 criteria met.');
    await pressContinue(page);
    await onPage(page, 'Supervision', { axe: false });
    // The CTCO cannot supervise their own decision (PGA-16, s14).
    await p.typeLabelled(page, "Supervisor's name", CTCO);
    await p.answer(page, "Supervisor's rank or grade", 'Sergeant or above');
    await p.answer(page, 'Is it an acting rank?', 'No');
    await p.typeDate(page, 'supervisor.date', ['30', '12', '2026']);
    await p.answer(page, 'Does the supervisor approve the decision and its rationale?', 'Yes');
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['The supervisor cannot be the CTCO who made the S.36 decision (PGA-16, s14)']);
    await assertNoAxeViolations(page, 'the S.36 supervision refused');
    await screenshot(page, 'pga-s36-supervision-refused');
    await p.typeLabelled(page, "Supervisor's name", SERGEANT);
    await pressContinue(page);
    await onPage(page, 'Check your answers', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the S.36 decision', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm this S.36 decision was made on the date given and its rationale supervised');
    await pressContinue(page, 'Confirm the S.36 decision');
    await onPage(page, 'S.36 decision recorded');
    assert.match(await p.textOf(page.locator('#s36-recorded')), /^Refer to a Channel panel, 30 December 2026$/);
    await page.getByRole('link', { name: 'Back to the assessment and its deadlines' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Gateway Assessment final', { axe: false });
    assert.equal(await p.textOf(page.locator('#s36-summary')), 'Refer to a Channel panel on 30 December 2026.');
    await p.assertDeadlines(page, { 'pga-2': met, 'pga-15': 'Met: was due 10 January 2027' }, 'once the S.36 decision is recorded');
    assert.equal(await page.locator('#record-s36').count(), 0, 'no second S.36 decision is offered');
    await screenshot(page, 'pga-s36-met-on-the-record');

    // REV-1 (s13): the case went to Channel and closed there on Wednesday 30 June 2027. Its
    // closure is recorded on the assessment (date and code); it is then reviewed 6 and 12
    // months later, with a new VAF as it exited from Channel.
    // Six months idle locks the toolkit (SEC-2): unlocked as the officer would.
    await setToday(page, new Date('2027-06-30T10:00:00'));
    await page.reload();
    await onPage(page, 'Gateway Assessment final', { axe: false });
    await page.locator('#record-pcm-closure').focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Record the closure of the case');
    assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO);
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['Enter the date of closure (REV-1, s13)', 'Select why the case closed (PLP-9, s13)']);
    await p.typeDate(page, 'pcm.closed', ['30', '6', '2027']);
    await p.answer(page, 'Why did the case close?', 'Channel: the panel has addressed all CT and safeguarding concerns');
    await pressContinue(page);
    await onPage(page, 'Check your answers', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the closure', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm the closure of this case');
    await pressContinue(page, 'Confirm the closure');
    await onPage(page, 'Case closed');
    await page.getByRole('link', { name: 'Back to the assessment and its deadlines' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Gateway Assessment final');
    assert.equal(
      await p.textOf(page.locator('#closed-summary')),
      'Closed on 30 June 2027: Channel: the panel has addressed all CT and safeguarding concerns. The case is reviewed 6 and 12 months after closure, each within five working days of its date, with a new VAF (REV-1, s13).',
    );
    // 30 December 2027 and 30 June 2028, each within 5 working days (3 January 2028 is New
    // Year's Day's substitute holiday).
    assert.match(await p.textOf(page.locator('#deadline-plp-11-6-months')), /REV-1.*Due 7 January 2028/);
    assert.match(await p.textOf(page.locator('#deadline-plp-11-12-months')), /Due 7 July 2028/);
    await screenshot(page, 'rev-1-closed-outside-plp');

    // Tuesday 4 January 2028: the 6-month review.
    // Six months idle locks the toolkit (SEC-2): unlocked as the officer would.
    await setToday(page, new Date('2028-01-04T10:00:00'));
    await page.reload();
    await onPage(page, 'Gateway Assessment final', { axe: false });
    assert.equal(await p.textOf(page.locator('#record-closed-review')), 'Record the 6-month review');
    await page.locator('#record-closed-review').focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Closed case review', { axe: false });
    assert.ok(await p.group(page, 'Which review is this?').getByLabel('The 6-month review', { exact: true }).isChecked());
    assert.ok(await p.group(page, 'Which assessment does the review complete?').getByLabel('A new VAF', { exact: true }).isChecked(), 'a case that exited from Channel is reviewed with a VAF');
    await p.typeDate(page, 'review.date', ['4', '1', '2028']);
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['Summarise the new VAF: a review involves a new VAF or DIF (REV-1, s13)']);
    await assertNoAxeViolations(page, 'a closed case review without its VAF');
    await screenshot(page, 'rev-1-review-without-vaf');
    await p.typeLabelled(page, 'Summary of the new VAF', 'New VAF with the local authority: no vulnerability indicators remain.');
    await pressContinue(page);
    await onPage(page, 'What the review found');
    await p.typeLabelled(page, 'What has changed since the case closed?', 'Settled at college; nothing on police systems; the referrer has no concerns.');
    await p.answer(page, 'What does the review decide?', 'The case remains closed');
    await p.typeLabelled(page, 'Why?', 'No Prevent concern has returned.');
    await pressContinue(page);
    await onPage(page, "The supervisor's approval");
    // s13: supervisors read and evaluate every review before final approval; SUP-1: not the CTCO.
    await p.signOff(page, CTCO, ['4', '1', '2028'], { approve: 'Does the supervisor approve the review?' });
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['The supervisor cannot be the CTCO who made the review (PGA-16, s14)']);
    await p.typeLabelled(page, "Supervisor's name", SERGEANT);
    await pressContinue(page);
    await onPage(page, 'Check your answers', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the review', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm this review, approved by my supervisor');
    await pressContinue(page, 'Confirm the review');
    await onPage(page, 'Review recorded');
    assert.equal(await p.textOf(page.locator('#review-outcome')), 'The case remains closed');
    await page.getByRole('link', { name: 'Back to the assessment and its deadlines' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Gateway Assessment final', { axe: false });
    assert.equal(await p.textOf(page.locator('#closed-reviews')), '6-month review, 4 January 2028 The case remains closed View the 6-month review');
    assert.match(await p.textOf(page.locator('#deadline-plp-11-6-months')), /Met: was due 7 January 2028/);
    assert.equal(await p.textOf(page.locator('#record-closed-review')), 'Record the 12-month review');
    await screenshot(page, 'rev-1-six-month-review-met');
    // The deadlines download carries the reviews (item 7).
    const [reviewsIcs] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ics').click()]);
    const reviewsCal = fs.readFileSync(await reviewsIcs.path(), 'utf8');
    assert.match(reviewsCal, /SUMMARY:[^\r]*12-month closed case review/);
    assert.match(reviewsCal, /DTSTART;VALUE=DATE:20280707/);
    // The officers' list: the next deadline is the 12-month review.
    await page.goto('/officer');
    await onPage(page, 'Your Gateway Assessments', { axe: false });
    const after = (await page.locator('#drafts-table tbody tr', { hasText: 'Gateway Assessment' }).first().locator('td').allInnerTexts()).map((c) => c.trim());
    assert.match(after[5], /^12-month closed case review \(REV-1\): Due 7 July 2028/);
  }

  // PLP-7 (s11): a case sent straight to PLP starts its PLP case from the final record, with
  // its case reference, CTCO and DIF carried across; then the PLP entry runs to its case page.
  if (s.slug === 'straight-to-plp') {
    await page.goto(`/officer/pga/${id}/confirmation`);
    await onPage(page, 'Gateway Assessment final', { axe: false });
    await page.getByRole('button', { name: 'Start the PLP case' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Start a Police-led Partnership case');
    assert.match(await p.textOf(page.locator('#plp-from-pga')), new RegExp(`Gateway Assessment ${json.reference}`));
    await pressContinue(page, 'Start now');
    await onPage(page, 'Entry into PLP');
    assert.equal(await page.getByLabel('Case reference', { exact: true }).inputValue(), s.case.reference);
    assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO);
    assert.ok(await p.group(page, 'How did the case enter PLP?').getByLabel('From the Gateway Decision', { exact: true }).isChecked());
    await p.typeDate(page, 'plp.entered', ['30', '12', '2026']);
    await p.typeLabelled(page, 'Rationale for entering PLP', 'Untraced institution: straight to PLP (PGA-8).');
    await pressContinue(page);
    // The opening DIF is the PGA's: every finding carried across, so each DIF page just continues.
    for (const section of p.DIF) {
      await onPage(page, section.title, { axe: section.id === 'capability' });
      if (section.id === 'capability') {
        const access = p.group(page, section.factors.find(([f]) => f === 'access')[1]).getByLabel('Present', { exact: true });
        assert.ok(await access.isChecked(), 'the PGA finding is carried across');
      }
      await pressContinue(page);
    }
    await onPage(page, 'Priority band');
    // PLP-3: one Prevent-relevant factor (capability) suggests Standard; Monitored is never a band at entry (PLP-4).
    assert.equal(await p.textOf(page.locator('#plp-suggested')), 'Standard (Amber)');
    const monitored = p.group(page, "What is the case's priority band?").getByLabel('Monitored (Green)', { exact: true });
    assert.ok(await monitored.isDisabled(), 'Monitored is not offered at entry');
    await p.answer(page, 'Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?', 'No');
    await p.answer(page, 'Do you and your supervisor agree further work is needed?', 'Yes');
    await p.answer(page, "What is the case's priority band?", 'Standard (Amber)');
    await pressContinue(page);
    await onPage(page, 'Supervisory sign-off');
    await p.signOff(page, SERGEANT, ['30', '12', '2026']);
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing your PLP case');
    await pressContinue(page);
    await onPage(page, 'Confirm the entry into PLP');
    await p.answer(page, 'Confirm', 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor');
    await pressContinue(page, 'Confirm the entry into PLP');
    await onPage(page, 'Case entered PLP');
    // PLP-5: Standard, so the next DIF is due 8 weeks after entry; INT-1: the FIMU summary in 3 months.
    await p.assertDeadlines(page, { 'plp-5': 'Due 24 February 2027: 39 working days left', 'int-1': 'Due 30 March 2027: 61 working days left' }, 'on the PLP case');
    const timeline = page.locator('#plp-timeline-table tbody tr');
    assert.equal(await timeline.count(), 3, 'entry and its two deadlines');
    assert.match(await p.textOf(timeline.first()), /30 December 2026 Entered PLP: Standard \(Amber\)/);

    // PLP-5: a reassessment starts from the last DIF; the case is now Monitored (PLP-4, with its
    // reason), the CMP is updated (PLP-5) and the next DIF is due 3 months later.
    await page.getByRole('button', { name: 'Reassess the case' }).focus();
    await page.keyboard.press('Enter');
    // It starts at once, from the case page (no start page of its own).
    await onPage(page, 'Reassessment');
    assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO);
    await p.typeDate(page, 'plp.review_date', ['30', '12', '2026']);
    await pressContinue(page);
    for (const section of p.DIF) {
      await onPage(page, section.title, { axe: false });
      if (section.id === 'capability') {
        // The funding has stopped: the only Prevent-relevant factor is now absent.
        await p.answer(page, section.factors.find(([f]) => f === 'access')[1], 'Absent');
      }
      await pressContinue(page);
    }
    await onPage(page, 'Priority band');
    assert.equal(await p.textOf(page.locator('#plp-suggested')), 'None: nothing in the DIF calls for PLP work yet');
    await p.answer(page, 'Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?', 'No');
    await p.answer(page, 'Do you and your supervisor agree further work is needed?', 'No');
    await p.answer(page, "What is the case's priority band now?", 'Monitored (Green)');
    await pressContinue(page);
    // PLP-4: Monitored needs its reason; PLP-12: its frequency, decided and justified.
    await page.locator('.govuk-error-summary').waitFor();
    assert.deepEqual(await p.summaryErrors(page), [
      'Say why the case is Monitored: de-escalated demonstrably and consistently, observed for longer, or briefly out of the community (PLP-4, s12)',
      'Select how often the Monitored case will be reassessed (PLP-12, s12)',
      'Say why this frequency, as decided with your supervisor (PLP-12, s12)',
    ]);
    await assertNoAxeViolations(page, 'a PLP reassessment with Monitored and no reason');
    await p.answer(page, 'Why is the case Monitored?', 'Risk and vulnerabilities have de-escalated demonstrably and consistently');
    await p.answer(page, 'How often will the case be reassessed while it is Monitored?', 'Every 3 months, the longest the policy allows');
    await p.typeLabelled(page, 'Why this frequency?', 'Trust closing: nothing to review sooner, agreed with DS Shah.');
    await pressContinue(page);
    await onPage(page, 'CMP update and sign-off');
    await p.answer(page, 'Has the Case Management Plan been updated?', 'No');
    await p.signOff(page, SERGEANT, ['30', '12', '2026']);
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['Each reassessment updates the Case Management Plan: update it before you record the reassessment (PLP-5, s12, s14)']);
    await p.answer(page, 'Has the Case Management Plan been updated?', 'Yes');
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing your reassessment', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the reassessment', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm this reassessment, its band and the CMP update, signed off by my supervisor');
    await pressContinue(page, 'Confirm the reassessment');
    await onPage(page, 'Reassessment recorded');
    assert.equal(await p.textOf(page.locator('#review-band')), 'Monitored (Green)');
    await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Case entered PLP', { axe: false });
    assert.match(await p.textOf(page.locator('#plp-summary')), /Priority band Monitored \(Green\)/);
    const history = await page.locator('#plp-history .govuk-summary-list__row').allInnerTexts();
    assert.deepEqual(history.map((h) => h.replace(/\s+/g, ' ').trim()), [
      '30 December 2026 Entry: Standard (Amber)',
      '30 December 2026 Reassessment: Monitored (Green)',
    ]);
    await p.assertDeadlines(page, { 'plp-5': 'Due 30 March 2027: 61 working days left', 'int-1': 'Due 30 March 2027: 61 working days left' }, 'after the reassessment');

    // PLP-8: a panel is set for 26 January; heard as Channel AOB it is refused. Once recorded,
    // it discusses the 30 December reassessment, the DIF since any panel before it (PLP-5,
    // decision 0003), so the next DIF stays due by Monitored's 3 months.
    await page.locator('#record-panel').focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Record a PLP panel');
    await p.typeDate(page, 'panel.date', ['26', '1', '2027']);
    await p.typeLabelled(page, "Chair's name", 'DI Alex Chair');
    await p.answer(page, 'Is the chair a police officer or member of police staff?', 'Yes');
    await p.answer(page, 'Is the chair a Sergeant, a CTCO supervisor or above?', 'Yes');
    await p.answer(page, 'Does the chair manage the cases discussed?', 'No');
    await p.typeLabelled(page, 'Who attends, and why?', 'The trust\'s former chair and the local authority: they hold what is left of the concern.');
    await p.answer(page, 'Is the case heard as Any Other Business of a Channel panel?', 'Yes');
    await p.answer(page, 'Does the PLP panel follow directly after a Channel panel?', 'No');
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['PLP cases must not be heard as Any Other Business of a Channel panel (PLP-8, s11)']);
    await assertNoAxeViolations(page, 'a PLP panel heard as Channel AOB');
    await p.answer(page, 'Is the case heard as Any Other Business of a Channel panel?', 'No');
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing your panel', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the panel', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm the record of this panel');
    await pressContinue(page, 'Confirm the panel');
    await onPage(page, 'Panel recorded');
    await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Case entered PLP', { axe: false });
    assert.match(await p.textOf(page.locator('#plp-panels')), /26 January 2027 PLP panel\. DIF of 30 December 2026/);
    assert.match(await p.textOf(page.locator('#deadline-plp-5')), /^PLP review .*Due 30 March 2027/);

    // PLP-9, PLP-10, PLP-11: closing with risk remaining needs the RPC's authority and a
    // justification; once closed, the case's deadlines are its 6- and 12-month reviews.
    await page.getByRole('button', { name: 'Close the case' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Close the case');
    assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), CTCO);
    await p.typeDate(page, 'plp.closed', ['30', '12', '2026']);
    await p.answer(page, 'Why is the case closing?', 'Risk reduced: diverted, deterred or desisted');
    await p.answer(page, 'Is the closing DIF complete and signed off by a supervisor?', 'Yes');
    await p.answer(page, 'Do Prevent issues or CT risk remain?', 'Yes');
    await p.answer(page, 'Has the Regional Prevent Co-ordinator authorised closing with risk remaining?', 'No');
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), [
      "Closing with Prevent issues or CT risk remaining needs the Regional Prevent Co-ordinator's authority (PLP-10, s13)",
      'Give a clear and detailed justification of why management should not continue and why escalation cannot be undertaken (PLP-10, s13)',
    ]);
    await assertNoAxeViolations(page, 'a PLP closure with risk remaining and no RPC authority');
    await p.answer(page, 'Has the Regional Prevent Co-ordinator authorised closing with risk remaining?', 'Yes');
    await p.typeLabelled(page, 'Why should management not continue, and why can escalation not be undertaken?', 'The trust has closed; nobody left to work with. RPC agreed on 29 December.');
    await pressContinue(page);
    // s13, SUP-1: a supervisor authorises the closure.
    await onPage(page, "The supervisor's authority", { axe: false });
    await p.signOff(page, SERGEANT, ['30', '12', '2026'], { approve: 'Does the supervisor authorise the closure?' });
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing your closure', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Confirm the closure', { axe: false });
    await p.answer(page, 'Confirm', 'I confirm the closure of this case');
    await pressContinue(page, 'Confirm the closure');
    await onPage(page, 'Case closed');
    await page.getByRole('link', { name: 'Back to the case, its deadlines and timeline' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'Case entered PLP', { axe: false });
    assert.match(await p.textOf(page.locator('#plp-closed')), /closed on 30 December 2026/);
    assert.equal(await page.getByRole('button', { name: 'Reassess the case' }).count(), 0, 'a closed case is not reassessed');
    assert.deepEqual(
      (await page.locator('main [id^="deadline-"]').evaluateAll((els) => els.map((e) => e.id))).filter((i) => !i.endsWith('-title')),
      ['deadline-plp-11-6-months', 'deadline-plp-11-12-months'],
    );
    assert.match(await p.textOf(page.locator('#deadline-plp-11-6-months')), /Due 7 July 2027/);
    assert.match(await p.textOf(page.locator('#deadline-plp-11-12-months')), /Due 7 January 2028/);
    // The calendar file carries both reviews.
    const [ics] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ics').click()]);
    assert.equal(ics.suggestedFilename(), `prevent-deadlines-${s.case.reference}.ics`);
    const cal = fs.readFileSync(await ics.path(), 'utf8');
    assert.equal((cal.match(/BEGIN:VEVENT/g) || []).length, 2);
    assert.match(cal, /PLP-11/);
  }

  // The case hint says the CTCO's name "is recorded against every change in the audit trail":
  // no entry of a final record is anonymous, whatever order the case page asks its questions in.
  if (s.slug === 'keep-in-pcm') {
    await check('every audit entry of the final record names the CTCO or the supervisor', () => {
      const anonymous = json.audit.filter((a) => ![CTCO, SERGEANT].includes(a.by)).map((a) => `${a.field} by "${a.by}"`);
      assert.deepEqual(anonymous, []);
    });
  }
}

// Every test is independent (a browser context each, its own storage), so two run at a time.
describe('Prevent Gateway Assessment', { concurrency: Number(process.env.PGA_CONCURRENCY || 2) }, () => {
  for (const [n, s] of SCENARIOS.entries()) {
    app.test(`PGA: "${s.decision}" by keyboard, from the start page to the final record`, async (t) => {
      const { page } = await openAtToday(t);
      // The first walk audits every page with axe; the others the pages that depend on the case.
      // The side panel's checks are subtests: one that fails does not stop the walk.
      const check = (name, fn) => t.test(`${s.decision}: ${name}`, fn);
      const done = await p.completePga(page, s, { axe: n === 0 ? 'all' : 'some', check });
      await checkFinalRecord(page, s, done, check);
    });
  }

  app.test('PGA-21: Channel consent the subject raised is allowed with a note; raised by the officer it is refused (PGA-5)', async (t) => {
    const { page } = await openAtToday(t);
    await p.startPga(page, { axe: false });
    await p.fillCase(page, { reference: 'PCM-2026-0221', received: RECEIVED, subject: 'A person', area: 'No, not Dovetail', ctco: CTCO });
    await pressContinue(page);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.fillDeconfliction(page, { date: DECONFLICTED, reference: 'NCIA-PGA21', rado: 3 });
    await pressContinue(page);
    await onPage(page, 'Background checks', { axe: false });
    await p.fillChecks(page, ['23', '12', '2026']);
    await pressContinue(page);
    await onPage(page, 'Partner contact and visits', { axe: false });
    await p.answer(page, 'Have you contacted any partner agency?', 'No');
    await p.answer(page, 'Have you visited, or do you plan to visit, the subject?', 'Yes');
    await p.typeDate(page, 'visit.date', ['4', '1', '2027']);
    await p.typeLabelled(page, 'Why is a visit absolutely necessary?', 'Pressing safeguarding concern.');
    await p.answer(page, 'Who agrees that the visit is absolutely necessary?', 'The CTCO');
    await p.answer(page, 'Who agrees that the visit is absolutely necessary?', 'The supervisor');
    await p.typeLabelled(page, 'Who is best placed to visit, and why?', 'A joint visit with the school.');
    // The subject asked about Channel: the note is asked for, and needed.
    await p.answer(page, 'Has Channel consent been raised with the subject?', 'Yes, the subject raised it');
    const note = page.getByLabel('How did the subject raise it, and what were they told?', { exact: true });
    await note.waitFor();
    await assertNoAxeViolations(page, 'the visit questions with the consent note revealed');
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['Say how the subject raised Channel consent and what they were told (PGA-21, s8)']);
    await assertNoAxeViolations(page, 'the consent note missing (PGA-21)');
    // Raised by the officer: refused, whatever the note (PGA-5).
    await p.answer(page, 'Has Channel consent been raised with the subject?', 'Yes, we raised it');
    await pressContinue(page);
    assert.deepEqual(await p.summaryErrors(page), ['Channel consent must not be raised with the subject at PGA, unless the subject raises it (PGA-5, s8)']);
    // The subject raised it, and the note says what was asked and said: the page is done.
    await p.answer(page, 'Has Channel consent been raised with the subject?', 'Yes, the subject raised it');
    await p.typeInto(page, note, 'Asked whether Channel meant prison; told it is voluntary support.');
    await pressContinue(page);
    await onPage(page, 'Type of concern', { axe: false });
  });

  app.test('PGA-19, PGA-22: a tasking is refused; a partner contacted before de-confliction is an error citing PGA-19 and s7, unless an s7 exception is recorded', async (t) => {
    const { page } = await openAtToday(t);
    const id = await p.startPga(page, { axe: false });
    // PGA-22 (s7): a tasking from another CT unit is not assessed with a PGA.
    await p.fillCase(page, { reference: 'PCM-2026-0219', received: RECEIVED, subject: 'A person', area: 'No, not Dovetail', ctco: CTCO, request: 'A tasking from another CT unit' });
    await pressContinue(page);
    const tasking = 'A tasking is not assessed with a Prevent Gateway Assessment: it stays with the CT unit that asked for it and does not enter PCM. Do not go on with this assessment. If you and your supervisor find the request is a referral into PCM, select that instead (PGA-22, s7)';
    assert.deepEqual(await p.summaryErrors(page), [tasking]);
    assert.deepEqual(await p.inlineErrors(page), [tasking]);
    await assertNoAxeViolations(page, 'the case page with a tasking (PGA-22)');
    await p.answer(page, 'Is this a referral into Prevent Case Management, or a tasking?', 'A referral into PCM');
    await pressContinue(page);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.fillDeconfliction(page, { date: DECONFLICTED, reference: 'NCIA-PGA19', rado: 3 });
    await pressContinue(page);
    await onPage(page, 'Background checks', { axe: false });
    await p.fillChecks(page, ['23', '12', '2026']);
    await pressContinue(page);
    // PGA-19 (s7): a partner contacted on 18 December, before de-confliction on the 21st.
    await onPage(page, 'Partner contact and visits', { axe: false });
    await p.answer(page, 'Have you contacted any partner agency?', 'Yes');
    await p.typeDate(page, 'contact.date', ['18', '12', '2026']);
    await p.typeLabelled(page, 'Why was contacting a partner necessary at this stage?', 'The referral did not say what the remark was about.');
    await p.answer(page, 'Have you visited, or do you plan to visit, the subject?', 'No');
    await pressContinue(page);
    const early = 'You contacted a partner before de-confliction on 21 December 2026: before de-confliction you may only contact the referrer for basic information or biographical data, or do what the FIMU asked. If that is what this contact was, select it on the de-confliction page. If not, check the date (PGA-19, s7)';
    assert.deepEqual(await p.summaryErrors(page), [early]);
    assert.deepEqual(await p.inlineErrors(page), [early]);
    assert.match(await page.title(), /^Error: Partner contact and visits – /);
    await assertNoAxeViolations(page, 'a partner contacted before de-confliction (PGA-19)');
    // The summary's link goes to the date's day box.
    await page.locator('.govuk-error-summary a').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'contact-date-day');
    // The contact was the referrer, asked for basic information: an s7 exception, recorded on
    // the de-confliction page, and the contact page is done.
    await page.goto(`/officer/pga/${id}/deconfliction`);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.answer(page, 'What did you do before de-confliction? (optional)', 'Contacted the referrer because the referral lacked basic relevant information');
    await page.goto(`/officer/pga/${id}/contact`);
    await onPage(page, 'Partner contact and visits', { axe: false });
    await pressContinue(page);
    await onPage(page, 'Type of concern', { axe: false });
  });

  app.test('PGA-20: juvenile and foreign national are worked out from the date of birth and nationality; each duty they raise needs a decision and a rationale either way', async (t) => {
    const { page } = await openAtToday(t);
    const id = await p.startPga(page, { axe: false });
    await p.fillCase(page, { reference: 'PCM-2026-0220', received: RECEIVED, subject: 'A person', area: 'No, not Dovetail', ctco: CTCO });
    await pressContinue(page);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.fillDeconfliction(page, { date: DECONFLICTED, reference: 'NCIA-PGA20', rado: 3 });
    await pressContinue(page);
    await onPage(page, 'Background checks', { axe: false });
    // The error summary once it shows `n` errors (it is already there when errors change).
    const errorsOnContinue = async (n) => {
      await pressContinue(page);
      await page.locator('.govuk-error-summary').waitFor();
      for (let i = 0; i < 50 && (await p.summaryErrors(page)).length !== n; i++) await page.waitForTimeout(100);
      return p.summaryErrors(page);
    };

    // No question asks whether the subject is a foreign national or under 18: the page asks for
    // what they are worked out from.
    await page.goto(`/officer/pga/${id}/subject`);
    await onPage(page, 'About the subject', { axe: false });
    assert.equal(await page.getByText('Is the subject a foreign national?').count(), 0);
    assert.equal(await page.getByText('Is the subject under 18?').count(), 0);
    const subjectErrors = await errorsOnContinue(3);
    assert.ok(subjectErrors.includes("Select the subject's nationality, or 'Not known' (PGA-20, s8)"), subjectErrors.join(' | '));
    await assertNoAxeViolations(page, 'the subject page with PGA-20 errors');
    // A nationality not known is warned of at once, with its rule, and never blocks.
    await p.answer(page, p.SUBJECT.nationality, 'Not known');
    const unknown = page.locator('main .govuk-warning-text', { hasText: 'nationality is not known' });
    await unknown.waitFor();
    assert.match(await p.textOf(unknown), /as for a foreign national.*\(PGA-12, s8\)/);
    // Received 22 December 2026, born 23 December 2008: 17 on the day of receipt (18 today), so a
    // juvenile; French, so a foreign national.
    await p.fillSubject(page, { dob: ['23', '12', '2008'], nationality: 'French', travel: 'No' });
    await pressContinue(page);

    // The duties follow: FCO, CRO and Immigration for the foreign national, PIW for the
    // juvenile, the flag for every person; each one's reason on the page.
    await onPage(page, 'Duties to consider');
    const { overseas, piw, flag } = p.DUTIES;
    const fco = p.group(page, overseas.decision);
    await fco.waitFor();
    assert.match(await p.textOf(fco), /foreign national.*\(PGA-12, s8\)/);
    assert.match(await p.textOf(p.group(page, piw.decision)), /under 18.*\(PGA-13, s9\)/);
    await p.group(page, flag.decision).waitFor();
    assert.deepEqual(await errorsOnContinue(6), [
      'Select whether you will contact the FCO, the CRO and Immigration (PGA-20, s8)',
      'Give the rationale for your decision on contacting the FCO, the CRO and Immigration, whichever way you decided (PGA-20, s2)',
      'Select whether you have requested a Ports Intelligence Watchlist (PIW) entry (PGA-20, s9)',
      'Give the rationale for your decision on a Ports Intelligence Watchlist (PIW) request, whichever way you decided (PGA-20, s2)',
      'Select whether you have added a flag on local force systems (PGA-20, s9)',
      'Give the rationale for your decision on a flag on local force systems, whichever way you decided (PGA-20, s2)',
    ]);
    assert.ok((await p.inlineErrors(page)).includes('Select whether you will contact the FCO, the CRO and Immigration (PGA-20, s8)'), 'the error shows at the question');
    await assertNoAxeViolations(page, 'the duties page with PGA-20 errors');

    // Deciding "no" still needs the rationale (s2); a PIW request not made asks no travel risk.
    await p.answer(page, overseas.decision, overseas.no);
    await p.answer(page, piw.decision, piw.no);
    await p.answer(page, flag.decision, flag.no);
    assert.equal(await page.getByLabel(p.TRAVEL_RISK, { exact: true }).count(), 0);
    assert.deepEqual(await errorsOnContinue(3), [
      'Give the rationale for your decision on contacting the FCO, the CRO and Immigration, whichever way you decided (PGA-20, s2)',
      'Give the rationale for your decision on a Ports Intelligence Watchlist (PIW) request, whichever way you decided (PGA-20, s2)',
      'Give the rationale for your decision on a flag on local force systems, whichever way you decided (PGA-20, s2)',
    ]);
    // A request made articulates the travel risk (s9).
    await p.answer(page, piw.decision, piw.yes);
    await page.getByLabel(p.TRAVEL_RISK, { exact: true }).waitFor();
    await p.typeLabelled(page, overseas.rationale, 'No contact: the FIMU found nothing held abroad.');
    await p.typeLabelled(page, piw.rationale, 'Under 18 and talks of visiting family abroad.');
    await p.typeLabelled(page, flag.rationale, 'The local nominal already shows the interest.');
    assert.deepEqual(await errorsOnContinue(1), ['Describe the travel risks, and anything else staff at ports may need, for the PIW request you made (PGA-20, s9)']);
    await p.typeLabelled(page, p.TRAVEL_RISK, 'May travel alone to a conflict area over the holidays.');
    await pressContinue(page);
    await onPage(page, 'Gateway Decision', { axe: false });

    // British and 18 on the day of receipt: only the flag is asked.
    await page.goto(`/officer/pga/${id}/subject`);
    await onPage(page, 'About the subject', { axe: false });
    await p.fillSubject(page, { dob: ['22', '12', '2008'], nationality: 'British', travel: 'No' });
    await pressContinue(page);
    await onPage(page, 'Duties to consider', { axe: false });
    await p.group(page, flag.decision).waitFor();
    assert.equal(await p.group(page, overseas.decision).count(), 0, 'no FCO, CRO and Immigration decision for a British subject');
    assert.equal(await p.group(page, piw.decision).count(), 0, 'no PIW decision for an adult with no propensity to travel');
  });

  app.test('PGA-1: nothing after the case details can start until FIMU de-confliction has a date and a reference', async (t) => {
    const { page } = await openAtToday(t);
    const id = await p.startPga(page, { axe: false, fromList: true });
    await p.fillCase(page, { reference: 'PCM-2026-0200', received: RECEIVED, subject: 'A person', area: 'No, not Dovetail', ctco: CTCO });
    await pressContinue(page);
    await onPage(page, 'FIMU de-confliction', { axe: false });

    // The task list: only the first section is open; the rest cannot start yet, with the reason.
    const taskList = async () => {
      await page.goto(`/officer/pga/${id}`);
      await onPage(page, 'Prevent Gateway Assessment', { axe: false });
      return page.locator('.govuk-task-list__item');
    };
    let items = await taskList();
    await assertNoAxeViolations(page, 'the PGA task list before de-confliction');
    const texts = (await items.allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim());
    assert.equal(texts.length, 10, texts.join(' | '));
    assert.match(texts[0], /^Case and de-confliction .*In progress$/);
    for (const text of texts.slice(1)) {
      assert.match(text, /Cannot start yet$/, text);
    }
    // Said once, above the list, with the rule.
    assert.match(await page.locator('#pga-gate').innerText(), /Complete FIMU de-confliction first.*\(PGA-1, s7\)/);
    assert.equal(await items.locator('a').count(), 1, 'only the first section is a link');
    await p.assertDeadlines(page, { 'pga-2': PGA_DUE }, 'on the task list');

    // A later page, by its address: "You cannot start this yet", and the way to de-confliction.
    const gated = async (path, title) => {
      await page.goto(`/officer/pga/${id}/${path}`);
      await onPage(page, title, { axe: false });
      await page.getByText('You cannot start this yet.', { exact: false }).waitFor();
      assert.equal(await page.locator('main input, main textarea').count(), 0, `no questions on ${path}`);
    };
    await gated('checks', 'Background checks');
    await assertNoAxeViolations(page, 'a PGA page before de-confliction');
    await gated('decision', 'Gateway Decision');

    // A date alone is not enough (PGA-1: both a date and a reference).
    await page.getByRole('link', { name: 'Record FIMU de-confliction' }).focus();
    await page.keyboard.press('Enter');
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.typeDate(page, 'deconfliction.date', DECONFLICTED);
    await gated('checks', 'Background checks');
    // With the reference it opens: the checks page asks its questions, the task list links every section.
    await page.goto(`/officer/pga/${id}/deconfliction`);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.typeLabelled(page, 'De-confliction reference number', 'NCIA-0200');
    await p.assertDeadlines(page, { 'pga-2': PGA_DUE, 'pga-15': S36_DUE }, 'after de-confliction');
    await pressContinue(page);
    await onPage(page, 'Background checks', { axe: false });
    await p.group(page, 'PNC check').waitFor();
    assert.equal(await page.getByText('You cannot start this yet.', { exact: false }).count(), 0);
    items = await taskList();
    await assertNoAxeViolations(page, 'the PGA task list after de-confliction');
    assert.match((await items.first().innerText()).replace(/\s+/g, ' '), /Case and de-confliction .*Completed/);
    assert.equal(await page.getByText('Complete FIMU de-confliction first').count(), 0);
    assert.equal(await items.locator('a').count(), 9, 'every section but "Finalise" can be opened');
    // "Finalise" waits for the sections before it, as any task list's last section does.
    assert.match((await items.last().innerText()).replace(/\s+/g, ' '), /^Finalise Cannot start yet$/);
  });

  app.test('errors: an empty case page, a DIF factor present without evidence (DIF-1), a Constable supervisor (PGA-16)', async (t) => {
    const { page } = await openAtToday(t);
    const id = await p.startPga(page, { axe: false });

    // Continue with nothing entered: the error summary, focused, "Error: " in the title, inline messages.
    await pressContinue(page);
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the error summary has focus');
    assert.match(await page.title(), /^Error: Case details – Prevent Gateway Assessment/);
    // In page order: the CTCO's name comes first, so every later entry is recorded against it.
    const caseErrors = [
      'Enter your name (PGA-16, s14)',
      'Enter the case reference (PGA-10, s8)',
      'Enter the date you received the referral (PGA-2, s8)',
      'Select who or what the referral is about (PGA-8, s8)',
      'Select whether this is a Dovetail area (PGA-7, s10)',
      'Select whether this is a referral into PCM or a tasking from another CT unit (PGA-22, s7)',
    ];
    const shown = await p.summaryErrors(page);
    // The wording of the empty date's message is checked on its own, below; the rest here.
    assert.deepEqual(shown, caseErrors);
    assert.deepEqual(await p.inlineErrors(page), caseErrors);
    await assertNoAxeViolations(page, 'the PGA case page with errors');
    // A received date in the future is refused (PGA-2 counts from a real receipt).
    await p.typeDate(page, 'case.received', ['4', '1', '2027']);
    assert.ok((await p.summaryErrors(page)).includes('The date you received the referral must be today or in the past (PGA-2, s8)'), (await p.summaryErrors(page)).join(' | '));
    await p.fillCase(page, { reference: 'PCM-2026-0300', received: RECEIVED, subject: 'A person', area: 'Yes, Dovetail', ctco: CTCO });
    await summary.waitFor({ state: 'detached' });
    assert.doesNotMatch(await page.title(), /^Error: /);
    await pressContinue(page);
    await onPage(page, 'FIMU de-confliction', { axe: false });
    await p.fillDeconfliction(page, { date: DECONFLICTED, reference: 'NCIA-0300' });
    await pressContinue(page);
    await onPage(page, 'Background checks', { axe: false });

    // DIF-1: a factor found present needs its evidence.
    await page.goto(`/officer/pga/${id}/dif-intent`);
    await onPage(page, 'Intent to cause harm', { axe: false });
    const intent = p.DIF.find((sec) => sec.id === 'intent');
    await p.fillDifSection(page, intent, { present: { 'harmful-means': null } });
    await pressContinue(page);
    await summary.waitFor();
    const difError = "Give the evidence for 'Harmful means to an end', which you found present (DIF-1, s8)";
    assert.deepEqual(await p.summaryErrors(page), [difError]);
    assert.deepEqual(await p.inlineErrors(page), [difError]);
    assert.match(await page.title(), /^Error: /);
    await assertNoAxeViolations(page, 'a DIF page with a DIF-1 error');
    // The summary link goes to the evidence box; typing clears the error live.
    await page.locator('.govuk-error-summary a').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dif-intent-harmful-means-evidence');
    await page.keyboard.type('Referral: violence talk.');
    await summary.waitFor({ state: 'detached' });
    assert.equal(await p.textOf(page.locator('#pga-factor-counts')), p.factorCounts(1, 0));
    await pressContinue(page);
    await onPage(page, 'Capability to cause harm', { axe: false });

    // PGA-16: the supervisor is never the CTCO, and never a Constable.
    await page.goto(`/officer/pga/${id}/supervision`);
    await onPage(page, 'Supervision', { axe: false });
    await p.typeLabelled(page, "Supervisor's name", CTCO.toUpperCase());
    await p.answer(page, "Supervisor's rank or grade", 'Sergeant or above');
    await p.answer(page, 'Is it an acting rank?', 'No');
    await p.typeDate(page, 'supervisor.date', ['29', '12', '2026']);
    await p.answer(page, 'Does the supervisor approve the decision and its rationale?', 'Yes');
    await pressContinue(page);
    await summary.waitFor();
    assert.deepEqual(await p.summaryErrors(page), ['The supervisor cannot be the CTCO who completed the assessment (PGA-16, s14)']);
    await p.typeLabelled(page, "Supervisor's name", 'PC Alex Jones');
    await p.answer(page, "Supervisor's rank or grade", 'Constable');
    const constable =
      'Constables and the lowest police staff grades must never supervise: the supervisor must be at least a Sergeant or a police staff CTCO supervisor (PGA-16, s14)';
    assert.deepEqual(await p.summaryErrors(page), [constable]);
    assert.deepEqual(await p.inlineErrors(page), [constable]);
    assert.match(await page.title(), /^Error: Supervision – /);
    await assertNoAxeViolations(page, 'the supervision page with a PGA-16 error');
    // An approved acting Sergeant may supervise.
    await p.answer(page, "Supervisor's rank or grade", 'Sergeant or above');
    await p.answer(page, 'Is it an acting rank?', 'Yes');
    assert.deepEqual(await p.summaryErrors(page), ['Select yes if the force has formally approved the acting rank (PGA-16, s14)']);
    await p.answer(page, 'Has the force formally approved the acting rank?', 'Yes');
    await summary.waitFor({ state: 'detached' });
    await pressContinue(page);
    await onPage(page, 'Check your answers before finishing your assessment', { axe: false });

    // Check answers lists what is still missing, with links; the declaration is never reached.
    await pressContinue(page);
    const checkErrors = page.locator('#check-errors');
    await checkErrors.waitFor();
    await t.test('check answers moves focus to the answers to fix on the first Continue', async () => {
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'check-errors', null, { timeout: 2000 });
    });
    const toFix = await checkErrors.locator('a').allInnerTexts();
    assert.ok(toFix.includes('Select the Gateway Decision (PGA-6, s8)'), toFix.join(' | '));
    assert.ok(toFix.includes("Record whether 'Grievance and injustice' is present, absent or unknown, or select 'Not assessed yet' (DIF-1, s8)"), toFix.join(' | '));
    assert.match(await page.title(), /^Error: /);
    await assertNoAxeViolations(page, 'PGA check answers with answers to fix');
  });
});
