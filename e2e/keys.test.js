'use strict';
// Issue 16 in the browser: the key lives in a tab's memory only, tabs hand it to each other and
// lock together, a damaged vault record is repaired by the right passphrase, and a passphrase
// is the same whichever Unicode form it is typed in. Rows of the fault table (SEC-1 encryption
// at rest, SEC-2 lock, SEC-3 faults survived; docs/decisions/0005-encryption.md).

const assert = require('node:assert/strict');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');
const vault = require('./lib/vault');
const { faultTable } = require('./lib/faults');

const app = useApp();
const fault = faultTable(app, 'keys');

/** The key the app derives for `passphrase` in this profile, as base64 and hex (WebCrypto). */
const derivedKey = (page, passphrase = vault.PASSPHRASE) => page.evaluate(async (passphrase) => {
  const meta = JSON.parse(localStorage.getItem('pct.vault'));
  const salt = Uint8Array.from(atob(meta.salt), (c) => c.charCodeAt(0));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: meta.iterations }, base, 256));
  return { b64: btoa(String.fromCharCode(...bits)), hex: [...bits].map((b) => b.toString(16).padStart(2, '0')).join('') };
}, passphrase);

/** Every place a page can keep something: storage areas, cookies, IndexedDB, the Cache API. */
const everythingKept = (page) => page.evaluate(async () => {
  const out = [];
  for (const area of [localStorage, sessionStorage]) {
    for (let i = 0; i < area.length; i += 1) out.push(area.key(i), area.getItem(area.key(i)));
  }
  out.push(document.cookie);
  if (indexedDB.databases) out.push(JSON.stringify(await indexedDB.databases()));
  if (self.caches) {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        out.push(req.url, await res.text());
      }
    }
  }
  return out.join('\n');
});

fault('SEC-1', 'a new tab while another is unlocked', 'it opens without the passphrase, the key handed over in memory: no storage area, cookie, database or cache holds it', async (t) => {
  const { page, context } = await app.open(t, null);
  const id = await r.startToAboutYou(page);
  await r.type(page, 'Full name', 'Handed Over');
  const other = await context.newPage();
  const start = Date.now();
  await other.goto(`/referral/${id}/about-you`);
  await r.onPage(other, 'About you', { axe: false });
  t.diagnostic(`a new tab opened by another tab's key in ${Date.now() - start} ms (page load included)`);
  assert.equal(await other.getByLabel('Full name', { exact: true }).inputValue(), 'Handed Over');
  const key = await derivedKey(other);
  for (const p of [page, other]) {
    const kept = await everythingKept(p);
    assert.ok(kept.length > 0);
    assert.ok(!kept.includes(key.b64) && !kept.includes(key.hex), 'the key is kept where the browser writes it to disk');
    assert.ok(!kept.includes('Handed Over'), 'what was typed is kept in clear');
  }
});

fault('SEC-2', 'Lock now in one of several tabs', 'every tab of the toolkit locks at once, what each was typing saved first; unlocking one opens them all', async (t) => {
  const { page, context, keeper } = await app.open(t, null);
  const id = await r.startToAboutYou(page);
  const other = await vault.secondTab(context, '/drafts');
  await r.onPage(other, 'Saved drafts', { axe: false });
  // Typed in the first tab, and not yet saved by a pause: the lock pressed in the second tab.
  await page.getByLabel('Full name', { exact: true }).pressSequentially('Locked Elsewhere');
  await other.locator('#lock-now').click();
  for (const p of [page, other]) assert.equal(await vault.gateHeading(p), 'Enter your passphrase to continue');
  assert.ok(!(await page.locator('body').innerText()).includes('Locked Elsewhere'));
  // The third tab (the home page, which shows no record) is locked too: no "Lock now".
  await keeper.waitForFunction(() => !document.querySelector('#lock-now') && document.readyState === 'complete');
  await assertNoAxeViolations(page, 'a tab locked from another');
  await vault.passGate(other);
  await r.onPage(page, 'About you', { axe: false });
  assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), 'Locked Elsewhere');
  await keeper.locator('#lock-now').waitFor();
  assert.equal((await vault.storedDrafts(page))[id].answers['referrer.name'], 'Locked Elsewhere');
});

fault('SEC-2', 'a tab idle while another is in use', 'the idle lock counts activity in every tab: the tab in use is not locked by an idle one', async (t) => {
  const { page, keeper: idle } = await app.open(t, null);
  // The second tab (the home page), idle, on its own clock.
  await idle.clock.install();
  await idle.reload();
  await idle.locator('#lock-now').waitFor();
  await page.clock.install();
  await r.startToAboutYou(page);
  // Sixteen minutes on each clock (the lock time is 15), the user typing in the first tab.
  for (let minute = 0; minute < 16; minute += 1) {
    await r.type(page, 'Full name', `Minute ${minute}`);
    await page.clock.runFor(60 * 1000);
    await idle.clock.runFor(60 * 1000);
  }
  assert.equal((await page.locator('main h1').innerText()).trim(), 'About you', 'the tab in use was locked');
  assert.equal(await idle.locator('#lock-now').count(), 1, 'the idle tab was locked while another was in use');
  // Both idle: both lock.
  await page.clock.runFor(16 * 60 * 1000);
  await idle.clock.runFor(16 * 60 * 1000);
  assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue');
});

fault('SEC-3', 'the vault record damaged (one byte changed)', 'said before unlocking ("damaged … will be repaired"); a wrong passphrase changes nothing; the right one opens every record and repairs the record', async (t) => {
  const { page } = await app.open(t, null);
  await r.finishPersonReferral(page, {});
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  for (const [what, tamper, said] of [
    ['the record', () => localStorage.setItem('pct.vault', localStorage.getItem('pct.vault').replace('"v":1', '"v":7')), /spare copy is intact/],
    ['the record and its spare copy', () => { localStorage.setItem('pct.vault', '{"v":1,"sch'); localStorage.removeItem('pct.vault.copy'); }, /records carry what is needed/],
  ]) {
    await page.locator('#lock-now').click();
    assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue');
    await page.evaluate(tamper);
    await page.reload();
    assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue', what);
    assert.match(await page.locator('main').innerText(), said, what);
    assert.match(await page.locator('main').innerText(), /damaged/, what);
    await assertNoAxeViolations(page, `unlock, ${what} damaged`);
    // A wrong passphrase changes nothing.
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    await page.locator('#passphrase').fill('not the passphrase at all');
    await r.pressContinue(page, 'Continue');
    await page.locator('#passphrase-error').waitFor();
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, what);
    await vault.passGate(page);
    await r.onPage(page, 'Saved drafts', { axe: false });
    assert.equal(await page.locator('#drafts-table tbody tr').count(), 1, what);
    assert.equal(await page.evaluate(() => localStorage.getItem('pct.vault') === localStorage.getItem('pct.vault.copy')), true);
  }
});

fault('SEC-1', 'the passphrase typed in another Unicode form', '"café" as one character or as "e" and an accent opens the same vault', async (t) => {
  const { page } = await app.open(t, null, { vault: false });
  const composed = 'Café société, naïve 2026'.normalize('NFC');
  const decomposed = composed.normalize('NFD');
  assert.notEqual(composed, decomposed);
  await vault.setUpVault(page, '/drafts', composed);
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#lock-now').click();
  assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue');
  await vault.passGate(page, decomposed);
  await r.onPage(page, 'Saved drafts', { axe: false });
});

fault('SEC-1', 'a vault set before passphrases were normalised', 'unlocking with either form opens it, and it is moved to the normal form once', async (t) => {
  const { page } = await app.open(t, '/', { vault: false });
  const composed = 'Crème brûlée, façade 1999'.normalize('NFC');
  const decomposed = composed.normalize('NFD');
  // A vault record as the previous version wrote it: the key derived from the passphrase as
  // typed (here decomposed), no "nfc" field. Sealed with WebCrypto as crates/core/src/vault.rs does.
  await page.evaluate(async (passphrase) => {
    const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const nonce = crypto.getRandomValues(new Uint8Array(12));
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const k = 'pct.vault';
    const form = 'vault-entry';
    const aad = new TextEncoder().encode(`prevent-toolkit/sealed-draft/1\n${k.length}:${k}\n${form.length}:${form}`);
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, key, new TextEncoder().encode('prevent-toolkit/vault-check/1')));
    const check = JSON.stringify({ v: 1, kdf: 'PBKDF2-SHA256', iterations: 600000, salt: b64(salt), nonce: b64(nonce), ct: b64(ct) });
    localStorage.setItem(k, JSON.stringify({ v: 1, scheme: 'aes-256-gcm+pbkdf2-sha256', iterations: 600000, salt: b64(salt), check }));
  }, decomposed);
  const old = await page.evaluate(() => JSON.parse(localStorage.getItem('pct.vault')));
  await page.goto('/drafts');
  assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue');
  await vault.passGate(page, composed);
  await r.onPage(page, 'Saved drafts', { axe: false });
  const now = await page.evaluate(() => JSON.parse(localStorage.getItem('pct.vault')));
  assert.equal(now.nfc, true);
  assert.notEqual(now.salt, old.salt, 'not moved to a key of the normal form');
  await page.locator('#lock-now').click();
  assert.equal(await vault.gateHeading(page), 'Enter your passphrase to continue');
  await vault.passGate(page, decomposed);
  await page.locator('#lock-now').waitFor();
});

fault('SEC-4', 'a final record deleted, then an altered copy of it imported', 'the deletion leaves a sealed tombstone: the unchanged file can restore it, an altered one comes in only as a marked copy in progress, never as the original', async (t) => {
  const fs = require('node:fs');
  const { page } = await app.open(t, null);
  const done = await r.finishPersonReferral(page, { forename: 'Tomb', surname: 'Stone' });
  await page.goto('/drafts');
  await r.onPage(page, 'Saved drafts', { axe: false });
  await page.locator('#select-all').check();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#download-selected-json').click()]);
  const original = fs.readFileSync(await d.path(), 'utf8');
  // Delete it (a final record may be deleted; it leaves a tombstone in the sealed manifest).
  await page.locator('#drafts-table').getByRole('link', { name: /Delete/ }).click();
  await r.onPage(page, 'Are you sure you want to delete this final referral?', { axe: false });
  await r.pressContinue(page, 'Yes, delete this record');
  await page.locator('#no-drafts').waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('tomb')));
  assert.equal(stored.length, 1, 'no tombstone was stored');
  assert.ok(!(await page.evaluate((k) => localStorage.getItem(k), stored[0])).includes(done.reference), 'the tombstone is in clear');
  // An altered copy: its decision-making answer changed.
  const file = JSON.parse(original);
  file.records[0].answers.concerns.description = 'Nothing to worry about, altered after it was final.';
  const importFile = (text) => page.locator('#import-file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await importFile(JSON.stringify(file));
  await page.locator('#import-review').waitFor().catch(async (e) => {
    throw new Error(`${e.message}\nthe page says: ${await page.locator('main').innerText()}`);
  });
  assert.match(await page.locator('#import-review').innerText(), /deleted here on[\s\S]*differs from it \(altered since\), so it cannot come back as that record/);
  await assertNoAxeViolations(page, 'import of an altered copy of a deleted final record');
  // Left out by default: importing changes nothing.
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  assert.match(await page.locator('#import-done').innerText(), /No records imported/);
  assert.equal(await page.locator('#drafts-table tbody tr').count(), 0);
  // The unchanged file restores it, under its id and reference.
  await importFile(original);
  await page.locator('#import-review').waitFor();
  assert.match(await page.locator('#import-review').innerText(), /You deleted this final record here on[\s\S]*unchanged/);
  await page.locator('#import-confirm').click();
  await page.locator('#import-done').waitFor();
  await page.locator('#drafts-table tbody tr').first().waitFor();
  assert.match(await page.locator('#drafts-table').innerText(), /Finished/);
  assert.equal((await vault.storedDrafts(page))[done.id].finished.reference, done.reference);
});
