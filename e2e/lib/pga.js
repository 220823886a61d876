'use strict';
// Steps a CTCO takes through the Prevent Gateway Assessment (officers' bundle, /officer/pga/...),
// shared by e2e/pga.test.js. Everything is done with the keyboard: focus + Space on radios and
// checkboxes, typing into fields, Tab/Enter on buttons. `completePga` walks one assessment from
// the start page to the final record, driven by a scenario (see e2e/pga.test.js), checking the
// side panel (deadlines, factors found, FIMU submission) and the Gateway Decision options on the
// way. Page labels and texts come from crates/core/src/pga_form/, pga.rs and dif.rs.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { onPage, pressContinue, choose } = require('./referral');
const { assertNoAxeViolations } = require('./axe');

/** The default DIF framework (crates/core/src/dif.rs, default_framework): page ids, titles, factors. */
const DIF = [
  {
    id: 'engagement',
    title: 'Engagement with a group, cause or ideology',
    factors: [
      ['grievance', 'Grievance and injustice'],
      ['threat', 'Feeling under threat'],
      ['identity', 'Need for identity, meaning and belonging'],
      ['status', 'Desire for status'],
      ['excitement', 'Desire for excitement and adventure'],
      ['dominance', 'Need to dominate and control'],
      ['indoctrination', 'Susceptibility to indoctrination'],
      ['change', 'Desire for political or moral change'],
      ['opportunistic', 'Opportunistic involvement'],
      ['family-friends', 'Family or friends involved in extremism'],
      ['transition', 'Transitional time of life'],
      ['group-influence', 'Being influenced or controlled by a group'],
      ['mental-health', 'Relevant mental health issues'],
    ],
  },
  {
    id: 'intent',
    title: 'Intent to cause harm',
    factors: [
      ['over-identification', 'Over-identification with a group or ideology'],
      ['them-and-us', "'Them and us' thinking"],
      ['dehumanisation', 'Dehumanisation of the enemy'],
      ['justify-offending', 'Attitudes that justify offending'],
      ['harmful-means', 'Harmful means to an end'],
      ['harmful-objectives', 'Harmful objectives'],
    ],
  },
  {
    id: 'capability',
    title: 'Capability to cause harm',
    factors: [
      ['knowledge', 'Individual knowledge, skills and competencies'],
      ['access', 'Access to networks, funding or equipment'],
      ['criminal', 'Criminal capability'],
    ],
  },
  {
    id: 'vulnerability',
    title: 'Vulnerability and complex needs',
    factors: [
      ['mental-health', 'Mental health concerns'],
      ['neurodiversity', 'Neurodiversity'],
      ['isolation', 'Social isolation'],
      ['safeguarding', 'Other safeguarding concerns'],
      ['exploitation', 'Grooming or exploitation'],
      ['substance-misuse', 'Substance misuse'],
    ],
  },
  {
    id: 'threat',
    title: 'Threat and risk',
    factors: [
      ['harm', 'Apparent, imminent or escalating risk of harm to self or others'],
      ['escalation', 'Escalation factors (for example increasing consumption of extremist material)'],
      ['mobilisation', 'Mobilisation factors (for example attack research, acquiring weapons, travel plans)'],
      ['time-lock', 'A time-lock: a deadline before which concerns must be answered'],
      ['pursue', 'Pursue relevance'],
    ],
  },
  {
    id: 'protective',
    title: 'Protective factors',
    factors: [
      ['family-support', 'Supportive family or carers'],
      ['positive-peers', 'Positive peers and relationships'],
      ['education-work', 'Engagement in education, training or work'],
      ['engages-support', 'Willing to engage with support'],
    ],
  },
];
const FACTOR_COUNT = DIF.reduce((n, s) => n + s.factors.length, 0);

/** The background checks (crates/core/src/pga.rs, CHECKS): key and name. */
const CHECKS = [
  ['pnc', 'PNC'],
  ['pnd', 'PND'],
  ['ncia', 'NCIA'],
  ['open-source', 'Open Source'],
  ['local', 'Local Crime & Intel systems'],
  ['ct-holmes', 'CT Holmes'],
];
const FROM_FIMU = "Known from the FIMU's checks, without significant delay since";

