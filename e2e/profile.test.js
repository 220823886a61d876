'use strict';
// Issue 16, item 2: nothing typed reaches the browser's own files, and neither does the key.
// DESIGN.md, "Security model": "Record fields carry autocomplete="off" (and nothing typed reaches
// the browser's autofill or session-restore files); an end-to-end test searches a real browser
// profile after lock and exit." Labels: SEC-1 (encryption at rest), SEC-2 (lock).
//
// A real Chromium profile (--user-data-dir in a fresh temp folder, playwright-core's
// launchPersistentContext) is driven as a user would: a whole referral (partners' bundle) and a
// whole Gateway Assessment (officers' bundle), with a distinctive string typed into every kind
// of field; then "Lock now", and the browser is closed normally. Every file of the profile
// folder is then read and searched, as raw bytes and as UTF-16LE (Chromium's session files keep
// page state in UTF-16), for every string typed. A second profile is killed (SIGKILL of the
// browser process) while a field is being typed into, and searched the same way. Last, the
// vault's key, derived here in Node exactly as the app derives it (PBKDF2-SHA256, 600,000
// iterations, the salt in `pct.vault`), is searched for in both folders: its raw bytes, base64
// and hex. The attacker this models holds a copy of the profile folder (a stolen laptop, a
// backup, a shared machine) but not the passphrase.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('./lib/server');
const { CHROMIUM, CHROMIUM_ARGS, CONTEXT_OPTIONS, guardContext } = require('./lib/browser');
const { faultTable } = require('./lib/faults');
const r = require('./lib/referral');
const p = require('./lib/pga');
const vault = require('./lib/vault');

