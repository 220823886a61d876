'use strict';
// The trainer's simulator (issue 7), at /trainer: a trainee works a shipped scenario in the real
// Gateway Assessment pages on the scenario's simulated today and reads the debrief (every point
// matched when the model answer is given; the wrong ones missed, with the rule, the section and
// the reason); a trainer writes a scenario from a model answer, previews it, downloads the file,
// and a trainee on another browser profile imports it (a bad file changes nothing) and plays
// it. Everything is marked TRAINING — FICTIONAL and kept apart from real records. axe-core on
// every simulator page, including the error states. The Gateway rules of issue 18 are played
// too: a Pursue-relevant case the FIMU graded RADO 6 cannot take plain Close and its escalation
// goes to the FIMU (PGA-17); an untraceable poster campaign with no Prevent-relevant concern is
// closed, not taken straight to PLP (PGA-18). And a case's life after Channel (REV-1, issue 19):
// six months after the panel closed it, the trainee records the closure and the 6-month review
// (a new VAF, a supervisor's approval) on the story's day, and is scored on them.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { screenshot } = require('./lib/browser');
const { onPage, pressContinue } = require('./lib/referral');
const { deadlines, downloadJson, group, textOf, FIMU } = require('./lib/pga');
const t = require('./lib/trainer');
const { passGate, gateHeading } = require('./lib/vault');

const app = useApp();
const SCENARIOS = t.shippedScenarios();
const byId = (id) => SCENARIOS.find((s) => s.json.id === id).json;
const shots = (page, name) => (process.env.SHOTS ? screenshot(page, `trainer-${name}`) : null);

/** Opens scenario `s` from the list and starts its Gateway Assessment; leaves it on "Case details". */
async function startScenario(page, s) {
  await page.goto('/trainer');
  await t.atTraining(page, 'Training scenarios');
  const link = page.locator(`#scenario-${s.id}`);
  await link.focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, s.title);
  await page.locator('#start-scenario').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Case details', { axe: false });
  assert.match(page.url(), /\/trainer\/pga\/[0-9a-f-]{36}\/case$/);
}

/** Goes to the debrief from the banner; returns its points and the score line. */
async function openDebrief(page, s) {
  const link = page.locator('#banner-debrief');
  await link.focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, `Debrief: ${s.title}`);
  return { points: await t.debriefPoints(page), score: (await page.locator('#debrief-score').innerText()).trim(), percent: (await page.locator('.govuk-panel__title').innerText()).trim() };
}

app.test('SIM-3 a trainee who gives the model answer matches every point; the simulated today drives the deadlines (PGA-2, s8)', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  await t.atTraining(page, 'Training scenarios');
  assert.equal(await page.locator('#scenarios tbody tr').count(), SCENARIOS.length, 'every shipped scenario is listed');
  assert.ok(SCENARIOS.length >= 8);
  await shots(page, 'home');

  const s = byId('a-pupil-who-talks-of-travelling');
  await startScenario(page, s);
  assert.match(await page.locator('#training-banner').innerText(), /Today in this scenario is 19 May 2026/);
  // Received 14 May 2026: the PGA is due 5 working days later, counted from the story's today.
  await t.fillPage(page, { 'case.received': '2026-05-14' });
  assert.match((await deadlines(page))['pga-2'], /Due 21 May 2026: 2 working days left/);

  const answers = t.modelAnswers(s, 'pga');
  await t.workRecord(page, answers, 'Finalise the assessment');
  await t.atTraining(page, 'Gateway Assessment final');
  // The export is marked as training, so it can never be taken for (or imported as) a real case.
  const [name, json] = await downloadJson(page);
  assert.equal(json.protective_marking, 'TRAINING — FICTIONAL', name);
  assert.match(name, /^TRAINING-prevent-gateway-assessment-/);

  const d = await openDebrief(page, s);
  await shots(page, 'debrief-right');
  assert.equal(d.points.length, s.points.length);
  for (const p of d.points) {
    assert.equal(p.outcome, 'Matched', `${p.what}: model "${p.expected}", given "${p.given}"`);
    assert.match(p.rule, /^(PGA|PLP|DIF|INT)-\d+ \(s\d+/, p.what);
    assert.ok(p.why.length > 20, `${p.what} has its reason`);
  }
  assert.equal(d.percent, '100%');

  // Stored apart: every key the trainer's bundle wrote is under the training prefix.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0);
  assert.deepEqual(keys.filter((k) => !k.startsWith('pct.training.')), [], 'training data outside its prefix');
  // And the officers' own app shows none of it.
  await page.goto('/officer');
  // The real app has its own vault (issue 8); the trainer's bundle none: training data is fictional.
  assert.equal(await gateHeading(page), 'Protect your records on this computer');
  await passGate(page);
  await onPage(page, 'Your Gateway Assessments', { axe: false });
  assert.equal(await page.locator('main tbody tr').count(), 0, 'a training record in the officers\' list');
});

app.test('SIM-3 a trainee who decides wrongly sees each point missed, with the model answer, the rule and the reason (PGA-6, PGA-9, PGA-11)', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('remarks-in-the-canteen');
  await startScenario(page, s);
  const model = t.modelAnswers(s, 'pga');
  const mine = {
    ...model,
    'case.received': shiftDay(model['case.received'], -1),
    'assessment.concern': 'suspicion',
    'decision.outcome': 'keep-in-pcm',
  };
  await t.workRecord(page, mine, 'Finalise the assessment');
  const d = await openDebrief(page, s);
  await assertNoAxeViolations(page, 'the debrief with missed points');
  await shots(page, 'debrief-wrong');
  const missed = d.points.filter((p) => p.outcome === 'Missed');
  const decision = d.points.find((p) => /Gateway Decision$/.test(p.what));
  assert.ok(decision, 'the decision is a point');
  assert.deepEqual([decision.outcome, decision.expected, decision.given], ['Missed', 'Close', 'Keep in PCM']);
  assert.match(decision.rule, /^PGA-9 \(s8/);
  const fimu = d.points.find((p) => /FIMU/.test(p.what));
  assert.deepEqual([fimu.outcome, fimu.expected, fimu.given], ['Missed', 'No submission to the FIMU', 'Goes to the FIMU']);
  assert.ok(d.points.some((p) => /Due date under PGA-2/.test(p.what) && p.outcome === 'Missed'), 'the PGA-2 due date follows the receipt date');
  assert.ok(missed.length >= 4, JSON.stringify(missed.map((p) => p.what)));
  assert.ok(d.points.some((p) => p.outcome === 'Matched'), 'what was right is still matched');
  const [marks, outOf] = d.score.match(/(\d+) of (\d+) marks/).slice(1).map(Number);
  assert.equal(d.percent, `${Math.floor((marks * 100) / outOf)}%`);
  assert.ok(marks < outOf);
});

