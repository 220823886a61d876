'use strict';
// Offline use (issue 9, item 3; labels OFF-1..3 and how it is built in
// docs/decisions/0007-offline.md): after one visit, each bundle's
// service worker has cached its app shell, so with the network off the app loads, a referral
// can be completed from start to finish, and the drafts are all there; a new build on the server
// is used on the next load, without losing a draft, and is what the cache then holds.
//
// "The network off" is both at once: the server stopped (connection refused) and the browser
// context offline. Each test serves its own copy of dist/ on a fixed port (a service worker
// belongs to an origin, port included), so it can stop it, change it and start it again.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, DEFAULT_DIST } = require('./lib/server');
const { launchBrowser, newGuardedPage, screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const vault = require('./lib/vault');
const r = require('./lib/referral');
const { shippedScenarios } = require('./lib/trainer');

const SHIPPED = shippedScenarios();

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

/** A copy of dist/ served on a free port that can be stopped and started again. */
async function servedCopy(t) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-offline-'));
  fs.cpSync(DEFAULT_DIST, root, { recursive: true });
  const site = { root, server: await startServer({ root }) };
  site.url = site.server.url;
  site.port = site.server.port;
  site.stop = async () => {
    if (site.server) await site.server.close();
    site.server = null;
  };
  site.start = async () => {
    site.server = await startServer({ root, port: site.port });
  };
  t.after(async () => {
    await site.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return site;
}

/** A guarded page (no console error, no request off 127.0.0.1) on the served copy. */
async function openOn(t, site) {
  const g = await newGuardedPage(browser, site.url);
  t.after(async () => {
    await g.close();
    g.assertClean();
  });
  return g;
}

/** Waits until the page is controlled by the worker at `script` (its cache filled: install is done). */
async function controlledBy(page, script) {
  await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready, new Promise((_, no) => setTimeout(() => no(new Error(`no service worker controls ${location.pathname}`)), 10000))]),
  );
  // A page first controlled by a wider scope's worker (the partners' "/", registered on an
  // earlier page) is claimed by its own bundle's worker once that is active.
  await page.waitForFunction((s) => {
    const c = navigator.serviceWorker.controller;
    return !!c && new URL(c.scriptURL).pathname === s;
  }, script);
}

/** The names of the offline caches this origin keeps, sorted. */
/** The caches of the bundles' app shells (not the deployment settings' own, decision 0021). */
async function cacheNames(page) {
  return (await page.evaluate(() => caches.keys())).filter((n) => n !== 'pct-deployment').sort();
}

/** The deployment settings the workers keep for offline use, as text, or null. */
async function keptSettings(page) {
  return page.evaluate(() => caches.open('pct-deployment').then((c) => c.match('/deployment.json')).then((r) => (r ? r.text() : null)));
}

async function networkOff(g, site) {
  await site.stop();
  await g.context.setOffline(true);
}

async function networkOn(g, site) {
  await site.start();
  await g.context.setOffline(false);
}

/** Loads `url` and checks that the page came from the service worker, not the network. */
async function loadFromCache(page, url) {
  const res = url ? await page.goto(url) : await page.reload();
  assert.ok(res, 'no response for the page');
  assert.equal(res.fromServiceWorker(), true, `${page.url()} did not come from the offline cache`);
  await page.locator('main#main-content h1').first().waitFor({ state: 'visible' });
}

/** The marker of the page's build that the update test adds, or null. */
const build = (page) => page.evaluate(() => document.querySelector('meta[name="pct-build"]')?.content ?? null);

const h1 = async (page) => (await page.locator('main#main-content h1').first().innerText()).trim();