const fault = faultTable({ test }, 'profile');
let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  if (server) await server.close();
  // Keep the folders of a failed run for a look (under target/tmp when scripts/test runs this).
  for (const run of [exited, killed]) if (run.dir && run.clean) fs.rmSync(run.dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// What was typed, and searching a folder for it

/** Letters only, so that every field's validation takes them and no encoding changes them. */
const LETTERS = 'bcdfghjkmnpqrstvwxz';
/** A string found nowhere else: ten random letters. */
function token() {
  return Array.from(crypto.randomBytes(10), (b) => LETTERS[b % LETTERS.length]).join('');
}
/** Nine random digits (after "07": a UK mobile number). */
function digits() {
  return Array.from(crypto.randomBytes(9), (b) => String(b % 10)).join('');
}

/** The strings typed into one profile: {field, value, needle} (needle: what is searched for). */
function typedLog() {
  const log = [];
  return {
    log,
    /** A value for `field` built by `make` around a fresh token; the token is searched for. */
    text(field, make = (t) => `${field} ${t}`) {
      const needle = token();
      const value = make(needle[0].toUpperCase() + needle.slice(1));
      log.push({ field, value, needle: needle[0].toUpperCase() + needle.slice(1) });
      return value;
    },
    phone(field) {
      const value = `07${digits()}`;
      log.push({ field, value, needle: value });
      return value;
    },
  };
}

/** Every regular file under `dir` (sockets and symbolic links, such as SingletonLock, skipped). */
function filesUnder(dir) {
  const out = [];
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return out; // not made yet, or gone while the browser runs
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Searches every file under `dir` for each of `needles` ({label, text} or {label, bytes}): text
 * as UTF-8 and as UTF-16LE, bytes as they are. Returns the hits: [{label, file, as}]. Fails if
 * `dir` has fewer than `minFiles` files (a wrong folder would find nothing).
 */
function search(dir, needles, minFiles = 20) {
  const forms = needles.flatMap((n) =>
    n.bytes
      ? [{ label: n.label, as: 'bytes', bytes: n.bytes }]
      : [
          { label: n.label, as: 'UTF-8', bytes: Buffer.from(n.text, 'utf8') },
          { label: n.label, as: 'UTF-16LE', bytes: Buffer.from(n.text, 'utf16le') },
        ],
  );
  const hits = [];
  let files = 0;
  for (const file of filesUnder(dir)) {
    let data;
    try {
      data = fs.readFileSync(file);
    } catch (err) {
      if (err.code === 'ENOENT') continue; // gone between listing and reading
      throw err;
    }
    files += 1;
    for (const f of forms) if (data.includes(f.bytes)) hits.push({ label: f.label, file: path.relative(dir, file), as: f.as });
  }
  assert.ok(files >= minFiles, `only ${files} files in the profile folder ${dir}: is it the profile?`);
  return hits;
}

/** The hits, one line per file, for a failure message and for the record. */
function describeHits(hits) {
  const byFile = new Map();
  for (const h of hits) {
    if (!byFile.has(h.file)) byFile.set(h.file, []);
    byFile.get(h.file).push(`${h.label} (${h.as})`);
  }
  return [...byFile].map(([file, what]) => `  ${file}: ${what.join(', ')}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// The key, derived as the app derives it

/** The vault's record (`pct.vault`), read from the page's localStorage. */
const vaultRecord = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('pct.vault')));

/**
 * The vault's key for PASSPHRASE, derived in Node as the app does (src/services/crypto.rs:
 * PBKDF2-SHA256 over the passphrase's UTF-8 bytes, the salt of `pct.vault`, its iterations
 * (600,000), 32 bytes), and checked: it opens the record's check value (AES-256-GCM,
 * crates/core/src/vault.rs and sealed.rs), so a search for it is a search for the real key. The
 * salt is noted in `run`, for the search's own check.
 */
function deriveKey(meta, run) {
  assert.ok(meta && meta.salt, 'no vault record (pct.vault) to read the salt from');
  run.salt = meta.salt;
  assert.ok(meta.iterations >= 600000, `iterations ${meta.iterations}`);
  const key = crypto.pbkdf2Sync(vault.PASSPHRASE.normalize('NFC'), Buffer.from(meta.salt, 'base64'), meta.iterations, 32, 'sha256');
  const sealed = JSON.parse(meta.check);
  const ct = Buffer.from(sealed.ct, 'base64');
  const storageKey = 'pct.vault';
  const form = 'vault-entry';
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
  decipher.setAAD(Buffer.from(`prevent-toolkit/sealed-draft/1\n${storageKey.length}:${storageKey}\n${form.length}:${form}`));
  decipher.setAuthTag(ct.subarray(ct.length - 16));
  let check;
  try {
    check = Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]).toString();
  } catch {
    assert.fail('the key derived here does not open the vault check value: the derivation differs from the app');
  }
  assert.equal(check, 'prevent-toolkit/vault-check/1');
  return key;
}

/**
 * The forms the key could take in a file: raw bytes, hex (either case) and base64 (standard
 * and URL-safe). For base64 the first 42 characters are searched: they encode the key's first
 * 252 bits whatever follows it (the app kept the key and salt together, base64 encoded, in
 * sessionStorage: `pct.session`).
 */
function keyNeedles(key) {
  const b64 = key.toString('base64').slice(0, 42);
  return [
    { label: 'the key (raw bytes)', bytes: key },
    { label: 'the key (hex)', text: key.toString('hex') },
    { label: 'the key (HEX)', text: key.toString('hex').toUpperCase() },
    { label: 'the key (base64)', text: b64 },
    { label: 'the key (base64url)', text: b64.replace(/\+/g, '-').replace(/\//g, '_') },
  ];
}

// ---------------------------------------------------------------------------------------------
// A real profile

/** A fresh profile folder. */
function newProfileDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `pct-profile-${name}-`));
}

/** Chromium on profile folder `dir`, guarded as every e2e page is; returns {context, page, ...}. */
async function openProfile(dir) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: server.url,
    ...CONTEXT_OPTIONS,
  });
  const guard = guardContext(context, server.url);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, ...guard };
}

/** The browser's own process (not a renderer or helper: those have --type=) for profile `dir`. */
function browserPid(dir) {
  const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const found = [];
  for (const pid of pids) {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (argv.includes(`--user-data-dir=${dir}`) && !argv.some((a) => a.startsWith('--type='))) found.push(Number(pid));
  }
  assert.equal(found.length, 1, `the browser process of ${dir}: found ${found.join(', ') || 'none'}`);
  return found[0];
}

/** Whether any process still runs on profile `dir`. */
function profileInUse(dir) {
  return fs.readdirSync('/proc').some((pid) => {
    try {
      return /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${dir}`);
    } catch {
      return false;
    }
  });
}

