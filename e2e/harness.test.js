'use strict';
// The e2e server itself: MIME types, SPA fallback, 404s, no escape from dist/.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startServer } = require('./lib/server');
const { isAllowedUrl } = require('./lib/browser');

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test('serves the .wasm as application/wasm and other assets with their types', async () => {
  const files = fs.readdirSync(server.root);
  const want = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
  for (const [ext, type] of Object.entries(want)) {
    const file = files.find((f) => path.extname(f) === ext);
    assert.ok(file, `no ${ext} file in ${server.root}`);
    const res = await fetch(`${server.url}/${file}`);
    assert.equal(res.status, 200, file);
    assert.ok(res.headers.get('content-type').startsWith(type), `${file}: ${res.headers.get('content-type')}`);
  }
});

test('routes without an extension get index.html; missing files are 404', async () => {
  const index = fs.readFileSync(path.join(server.root, 'index.html'), 'utf8');
  for (const p of ['/', '/referral', '/referral/subject/details']) {
    const res = await fetch(server.url + p);
    assert.equal(res.status, 200, p);
    assert.equal(await res.text(), index, p);
  }
  assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
  const escape = await fetch(`${server.url}/..%2f..%2fCargo.toml`);
  assert.ok([403, 404].includes(escape.status), `path escape answered ${escape.status}`);
});

test('only the app origin and local URLs count as allowed requests', () => {
  const origin = server.url;
  assert.ok(isAllowedUrl(`${origin}/x.wasm`, origin));
  assert.ok(isAllowedUrl('data:text/plain,x', origin));
  assert.ok(isAllowedUrl('blob:http://127.0.0.1/abc', origin));
  assert.ok(!isAllowedUrl('https://fonts.googleapis.com/css', origin));
  assert.ok(!isAllowedUrl('http://127.0.0.1:1/other-port', origin));
  assert.ok(!isAllowedUrl('http://localhost:' + server.port + '/', origin));
});