app.test('SIM-1 a trainer writes, previews and downloads a scenario; a trainee imports it (a bad file changes nothing) and plays it', async (tt) => {
  const base = byId('remarks-in-the-canteen');
  const model = { ...t.modelAnswers(base, 'pga'), 'case.reference': 'TRAIN-AUTHORED-1' };
  const { page } = await app.open(tt, '/trainer/author');
  await t.atTraining(page, 'Write a scenario');

  // Nothing chosen or written yet: every problem is named, on its field.
  await page.locator('#preview-scenario').focus();
  await page.keyboard.press('Enter');
  await page.locator('.govuk-error-summary').waitFor();
  const errors = await page.locator('.govuk-error-summary li').allInnerTexts();
  assert.deepEqual(errors, [
    'Choose the Gateway Assessment that is the model answer',
    "Enter the scenario's title",
    'Enter a one-sentence summary for the list of scenarios',
    "Enter the scenario's today as a real date, for example 24 11 2026",
    'Enter the referral as the trainee receives it',
  ]);
  await assertNoAxeViolations(page, 'write a scenario, with errors');

  // 1. The model answer, in the real pages (on the real date: no scenario is being worked).
  await page.locator('#start-model').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Start a Prevent Gateway Assessment', { axe: false });
  assert.equal(await page.locator('#training-banner').count(), 0, 'no scenario banner while writing a model answer');
  await pressContinue(page, 'Start now');
  await onPage(page, 'Case details', { axe: false });
  await t.workRecord(page, model, 'Finalise the assessment');

  // 2–5. The scenario around it. What the trainer types survives a reload.
  await page.goto('/trainer/author');
  await t.atTraining(page, 'Write a scenario');
  const radio = page.getByLabel('TRAIN-AUTHORED-1 (Close)');
  await radio.focus();
  await page.keyboard.press('Space');
  await page.locator('#title').fill('Fictional: a scenario written in the test');
  await page.locator('#summary').fill('A fictional remark in a staff canteen, written as a test.');
  await t.fillPage(page, { today: base.today });
  await page.locator('#referral').fill('A fictional referral.\n\nIts second paragraph.');
  await page.reload();
  await t.atTraining(page, 'Write a scenario', { axe: false });
  assert.equal(await page.locator('#title').inputValue(), 'Fictional: a scenario written in the test');
  const suggested = await page.locator('main input[name=points]').count();
  assert.ok(suggested >= 5, `${suggested} points suggested`);
  // Leave the first suggested point out.
  await page.locator('#points').focus();
  await page.keyboard.press('Space');
  await page.locator('#preview-scenario').focus();
  await page.keyboard.press('Enter');
  await page.locator('#preview').waitFor();
  assert.equal(await page.locator('#preview-points li').count(), suggested - 1);
  assert.match(await page.locator('#preview #vignette-referral').innerText(), /Its second paragraph/);
  await assertNoAxeViolations(page, 'write a scenario, preview');
  await shots(page, 'author-preview');
  await page.locator('#download-scenario').focus();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(dl.suggestedFilename(), 'TRAINING-scenario-fictional-a-scenario-written-in-the-test.json');
  const file = fs.readFileSync(await dl.path(), 'utf8');
  const written = JSON.parse(file);
  assert.equal(written.format, 'prevent-toolkit/scenario');
  assert.equal(written.protective_marking, 'TRAINING — FICTIONAL');
  assert.equal(written.points.length, suggested - 1);

  // A trainee, on a fresh profile: a bad file is refused and changes nothing; the good one is added.
  const other = await app.open(tt, '/trainer');
  const p2 = other.page;
  await t.atTraining(p2, 'Training scenarios');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-scenario-'));
  const bad = path.join(dir, 'real.json');
  fs.writeFileSync(bad, JSON.stringify({ ...written, protective_marking: 'OFFICIAL-SENSITIVE' }));
  await p2.locator('#scenario-file').setInputFiles(bad);
  await p2.locator('#scenario-file-error').waitFor();
  assert.match(await p2.locator('#scenario-file-error').innerText(), /The scenario is not marked TRAINING — FICTIONAL: only fictional training material is read here/);
  assert.equal(await p2.locator('#scenarios tbody tr').count(), SCENARIOS.length, 'a bad file added nothing');
  await assertNoAxeViolations(p2, 'the scenario list with a refused file');
  const good = path.join(dir, dl.suggestedFilename());
  fs.writeFileSync(good, file);
  await p2.locator('#scenario-file').setInputFiles(good);
  await p2.locator('#scenario-imported').waitFor();
  assert.equal(await p2.locator('#scenarios tbody tr').count(), SCENARIOS.length + 1);
  await startScenario(p2, written);
  await t.workRecord(p2, model, 'Finalise the assessment');
  const d = await openDebrief(p2, written);
  assert.equal(d.points.length, suggested - 1);
  assert.deepEqual(d.points.filter((p) => p.outcome !== 'Matched'), []);
  fs.rmSync(dir, { recursive: true, force: true });
});