/** Waits (polling from Node) until `cond()` holds: a state on disk or of the processes. */
async function until(cond, what, ms = 20000) {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`waited ${ms / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The names, sizes and times of the files of profile folder `dir`'s Default/`sub`: they change when the browser writes there. */
function written(dir, sub) {
  const folder = path.join(dir, 'Default', sub);
  return filesUnder(folder)
    .map((f) => {
      try {
        const st = fs.statSync(f);
        return `${f}:${st.size}:${st.mtimeMs}`;
      } catch {
        return f;
      }
    })
    .join();
}

/** Presses "Lock now" (every page has it) with the keyboard, and waits for the unlock form. */
async function lockNow(page) {
  await page.locator('#lock-now').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main h1')?.innerText.trim() === 'Enter your passphrase to continue');
}

/**
 * The names of the form controls in `page`'s main content, added to `names`: the session files
 * keep a form's restorable state under these names (radios "on"/"off", a date box's digits, the
 * option chosen), which no search for a typed string would find.
 */
async function controlNames(page, names = NAMES.get(page)) {
  if (!names) return;
  const found = await page.evaluate(() => [...document.querySelectorAll('main input[name], main textarea[name], main select[name]')].filter((e) => e.type !== 'password').map((e) => e.name));
  found.forEach((n) => names.add(n));
}

/** The control names noted in a page (for the pages that note them). */
const NAMES = new WeakMap();

/** Presses Continue and waits for the page `heading` (noting the page's control names first). */
async function next(page, heading, button) {
  await controlNames(page);
  await r.pressContinue(page, button);
  try {
    await r.onPage(page, heading, { axe: false });
  } catch (err) {
    // Say what the page shows instead (an error summary, a save problem).
    const shown = await page.locator('main').innerText().catch(() => '');
    err.message += `\n\nThe page ${page.url()} shows instead:\n${shown.slice(0, 600)}`;
    throw err;
  }
}

/**
 * A whole referral about a person under 18, typed key by key, with a distinctive string in every
 * text field and textarea, and an answer in every other kind of field (date, number, select,
 * radios, checkboxes). Ends on "Your referral is ready to send".
 */
async function typeReferral(page, typed) {
  const type = (label, value) => r.type(page, label, value);
  const byId = async (id, value) => {
    await page.locator(`#${id}`).fill('');
    await page.locator(`#${id}`).pressSequentially(value);
  };
  await r.startToAboutYou(page);
  await type('Full name', typed.text('referrer name'));
  await type('Job title or role (optional)', typed.text('referrer role'));
  await type('Organisation', typed.text('referrer organisation'));
  await page.getByLabel('Sector (optional)').selectOption('education');
  await type('Your relationship to the person or matter (optional)', typed.text('referrer relationship'));
  await type('Phone number', typed.phone('referrer phone'));
  await type('Email address', typed.text('referrer email', (t) => `${t.toLowerCase()}@example.org`));
  typed.log.at(-1).needle = typed.log.at(-1).needle.toLowerCase();
  await next(page, 'Who or what is the referral about?');
  await r.choose(page, 'A person');
  await next(page, 'About the person');
  await type('First name(s)', typed.text('subject forename', (t) => t));
  await type('Last name', typed.text('subject surname', (t) => t));
  await type('If you do not know their name, describe them', typed.text('subject description'));
  await type('Day', '14');
  await type('Month', '2');
  await type('Year', '2012');
  await type('If you do not know their date of birth, their approximate age', '14');
  await r.choose(page, 'Other or not known');
  await next(page, 'Their address and other details');
  await type('Address (optional)', typed.text('subject address'));
  await type('Phone number (optional)', typed.phone('subject phone'));
  await type('Email address (optional)', typed.text('subject email', (t) => `${t.toLowerCase()}@example.net`));
  typed.log.at(-1).needle = typed.log.at(-1).needle.toLowerCase();
  await type('Nationality or citizenship (optional)', typed.text('subject nationality', (t) => t));
  await type('Immigration or asylum status, if known (optional)', typed.text('subject immigration'));
  await type('Main language (optional)', typed.text('subject language', (t) => t));
  await type('Family and household details (optional)', typed.text('subject family'));
  await next(page, 'Describe your concerns');
  await type('In as much detail as possible, describe the specific concerns', typed.text('concerns'));
  await byId('concerns-noticed-day', '3');
  await byId('concerns-noticed-month', '11');
  await byId('concerns-noticed-year', '2026');
  await r.choose(page, 'Extreme right-wing');
  await next(page, 'Their wellbeing and needs');
  await type('Is there anything in their life that might be affecting their wellbeing or making them vulnerable in any sense? (optional)', typed.text('wellbeing'));
  await next(page, 'What you have done so far');
  for (const legend of [
    'Have you discussed your concerns with your safeguarding lead or Prevent lead?',
    'Have you told the person that you are making this referral?',
    'Have you taken any direct action since you received this information?',
    'Have you discussed your concerns with any other agencies?',
    'They are under 18. Have their parents or carers been told about your concerns?',
  ]) {
    await r.answerYesNo(page, legend, 'Yes');
  }
  // Each "Yes" reveals its "Give details of …" box.
  const details = page.getByLabel(/^Give details of /);
  await details.nth(4).waitFor();
  for (let i = 0; i < (await details.count()); i++) {
    await details.nth(i).fill('');
    await details.nth(i).pressSequentially(typed.text(`details ${i + 1}`));
  }
  await next(page, 'Work and education');
  await type('Current job and employer (optional)', typed.text('current job'));
  await type('Previous jobs (optional)', typed.text('previous jobs'));
  await type('Current school, college or university (optional)', typed.text('current school'));
  await type('Previous schools, colleges or universities (optional)', typed.text('previous schools'));
  await next(page, 'Other information');
  await type('Which other agencies or professionals are involved, if any? (optional)', typed.text('other agencies'));
  await type('Is there anything else the Prevent team should know? (optional)', typed.text('anything else'));
  await next(page, 'Check your answers before finishing your referral');
  await next(page, 'Declaration');
  await r.choose(page, 'I confirm that this is a Prevent referral, not a request for advice, and that the information I have given is correct to the best of my knowledge');
  await next(page, 'Your referral is ready to send', 'Confirm and finish referral');
}