/** The Gateway Decision options, in the order offered. */
const DECISIONS = ['Keep in PCM', 'Refer to the LACC', 'Straight to PLP', 'Close', 'Close and escalate to Pursue'];

/** The assessment's answer labels (the "assessment.concern" radios). */
const CONCERN = {
  suspicion: 'There is a reasonable suspicion of a Prevent-relevant concern',
  noConcern: 'There is a reasonable belief that there is no Prevent-relevant concern',
  unclear: 'Neither, yet',
};

/** The side panel's texts of the FIMU submission (PGA-11), and the final summary's. */
const FIMU = {
  required: 'The Gateway Decision must be submitted to the FIMU (PGA-11, s8).',
  notNeeded: 'No FIMU submission is needed: the decision is to close a case the FIMU graded RADO 6 (PGA-11, s8).',
  summaryRequired: 'Required: submit the Gateway Decision to the FIMU (PGA-11, s8)',
  summaryNotNeeded: 'Not needed: the case is closed after a RADO 6 grading (PGA-11, s8)',
};

/** The questions of the "About the subject" page (crates/core/src/pga_form/schema.rs, PGA-20). */
const SUBJECT = {
  dobKnown: "Do you know the subject's date of birth?",
  age: 'Approximate age, in years',
  nationality: "What is the subject's nationality?",
  nationalityOther: 'Which nationality or nationalities?',
  travel: 'Does the subject show a propensity to travel to conflict areas?',
};

/**
 * The "must consider" duties of the "Duties to consider" page (PGA-20, s2, s8, s9): each one's
 * decision (radios), its two options and its rationale (a text area).
 */
const DUTIES = {
  overseas: {
    decision: 'Will you contact the FCO, the CRO and Immigration Services?',
    yes: 'Yes, contact made or requested',
    no: 'No, not contacting them',
    rationale: 'Why did you decide this about the FCO, the CRO and Immigration?',
  },
  piw: {
    decision: 'Have you requested a Ports Intelligence Watchlist (PIW) entry from CTP-POC?',
    yes: 'Yes, request made',
    no: 'No, not requested',
    rationale: 'Why did you decide this about a PIW request?',
  },
  flag: {
    decision: 'Have you added a flag on local force systems to show interest in the subject?',
    yes: 'Yes, flag added',
    no: 'No, not flagged',
    rationale: 'Why did you decide this about a flag?',
  },
};
/** Asked only when a PIW request is made (PGA-20, s9). */
const TRAVEL_RISK = 'What are the travel risks?';

/** The id used in the DOM for a field id (src/route.rs, dom_id). */
const domId = (path) => path.replace(/[._]/g, '-');

/** The radios, checkboxes or date fieldset whose legend is `legend`. */
const group = (page, legend) => page.getByRole('group', { name: legend, exact: true });

/** Chooses `option` in the group `legend` with the keyboard (focus + Space). */
async function answer(page, legend, option) {
  // .first(): the group's own option comes before any question its options reveal.
  const input = group(page, legend).getByLabel(option, { exact: true }).first();
  await input.focus();
  await page.keyboard.press('Space');
  assert.ok(await input.isChecked(), `"${option}" is not checked after Space (question "${legend}")`);
}

/** Types `text` into a field (a locator), replacing what it held, key by key. */
async function typeInto(page, field, text) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Types into the field labelled `label` (exact). */
async function typeLabelled(page, label, text) {
  await typeInto(page, page.getByLabel(label, { exact: true }), text);
}

/** Types a date ([day, month, year]) into the date input of field `path` ("case.received"). */
async function typeDate(page, path, [day, month, year]) {
  const id = domId(path);
  await typeInto(page, page.locator(`#${id}-day`), day);
  await typeInto(page, page.locator(`#${id}-month`), month);
  await typeInto(page, page.locator(`#${id}-year`), year);
}

/** The text of an element, whitespace collapsed. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Fills a sign-off the way SUP-1 asks (s6, s14): the supervisor's name, a supervising rank
 * ("Sergeant or above" unless `rank` says otherwise), not acting, and the date; and, when
 * `approve` names the question, answers Yes to it.
 */
