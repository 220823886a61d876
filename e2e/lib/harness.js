'use strict';
// One-line set-up for a test file:
//
//   const { useApp } = require('./lib/harness');
//   const app = useApp();                       // server over dist/ + Chromium, once per file
//   app.test('...', async (t) => {
//     const { page } = await app.open(t, '/');  // fresh context (empty storage), guarded
//     ...
//   });
//
// app.open(t, path, {contextOptions, vault}) returns {context, page, problems, assertClean, close};
// it first sets the vault's passphrase in the new profile (e2e/lib/vault.js) unless vault: false.
// After the test its context is closed and the test fails if the page logged a
// console error, threw, crashed or requested anything outside 127.0.0.1.
// app.test(name, [options], fn) is node:test's test() plus: when the test fails
// (say a wait times out because the app did not start), the page's problems are
// added to the failure message, as they usually explain it.

const { test, before, after } = require('node:test');
const { startServer } = require('./server');
const { launchBrowser, newGuardedPage } = require('./browser');
const { setUpVault } = require('./vault');

const OPENED = Symbol('opened pages');

function withProblems(err, problems) {
  if (problems.length === 0 || !(err instanceof Error)) return err;
  const extra = `\n\nThe page also reported:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
  const frames = (err.stack || '').split('\n').filter((l) => /^\s+at /.test(l));
  err.message += extra;
  err.stack = `${err.name}: ${err.message}\n${frames.join('\n')}`;
  return err;
}

function useApp(serverOpts = {}) {
  const app = { server: null, browser: null, baseURL: null };
  before(async () => {
    app.server = await startServer(serverOpts);
    app.baseURL = app.server.url;
    app.browser = await launchBrowser();
  });
  after(async () => {
    if (app.browser) await app.browser.close();
    if (app.server) await app.server.close();
  });

  app.open = async (t, urlPath = '/', opts = {}) => {
    const guarded = await newGuardedPage(app.browser, app.baseURL, opts);
    if (t[OPENED]) t[OPENED].push(guarded);
    t.after(async () => {
      await guarded.close();
      guarded.assertClean();
    });
    // Encryption at rest (issue 8): a new browser profile sets its passphrase first, as a user
    // does on first use (e2e/lib/vault.js), unless the test is about that (opts.vault false) or
    // runs in the trainer's bundle, which has no vault.
    if (opts.vault !== false && !String(urlPath || '').startsWith('/trainer')) {
      // With a second tab kept unlocked (e2e/lib/vault.js): a test of a lone tab closes it
      // (`guarded.keeper.close()`) or asks for none (opts.keeper false).
      guarded.keeper = await setUpVault(guarded.page, '/drafts', undefined, { keeper: opts.keeper !== false });
    }
    if (urlPath !== null) await guarded.page.goto(urlPath);
    return guarded;
  };

  app.test = (name, options, fn) => {
    if (typeof options === 'function') [fn, options] = [options, {}];
    return test(name, options, async (t) => {
      t[OPENED] = [];
      try {
        await fn(t);
      } catch (err) {
        throw withProblems(err, t[OPENED].flatMap((g) => g.problems));
      }
    });
  };
  return app;
}

module.exports = { useApp };