/**
 * A whole Gateway Assessment (e2e/lib/pga.js, completePga: every page by keyboard), with a
 * distinctive case reference, CTCO, de-confliction reference, evidence, summary, rationale and
 * supervisor; dates, a select, radios and checkboxes answered on the way.
 */
async function typePga(page, typed) {
  const s = p.straightToPlp({
    slug: 'profile',
    reference: typed.text('case reference', (t) => `PCM-${t}`),
    ncia: typed.text('de-confliction reference', (t) => `NCIA-${t}`),
    ctco: typed.text('CTCO', (t) => `DC ${t}`),
    supervisor: typed.text('supervisor', (t) => `DS ${t}`),
  });
  s.deconfliction.before = ['Gathered basic biographical data from local systems or the referrer'];
  s.dif = { capability: { present: { access: typed.text('DIF evidence') } } };
  s.assessment.summary = typed.text('assessment summary');
  s.rationale = typed.text('decision rationale');
  await p.completePga(page, s, { axe: false, visit: () => controlNames(page) });
}

// ---------------------------------------------------------------------------------------------
// The two runs, and the rows

/** The profile closed normally, and the one killed: their folders, what was typed, the key. */
const exited = { dir: null, typed: null, key: null, salt: null, clean: false };
const killed = { dir: null, typed: null, key: null, salt: null, clean: false };