async function signOff(page, name, date, { rank = 'Sergeant or above', approve = null } = {}) {
  await typeLabelled(page, "Supervisor's name", name);
  await answer(page, "Supervisor's rank or grade", rank);
  await answer(page, 'Is it an acting rank?', 'No');
  await typeDate(page, 'supervisor.date', date);
  if (approve) await answer(page, approve, 'Yes');
}

/** Text of the error summary's links. */
async function summaryErrors(page) {
  return page.locator('.govuk-error-summary a').allInnerTexts();
}

/** The inline error messages of the page, without the visually hidden "Error: ". */
async function inlineErrors(page) {
  const all = await page.locator('main .govuk-error-message').allInnerTexts();
  return all.map((t) => t.replace(/^Error:\s*/, '').trim());
}

/** A summary list (e.g. #gateway-summary) as {key: value}. */
async function summaryList(container) {
  const rows = container.locator('.govuk-summary-list__row');
  const out = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out[await textOf(row.locator('.govuk-summary-list__key'))] = (await row.locator('.govuk-summary-list__value').innerText()).trim();
  }
  return out;
}

/** The deadline panels shown (#deadline-<key>) as {key: text}. */
async function deadlines(page, scope = page.locator('main')) {
  const panels = scope.locator('section.pct-deadline');
  const out = {};
  for (let i = 0; i < (await panels.count()); i++) {
    const p = panels.nth(i);
    out[(await p.getAttribute('id')).replace(/^deadline-/, '')] = await textOf(p);
  }
  return out;
}

/**
 * Asserts the deadline panels shown are exactly those of `expected` ({key: text or RegExp each
 * panel's text must contain or match}).
 */
async function assertDeadlines(page, expected, where) {
  const shown = await deadlines(page);
  assert.deepEqual(Object.keys(shown).sort(), Object.keys(expected).sort(), `deadline panels ${where}: ${JSON.stringify(shown)}`);
  for (const [key, want] of Object.entries(expected)) {
    if (want instanceof RegExp) assert.match(shown[key], want, `#deadline-${key} ${where}`);
    else assert.ok(shown[key].includes(want), `#deadline-${key} ${where}: "${shown[key]}" does not include "${want}"`);
  }
}

/**
 * Waits for page `heading` (h1) and audits it with axe unless `axe` is false; then `visit`. When
 * the page does not come (say Continue found an error), the failure names the errors shown.
 */
async function at(page, heading, name, opts) {
  try {
    await onPage(page, heading, { axe: opts.axe !== false });
  } catch (err) {
    const errors = await summaryErrors(page).catch(() => []);
    if (errors.length) err.message += `\n\nThe page ${page.url()} shows the errors:\n  - ${errors.join('\n  - ')}`;
    throw err;
  }
  if (opts.visit) await opts.visit(page, name);
}

/**
 * Starts a new PGA from the officers' start page; returns its id (on the case page). With
 * opts.fromList, gets there from the list of assessments (/officer), "Start a new Gateway
 * Assessment".
 */
async function startPga(page, opts = {}) {
  if (opts.fromList) {
    await page.goto('/officer');
    await at(page, 'Your Gateway Assessments', 'list', opts);
    await page.getByText('Start a new Gateway Assessment', { exact: true }).focus();
    await page.keyboard.press('Enter');
  } else {
    await page.goto('/officer/pga/start');
  }
  await at(page, 'Start a Prevent Gateway Assessment', 'start', opts);
  await pressContinue(page, 'Start now');
  await at(page, 'Case details', 'case', opts);
  const m = page.url().match(/\/officer\/pga\/([0-9a-f-]{36})\/case$/);
  assert.ok(m, `no assessment id in ${page.url()}`);
  return m[1];
}

/**
 * Runs `steps` ([[selector, async fn]]) in the order their elements come on the page, top to
 * bottom, as a keyboard user meets them.
 */