app.test('SIM-3 PLP-4, PLP-5: the story goes on after the Gateway Decision: developments arrive, the PLP case and its reassessment are banded on the story\'s days and scored', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('a-brother-under-investigation');
  await startScenario(page, s);
  assert.equal(await page.locator('#banner-developments').count(), 0, 'no development before the decision');
  await t.workRecord(page, t.modelAnswers(s, 'pga'), 'Finalise the assessment');
  await t.atTraining(page, 'Gateway Assessment final', { axe: false });
  // The decision is final: the developments have arrived and the story's today has moved on.
  const last = s.developments[s.developments.length - 1];
  await page.locator('#banner-developments').waitFor();
  assert.match(await page.locator('#training-banner').innerText(), new RegExp(`Today in this scenario is ${longDate(last.date)}`));
  await page.locator('#banner-case-file').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, s.title);
  for (const d of s.developments) assert.match(await page.locator('#developments').innerText(), new RegExp(d.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await shots(page, 'case-file-developments');

  // The PLP case, from the final assessment (PLP-7), banded as the model.
  await page.locator('#your-pga').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Gateway Assessment final', { axe: false });
  await page.getByRole('button', { name: 'Start the PLP case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Start a Police-led Partnership case', { axe: false });
  await pressContinue(page, 'Start now');
  await onPage(page, 'Entry into PLP', { axe: false });
  await t.workRecord(page, t.modelAnswers(s, 'plp'), 'Confirm the entry into PLP');
  await t.atTraining(page, 'Case entered PLP', { axe: false });

  // Its reassessment after the developments: Monitored, de-escalated (PLP-4).
  await page.getByRole('button', { name: 'Reassess the case' }).focus();
  await page.keyboard.press('Enter');
  await onPage(page, 'Reassessment', { axe: false });
  await t.workRecord(page, t.modelAnswers(s, 'plp-review'), 'Confirm the reassessment');
  await onPage(page, 'Reassessment recorded', { axe: false });

  const d = await openDebrief(page, s);
  assert.equal(d.points.length, s.points.length);
  assert.deepEqual(d.points.filter((p) => p.outcome !== 'Matched'), []);
  const band = d.points.find((p) => /^First reassessment: .*band/i.test(p.what));
  assert.ok(band, `a reassessment band point: ${JSON.stringify(d.points.map((p) => p.what))}`);
  assert.match(band.expected, /Monitored/);
  assert.equal(d.percent, '100%');
});

app.test('SIM-3 PGA-17, PGA-11: a Pursue-relevant case the FIMU graded RADO 6 cannot take plain Close; its escalation goes to the FIMU', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('a-printer-in-the-spare-room');
  const model = t.modelAnswers(s, 'pga');
  assert.equal(model['deconfliction.rado'], '6', 'the scenario is graded RADO 6 at de-confliction');
  assert.equal(model['decision.outcome'], 'close-escalate-pursue');
  await startScenario(page, s);
  await t.workRecord(page, model, 'Finalise the assessment', {
    at: {
      'Gateway Decision': async (p) => {
        // Pursue relevance is recorded: plain Close is refused, with the rule, whatever the RADO grade.
        const close = group(p, 'What is the Gateway Decision?').getByLabel('Close', { exact: true });
        assert.ok(await close.isDisabled(), 'plain Close should be refused');
        const hint = await textOf(p.locator(`#${await close.getAttribute('aria-describedby')}`));
        assert.match(hint, /^Not available: A case with a Pursue-relevant concern recorded cannot simply be closed.*\(PGA-17, s8, s12\)\.$/);
        // Closing by escalating it, at RADO 6, still goes to the FIMU.
        assert.equal(await textOf(p.locator('#pga-fimu')), FIMU.required);
        await assertNoAxeViolations(p, 'the Gateway Decision of a Pursue-relevant case graded RADO 6');
        await shots(p, 'decision-pga-17');
      },
    },
  });
  const d = await openDebrief(page, s);
  assert.equal(d.points.length, s.points.length);
  assert.deepEqual(d.points.filter((p) => p.outcome !== 'Matched'), []);
  assert.equal(d.percent, '100%');
  const fimu = d.points.find((p) => /FIMU/.test(p.what));
  assert.deepEqual([fimu.outcome, fimu.expected, fimu.given], ['Matched', 'Goes to the FIMU', 'Goes to the FIMU']);
  assert.match(fimu.rule, /^PGA-17 \(s8/);
  assert.match(fimu.why, /whatever the RADO grade/);
  const pursue = d.points.find((p) => /Pursue-relevant concern/i.test(p.what));
  assert.ok(pursue, `a point on the Pursue relevance: ${JSON.stringify(d.points.map((p) => p.what))}`);
  assert.match(pursue.rule, /^PGA-17 \(s8, s12/);
});

app.test('SIM-3 PGA-18: a trainee who takes an untraceable poster campaign with no Prevent-relevant concern straight to PLP misses the points, with the rule', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('posters-on-the-high-street');
  const model = t.modelAnswers(s, 'pga');
  assert.deepEqual([model['case.subject'], model['assessment.traced'], model['decision.outcome']], ['expression', 'no', 'close']);
  await startScenario(page, s);
  // Nobody can be traced, as in the stickers scenario: the trainee judges it a reasonable
  // suspicion and takes it straight to PLP (PGA-8), the one decision that judgement leaves open.
  const mine = { ...model, 'assessment.concern': 'suspicion', 'decision.outcome': 'straight-to-plp' };
  await t.workRecord(page, mine, 'Finalise the assessment');
  const d = await openDebrief(page, s);
  await assertNoAxeViolations(page, 'the debrief of a case taken to PLP without a reasonable suspicion');
  await shots(page, 'debrief-pga-18');
  const decision = d.points.find((p) => /Gateway Decision$/.test(p.what));
  assert.deepEqual([decision.outcome, decision.expected, decision.given], ['Missed', 'Close', 'Straight to PLP']);
  assert.match(decision.rule, /^PGA-9 \(s8/);
  const concern = d.points.find((p) => /^PGA-18 /.test(p.rule));
  assert.ok(concern, `a point under PGA-18: ${JSON.stringify(d.points.map((p) => [p.what, p.rule]))}`);
  assert.match(concern.rule, /^PGA-18 \(s8, s11/);
  assert.equal(concern.outcome, 'Missed');
  assert.match(concern.expected, /reasonable belief that there is no Prevent-relevant concern/);
  assert.match(concern.given, /reasonable suspicion of a Prevent-relevant concern/);
  assert.match(concern.why, /straight to PLP is not open/);
  // Closed at RADO 5, the model's decision goes to the FIMU, as the trainee's does (PGA-11).
  const fimu = d.points.find((p) => /FIMU/.test(p.what));
  assert.deepEqual([fimu.outcome, fimu.expected], ['Matched', 'Goes to the FIMU']);
  assert.ok(d.points.some((p) => p.outcome === 'Matched' && /Due date under PGA-2/.test(p.what)));
  const [marks, outOf] = d.score.match(/(\d+) of (\d+) marks/).slice(1).map(Number);
  assert.equal(marks, outOf - 2);
});

app.test('SIM-3 REV-1, SUP-1: six months after Channel closed the case, the trainee records the closure and the 6-month review on the story\'s day and is scored on them', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('six-months-after-channel');
  await startScenario(page, s);
  await t.workRecord(page, t.modelAnswers(s, 'pga'), 'Finalise the assessment');
  await t.atTraining(page, 'Gateway Assessment final', { axe: false });
  // The developments have arrived: the panel's closure, and the day of the review.
  await page.locator('#banner-developments').waitFor();
  assert.match(await page.locator('#training-banner').innerText(), /Today in this scenario is 12 June 2028/);

  // The closure, from the final assessment, dated the day the panel closed the case.
  await page.locator('#record-pcm-closure').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Record the closure of the case');
  const closure = t.modelAnswers(s, 'pcm-closure');
  assert.equal(closure['pcm.closed'], '2027-12-10');
  await t.workRecord(page, closure, 'Confirm the closure');
  await t.atTraining(page, 'Case closed');
  await page.getByRole('link', { name: 'Back to the assessment and its deadlines' }).focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Gateway Assessment final');
  assert.match(await textOf(page.locator('#closed-summary')), /^Closed on 10 December 2027: Channel: .* with a new VAF \(REV-1, s13\)\.$/);
  // 10 June 2028 is a Saturday: due five working days on.
  assert.match(await textOf(page.locator('#deadline-plp-11-6-months')), /REV-1.*Due 16 June 2028/);
  await screenshot(page, 'trainer-rev-1-closed');

  // The 6-month review today: a new VAF (the case exited from Channel), approved by a DS.
  await page.locator('#record-closed-review').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Closed case review');
  assert.ok(await group(page, 'Which assessment does the review complete?').getByLabel('A new VAF', { exact: true }).isChecked(), 'a case that exited from Channel is reviewed with a VAF');
  await t.workRecord(page, t.modelAnswers(s, 'pcm-review'), 'Confirm the review', {
    at: {
      'What the review found': (p) => assertNoAxeViolations(p, 'the closed case review: what it found'),
      "The supervisor's approval": (p) => assertNoAxeViolations(p, "the closed case review: the supervisor's approval"),
    },
  });
  await t.atTraining(page, 'Review recorded');
  assert.equal(await textOf(page.locator('#review-outcome')), 'The case remains closed');

  // The case file links to what was recorded.
  await page.locator('#banner-case-file').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, s.title);
  assert.equal(await page.locator('#your-closure').count(), 1);
  assert.equal(await page.locator('#your-closed-review').count(), 1);

  const d = await openDebrief(page, s);
  await screenshot(page, 'trainer-rev-1-debrief');
  assert.equal(d.points.length, s.points.length);
  assert.deepEqual(d.points.filter((p) => p.outcome !== 'Matched'), []);
  assert.equal(d.percent, '100%');
  const byWhat = (re) => {
    const p = d.points.find((x) => re.test(x.what));
    assert.ok(p, `no point ${re}: ${JSON.stringify(d.points.map((x) => x.what))}`);
    return p;
  };
  const assessment = byWhat(/^Closed case review: .*assessment/i);
  assert.deepEqual([assessment.expected, assessment.rule], ['A new VAF', 'REV-1 (s13)']);
  const due = byWhat(/^Closed case review: Due date under REV-1$/);
  assert.deepEqual([due.expected, due.given], ['16 June 2028', '16 June 2028']);
  assert.equal(byWhat(/^Closed case review: .*rank/i).rule, 'SUP-1 (s14)');
  assert.equal(byWhat(/^Closure: .*date/i).expected, '10 December 2027');
  assert.equal(byWhat(/^Closed case review: The outcome$/).expected, 'The case remains closed');
});

app.test('SIM-3 REV-1: a trainee who dates the closure the day they record it, and reopens a case nothing has reopened, misses the closure date, the review\'s due date and the outcome', async (tt) => {
  const { page } = await app.open(tt, '/trainer');
  const s = byId('six-months-after-channel');
  await startScenario(page, s);
  await t.workRecord(page, t.modelAnswers(s, 'pga'), 'Finalise the assessment');
  await t.atTraining(page, 'Gateway Assessment final', { axe: false });
  await page.locator('#record-pcm-closure').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Record the closure of the case', { axe: false });
  await t.workRecord(page, { ...t.modelAnswers(s, 'pcm-closure'), 'pcm.closed': '2028-06-12' }, 'Confirm the closure');
  await t.atTraining(page, 'Case closed', { axe: false });
  await page.getByRole('link', { name: 'Back to the assessment and its deadlines' }).focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Gateway Assessment final', { axe: false });
  await page.locator('#record-closed-review').focus();
  await page.keyboard.press('Enter');
  await t.atTraining(page, 'Closed case review', { axe: false });
  await t.workRecord(page, { ...t.modelAnswers(s, 'pcm-review'), 'review.outcome': 'reopen' }, 'Confirm the review');
  await t.atTraining(page, 'Review recorded', { axe: false });
  assert.equal(await textOf(page.locator('#review-outcome')), 'The case is reopened');

  const d = await openDebrief(page, s);
  await screenshot(page, 'trainer-rev-1-debrief-missed');
  const missed = d.points.filter((p) => p.outcome !== 'Matched');
  assert.deepEqual(
    missed.map((p) => [p.what, p.expected, p.given, p.rule]),
    [
      ['Closure: The date of closure', '10 December 2027', '12 June 2028', 'REV-1 (s13)'],
      ['Closed case review: The outcome', 'The case remains closed', 'Reopen the case', 'REV-1 (s13)'],
      ['Closed case review: Due date under REV-1', '16 June 2028', '19 December 2028', 'REV-1 (s13)'],
    ],
  );
  assert.match(missed[0].why, /not the day it is recorded/);
  assert.equal(d.score, `${s.points.length - 3} of ${s.points.length} marks`);
});

/** "7 January 2027" for "2027-01-07". */
function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** An ISO date `n` days away. */
function shiftDay(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
