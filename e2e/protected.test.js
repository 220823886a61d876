'use strict';
// Issue 20, item 3 (DESIGN.md "Hand-overs"; docs/decisions/0025-protected-referral-files.md):
// protected referral files, end to end.
// - An officer makes the team's key; its public half goes into the site's deployment.json; a
//   partner's confirmation then offers only the protected file, which holds nothing readable;
//   the officer opens it into a Gateway Assessment. A damaged file, and one protected for
//   another key, are refused with their messages and store nothing.
// - A second officer adds the key from a file sealed under its own passphrase (a wrong one is
//   refused), and opens the same referral.
// - The file is a standard JWE: an independent JOSE library (`jose`, not the app's code) opens
//   what a partner downloads, with a key pair made outside the app.
// Axe on every new page; screenshots in target/screenshots/protected-*.png.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const jose = require('jose');
const { useApp } = require('./lib/harness');
const { screenshot } = require('./lib/browser');
const { assertNoAxeViolations } = require('./lib/axe');
const r = require('./lib/referral');

const app = useApp();
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'deploy', 'deployment.example.json'), 'utf8'));
const withKey = (publicKey) => JSON.stringify({ ...EXAMPLE, public_key: publicKey }, null, 2);

/** The partner's side: a finished referral, and the protected file its confirmation downloads. */
async function partnersProtectedFile(t) {
  const { page } = await app.open(t, '/');
  const { reference } = await r.finishPersonReferral(page, { nationality: 'French' });
  const button = page.getByRole('button', { name: 'Download the protected referral file' });
  await button.waitFor();
  assert.equal(await page.locator('#download-json').count(), 0, 'no plain file is offered when the team has a key');
  assert.match(await page.locator('#send-file').innerText(), /only the Exampleton Prevent team's toolkit can open it[\s\S]*ordinary email/);
  assert.match(await page.locator('#send-readable').innerText(), /only if the team asks[\s\S]*not protected[\s\S]*secure email/);
  assert.match(await page.locator('main').innerText(), /Email the protected file below to:/);
  await assertNoAxeViolations(page, 'the send-it step with protected files');
  await screenshot(page, 'protected-send');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), `prevent-referral-${reference}-protected.json`);
  const text = fs.readFileSync(await download.path(), 'utf8');
  // Each with a character base64url never has (a quote, a space), so a random run of the
  // ciphertext cannot match it: found, it is there in clear.
  for (const secret of ['"Alex"', '"Example"', 'Sam Teacher', 'Northtown Academy', '"French"', 'Shared extremist videos', `"${reference}"`]) {
    assert.ok(!text.includes(secret), `the protected file shows "${secret}"`);
  }
  return { reference, text };
}

async function chooseFile(page, id, name, text) {
  await page.locator(`#${id}`).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort().join(' '));

async function openReferralFile(page, name, text) {
  await page.goto('/officer/referral');
  await r.onPage(page, "Open a partner's referral", { axe: false });
  await chooseFile(page, 'referral-file', name, text);
}

app.test('handover 3: the team key, a partner\'s protected file, and the officer opening it', async (t) => {
  // The officer makes the team's key.
  app.server.deployment = JSON.stringify(EXAMPLE);
  const officer = (await app.open(t, '/officer')).page;
  await r.onPage(officer, 'Your Gateway Assessments', { axe: false });
  await officer.locator('#team-key-link').click();
  await r.onPage(officer, "Your team's key for protected referrals");
  await screenshot(officer, 'protected-no-key');
  await officer.getByRole('button', { name: 'Make a new team key' }).click();
  await officer.locator('#team-key-id').waitFor();
  await officer.locator('#team-key-site', { hasText: 'Not yet' }).waitFor();
  const { public_key: publicKey } = JSON.parse(await officer.locator('#team-public-key').inputValue());
  assert.deepEqual(Object.keys(publicKey).sort(), ['crv', 'kty', 'x', 'y'], 'only the public half is shown');
  const keyId = (await officer.locator('#team-key-id').innerText()).trim();
  assert.match(keyId, /^\S{4} \S{4} \S{4} \S{4}$/);
  await assertNoAxeViolations(officer, 'the team key page with a key');
  await screenshot(officer, 'protected-key');
  // The private half is sealed: nothing in localStorage shows it.
  const d = await officer.evaluate(() => Object.values(localStorage).join('\n'));
  assert.ok(!d.includes(publicKey.x), 'the key is not stored in clear');

  // The site publishes the public half; the officers' page sees it.
  app.server.deployment = withKey(publicKey);
  await officer.reload();
  await officer.locator('#team-key-site', { hasText: 'Yes' }).waitFor();

  // The partner's protected file.
  const { reference, text } = await partnersProtectedFile(t);

  // A damaged file, and one for another key: refused, nothing stored.
  const before = await storedKeys(officer);
  const json = JSON.parse(text);
  const flip = json.ciphertext[10] === 'A' ? 'B' : 'A';
  const damaged = JSON.stringify({ ...json, ciphertext: json.ciphertext.slice(0, 10) + flip + json.ciphertext.slice(11) });
  await openReferralFile(officer, 'damaged-protected.json', damaged);
  const error = officer.locator('#referral-file-error');
  await error.waitFor();
  assert.match(await error.innerText(), /changed or damaged after it was protected[\s\S]*Nothing has been opened or saved/);
  await assertNoAxeViolations(officer, 'a damaged protected file refused');
  await screenshot(officer, 'protected-damaged');
  const other = await jose.generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const forOther = await new jose.FlattenedEncrypt(Buffer.from('{}'))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: await jose.calculateJwkThumbprint(await jose.exportJWK(other.publicKey)), cty: 'prevent-toolkit/referral+json' })
    .encrypt(other.publicKey);
  await openReferralFile(officer, 'other-team-protected.json', JSON.stringify(forOther));
  await officer.locator('#referral-file-error', { hasText: 'protected for another key' }).waitFor();
  assert.equal(await storedKeys(officer), before, 'nothing stored');

  // The partner's file opens into the referral, and the assessment starts from it.
  await openReferralFile(officer, `prevent-referral-${reference}-protected.json`, text);
  await r.onPage(officer, `Referral ${reference}`);
  const main = await officer.locator('main').innerText();
  for (const shown of ['Alex', 'Example', 'Sam Teacher', 'Shared extremist videos in class.', 'French']) {
    assert.ok(main.includes(shown), `the referral shows ${shown}`);
  }
  await officer.locator('#start-from-referral').click();
  await r.onPage(officer, 'Case details', { axe: false });
  assert.equal(await officer.locator('#pga-referral-link').count(), 1, 'the assessment names its referral');

  // A second officer gets the key from a file sealed under its own passphrase.
  await officer.goto('/officer/team-key');
  await r.onPage(officer, "Your team's key for protected referrals", { axe: false });
  await officer.locator('#key-file-passphrase').fill('short');
  await officer.locator('#key-file-passphrase-confirm').fill('short');
  await officer.getByRole('button', { name: 'Download the team key file' }).click();
  await officer.locator('.govuk-error-summary').waitFor();
  const FILE_PASS = 'a passphrase told by phone';
  await officer.locator('#key-file-passphrase').fill(FILE_PASS);
  await officer.locator('#key-file-passphrase-confirm').fill(FILE_PASS);
  const [keyDownload] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: 'Download the team key file' }).click()]);
  const keyFile = fs.readFileSync(await keyDownload.path(), 'utf8');
  assert.match(keyDownload.suggestedFilename(), /^team-key-.{8}\.json$/);
  await officer.locator('#team-key-done', { hasText: 'not in the same email' }).waitFor();
  const keyJson = JSON.parse(keyFile);
  assert.equal(keyJson.public_key.x, publicKey.x);
  assert.ok(!keyFile.includes('"d"'), 'the private key is sealed in the file');

  const second = (await app.open(t, '/officer/team-key')).page;
  await r.onPage(second, "Your team's key for protected referrals", { axe: false });
  await chooseFile(second, 'team-key-file', 'team-key.json', keyFile);
  await second.locator('#team-key-file-id', { hasText: keyId }).waitFor();
  await second.locator('#team-key-file-passphrase').fill('not the passphrase at all');
  await second.getByRole('button', { name: "Add the team's key" }).click();
  await second.locator('#team-key-file-passphrase-error', { hasText: 'passphrase is not right' }).waitFor();
  await assertNoAxeViolations(second, 'a team key file with the wrong passphrase');
  await screenshot(second, 'protected-key-file-wrong');
  await second.locator('#team-key-file-passphrase').fill(FILE_PASS);
  await second.getByRole('button', { name: "Add the team's key" }).click();
  await second.locator('#team-key-id').waitFor();
  assert.equal((await second.locator('#team-key-id').innerText()).trim(), keyId, 'the same key');
  await openReferralFile(second, 'referral-protected.json', text);
  await r.onPage(second, `Referral ${reference}`, { axe: false });
});

app.test('handover 3: a partner\'s protected file is a standard JWE that an independent library opens', async (t) => {
  const { publicKey, privateKey } = await jose.generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  app.server.deployment = withKey({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  const { reference, text } = await partnersProtectedFile(t);
  const jwe = JSON.parse(text);
  const header = jose.decodeProtectedHeader(jwe);
  assert.equal(header.alg, 'ECDH-ES');
  assert.equal(header.enc, 'A256GCM');
  assert.equal(header.kid, await jose.calculateJwkThumbprint(jwk), 'kid is the RFC 7638 thumbprint of the team key');
  const { plaintext } = await jose.flattenedDecrypt(jwe, privateKey);
  const referral = JSON.parse(new TextDecoder().decode(plaintext));
  assert.equal(referral.reference, reference);
  assert.equal(referral.form.id, 'nrf');
  assert.equal(referral.status, 'finished');
});