async function inPageOrder(page, steps) {
  const order = await page.evaluate((sels) => {
    const els = sels.map((s) => document.querySelector(s));
    const idx = sels.map((_, i) => i);
    return idx.sort((a, b) => (els[a].compareDocumentPosition(els[b]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }, steps.map(([sel]) => sel));
  for (const i of order) await steps[i][1]();
}

/** Answers the case page (s.case) top to bottom, without pressing Continue. */
async function fillCase(page, c) {
  await inPageOrder(page, [
    ['#case-reference', () => typeLabelled(page, 'Case reference', c.reference)],
    ['#case-received-day', () => typeDate(page, 'case.received', c.received)],
    ['#case-subject', () => answer(page, 'Who or what is the referral about?', c.subject)],
    ['#case-area', () => answer(page, 'Is this a Dovetail area?', c.area)],
    // PGA-22 (s7): a referral into PCM unless the case says otherwise.
    ['#case-request', () => answer(page, 'Is this a referral into Prevent Case Management, or a tasking?', c.request || 'A referral into PCM')],
    ['#case-ctco', () => typeLabelled(page, 'Your name', c.ctco)],
  ]);
}

/** Answers the de-confliction page (s.deconfliction) without pressing Continue. */
async function fillDeconfliction(page, d) {
  await typeDate(page, 'deconfliction.date', d.date);
  await typeLabelled(page, 'De-confliction reference number', d.reference);
  if (d.rado) {
    // A select, by keyboard: focus it and type the option's text (the browser's type-ahead).
    const select = page.getByLabel('RADO grading given by the FIMU (optional)', { exact: true });
    await select.focus();
    await page.keyboard.type(`RADO ${d.rado}`);
    assert.equal(await select.inputValue(), String(d.rado), 'the RADO grading is chosen by typing');
  }
  for (const before of d.before || []) await answer(page, 'What did you do before de-confliction? (optional)', before);
}

/**
 * The six background checks: PNC, PND and Open Source done (dated), NCIA and local from the
 * FIMU, CT Holmes not available; and, for a person, not under investigation for non-CT offences
 * (PGA-22, s5).
 */
async function fillChecks(page, checkDate) {
  for (const [key, name] of CHECKS) {
    const legend = `${name} check`;
    if (['pnc', 'pnd', 'open-source'].includes(key)) {
      await answer(page, legend, 'Done');
      await typeDate(page, `checks.${key}.date`, checkDate);
      await typeLabelled(page, `Result of the ${name} check`, 'No trace');
    } else if (key === 'ct-holmes') {
      await answer(page, legend, 'Not available in this force');
    } else {
      await answer(page, legend, FROM_FIMU);
    }
  }
  // Asked of a person only (an institution or an expression has no one to investigate).
  const nonCt = 'Is the subject under investigation for any non-CT offences?';
  if (await group(page, nonCt).count()) await answer(page, nonCt, 'No');
}

/**
 * Answers the "About the subject" page (PGA-20) without pressing Continue. `p`: {dob: [day, month,
 * year], or {age: '16'} for an approximate age, or null when not known; nationality: 'British',
 * 'Not known' or the other nationality to name; travel: 'Yes' or 'No'}.
 */
async function fillSubject(page, p) {
  if (Array.isArray(p.dob)) {
    await answer(page, SUBJECT.dobKnown, 'Yes');
    await typeDate(page, 'subject.dob', p.dob);
  } else if (p.dob) {
    await answer(page, SUBJECT.dobKnown, 'No, but I know their approximate age');
    await typeLabelled(page, SUBJECT.age, p.dob.age);
  } else {
    await answer(page, SUBJECT.dobKnown, 'No, not known');
  }
  if (p.nationality === 'British' || p.nationality === 'Not known') {
    await answer(page, SUBJECT.nationality, p.nationality);
  } else {
    await answer(page, SUBJECT.nationality, 'Another nationality');
    await typeLabelled(page, SUBJECT.nationalityOther, p.nationality);
  }
  await answer(page, SUBJECT.travel, p.travel);
}

/**
 * Answers the "Duties to consider" page (PGA-20) without pressing Continue, after checking that
 * it asks exactly the duties of `d`: {overseas, piw, flag}, each {made: true or false, rationale}
 * (a PIW request made also gives its travelRisk).
 */
async function fillDuties(page, d) {
  const asked = [];
  for (const [key, q] of Object.entries(DUTIES)) {
    if (await group(page, q.decision).count()) asked.push(key);
  }
  assert.deepEqual(asked, Object.keys(DUTIES).filter((k) => k in d), 'the duties asked follow from the subject page (PGA-20)');
  for (const [key, q] of Object.entries(DUTIES)) {
    if (!(key in d)) continue;
    await answer(page, q.decision, d[key].made ? q.yes : q.no);
    if (key === 'piw') {
      assert.equal(await page.getByLabel(TRAVEL_RISK, { exact: true }).count(), d.piw.made ? 1 : 0, 'the travel risk is asked only for a PIW request made (PGA-20, s9)');
      if (d.piw.made) await typeLabelled(page, TRAVEL_RISK, d.piw.travelRisk);
    }
    await typeLabelled(page, q.rationale, d[key].rationale);
  }
}

/**
 * Answers every factor of DIF section `section`: the factors in `present` ({factorId: evidence})
 * Present with their evidence, those in `absent` Absent, the rest Unknown.
 */
async function fillDifSection(page, section, { present = {}, absent = [] } = {}) {
  for (const [factor, label] of section.factors) {
    if (factor in present) {
      await answer(page, label, 'Present');
      if (present[factor] !== null) {
        await typeInto(page, page.locator(`#${domId(`dif.${section.id}.${factor}.evidence`)}`), present[factor]);
      }
    } else if (absent.includes(factor)) {
      await answer(page, label, 'Absent');
    } else {
      await answer(page, label, 'Unknown');
    }
  }
}

/** The `#pga-factor-counts` sentence for these counts. */
const factorCounts = (present, absent) => `${present} present, ${absent} absent, ${FACTOR_COUNT - present - absent} unknown or not recorded yet.`;

/**
 * Asserts the Gateway Decision options: those in `unavailable` ({label: reason}) disabled, with
 * "Not available: <reason>." as their hint; the others enabled.
 */
async function assertDecisionOptions(page, unavailable) {
  const legend = 'What is the Gateway Decision?';
  for (const label of DECISIONS) {
    const input = group(page, legend).getByLabel(label, { exact: true });
    const hintId = await input.getAttribute('aria-describedby');
    const hint = hintId ? await textOf(page.locator(`#${hintId}`)) : '';
    if (label in unavailable) {
      assert.ok(await input.isDisabled(), `"${label}" should be disabled`);
      assert.equal(hint, `Not available: ${unavailable[label]}.`, `the hint of "${label}" gives the reason`);
    } else {
      assert.ok(await input.isEnabled(), `"${label}" should be enabled (hint: ${hint})`);
      assert.doesNotMatch(hint, /^Not available/, `"${label}" hint`);
    }
  }
}

/**
 * The arrow keys move through the Gateway Decision's enabled options only, round and round:
 * a keyboard user never lands on an option the policy rules out.
 */
async function assertArrowKeysSkipDisabled(page, unavailable) {
  const enabled = DECISIONS.filter((d) => !(d in unavailable));
  const g = group(page, 'What is the Gateway Decision?');
  await g.getByLabel(enabled[0], { exact: true }).focus();
  const focused = [];
  for (let i = 0; i < enabled.length; i++) {
    await page.keyboard.press('ArrowDown');
    focused.push(await page.evaluate(() => document.activeElement.labels[0].textContent.trim()));
  }
  assert.deepEqual(focused, [...enabled.slice(1), enabled[0]], 'ArrowDown visits the enabled options only');
}

/** Downloads the final record's JSON with the keyboard; returns [file name, parsed JSON]. */
async function downloadJson(page) {
  const button = page.locator('#download-json');
  await button.focus();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return [dl.suggestedFilename(), JSON.parse(fs.readFileSync(await dl.path(), 'utf8'))];
}

/**
 * Walks one PGA from the start page to its final record, by keyboard, following scenario `s`
 * (see e2e/pga.test.js for its shape), and checks on the way: the deadlines in the side panel
 * (`s.expect.deadlines` before the decision, `s.expect.deadlinesAfterDecision` after it), the
 * factors found, the Gateway Decision options (`s.expect.unavailable`) and the FIMU submission.
 *
 * opts.axe: 'all' audits every page (and the declaration's error); 'some' (default) only the
 * pages whose content depends on the scenario (the decision and confirmation pages).
 * opts.visit(page, name) is called on every page (e.g. to take screenshots).
 * opts.check(name, fn) runs the side panel's checks and
 * the skipping of empty pages (default: at once; a test passes t.test to make each a subtest,
 * so one failing check does not stop the walk). `s.person` (null for an institution or
 * expression): {subject, duties}, as fillSubject and fillDuties take them. s.expect.warnings:
 * patterns each warning listed on check your answers must match. Returns {id,
 * reference, visited} (visited: the optional pages shown, 'subject' and 'prompts') and leaves
 * the page on the final record.
 */
async function completePga(page, s, opts = {}) {
  const all = opts.axe === 'all';
  const check = opts.check || ((name, fn) => fn());
  const visited = [];
  const o = (audit) => ({ axe: audit, visit: opts.visit });
  const id = await startPga(page, o(all));

  // Case details: the PGA-2 deadline (and PGA-7 in a Dovetail area) shows as the date is typed.
  await fillCase(page, s.case);
  const beforeDeconfliction = Object.fromEntries(Object.entries(s.expect.deadlines).filter(([k]) => k !== 'pga-15'));
  await check('deadlines on the case page', () => assertDeadlines(page, beforeDeconfliction, 'on the case page'));
  if (opts.visit) await opts.visit(page, 'case-filled');
  await pressContinue(page);

  // PGA-1: de-confliction, with a date and a reference (PGA-15's clock starts here when not Dovetail).
  await at(page, 'FIMU de-confliction', 'deconfliction', o(all));
  await fillDeconfliction(page, s.deconfliction);
  await check('deadlines after de-confliction', () => assertDeadlines(page, s.expect.deadlines, 'after de-confliction'));
  await pressContinue(page);

  await at(page, 'Background checks', 'checks', o(all));
  await fillChecks(page, s.checkDate);
  await pressContinue(page);

  await at(page, 'Partner contact and visits', 'contact', o(all));
  await answer(page, 'Have you contacted any partner agency?', 'No');
  await answer(page, 'Have you visited, or do you plan to visit, the subject?', 'No');
  await pressContinue(page);

  await at(page, 'Type of concern', 'relevance', o(all));
  await answer(page, 'What type of concern is it?', s.concernType);
  await pressContinue(page);

  // The six DIF pages: every factor answered, the running count in the side panel.
  let present = 0;
  let absent = 0;
  for (const section of DIF) {
    await at(page, section.title, `dif-${section.id}`, o(all));
    const findings = (s.dif && s.dif[section.id]) || {};
    await fillDifSection(page, section, findings);
    present += Object.keys(findings.present || {}).length;
    absent += (findings.absent || []).length;
    if (section.id === 'vulnerability') await answer(page, 'Has the subject been referred to a Vulnerability Support Hub?', 'No');
    if (section.id === 'threat') await answer(page, 'Is the subject under current Pursue investigation?', s.pursueInvestigation);
    assert.equal(await textOf(page.locator('#pga-factor-counts')), factorCounts(present, absent));
    await pressContinue(page);
  }

  await at(page, 'Assessment summary', 'assessment', o(all));
  const a = s.assessment;
  await answer(page, 'What is your assessment?', CONCERN[a.concern]);
  await answer(page, 'Is there a Pursue-relevant concern?', a.pursue);
  if (a.unsuitablePlp) await answer(page, 'Is the case unsuitable for PLP?', a.unsuitablePlp);
  if (a.traced) await answer(page, 'Can the person responsible be traced?', a.traced);
  await answer(page, 'Is the risk escalating, de-escalating or static?', a.direction);
  await typeLabelled(page, 'Summary of your assessment', a.summary);
  await pressContinue(page);

  // PGA-20: a person's date of birth and nationality, then the "must consider" duties they
  // raise, each decided with a rationale; an institution or expression has neither page.
  const next = page.locator('main h1', { hasText: /^(About the subject|Gateway Decision)$/ }).first();
  await next.waitFor();
  if ((await textOf(next)) === 'About the subject') {
    visited.push('subject', 'prompts');
    await at(page, 'About the subject', 'subject', o(all));
    await fillSubject(page, s.person.subject);
    await pressContinue(page);
    // Which duties it asks depends on the case: audited every time.
    await at(page, 'Duties to consider', 'prompts', o(true));
    await fillDuties(page, s.person.duties);
    await pressContinue(page);
  }
  if (!s.person) {
    await check('"About the subject" and "Duties to consider", with no question for an institution or expression, are skipped', () =>
      assert.ok(!visited.includes('subject') && !visited.includes('prompts'), 'a person\'s pages were shown for an institution or expression'),
    );
  }

  // The Gateway Decision: options the policy rules out are disabled, with the reason.
  await at(page, 'Gateway Decision', `decision-${s.slug}`, o(true));
  await assertDecisionOptions(page, s.expect.unavailable);
  assert.equal(await page.locator('#pga-fimu').count(), 0, 'no FIMU outcome before a decision');
  await assertArrowKeysSkipDisabled(page, s.expect.unavailable);
  await answer(page, 'What is the Gateway Decision?', s.decision);
  await page.locator('#pga-fimu').waitFor();
  assert.equal(await textOf(page.locator('#pga-fimu')), s.expect.fimuRequired ? FIMU.required : FIMU.notNeeded);
  await check(`deadlines after choosing "${s.decision}"`, () =>
    assertDeadlines(page, s.expect.deadlinesAfterDecision, `after choosing "${s.decision}"`),
  );
  await typeLabelled(page, 'Rationale for the decision', s.rationale);
  if (opts.visit) await opts.visit(page, `decision-${s.slug}-chosen`);
  await pressContinue(page);

  // PGA-10, PGA-16: supervised by a Sergeant who is not the CTCO.
  await at(page, 'Supervision', 'supervision', o(all));
  await typeLabelled(page, "Supervisor's name", s.supervisor);
  await answer(page, "Supervisor's rank or grade", 'Sergeant or above');
  await answer(page, 'Is it an acting rank?', 'No');
  await typeDate(page, 'supervisor.date', s.signOff);
  await answer(page, 'Does the supervisor approve the decision and its rationale?', 'Yes');
  await pressContinue(page);

  await at(page, 'Check your answers before finishing your assessment', 'check-answers', o(all));
  // Warnings never block, so they stay in sight here, each with its rule (s.expect.warnings).
  for (const w of (s.expect && s.expect.warnings) || []) {
    await check(`the warning ${w} on check your answers`, async () => assert.match(await textOf(page.locator('#check-warnings')), w));
  }
  await pressContinue(page);

  await at(page, 'Finalise the assessment', 'declaration', o(all));
  if (all) {
    // PGA-10: finalising needs the confirmation; the error shows first.
    await pressContinue(page, 'Finalise the assessment');
    await page.locator('.govuk-error-summary').waitFor();
    assert.deepEqual(await summaryErrors(page), ['Confirm that the assessment is complete, supervised and final (PGA-10, s8)']);
    await assertNoAxeViolations(page, 'the PGA declaration with an error');
  }
  await choose(page, 'I confirm that this assessment is complete and supervised, and that it cannot be changed once final');
  await pressContinue(page, 'Finalise the assessment');

  await page.waitForURL(`**/officer/pga/${id}/confirmation`);
  await at(page, 'Gateway Assessment final', `confirmation-${s.slug}`, o(true));
  const reference = (await page.locator('#reference').innerText()).trim();
  return { id, reference, visited };
}

/**
 * PLP-7 (s11): from the final record of PGA `pgaId` whose decision is "Straight to PLP", starts
 * its PLP case and confirms the entry, the quick way (no axe: pga.test.js audits these pages).
 * The case reference, CTCO and DIF come from the PGA, so each DIF page just continues.
 * `e`: {entered: [day, month, year], rationale, supervisor, signOff: [day, month, year], band}
 * (band "Standard (Amber)" by default). Leaves the page on the case page; returns its reference.
 */
async function enterPlpFromPga(page, pgaId, e) {
  await page.goto(`/officer/pga/${pgaId}/confirmation`);
  await onPage(page, 'Gateway Assessment final', { axe: false });
  await page.getByRole('button', { name: 'Start the PLP case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Start a Police-led Partnership case', { axe: false });
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP', { axe: false });
  await typeDate(page, 'plp.entered', e.entered);
  await typeLabelled(page, 'Rationale for entering PLP', e.rationale);
  await pressContinue(page);
  for (const section of DIF) {
    await onPage(page, section.title, { axe: false });
    await pressContinue(page);
  }
  await onPage(page, 'Priority band', { axe: false });
  await answer(page, 'Has the Vulnerability Support Hub or a clinician identified urgent mental health concerns?', 'No');
  await answer(page, 'Do you and your supervisor agree further work is needed?', 'Yes');
  await answer(page, "What is the case's priority band?", e.band || 'Standard (Amber)');
  await pressContinue(page);
  await onPage(page, 'Supervisory sign-off', { axe: false });
  await signOff(page, e.supervisor, e.signOff);
  await pressContinue(page);
  await onPage(page, 'Check your answers before finishing your PLP case', { axe: false });
  await pressContinue(page);
  await onPage(page, 'Confirm the entry into PLP', { axe: false });
  await answer(page, 'Confirm', 'I confirm the entry route, the opening DIF and the band, signed off by my supervisor');
  await pressContinue(page, 'Confirm the entry into PLP');
  await onPage(page, 'Case entered PLP', { axe: false });
  return (await page.locator('#reference').innerText()).trim();
}

/**
 * A quick "Straight to PLP" scenario for completePga, with the browser clock fixed at 30 December
 * 2026 (STRAIGHT_TO_PLP_TODAY): an institution nobody can be traced for (PGA-8, s8), received on
 * 22 December, by `ctco`, supervised by `supervisor`. `slug`, `reference` (the case reference)
 * and `ncia` (the de-confliction reference) tell tests apart.
 */
const STRAIGHT_TO_PLP_TODAY = new Date('2026-12-30T10:00:00');
function straightToPlp({ slug, reference, ncia, ctco, supervisor }) {
  const due = 'Due 31 December 2026: 1 working day left';
  return {
    slug,
    decision: 'Straight to PLP',
    case: { reference, received: ['22', '12', '2026'], subject: 'An institution', area: 'Yes, Dovetail', ctco },
    deconfliction: { date: ['21', '12', '2026'], reference: ncia, rado: 3 },
    checkDate: ['23', '12', '2026'],
    signOff: ['29', '12', '2026'],
    concernType: 'Islamist',
    pursueInvestigation: 'No',
    dif: { capability: { present: { access: 'Open source: fundraising for the group.' } } },
    assessment: { concern: 'suspicion', pursue: 'No', traced: 'No', direction: 'De-escalating', summary: 'Nobody can be traced.' },
    person: null,
    rationale: 'Untraced: straight to PLP.',
    supervisor,
    expect: {
      deadlines: { 'pga-2': due },
      deadlinesAfterDecision: { 'pga-2': due },
      unavailable: {
        'Keep in PCM': 'An institution or ideological expression whose responsible person cannot be traced goes straight to PLP (PGA-8, s8)',
        'Refer to the LACC': 'Only a person can be referred to Channel (PGA-7, s10)',
        Close: 'Closing needs a reasonable belief that there is no Prevent-relevant concern (PGA-9, s8)',
        'Close and escalate to Pursue': 'Escalating to Pursue needs a Pursue-relevant concern (PGA-9, s8, s13)',
      },
      fimuRequired: true,
    },
  };
}

module.exports = {
  STRAIGHT_TO_PLP_TODAY,
  straightToPlp,
  DIF,
  FACTOR_COUNT,
  CHECKS,
  DECISIONS,
  CONCERN,
  FIMU,
  SUBJECT,
  DUTIES,
  TRAVEL_RISK,
  domId,
  group,
  answer,
  typeInto,
  typeLabelled,
  typeDate,
  textOf,
  summaryErrors,
  inlineErrors,
  signOff,
  summaryList,
  deadlines,
  assertDeadlines,
  startPga,
  fillCase,
  fillDeconfliction,
  fillChecks,
  fillSubject,
  fillDuties,
  fillDifSection,
  factorCounts,
  assertDecisionOptions,
  assertArrowKeysSkipDisabled,
  downloadJson,
  completePga,
  enterPlpFromPga,
};