/**
 * Asserts that no string of `typed` is in any file of `dir` (and the passphrase neither), and
 * that the session files keep no form state under any of `names` (the record's controls).
 */
function assertNothingTyped(dir, typed, when, names = new Set()) {
  const needles = [...typed.log.map((t) => ({ label: t.field, text: t.needle })), { label: 'the passphrase', text: vault.PASSPHRASE }];
  const hits = search(dir, needles);
  const sessions = path.join('Default', 'Sessions');
  const state = search(path.join(dir, sessions), [...names].map((n) => ({ label: `form state of ${n}`, text: n })), 1).map((h) => ({ ...h, file: path.join(sessions, h.file) }));
  assert.equal(hits.length + state.length, 0, `${when}, the profile folder holds what was typed:\n${describeHits([...hits, ...state])}`);
}

fault('SEC-1', 'browser files after lock and exit', 'nothing typed into a referral or an assessment is in any file of the browser profile (autofill, session restore, caches), as UTF-8 or UTF-16', async () => {
  exited.dir = newProfileDir('exit');
  exited.typed = typedLog();
  const b = await openProfile(exited.dir);
  const { page } = b;
  const names = new Set();
  NAMES.set(page, names);
  try {
    // The clock of the Gateway Assessment's scenario (its deadlines are checked on the way).
    await page.clock.setFixedTime(p.STRAIGHT_TO_PLP_TODAY);
    // The passphrase set, and a second tab kept open and unlocked (e2e/lib/vault.js): the key
    // lives in a tab's memory only, so a full page load gets it from that tab (issue 16).
    await vault.setUpVault(page);
    await typeReferral(page, exited.typed);
    await typePga(page, exited.typed);
    exited.key = deriveKey(await vaultRecord(page), exited);
    await lockNow(page);
    b.assertClean();
  } finally {
    await b.context.close();
  }
  assert.ok(names.size > 60, `only ${names.size} control names noted`);
  assertNothingTyped(exited.dir, exited.typed, 'After lock and a normal exit', names);
  exited.clean = true;
});

