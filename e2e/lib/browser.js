'use strict';
// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// plus a guard that records everything that must never happen in this app:
// a console error (this includes CSP violations and failed loads), an
// uncaught page error, a crash, or any request leaving the app's own origin.

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { ROOT } = require('./server');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const SCREENSHOT_DIR = path.join(ROOT, 'target', 'screenshots');
const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);

/** Launch headless Chromium. Every context made from it has a fresh, empty profile. */
async function launchBrowser(opts = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup (installs Debian chromium), or set CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...opts });
}

/** Is `url` allowed for this app: its own origin, or a local data:/blob:/about: URL? */
function isAllowedUrl(url, origin) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  const self = new URL(origin);
  const sameHostPort = u.hostname === self.hostname && u.port === self.port;
  // ws: to the same host and port counts as the same origin (CSP 'self' does too).
  return sameHostPort && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && u.hostname === '127.0.0.1';
}

/** The options of every context: the app's locale, time zone and window. */
const CONTEXT_OPTIONS = {
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  viewport: { width: 1280, height: 900 },
  acceptDownloads: true,
};

/**
 * Guards every page of `context` (one made here, or a persistent one: e2e/profile.test.js):
 * records console errors, page errors, crashes and requests outside `baseURL`'s origin.
 * @returns {{problems: string[], assertClean: () => void}}
 */
function guardContext(context, baseURL) {
  context.setDefaultTimeout(DEFAULT_TIMEOUT);
  const origin = new URL(baseURL).origin;
  const problems = [];

  context.on('request', (req) => {
    if (!isAllowedUrl(req.url(), origin)) problems.push(`request outside ${origin}: ${req.method()} ${req.url()}`);
  });
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
        problems.push(`console error on ${page.url()}: ${msg.text()}${where}`);
      }
    });
    page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.stack || err.message}`));
    page.on('crash', () => problems.push(`page crashed: ${page.url()}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const assertClean = () => {
    if (problems.length > 0) {
      const list = problems.map((p) => `  - ${p}`).join('\n');
      problems.length = 0; // report each problem once
      throw new Error(`the page reported ${list.split('\n').length} problem(s):\n${list}`);
    }
  };
  return { problems, assertClean };
}

/**
 * A new browser context (fresh storage) and page at `baseURL`, guarded.
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseURL e.g. http://127.0.0.1:41234
 * @param {{contextOptions?: object}} [opts] contextOptions are passed to browser.newContext
 *   (e.g. {bypassCSP: true}; by default the app runs under its own CSP).
 * @returns {Promise<{context, page, problems: string[], assertClean: () => void, close: () => Promise<void>}>}
 */
async function newGuardedPage(browser, baseURL, opts = {}) {
  const context = await browser.newContext({ baseURL, ...CONTEXT_OPTIONS, ...(opts.contextOptions || {}) });
  const { problems, assertClean } = guardContext(context, baseURL);
  const page = await context.newPage();
  return { context, page, problems, assertClean, close: () => context.close() };
}

/** Full-page PNG at target/screenshots/<name>.png; returns the path. */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'page';
  const file = path.join(SCREENSHOT_DIR, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  // SHOTS_NARROW=1 also keeps the page at 320 px wide (WCAG 1.4.10 reflow), as <name>-320.png.
  if (process.env.SHOTS_NARROW) {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 320, height: size ? size.height : 800 });
    await page.screenshot({ path: file.replace(/\.png$/, '-320.png'), fullPage: true });
    if (size) await page.setViewportSize(size);
  }
  return file;
}

module.exports = { launchBrowser, newGuardedPage, guardContext, CONTEXT_OPTIONS, isAllowedUrl, screenshot, CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR };
