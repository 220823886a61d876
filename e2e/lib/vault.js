'use strict';
// Encryption at rest (issue 8) in the end-to-end tests: setting the passphrase on first use and
// unlocking a new tab, as a user does, and reading what the store keeps by decrypting it in the
// page with the browser's own WebCrypto (AES-256-GCM, the format of crates/core/src/sealed.rs
// and vault.rs), independently of the app's code.

const { pressContinue } = require('./referral');

/** The passphrase every test uses. */
const PASSPHRASE = 'correct horse battery staple';

/** The gate's headings (issue 20, item 5): first use in the partners' app (in front of a
 * referral about to be stored) and the officers', a newcomer's own ("I am someone else"), the
 * passphrase asked for, and a change to finish. */
const FIRST_USE = ['Protect this referral on this computer', 'Protect your records on this computer',
  'Protect your own referrals on this computer', 'Protect your own records on this computer'];
const UNLOCK = 'Enter your passphrase to continue';
const GATES = [...FIRST_USE, UNLOCK, 'Finish changing your passphrase'];

/** The gate's heading, when the page shows it (after the moment a locked tab spends asking the
 * other tabs for the key: "Opening the toolkit"). */
async function gateHeading(page) {
  const h1 = page.locator('main h1').first();
  await h1.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('main h1')?.innerText.trim() !== 'Opening the toolkit');
  const text = (await h1.innerText()).trim();
  return GATES.includes(text) ? text : null;
}

/** Answers the gate shown on `page` with `passphrase`: sets it on first use, or unlocks. */
async function passGate(page, passphrase = PASSPHRASE) {
  const heading = await gateHeading(page);
  if (!heading) return false;
  await page.locator('#passphrase').fill(passphrase);
  if (FIRST_USE.includes(heading)) await page.locator('#confirm').fill(passphrase);
  await pressContinue(page, 'Continue');
  await page.waitForFunction((h) => {
    const el = document.querySelector('main h1');
    return el && el.innerText.trim() !== h;
  }, heading).catch(async (e) => {
    // Say what the gate shows instead (an error message), so that a failure names its cause.
    const shows = await page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`${e.message}\nThe gate (${page.url()}) shows:\n${shows.slice(0, 1500)}`);
  });
  return true;
}

/**
 * Sets up the vault in a fresh browser context: opens a gated page and sets the passphrase.
 * The key then lives in the tab's memory only (issue 16): a page load gets it from another
 * unlocked tab of the toolkit, or asks for the passphrase. So, as a user with two tabs open,
 * a second tab is opened on the home page and kept unlocked (its "Lock now" shows), unless
 * `keeper` is false; it is returned, so that a test of a lone tab can close it.
 */
async function setUpVault(page, at = '/drafts', passphrase = PASSPHRASE, { keeper = true } = {}) {
  await page.goto(at);
  await passGate(page, passphrase);
  if (!keeper) return null;
  const other = await page.context().newPage();
  await other.goto('/');
  await other.locator('#lock-now').waitFor();
  return other;
}

/**
 * Every record and draft the store keeps, decrypted with the key derived from `passphrase` and
 * the vault's salt by the browser's own WebCrypto (PBKDF2-SHA256, 600,000 iterations), as
 * {id: Draft}: independent of the app, which keeps its key in memory only (issue 16). Entries
 * that do not open are listed under `unreadable`. `person`: whose, on a shared computer.
 */
async function storedDrafts(page, passphrase = PASSPHRASE, { person = 1 } = {}) {
  return page.evaluate(async ([passphrase, person]) => {
    // Person N >= 2 on the same computer keeps theirs under "pct.pN." (decision 0023); each
    // entry is sealed for its key as the app names it ("pct.draft.<id>").
    const prefix = person === 1 ? 'pct.' : `pct.p${person}.`;
    const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const meta = JSON.parse(localStorage.getItem(`${prefix}vault`));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: b64(meta.salt), iterations: meta.iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const stored = localStorage.key(i);
      if (!stored.startsWith(`${prefix}draft.`)) continue;
      const k = `pct.${stored.slice(prefix.length)}`;
      const sealed = JSON.parse(localStorage.getItem(stored));
      const form = 'vault-entry';
      const aad = new TextEncoder().encode(`prevent-toolkit/sealed-draft/1\n${new TextEncoder().encode(k).length}:${k}\n${form.length}:${form}`);
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64(sealed.nonce), additionalData: aad }, key, b64(sealed.ct));
        const env = JSON.parse(new TextDecoder().decode(plain));
        out[env.id] = JSON.parse(env.payload);
      } catch (e) {
        (out.unreadable = out.unreadable || []).push(k);
      }
    }
    return out;
  }, [passphrase, person]);
}

/**
 * Opens one sealed entry as read earlier (`sealed`, the stored text of app key `key`), with the
 * key derived from `passphrase`, by the browser's own WebCrypto: the envelope ({id, revision,
 * status, ...}), or null when it does not open. For asserting what storage held at a moment,
 * read synchronously then, and decrypted after.
 */
async function openSealed(page, key, sealed, passphrase = PASSPHRASE) {
  return page.evaluate(async ([key, sealed, passphrase]) => {
    const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const meta = JSON.parse(localStorage.getItem('pct.vault'));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    const k = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: b64(meta.salt), iterations: meta.iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    const form = 'vault-entry';
    const aad = new TextEncoder().encode(`prevent-toolkit/sealed-draft/1\n${new TextEncoder().encode(key).length}:${key}\n${form.length}:${form}`);
    try {
      const s = JSON.parse(sealed);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64(s.nonce), additionalData: aad }, k, b64(s.ct));
      return JSON.parse(new TextDecoder().decode(plain));
    } catch (e) {
      return null;
    }
  }, [key, sealed, passphrase]);
}

/** Fills the rest of localStorage, so that the next save cannot fit. */
async function fillStorage(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 1000; i++) {
      try { localStorage.setItem(`filler-${i}`, chunk); } catch (e) { break; }
    }
    for (let size = 16 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (let j = 0; j < 64; j++) {
        try { localStorage.setItem(`filler-s-${size}-${j}`, 'x'.repeat(size)); } catch (e) { break; }
      }
    }
  });
}

/** A second tab of the same browser profile on `path`, unlocked: by another unlocked tab's key
 * if there is one (issue 16), else with the passphrase. */
async function secondTab(context, path) {
  const other = await context.newPage();
  await other.goto(path);
  await passGate(other);
  return other;
}

/** The idle lock's default time (src/services/vault.rs, DEFAULT_AUTOLOCK_MINUTES). */
const LOCK_MS = 15 * 60 * 1000;

/**
 * Fixes the browser's clock (every tab of the context) at `date`, as Playwright's
 * setFixedTime does. A move forward by the lock time or more, with the toolkit unlocked, is a
 * user away that long: the idle lock (SEC-2) locks every tab within a second, and this waits
 * for that and unlocks as the user would, so that what the test does next never races it.
 */
async function setToday(page, date) {
  const before = await page.evaluate(() => Date.now()).catch(() => null);
  const unlocked = (await page.locator('#lock-now').count()) > 0;
  await page.clock.setFixedTime(date);
  if (unlocked && before !== null && new Date(date).getTime() - before >= LOCK_MS) {
    await page.waitForFunction((want) => document.querySelector('main h1')?.innerText.trim() === want, UNLOCK);
    await passGate(page);
  }
}

module.exports = { setToday, openSealed, PASSPHRASE, FIRST_USE, UNLOCK, GATES, passGate, setUpVault, storedDrafts, gateHeading, fillStorage, secondTab };
