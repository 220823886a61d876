#!/usr/bin/env node
// Offline use (issue 9, docs/decisions/0007-offline.md): called by scripts/csp-hash.js at the
// end of trunk's post_build hook, once the bundle's files are final (JS minified, CSP hashed).
// In the staged bundle it writes
//   - manifest.webmanifest, the web app manifest (name, start URL and scope of the bundle);
//   - sw.js, static/sw.template.js with the list of files to cache and a version: a hash of
//     every one of them, so that any change to the build makes a new worker, and so a new cache;
// and links the manifest from index.html. The bundle (its id, manifest names, the other bundles'
// bases) comes from bundles.json, found by the public URL. Safe to run again on the same folder.
//
//   node scripts/offline.js dist/officer /officer/     (by hand; the hook passes its own)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const bundles = require('./bundles');

const TEMPLATE = path.join(__dirname, '..', 'static', 'sw.template.js');

/** The bundle (bundles.json) served at a public URL ("/", "/officer/", …). */
function bundleOf(publicUrl, list = bundles.load()) {
  const b = list.find((x) => x.base === publicUrl);
  if (!b) throw new Error(`offline: no bundle in bundles.json is served at ${JSON.stringify(publicUrl)} (bases: ${list.map((x) => x.base).join(', ')})`);
  return b;
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function filesUnder(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      // A nested bundle (dist/officer inside dist/) or trunk's staging dir is not this bundle.
      if (e.name === '.stage' || fs.existsSync(path.join(dir, r, 'index.html'))) continue;
      out.push(...filesUnder(dir, r));
    } else {
      out.push(r);
    }
  }
  return out.sort();
}

function writeOffline(dir, publicUrl) {
  const list = bundles.load();
  const bundle = bundleOf(publicUrl, list);
  const htmlFile = path.join(dir, 'index.html');
  let html = fs.readFileSync(htmlFile, 'utf8');
  const icon = filesUnder(dir).find((f) => /^favicon-[0-9a-f]+\.svg$/.test(f));
  if (!icon) throw new Error(`offline: no hashed favicon (favicon-<hash>.svg) in ${dir}`);

  const manifest = {
    name: bundle.manifest.name,
    short_name: bundle.manifest.short_name,
    description: 'Prevent referrals, Gateway Assessments and Police-led Partnership case work. Records stay in this browser.',
    lang: 'en-GB',
    id: publicUrl,
    start_url: publicUrl,
    scope: publicUrl,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b0c0c',
    icons: [{ src: `${publicUrl}${icon}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);

  // Link the manifest once (idempotent), right after the page's <title>.
  if (!/<link\b[^>]*rel=["']?manifest/i.test(html)) {
    const tags = `<link rel="manifest" href="${publicUrl}manifest.webmanifest"><meta name="theme-color" content="#0b0c0c">`;
    if (!/<\/title>/i.test(html)) throw new Error(`offline: no <title> in ${htmlFile}`);
    html = html.replace(/<\/title>/i, (t) => `${t}${tags}`);
    fs.writeFileSync(htmlFile, html);
  }

  const files = filesUnder(dir).filter((f) => f !== 'sw.js');
  const version = crypto.createHash('sha256');
  for (const f of files) version.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
  // The page is cached under the bundle's own URL ("/officer/"), which is what a route falls back to.
  const urls = ['index.html', ...files.filter((f) => f !== 'index.html')].map((f) => (f === 'index.html' ? publicUrl : `${publicUrl}${f}`));
  version.update(fs.readFileSync(TEMPLATE));
  const sw = fs
    .readFileSync(TEMPLATE, 'utf8')
    .replace("'__BUNDLE__'", () => JSON.stringify(bundle.name))
    .replace("'__VERSION__'", () => JSON.stringify(version.digest('hex').slice(0, 16)))
    .replace('__PRECACHE__', () => JSON.stringify(urls))
    .replace('__SHELLS__', () => JSON.stringify(list.filter((b) => b.base !== '/').map((b) => b.base)));
  if (/__(BUNDLE|VERSION|PRECACHE|SHELLS)__/.test(sw.replace(/^\/\/.*$/gm, ''))) throw new Error('offline: a placeholder of static/sw.template.js was not filled');
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  console.log(`offline: ${bundle.name}: sw.js caches ${urls.length} files, manifest.webmanifest linked`);
}

/** The public URL trunk built with: its hook's environment, else the base of the bundle bundles.json builds into `dir`. */
function publicUrlOf(dir) {
  if (process.env.TRUNK_PUBLIC_URL) return process.env.TRUNK_PUBLIC_URL;
  const b = bundles.bundleForDist(bundles.load(), dir);
  if (!b) throw new Error(`offline: cannot tell the public URL of ${dir} (no bundle in bundles.json is built there): pass it`);
  return b.base;
}

module.exports = { writeOffline, publicUrlOf, bundleOf };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/offline.js <bundle dir> [public URL]');
    process.exit(2);
  }
  try {
    writeOffline(dir, process.argv[3] || publicUrlOf(dir));
  } catch (e) {
    console.error(`offline: ERROR: ${e.message}`);
    process.exit(1);
  }
}
