'use strict';
// Steps of the trainer's bundle (/trainer, issue 7), shared by e2e/trainer.test.js: reading a
// scenario file's model answer, and working a record through the real question pages from a
// set of answers (the model's, or a trainee's changed copy of it), with the keyboard for
// choices and typing for text, one page at a time, as a trainee would.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { onPage, pressContinue } = require('./referral');
const { assertNoAxeViolations } = require('./axe');

const SCENARIOS = path.resolve(__dirname, '..', '..', 'crates', 'core', 'scenarios');

/** The shipped scenario files, parsed: [{file, json}], in the order of their index (index.json, which the trainer fetches). */
function shippedScenarios() {
  const index = JSON.parse(fs.readFileSync(path.join(SCENARIOS, 'index.json'), 'utf8'));
  return index.scenarios.map(({ file }) => ({ file, json: JSON.parse(fs.readFileSync(path.join(SCENARIOS, file), 'utf8')) }));
}

/** A record's nested answers as a flat map of dotted field ids ("case.reference" -> value). */
function flatAnswers(nested, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(nested)) {
    const id = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatAnswers(v, id, out);
    else out[id] = v;
  }
  return out;
}

/** The model record of form `form` ("pga", "plp", "plp-review") in a scenario, as flat answers. */
function modelAnswers(scenario, form) {
  const r = scenario.model.records.find((x) => x.form.id === form);
  assert.ok(r, `the scenario has no model ${form}`);
  return flatAnswers(r.answers);
}

/** The id used in the DOM for a field id (src/route.rs, dom_id). */
const domId = (field) => field.replace(/[._]/g, '-');

/** Presses Space on `input` unless it is already as wanted. */
async function setChecked(page, input, wanted) {
  if ((await input.isChecked()) === wanted) return;
  await input.focus();
  await page.keyboard.press('Space');
}

/**
 * Answers every question of the page now shown that `answers` has: radios and checkboxes with
 * focus + Space, selects, text and dates typed. Runs until nothing more appears (a conditional
 * reveal opens after its radio). Returns how many fields it set.
 */
async function fillPage(page, answers) {
  let set = 0;
  for (let pass = 0; pass < 3; pass++) {
    let changed = 0;
    for (const [field, value] of Object.entries(answers)) {
      const id = domId(field);
      const day = page.locator(`main #${id}-day`);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && (await day.count())) {
        if (!(await day.isVisible())) continue;
        const [y, m, d] = value.split('-');
        const parts = { day: String(Number(d)), month: String(Number(m)), year: y };
        for (const [part, text] of Object.entries(parts)) {
          const box = page.locator(`main #${id}-${part}`);
          if ((await box.inputValue()) !== text) {
            await box.fill(text);
            changed++;
          }
        }
        continue;
      }
      const el = page.locator(`main #${id}`);
      if (!(await el.count()) || !(await el.isVisible())) continue;
      const kind = await el.evaluate((e) => `${e.tagName}:${e.type || ''}`);
      if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox') {
        const name = await el.getAttribute('name');
        const wanted = Array.isArray(value) ? value : [String(value)];
        const inputs = page.locator(`main input[name="${name}"]`);
        for (let i = 0; i < (await inputs.count()); i++) {
          const input = inputs.nth(i);
          const on = wanted.includes(await input.getAttribute('value'));
          if (kind === 'INPUT:radio' && !on) continue;
          if ((await input.isChecked()) !== on) {
            await setChecked(page, input, on);
            changed++;
          }
        }
      } else if (kind.startsWith('SELECT')) {
        if ((await el.inputValue()) !== String(value)) {
          await el.selectOption(String(value));
          changed++;
        }
      } else if ((await el.inputValue()) !== String(value)) {
        await el.fill(String(value));
        changed++;
      }
    }
    set += changed;
    if (changed === 0) break;
  }
  return set;
}

/**
 * Works the record open on its first question page through to the end from `answers`: each
 * page filled and continued, check your answers passed, the declaration confirmed with the
 * button `finish`. Fails with the page's errors if a page does not let the trainee on.
 * `at` ({heading: async (page) => …}) runs a check on the page with that heading once it is
 * filled in, before the trainee continues; each must be reached, or the record fails.
 */
async function workRecord(page, answers, finish, { at = {} } = {}) {
  const pending = new Set(Object.keys(at));
  for (let step = 0; step < 60; step++) {
    const url = page.url();
    const heading = (await page.locator('main h1').first().innerText()).trim();
    const check = async () => {
      if (!pending.has(heading)) return;
      pending.delete(heading);
      await at[heading](page);
    };
    if (/^Check your answers/.test(heading)) {
      await check();
      await pressContinue(page);
    } else if (await page.locator('main #declaration-confirm').count()) {
      await fillPage(page, answers);
      await check();
      assert.deepEqual([...pending], [], 'pages the trainee never reached');
      await pressContinue(page, finish);
      await page.waitForURL(/\/confirmation$/);
      return;
    } else {
      await fillPage(page, answers);
      await check();
      await pressContinue(page);
    }
    try {
      await page.waitForURL((u) => u.toString() !== url, { timeout: 5000 });
    } catch (err) {
      const errors = await page.locator('.govuk-error-summary li').allInnerTexts();
      err.message += `\n\nThe page "${heading}" (${url}) did not let the trainee on: ${errors.join('; ')}`;
      throw err;
    }
  }
  throw new Error('the record did not end within 60 pages');
}

/** The debrief's points: [{id, outcome, what, expected, given, rule, why}]. */
async function debriefPoints(page) {
  return page.locator('#debrief-points > li').evaluateAll((items) =>
    items.map((li) => {
      const dd = [...li.querySelectorAll('dd')].map((d) => d.textContent.trim());
      const tag = li.querySelector('.govuk-tag').textContent.trim();
      return {
        id: li.id,
        outcome: tag,
        what: li.querySelector('h2').textContent.trim().slice(tag.length).trim(),
        expected: dd[0],
        given: dd[1],
        rule: dd[2],
        why: dd[3],
      };
    }),
  );
}

/**
 * Opens the trainer's page with heading `heading` and checks the training marking on it. The
 * shipped scenarios are fetched once the app starts: a page that lists or finds them waits for
 * them (its loading message gone) before axe looks at it.
 */
async function atTraining(page, heading, opts = {}) {
  await onPage(page, heading, { axe: false });
  await page.locator('#scenarios-loading').waitFor({ state: 'detached' });
  if (opts.axe !== false) await assertNoAxeViolations(page, `the page "${heading}"`);
  const marking = (await page.locator('.pct-marking').innerText()).replace(/\s+/g, ' ').trim();
  assert.match(marking, /TRAINING — FICTIONAL/, `no training marking on "${heading}"`);
}

module.exports = { shippedScenarios, flatAnswers, modelAnswers, fillPage, workRecord, debriefPoints, atTraining, domId };
