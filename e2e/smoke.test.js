'use strict';
// Smoke test: the built app loads under its own CSP, renders the home page,
// shows the protective marking, passes axe, and never leaves 127.0.0.1.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { useApp } = require('./lib/harness');
const { assertNoAxeViolations } = require('./lib/axe');
const { screenshot } = require('./lib/browser');

const app = useApp();

app.test('home page renders, is marked OFFICIAL-SENSITIVE and passes axe', async (t) => {
  const { page, assertClean } = await app.open(t, '/');

  const h1 = page.locator('main#main-content h1');
  await h1.first().waitFor({ state: 'visible' });
  assert.ok((await h1.first().innerText()).trim().length > 0, 'the home page h1 is empty');

  const marking = page.getByText('OFFICIAL-SENSITIVE', { exact: false }).first();
  assert.ok(await marking.isVisible(), 'the protective marking "OFFICIAL-SENSITIVE" is not visible');

  await assertNoAxeViolations(page, 'the home page');
  await screenshot(page, 'smoke-home');
  assertClean(); // no console error, page error or request outside 127.0.0.1
});

app.test('a deep link loads the app (SPA fallback)', async (t) => {
  const { page } = await app.open(t, '/a/deep/link-that-does-not-exist');
  await page.locator('main#main-content').first().waitFor({ state: 'visible' });
});

app.test('the built page carries a strict Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(app.server.root, 'index.html'), 'utf8');
  // Any attribute order, quoted or not (trunk minifies the release HTML).
  const tag = (html.match(/<meta\b[^>]*>/gi) || []).find((t) => /http-equiv=["']?Content-Security-Policy/i.test(t));
  assert.ok(tag, 'no CSP meta tag in the built index.html');
  const csp = (tag.match(/\scontent="([^"]*)"/i) || [])[1] || '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const loose = csp
    .split(/[;\s]+/)
    .filter((tok) => ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:'].includes(tok) || tok.includes('://'));
  assert.deepEqual(loose, [], `CSP too loose: ${csp}`);
});
