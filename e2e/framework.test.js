'use strict';
// The DIF framework as data (issue 4, DESIGN.md "Form contents are data"): a force uploads its
// replacement framework file in the officers' settings. A bad file is refused with every
// problem named and changes nothing; a good one replaces the Gateway Assessment's DIF pages
// after a reload; the default can be restored. The file is the download of the one in use.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();

async function upload(page, name, text) {
  await page.locator('#framework-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

test('DIF-1, s8: a replacement framework is validated before use, applies to the PGA and can be undone', async (t) => {
  const { page } = await app.open(t, '/officer/settings');
  await r.onPage(page, 'Settings');
  const current = page.locator('#framework-current');
  assert.match(await current.innerText(), /default factor set\) \(version 1\), 6 sections, 37 factors/);

  // The download is the framework in use, in the upload's format.
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the framework in use (JSON)' }).click(),
  ]);
  assert.equal(dl.suggestedFilename(), 'dif-framework-ctp-default-v1.json');
  const framework = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(framework.sections.length, 6);
  assert.ok(framework.sections.every((s) => s.source.length > 0), 'every section cites its source');

  // A bad file: every problem named, nothing saved.
  const bad = structuredClone(framework);
  bad.sections[0].factors.push({ ...bad.sections[0].factors[0] });
  bad.sections[1].factors = [];
  await upload(page, 'bad.json', JSON.stringify(bad));
  const error = page.locator('#framework-file-error');
  await error.waitFor();
  assert.ok((await error.locator('li').count()) >= 2, `every problem is named: ${await error.innerText()}`);
  await assertNoAxeViolations(page, 'settings with a refused framework file');
  await upload(page, 'not-json.json', '{ this is not json');
  await error.waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('pct.framework')), null, 'a bad file saves nothing');

  // A good file: a force's own factor set, with a section of its own.
  const force = structuredClone(framework);
  force.id = 'force-x';
  force.version = 3;
  force.title = 'Force X DIF';
  force.sections[5].factors.push({ id: 'mentor', label: 'Has a trusted mentor' });
  force.sections.push({ id: 'online', title: 'Online activity', source: 'Force X guidance 2026', factors: [{ id: 'forums', label: 'Active on extremist forums' }] });
  await upload(page, 'force-x.json', JSON.stringify(force));
  await page.locator('#framework-saved').waitFor();
  assert.match(await page.locator('#framework-saved').innerText(), /Force X DIF \(version 3\) is saved/);

  // After a reload new assessments use it: its new section is a page of the PGA.
  await page.reload();
  await r.onPage(page, 'Settings', { axe: false });
  assert.match(await current.innerText(), /Force X DIF \(version 3\), 7 sections, 39 factors/);
  await page.goto('/officer/pga/start');
  await r.onPage(page, 'Start a Prevent Gateway Assessment', { axe: false });
  await page.getByRole('button', { name: 'Start now' }).click();
  await r.onPage(page, 'Case details', { axe: false });
  const id = page.url().match(/\/officer\/pga\/([0-9a-f-]{36})\//)[1];
  await page.goto(`/officer/pga/${id}/dif-online`);
  // Not de-conflicted yet: the page exists but waits (PGA-1).
  await r.onPage(page, 'Online activity', { axe: false });
  await page.getByText('You cannot start this yet').waitFor();
  await page.goto(`/officer/pga/${id}/dif-protective`);
  await r.onPage(page, 'Protective factors', { axe: false });

  // Back to the default.
  await page.goto('/officer/settings');
  await r.onPage(page, 'Settings', { axe: false });
  await page.getByRole('button', { name: 'Use the default framework' }).click();
  await page.locator('#framework-saved').waitFor();
  await page.reload();
  await r.onPage(page, 'Settings', { axe: false });
  assert.match(await current.innerText(), /version 1\), 6 sections, 37 factors/);
});