fault('SEC-1', 'browser files after the tab is killed mid-typing', 'nothing typed is in any file of the profile in clear; what was saved before the kill reads back once unlocked', async (t) => {
  killed.dir = newProfileDir('kill');
  killed.typed = typedLog();
  let b = await openProfile(killed.dir);
  const names = new Set();
  let id;
  try {
    const { page } = b;
    NAMES.set(page, names);
    // The passphrase set, and a second tab kept open and unlocked (e2e/lib/vault.js): the key
    // lives in a tab's memory only, so a full page load gets it from that tab (issue 16).
    await vault.setUpVault(page);
    id = await r.startToAboutYou(page);
    await r.type(page, 'Full name', killed.typed.text('typed before leaving the page'));
    await r.type(page, 'Organisation', 'Northtown Academy');
    await r.type(page, 'Email address', killed.typed.text('email typed before leaving', (x) => `${x.toLowerCase()}@example.org`));
    killed.typed.log.at(-1).needle = killed.typed.log.at(-1).needle.toLowerCase();
    // Leave the page, and wait until the browser has written its session files since: the page
    // left (and, without autocomplete="off", what its fields held) is in them by then.
    const before = written(killed.dir, 'Sessions');
    await next(page, 'Who or what is the referral about?');
    await r.choose(page, 'A person');
    await next(page, 'About the person');
    await until(() => written(killed.dir, 'Sessions') !== before, 'the browser to write its session files');
    // And until the draft, as saved now (sealed), is in the browser's localStorage files: Chromium
    // commits localStorage to disk in batches, at least 5 seconds apart and at most 60 an hour
    // per origin (a commit waits until the area has been open a minute for each commit before
    // it), so after the passphrase and the first pages' saves the next commit may be a minute
    // or more away: waited for, up to three minutes.
    const sealed = await page.evaluate((k) => localStorage.getItem(k), `pct.draft.${id}`);
    const nonce = JSON.parse(sealed).nonce;
    await until(() => search(path.join(killed.dir, 'Default', 'Local Storage'), [{ label: 'nonce', text: nonce }], 0).length > 0, 'the sealed draft to reach the disk', 180000);
    killed.key = deriveKey(await vaultRecord(page), killed);
    await controlNames(page, names);
    // Kill the browser while a textarea is being typed into: once part of the string is in the
    // field (and so saved: one save per change), with the rest still coming.
    const prefix = 'typed when killed ';
    const last = killed.typed.text('typed when killed', (x) => `${prefix}${x}${token()}`);
    const typing = page.getByLabel('If you do not know their name, describe them', { exact: true }).pressSequentially(last).catch(() => {});
    const partial = last.slice(0, prefix.length + 12);
    await page.waitForFunction((want) => document.querySelector('#subject-description')?.value.startsWith(want), partial);
    killed.typed.log.at(-1).needle = partial.slice(prefix.length);
    const closed = new Promise((resolve) => b.context.once('close', resolve));
    process.kill(browserPid(killed.dir), 'SIGKILL');
    await closed;
    await typing;
  } catch (err) {
    await b.context.close().catch(() => {});
    throw err;
  }
  // The browser's helper processes end with it.
  await until(() => !profileInUse(killed.dir), 'every process of the killed browser to end');
  assertNothingTyped(killed.dir, killed.typed, 'After the browser was killed mid-typing', names);

  // What was saved before the kill is there, sealed: it opens with the passphrase.
  b = await openProfile(killed.dir);
  try {
    await b.page.goto(`/referral/${id}/about-you`);
    await vault.passGate(b.page);
    await r.onPage(b.page, 'About you', { axe: false });
    assert.equal(await b.page.getByLabel('Full name', { exact: true }).inputValue(), killed.typed.log[0].value);
    await b.page.goto(`/referral/${id}/person`);
    await vault.passGate(b.page);
    await r.onPage(b.page, 'About the person', { axe: false });
    // The last second or so of typing may be lost with a killed browser (Chromium's commit delay).
    const kept = await b.page.locator('#subject-description').inputValue();
    t.diagnostic(`after the kill, the description kept ${kept.length} characters of what was being typed`);
    b.assertClean();
  } finally {
    await b.context.close();
  }
  killed.clean = true;
});

fault('SEC-1', 'key on disk', "the vault's key (raw, hex or base64) is in no file of the profile, after lock and exit or after the browser is killed", async () => {
  assert.ok(exited.key && killed.key, 'the runs above did not get as far as reading the salt');
  // The search does read the browser's storage files: the salt, kept in clear beside the sealed
  // entries (as it must be), is found there, base64 as the key would be.
  for (const run of [exited, killed]) {
    const salt = search(run.dir, [{ label: 'the salt', text: run.salt }]);
    assert.ok(salt.some((h) => h.file.startsWith(path.join('Default', 'Local Storage'))), `the salt is not found in ${run.dir}: the search misses the storage files`);
  }
  const hits = [
    ...search(exited.dir, keyNeedles(exited.key)).map((h) => ({ ...h, file: `(after lock and exit) ${h.file}` })),
    ...search(killed.dir, keyNeedles(killed.key)).map((h) => ({ ...h, file: `(after kill) ${h.file}` })),
  ];
  assert.equal(hits.length, 0, `the key is in the profile folder:\n${describeHits(hits)}`);
});
