#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): allow trunk's inline wasm loader
// <script> under the strict Content-Security-Policy of the page (each bundle's, bundles.json) by adding
// the sha256 of each inline <script> to script-src (and of each inline
// <style>, if any, to style-src). Fails the build when the page has no CSP
// meta tag, or uses inline event handlers / style attributes (they would
// need 'unsafe-inline' or 'unsafe-hashes', which this app does not allow).
//
// Works on the page trunk staged for this build, whichever target it built: trunk
// names its output index.html (its html_output default) for index.html and for
// officer.html alike, so the officers' bundle ends up as dist/officer/index.html.
//
// Usage: run by trunk with TRUNK_STAGING_DIR set, or by hand:
//   node scripts/csp-hash.js dist/index.html
//   node scripts/csp-hash.js dist/officer/index.html
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

function fail(msg) {
  console.error(`csp-hash: ERROR: ${msg}`);
  process.exit(1);
}

const file = process.argv[2] || stagedHtml(process.env.TRUNK_STAGING_DIR);
if (!file) fail('no HTML file: pass a path or run as a trunk hook (TRUNK_STAGING_DIR)');

// The page trunk wrote into its staging dir: index.html, or (should --html-output
// or html_output ever be set to the target's own name) e.g. officer.html. The
// server serves index.html, so a page under another name is renamed to it.
function stagedHtml(dir) {
  if (!dir) return null;
  const index = path.join(dir, 'index.html');
  if (fs.existsSync(index)) return index;
  const target = process.env.TRUNK_HTML_FILE && path.join(dir, path.basename(process.env.TRUNK_HTML_FILE));
  if (target && fs.existsSync(target)) {
    fs.renameSync(target, index);
    console.log(`csp-hash: renamed ${path.basename(target)} to index.html`);
    return index;
  }
  fail(`no index.html in the staging dir ${dir}`);
}

main().catch((e) => fail(e.message));

async function main() {
// First minify the JS glue (it updates index.html's integrity hashes), then hash.
await require('./minify-js').minifyJs(path.dirname(file), file);

let html = fs.readFileSync(file, 'utf8');
// Scan without comments: a comment mentioning <script> must not count as one.
const scan = html.replace(/<!--[\s\S]*?-->/g, '');

const sha = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const scriptHashes = [];
for (const m of scan.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/i.test(attrs)) continue;
  if (/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue; // data, not script
  scriptHashes.push(sha(body));
}
const styleHashes = [];
for (const m of scan.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styleHashes.push(sha(m[1]));

// Inline handlers and style attributes cannot be hashed without 'unsafe-hashes'.
const withoutScripts = scan.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
const handler = withoutScripts.match(/<[a-z][^>]*\s(on[a-z]+)\s*=/i);
if (handler) fail(`inline event handler attribute "${handler[1]}" in ${file}: not allowed by the CSP`);
const styleAttr = withoutScripts.match(/<[a-z][^>]*\sstyle\s*=/i);
if (styleAttr) fail(`inline style="" attribute in ${file}: not allowed by the CSP (style-src 'self')`);

// The CSP meta tag, quoted or (after trunk's minifier) unquoted, any attribute order.
const attrRe = (name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
const metaTag = [...scan.matchAll(/<meta\b[^>]*>/gi)]
  .map((m) => m[0])
  .find((tag) => {
    const he = tag.match(attrRe('http-equiv'));
    return he && (he[1] ?? he[2] ?? he[3]).toLowerCase() === 'content-security-policy';
  });
if (!metaTag) fail(`no <meta http-equiv="Content-Security-Policy" content="..."> in ${file}`);
const contentAttr = metaTag.match(attrRe('content'));
if (!contentAttr) fail(`the Content-Security-Policy meta tag has no content attribute in ${file}`);
const oldPolicy = contentAttr[1] ?? contentAttr[2] ?? contentAttr[3];

const directives = oldPolicy
  .split(';')
  .map((d) => d.trim())
  .filter(Boolean)
  .map((d) => d.split(/\s+/));

function addSources(name, sources) {
  if (sources.length === 0) return;
  let d = directives.find((x) => x[0].toLowerCase() === name);
  if (!d) {
    const def = directives.find((x) => x[0].toLowerCase() === 'default-src');
    d = [name, ...(def ? def.slice(1) : ["'self'"])];
    directives.push(d);
  }
  // Idempotent: drop hashes from an earlier run, then add the current ones.
  const kept = d.slice(1).filter((s) => !/^'sha(256|384|512)-/.test(s));
  d.splice(1, d.length - 1, ...kept, ...new Set(sources));
}
addSources('script-src', scriptHashes);
addSources('style-src', styleHashes);

const policy = directives.map((d) => d.join(' ')).join('; ');
const newTag = metaTag.replace(contentAttr[0], ` content="${policy}"`);
if (!html.includes(metaTag)) fail(`could not locate the CSP meta tag in ${file}`);
html = html.replace(metaTag, () => newTag);
fs.writeFileSync(file, html);
console.log(
  `csp-hash: ${path.basename(file)}: hashed ${scriptHashes.length} inline script(s), ${styleHashes.length} inline style(s)`,
);
// Last, when every file is final: the folders the bundle copies in (bundles.json `copy`: the
// trainer's scenarios), then the manifest and the service worker's cache list (issue 9), which
// so caches those too.
if (process.env.TRUNK_STAGING_DIR) {
  const offline = require('./offline');
  const dir = path.dirname(file);
  const publicUrl = offline.publicUrlOf(dir);
  const copied = require('./bundles').copyInto(dir, offline.bundleOf(publicUrl));
  if (copied.length) console.log(`csp-hash: copied ${copied.join(', ')}`);
  offline.writeOffline(dir, publicUrl);
}
}
