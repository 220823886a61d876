'use strict';
// The benchmark (issue 9, item 1): the release build measured in headless Chromium, several
// runs each, printing the median and the spread (min–max) of every figure, next to its target.
// Not part of the test command: run it with `bash scripts/bench` (which builds first).
//
//   node bench/run.js [--runs 7]     (dist/ must hold a release build: bash scripts/build)
//
// Figures:
//   - bytes of each bundle's initial download, raw and gzip -9 (as scripts/size-budget counts);
//   - navigation to the first NRF question being interactive (an unlocked tab reloading a
//     draft's first question page: performance.now() when its first input is enabled);
//   - keystroke to validated re-render on the largest DIF page (the PGA's 13-factor
//     "Engagement" page), p50 and p95 of 200 keystrokes per run: from the input event to the
//     next macrotask, when Yew has re-rendered with the new validation;
//   - autosave latency: from the same input event to the encrypted localStorage write, which
//     since issue 22 (item 2) comes just after the frame that shows the keystroke: the figure
//     is then the frame's wait plus the save, and the save's own time is the "save task" row;
//   - listing 1,000 stored records: from the click on "Saved drafts" to the list on screen (its
//     first page of 50 rows and "Showing 1 to 50 of 1,000 records"), the first time in a new
//     tab (every entry opened) and again in the tab (the tab's sealed list index);
//   - exporting 1,000 records to CSV: from the click on "Download selected (CSV)" to the file;
//   - storage (issue 22, item 5): 1,000 realistic referrals (full answers: an address, a
//     nationality, concerns of about 1,500 characters, wellbeing and other information) stored,
//     the size of one sealed entry, the room left in localStorage (Chromium's quota, found by
//     filling it), so how many such records fit; and the first listing and CSV of those
//     (one run);
//   - unlocking a new tab (issue 16: the key lives in memory only): navigation to the records
//     hub on screen when another tab is unlocked and hands the key over; and, with none, the
//     navigation to the unlock page (the wait for an answer included) and from pressing Unlock
//     to the hub on screen (PBKDF2, 600,000 iterations).

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const os = require('node:os');
const { startServer, DEFAULT_DIST } = require('../e2e/lib/server');
const { launchBrowser } = require('../e2e/lib/browser');
const { setUpVault, passGate, PASSPHRASE } = require('../e2e/lib/vault');

const require_passphrase = () => PASSPHRASE;
const r = require('../e2e/lib/referral');
const pga = require('../e2e/lib/pga');

const argRuns = process.argv.indexOf('--runs');
const RUNS = Number(argRuns > 0 ? process.argv[argRuns + 1] : process.env.RUNS || 7);
// ONLY=records,storage (a comma list of download, first, keys, records, storage, unlock): only
// those groups of figures; every group when unset.
const ONLY = (process.env.ONLY || '').split(',').filter(Boolean);
const want = (group) => ONLY.length === 0 || ONLY.includes(group);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** The initial download of the bundle in `dir`, counted by scripts/size-budget (raw and gzip -9). */
function download(dir) {
  const out = require('node:child_process').execFileSync('bash', [path.join(__dirname, '..', 'scripts', 'size-budget'), dir], {
    env: { ...process.env, BUDGET_KB: '9999' },
    encoding: 'utf8',
  });
  const total = out.split('\n').find((l) => l.startsWith('TOTAL')).trim().split(/\s+/);
  return { raw: Number(total[1]), gzip: Number(total[2]) };
}

/** Runs `fn` RUNS times, each in a fresh browser profile; returns the list of its results. */
async function repeat(browser, baseURL, fn) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ baseURL, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      out.push(await fn(page, context));
    } finally {
      await context.close();
    }
  }
  return out;
}

async function unlockNewTab(page, context) {
  await setUpVault(page);
  const hub = (p) => p.locator('main h1', { hasText: 'Saved drafts' }).waitFor();
  const tab = await context.newPage();
  await tab.goto('/drafts');
  await hub(tab);
  const handshake = await tab.evaluate(() => performance.now());
  await tab.close();
  // No unlocked tab: lock them all, then a new tab asks for the passphrase.
  await page.locator('#lock-now').click();
  await page.locator('#passphrase').waitFor();
  const lone = await context.newPage();
  await lone.goto('/drafts');
  await lone.locator('#passphrase').waitFor();
  const gate = await lone.evaluate(() => performance.now());
  await lone.locator('#passphrase').fill(require_passphrase());
  const t0 = await lone.evaluate(() => {
    window.__t0 = performance.now();
    document.querySelector('#vault-submit').click();
    return window.__t0;
  });
  await hub(lone);
  const typed = (await lone.evaluate(() => performance.now())) - t0;
  return { handshake, gate, typed };
}

async function firstQuestion(page) {
  await setUpVault(page);
  await r.start(page);
  // The draft's first question page, loaded again as a partner coming back to it would.
  await page.locator('main input:not([disabled])').first().waitFor();
  await page.reload();
  await page.locator('main input:not([disabled])').first().waitFor();
  return page.evaluate(() => performance.now());
}

async function difKeystrokes(page) {
  await setUpVault(page, '/officer');
  const base = pga.straightToPlp({ slug: 'bench', reference: 'BENCH-1', ncia: 'NCIA/B/1', ctco: 'Bea Bench', supervisor: 'Sam Sergeant' });
  // Dates in the past whatever today is (the scenario's own are for a fixed clock).
  const s = { case: { ...base.case, received: ['2', '11', '2026'] }, deconfliction: { ...base.deconfliction, date: ['30', '10', '2026'] } };
  const id = await pga.startPga(page, { axe: false });
  await pga.fillCase(page, s.case);
  await r.pressContinue(page);
  await r.onPage(page, 'FIMU de-confliction', { axe: false });
  await pga.fillDeconfliction(page, s.deconfliction);
  await r.pressContinue(page);
  await r.onPage(page, 'Background checks', { axe: false });
  await page.goto(`/officer/pga/${id}/dif-engagement`);
  await r.onPage(page, 'Engagement with a group, cause or ideology', { axe: false });
  await page.locator('#dif-engagement-grievance-finding').focus();
  await page.keyboard.press('Space');
  const area = page.locator('#dif-engagement-grievance-evidence');
  await area.waitFor();
  return page.evaluate(async () => {
    // The next macrotask: after Yew's render (the save it queues comes after the next frame).
    const next = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); });
    const frame = () => new Promise((res) => requestAnimationFrame(() => requestIdleCallback(res)));
    const el = document.querySelector('#dif-engagement-grievance-evidence');
    const saves = [];
    // The save's own task: from its first read of storage to the draft's write.
    const own = [];
    let firstRead = null;
    const set = Storage.prototype.setItem;
    const get = Storage.prototype.getItem;
    Storage.prototype.getItem = function getItem(k) {
      if (firstRead === null) firstRead = performance.now();
      return get.call(this, k);
    };
    Storage.prototype.setItem = function setItem(k, v) {
      set.call(this, k, v);
      if (k.startsWith('pct.draft.')) {
        saves.push(performance.now());
        if (firstRead !== null) own.push(saves.at(-1) - firstRead);
      }
    };
    const render = [];
    const save = [];
    for (let i = 0; i < 200; i++) {
      const before = saves.length;
      firstRead = null;
      const t0 = performance.now();
      el.value += i % 10 === 9 ? ' ' : 'x';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await next();
      render.push(performance.now() - t0);
      firstRead = null;
      for (let w = 0; w < 10 && saves.length === before; w++) await frame();
      if (saves.length > before) save.push(saves[saves.length - 1] - t0);
    }
    Storage.prototype.setItem = set;
    Storage.prototype.getItem = get;
    return { render, save, own };
  });
}

/** A realistic referral's answers (issue 22, item 5): every optional text a partner would write. */
const sentence = 'They have shared videos praising an extremist group with other pupils, and said in class that violence against people of another faith is justified. ';
const REALISTIC = {
  forename: 'Alex',
  surname: 'Example',
  address: '14 Orchard Road, Northtown, NT1 2AB',
  nationality: 'British',
  concerns: sentence.repeat(10).trim(),
  wellbeing: 'Their parents separated last year and they have moved school twice. Staff report they have become withdrawn and spend break times alone online. '.repeat(4).trim(),
  other: 'Their older cousin is known to the school as a concern. The family do not yet know of this referral. '.repeat(4).trim(),
};

/** One finished referral (`answers`) downloaded as a selection, copied to `n` records with new ids. */
async function thousandRecords(page, n, answers = { forename: 'Alex', surname: 'Example' }, batch = 0) {
  await setUpVault(page);
  await r.finishPersonReferral(page, answers);
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#select-all').check();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#download-selected-json').click()]);
  const file = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  const one = file.records[0];
  if (process.env.BENCH_DEBUG) fs.writeFileSync(path.join(os.tmpdir(), 'bench-one-record.json'), JSON.stringify(one, null, 1));
  file.records = Array.from({ length: n }, () => {
    const id = crypto.randomUUID();
    // A finished record's reference carries the start of its id (NRF-<date>-<8 hex>).
    return { ...one, record_id: id, reference: one.reference.replace(/[0-9A-F]{8}$/, id.slice(0, 8).toUpperCase()) };
  });
  // In files under the import's 5 MB limit (import::MAX_BYTES): realistic records take two.
  const all = file.records;
  const per = batch || Math.max(1, Math.floor((4.5 * 1024 * 1024) / JSON.stringify(one).length));
  const tmp = path.join(os.tmpdir(), `bench-${process.pid}.json`);
  for (let i = 0; i < all.length; i += per) {
    file.records = all.slice(i, i + per);
    if (i > 0) {
      // The hub again, for the next file.
      await page.goto('/drafts');
      await r.onPage(page, 'Saved drafts', { axe: false });
    }
    fs.writeFileSync(tmp, JSON.stringify(file));
    if (process.env.BENCH_DEBUG) console.log(`import file: ${fs.statSync(tmp).size} bytes, ${file.records.length} records`);
    await page.locator('#import-file').setInputFiles(tmp);
    try {
      await page.locator('#import-confirm').waitFor({ timeout: 120000 });
    } catch (e) {
      await page.screenshot({ path: '/tmp/bench-import.png', fullPage: true });
      throw new Error(`the import of ${file.records.length} records was not offered: ${(await page.locator("main").innerText()).slice(0, 600)}`);
    }
    await page.locator('#import-confirm').click();
    await page.locator('#import-confirm').waitFor({ state: 'detached', timeout: 120000 });
    try {
      await page.locator('#import-done').waitFor({ timeout: 120000 });
    } catch (e) {
      // Storage full (the storage step fills it on purpose): what was stored stays.
      if (!batch) throw e;
      if (process.env.BENCH_DEBUG) console.log(`import stopped: ${(await page.locator('main').innerText()).slice(0, 400)}`);
      break;
    }
  }
  fs.rmSync(tmp, { force: true });
}

/** From the click on "Download selected (CSV)" (every record selected) to the file made. */
function timeCsv(page) {
  return page.evaluate(async () => {
    const made = new Promise((res) => {
      const create = URL.createObjectURL;
      URL.createObjectURL = function createObjectURL(b) {
        res(performance.now());
        return create.call(this, b);
      };
    });
    const t0 = performance.now();
    document.querySelector('#download-selected-csv').click();
    return (await made) - t0;
  });
}

/** From the click on "Saved drafts" (on the referral start page) to the list on screen. */
async function timeList(page, count = '1,000') {
  await page.goto('/referral/start');
  await r.onPage(page, 'Make a Prevent referral', { axe: false });
  return page.evaluate(async (count) => {
    const t0 = performance.now();
    document.querySelector('header a[href="/drafts"]').click();
    for (;;) {
      await new Promise((res) => requestAnimationFrame(res));
      // The list comes in pages (GOV.UK pagination, 50 a page): the first page's rows and the
      // line that counts all 1,000 ("Showing 1 to 50 of 1,000 records").
      const rows = document.querySelectorAll('#drafts-table tbody tr').length;
      const range = document.querySelector('#records-range');
      if (rows >= 50 && range && range.textContent.endsWith(`of ${count} records`)) return performance.now() - t0;
      if (performance.now() - t0 > 60000) return NaN;
    }
  }, count);
}

async function listAndCsv(page, context, answers) {
  await thousandRecords(page, 999, answers);
  // Cold: a new tab (its own session), unlocked, listing for the first time: every entry is
  // opened and the tab's sealed list index is written (docs/decisions/0011-performance.md).
  const tab = await context.newPage();
  await tab.goto('/referral/start');
  await passGate(tab);
  const cold = await timeList(tab);
  await tab.close();
  // Warm: the tab that imported them lists again (its index is up to date).
  const list = await timeList(page);
  await page.locator('#select-all').check();
  const csv = await timeCsv(page);
  return { cold, list, csv };
}

/**
 * 1,000 realistic records stored: the size of one sealed entry, what the toolkit keeps in
 * localStorage, and the room left (Chromium's quota found by filling it with ASCII, as sealed
 * entries are), so how many such records fit; then the first listing and CSV of them.
 */
async function storage(page, context) {
  // Imported 100 at a time until 1,000 are stored or storage is full.
  await thousandRecords(page, 999, REALISTIC, 100);
  const room = await page.evaluate(() => {
    let used = 0;
    let records = 0;
    let recordChars = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const n = k.length + localStorage.getItem(k).length;
      used += n;
      if (k.startsWith('pct.draft.')) {
        records += 1;
        recordChars += n;
      }
    }
    // The room left: the largest fillers that still fit, halving down to 64 characters.
    let free = 0;
    const keys = [];
    for (let chunk = 1 << 22; chunk >= 64;) {
      const k = `bench.fill.${keys.length}`;
      try {
        localStorage.setItem(k, 'x'.repeat(chunk));
        keys.push(k);
        free += k.length + chunk;
      } catch {
        chunk >>= 1;
      }
    }
    for (const k of keys) localStorage.removeItem(k);
    return { used, records, per: recordChars / records, free };
  });
  // The first listing of them in a new tab, and their CSV.
  const count = room.records.toLocaleString('en-GB');
  const tab = await context.newPage();
  await tab.goto('/referral/start');
  await passGate(tab);
  const cold = await timeList(tab, count);
  await tab.locator('#select-all').check();
  const csv = await timeCsv(tab);
  return { ...room, cold, csv };
}

(async () => {
  const dist = DEFAULT_DIST;
  if (!fs.existsSync(path.join(dist, 'trainer', 'index.html'))) throw new Error('build first: bash scripts/build');
  const server = await startServer({});
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const { name, sub } of want('download') ? require('../scripts/bundles').load() : []) {
      const d = download(path.join(dist, sub));
      rows.push([`initial download, ${name}`, `${(d.raw / 1024).toFixed(1)} kB raw, ${(d.gzip / 1024).toFixed(1)} kB gzip`, '', name === 'trainer' ? '' : '≤ 150 kB gzip']);
    }
    if (want('first')) {
    const fq = await repeat(browser, server.url, firstQuestion);
    rows.push(['first NRF question interactive', ms(median(fq)), `${ms(Math.min(...fq))}–${ms(Math.max(...fq))}`, '≤ 150 ms median']);
    }
    if (want('keys')) {
    const keys = await repeat(browser, server.url, difKeystrokes);
    const p50s = keys.map((k) => median(k.render));
    const p95s = keys.map((k) => pct(k.render, 95));
    const save95 = keys.map((k) => pct(k.save, 95));
    rows.push(['keystroke → re-render, DIF page, p50', ms(median(p50s)), `${ms(Math.min(...p50s))}–${ms(Math.max(...p50s))}`, '']);
    rows.push(['keystroke → re-render, DIF page, p95', ms(median(p95s)), `${ms(Math.min(...p95s))}–${ms(Math.max(...p95s))}`, '≤ 4 ms']);
    rows.push(['autosave, keystroke to stored (after the frame), p95', ms(median(save95)), `${ms(Math.min(...save95))}–${ms(Math.max(...save95))}`, '']);
    const own95 = keys.map((k) => pct(k.own, 95));
    rows.push(['autosave, the save task itself (encrypted write), p95', ms(median(own95)), `${ms(Math.min(...own95))}–${ms(Math.max(...own95))}`, '≤ 5 ms']);
    }
    if (want('records')) {
    const lc = await repeat(browser, server.url, (p, c) => listAndCsv(p, c));
    const lists = lc.map((x) => x.list);
    const csvs = lc.map((x) => x.csv);
    const colds = lc.map((x) => x.cold);
    rows.push(['list 1,000 stored records (again in a tab)', ms(median(lists)), `${ms(Math.min(...lists))}–${ms(Math.max(...lists))}`, '≤ 100 ms']);
    rows.push(['list 1,000 stored records (first in a new tab)', ms(median(colds)), `${ms(Math.min(...colds))}–${ms(Math.max(...colds))}`, '≤ 100 ms']);
    rows.push(['1,000 records to CSV', ms(median(csvs)), `${ms(Math.min(...csvs))}–${ms(Math.max(...csvs))}`, '≤ 150 ms']);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ colds, lists, csvs }));
    }
    if (want('storage')) {
      // One run: the sizes do not vary, and it takes a while.
      const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      try {
        const st = await storage(await context.newPage(), context);
        const fits = st.records + Math.floor(st.free / st.per);
        rows.push(['realistic record, sealed entry', `${(st.per / 1024).toFixed(2)} kB`, '', '']);
        rows.push([`localStorage with ${st.records} of them`, `${st.used} characters used, ${st.free} left`, '', '']);
        rows.push(['realistic records that fit in localStorage', `${fits}`, '', '≥ 1,000 with room to spare']);
        rows.push([`list ${st.records} realistic records (first in a new tab), 1 run`, ms(st.cold), '', '']);
        rows.push([`${st.records} realistic records to CSV, 1 run`, ms(st.csv), '', '']);
        if (process.env.BENCH_DEBUG) console.log(JSON.stringify(st));
      } finally {
        await context.close();
      }
    }
    if (want('unlock')) {
    const un = await repeat(browser, server.url, unlockNewTab);
    for (const [label, xs] of [
      ['new tab to hub, key from another tab', un.map((x) => x.handshake)],
      ['new tab to unlock page, no tab unlocked', un.map((x) => x.gate)],
      ['Unlock pressed to hub (PBKDF2)', un.map((x) => x.typed)],
    ]) rows.push([label, ms(median(xs)), `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`, '']);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const head = ['figure', 'median', 'spread (min–max)', 'target'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  console.log(`\nBenchmark: ${RUNS} runs each, headless Chromium, ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), ${new Date().toISOString().slice(0, 10)}`);
  for (const row of all) console.log(row.map((c, i) => c.padEnd(w[i])).join(' | '));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
