#!/usr/bin/env node
// Used by scripts/screenshot: serve dist/, open each path given in headless
// Chromium, wait for the app to render, write target/screenshots/<name>.png.
// Problems the page reports (console errors, outside requests) are printed.
'use strict';

const path = require('node:path');
const { startServer } = require('../e2e/lib/server');
const { launchBrowser, newGuardedPage, screenshot } = require('../e2e/lib/browser');

function nameFor(urlPath) {
  const clean = urlPath.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '');
  return clean === '' ? 'home' : clean.replace(/\//g, '-');
}

async function main() {
  const paths = process.argv.slice(2);
  const width = Number(process.env.WIDTH || 1280);
  const server = await startServer();
  const browser = await launchBrowser();
  let failed = false;
  try {
    for (const p of paths.length ? paths : ['/']) {
      const urlPath = p.startsWith('/') ? p : `/${p}`;
      const g = await newGuardedPage(browser, server.url, { contextOptions: { viewport: { width, height: 900 } } });
      try {
        await g.page.goto(urlPath);
        await g.page.locator('main').first().waitFor({ state: 'visible' });
        const file = await screenshot(g.page, nameFor(urlPath) + (width !== 1280 ? `-${width}` : ''));
        console.log(`${urlPath} -> ${path.relative(process.cwd(), file)}`);
      } catch (err) {
        failed = true;
        console.error(`${urlPath}: ${err.message}`);
      }
      if (g.problems.length) console.error(`${urlPath}: the page reported:\n  - ${g.problems.join('\n  - ')}`);
      await g.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
