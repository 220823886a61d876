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
