'use strict';
// PGA-10 (s8): only one Prevent Gateway Assessment is ever completed in the lifetime of a case.
// A second assessment given a case reference already used in this browser is told so on its
// case page, and the message goes when the reference is corrected.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const p = require('./lib/pga');

const app = useApp();

const CASE = {
  reference: 'PCM-2026-0777',
  received: ['22', '12', '2026'],
  subject: 'A person',
  area: 'No, not Dovetail',
  ctco: 'DC Jo Case',
};

test('PGA-10, s8: a second assessment for the same case reference is refused with the reason', async (t) => {
  const { page } = await app.open(t, '/officer');
  await p.startPga(page);
  await p.fillCase(page, CASE);
  // The first assessment has no warning.
  assert.equal(await page.locator('#duplicate-case').count(), 0);

  await p.startPga(page);
  await p.fillCase(page, { ...CASE, reference: 'pcm-2026-0777 ' });
  const banner = page.locator('#duplicate-case');
  // The page re-renders on every change; the warning shows once the reference matches
  // (case and spaces aside).
  await page.getByLabel('Case reference', { exact: true }).press('Tab');
  await banner.waitFor();
  assert.match(await banner.innerText(), /already has a Prevent Gateway Assessment: only one PGA is ever completed in the lifetime of a case \(PGA-10, s8\)/);
  await assertNoAxeViolations(page, 'the PGA case page with a case reference already used');

  // A corrected reference clears it.
  await p.typeLabelled(page, 'Case reference', 'PCM-2026-0778');
  await banner.waitFor({ state: 'detached' });

  // Both are listed, each by its case reference.
  await page.goto('/officer');
  await page.locator('#drafts-table').waitFor();
  const rows = await page.locator('#drafts-table tbody tr').allInnerTexts();
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.ok(rows.some((r) => r.includes('Case PCM-2026-0777')) && rows.some((r) => r.includes('Case PCM-2026-0778')), rows.join(' | '));
});