test('OFF-1: after one visit, a partner completes a referral with the network off, and keeps every draft', async (t) => {
  const site = await servedCopy(t);
  const g = await openOn(t, site);
  const { page } = g;

  // The one visit: set the passphrase, start a referral, answer its first pages.
  await vault.setUpVault(page);
  await controlledBy(page, '/sw.js');
  const names = await cacheNames(page);
  assert.equal(names.length, 1, `one cache for the partners' bundle: ${names}`);
  assert.match(names[0], /^pct-partners-[0-9a-f]{16}$/);
  // The deployment settings too (issue 20), in a cache of their own.
  assert.match(String(await keptSettings(page)), /Exampleton Constabulary/);
  const started = await r.startToAboutYou(page);

  await networkOff(g, site);
  // A reload: the page, wasm, JS and CSS all come from the cache; the tab stays unlocked.
  await loadFromCache(page);
  assert.equal(await h1(page), 'About you');
  await assertNoAxeViolations(page, 'About you, offline');
  // A whole referral, start to "Your referral is ready to send", with the network off.
  const { id, reference } = await r.finishPersonReferral(page);
  assert.match(reference, /\S/);
  // Where to send it, from the kept settings.
  assert.equal(await page.locator('#referral-email').inputValue(), 'prevent.referrals@example.org');
  // A new tab, offline, opening a link to the list: both drafts are there.
  const other = await g.context.newPage();
  await loadFromCache(other, '/drafts');
  await vault.passGate(other);
  await other.locator('#drafts-table tbody tr').first().waitFor({ state: 'visible' });
  assert.equal(await other.locator('#drafts-table tbody tr').count(), 2, 'the two referrals are listed');
  assert.ok((await other.locator(`#drafts-table a[href*="${started}"]`).count()) > 0, 'the referral started online is not listed');
  assert.ok((await other.locator(`#drafts-table a[href*="${id}"]`).count()) > 0, 'the referral finished offline is not listed');
  await screenshot(other, 'offline-drafts');
  await other.close();
});

test('OFF-2: a new build is used on the next load, its cache replaces the old one, and no draft is lost', async (t) => {
  const site = await servedCopy(t);
  const g = await openOn(t, site);
  const { page } = g;
  await vault.setUpVault(page);
  await controlledBy(page, '/sw.js');
  const [oldCache] = await cacheNames(page);
  const id = await r.start(page);
  await r.beforeYouStartAndAboutYou(page);
  await r.onPage(page, 'Who or what is the referral about?', { axe: false });
  const before = await vault.storedDrafts(page);
  assert.equal(await build(page), null);
  assert.ok(before[id], 'the draft was not stored');

  // A new build on the server: another page (a <meta> names it) and so another worker.
  await site.stop();
  const index = path.join(site.root, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</title>', '</title><meta name="pct-build" content="new">'));
  const sw = path.join(site.root, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]{16})"/, (_, v) => `const VERSION = "${[...v].reverse().join('')}"`));
  await site.start();

  // The next load uses it, and the draft is where it was.
  await page.reload();
  await page.locator('main#main-content h1').first().waitFor({ state: 'visible' });
  assert.equal(await build(page), 'new');
  assert.equal(await h1(page), 'Who or what is the referral about?');
  // The new worker takes over and deletes the old cache once its own is complete.
  let names = [];
  for (let i = 0; ; i++) {
    names = await cacheNames(page);
    if (names.length === 1 && names[0] !== oldCache) break;
    assert.ok(i < 100, `the new build's worker did not replace the old cache within 10 s: ${names}`);
    await page.waitForTimeout(100);
  }
  const [newCache] = names;
  assert.match(newCache, /^pct-partners-[0-9a-f]{16}$/);
  assert.deepEqual(await vault.storedDrafts(page), before, 'the update changed what is stored');

  // Offline, the cache serves the new build.
  await networkOff(g, site);
  await loadFromCache(page);
  assert.equal(await build(page), 'new');
  assert.equal(await h1(page), 'Who or what is the referral about?');
  await networkOn(g, site);
});

test('OFF-3 OFF-1: the officers\' and trainer\'s bundles each cache their own app, and load with the network off', async (t) => {
  const site = await servedCopy(t);
  const g = await openOn(t, site);
  const { page } = g;
  await vault.setUpVault(page);
  await page.goto('/officer/deadlines');
  await controlledBy(page, '/officer/sw.js');
  const trainer = await g.context.newPage();
  await trainer.goto('/trainer');
  await trainer.locator('main#main-content h1').first().waitFor({ state: 'visible' });
  await controlledBy(trainer, '/trainer/sw.js');
  const names = await cacheNames(page);
  assert.deepEqual(names.map((n) => n.replace(/-[0-9a-f]{16}$/, '')), ['pct-officers', 'pct-partners', 'pct-trainer']);

  await networkOff(g, site);
  await loadFromCache(page, '/officer/deadlines');
  assert.equal(await h1(page), 'Deadline calculator');
  // "/officer" has no slash, so it is not in the officers' scope ("/officer/"): the page the
  // officers' cache keeps for it is found all the same (caches.match looks in every cache).
  await loadFromCache(page, '/officer');
  assert.notEqual(await h1(page), 'Page not found');
  await loadFromCache(trainer, '/trainer');
  assert.match(await trainer.locator('body').innerText(), /TRAINING — FICTIONAL/);
  // The shipped scenarios are files the trainer fetches (not in its WebAssembly): its worker
  // cached them with the app, so every one is listed and a scenario opens offline, from the
  // list and from a link to it.
  await trainer.locator('#scenarios tbody tr').first().waitFor({ state: 'visible' });
  assert.equal(await trainer.locator('#scenarios tbody tr').count(), SHIPPED.length, 'every shipped scenario is listed offline');
  assert.equal(await trainer.locator('#scenarios-problem').count(), 0, 'a scenario could not be read offline');
  await trainer.locator('#scenario-remarks-in-the-canteen').click();
  await trainer.locator('main h1', { hasText: 'Remarks in the canteen (fictional)' }).waitFor({ state: 'visible' });
  assert.match(await trainer.locator('#case-file').innerText(), /The referral as received/);
  await loadFromCache(trainer, '/trainer/scenario/a-pupil-who-talks-of-travelling');
  await trainer.locator('main h1', { hasText: 'A pupil who talks of travelling' }).waitFor({ state: 'visible' });
  await trainer.locator('#start-scenario').waitFor({ state: 'visible' });
  await assertNoAxeViolations(trainer, 'a scenario, offline');
  // The JSON Schemas the records hub links to are cached too.
  const schema = await page.evaluate(() => fetch('/officer/schemas/pga-record-v1.schema.json').then((res) => res.json()));
  assert.match(schema.$id || schema.title || '', /pga/i);
  await trainer.close();
});

test('SIM-1: a shipped scenario file that cannot be read is left out and named, the others work; an unreadable list of them is said, with what to do', async (t) => {
  const site = await servedCopy(t);
  const dir = path.join(site.root, 'trainer', 'scenarios');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['index.json', ...SHIPPED.map((s) => s.file)].sort(), 'the build copies every scenario file and the index');
  // A damaged file on the server (the trainer's first visit, so nothing cached yet).
  fs.writeFileSync(path.join(dir, '04-remarks-in-the-canteen.json'), '{"format": "prevent-toolkit/scenario", ');
  const g = await openOn(t, site);
  const { page } = g;
  await page.goto('/trainer');
  await page.locator('#scenarios tbody tr').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('#scenarios tbody tr').count(), SHIPPED.length - 1, 'the damaged scenario is left out, the rest listed');
  const problem = await page.locator('#scenarios-problem').innerText();
  assert.match(problem, /The scenario 'Remarks in the canteen \(fictional\)' \(04-remarks-in-the-canteen\.json\) could not be read, so it is not listed/);
  await assertNoAxeViolations(page, 'the scenarios with one unreadable');
  await screenshot(page, 'trainer-scenario-unreadable');
  // Its page says why; another scenario works.
  await page.goto('/trainer/scenario/remarks-in-the-canteen');
  await page.locator('main h1', { hasText: 'This scenario cannot be shown' }).waitFor({ state: 'visible' });
  assert.match(await page.locator('#scenarios-problem').innerText(), /04-remarks-in-the-canteen\.json/);
  await page.goto('/trainer/scenario/stickers-at-exampleton-station');
  await page.locator('main h1', { hasText: 'Stickers at Exampleton Central station' }).waitFor({ state: 'visible' });

  // The list itself unreadable (a fresh browser, nothing cached): said, with what to do; the
  // page still offers to add a scenario from a file.
  fs.writeFileSync(path.join(dir, 'index.json'), 'not json');
  const g2 = await openOn(t, site);
  await g2.page.goto('/trainer');
  await g2.page.locator('#scenarios-problem').waitFor({ state: 'visible' });
  assert.match(await g2.page.locator('#scenarios-problem').innerText(), /The scenarios that come with the toolkit could not be loaded: the list of them .*reload this page/s);
  await g2.page.locator('#scenarios').waitFor({ state: 'visible' });
  assert.equal(await g2.page.locator('#scenarios tbody tr').count(), 0);
  assert.ok(await g2.page.locator('#scenario-file').isVisible(), 'the upload of a scenario file is offered');
  await assertNoAxeViolations(g2.page, 'the scenarios, their list unreadable');
});
