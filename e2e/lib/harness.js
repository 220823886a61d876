'use strict';
// One-line set-up for a test file:
//
//   const { test } = require('node:test');
//   const { useApp } = require('./lib/harness');
//   const app = useApp();                  // server over dist/ + Chromium, once per file
//   test('...', async (t) => {
//     const { page } = await app.open(t, '/');   // fresh context (empty storage), guarded
//     ...
//   });                                    // fails if the page logged an error or left 127.0.0.1
//
// app.open(t, path, {contextOptions}) returns {context, page, problems, assertClean, close};
// the context is closed after the test, and its problems are asserted then.

const { before, after } = require('node:test');
const { startServer } = require('./server');
const { launchBrowser, newGuardedPage } = require('./browser');

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
    t.after(async () => {
      await guarded.close();
      guarded.assertClean();
    });
    if (urlPath !== null) await guarded.page.goto(urlPath);
    return guarded;
  };
  return app;
}

module.exports = { useApp };
