#!/usr/bin/env node
// The list of the app's bundles (bundles.json at the repository root), read and checked: the one
// place that says which bundles exist, where each is built from and to, the URL it is served at,
// its size budget and how cargo builds it. scripts/build, scripts/size-budget, scripts/offline.js,
// e2e/lib/server.js and scripts/nginx-conf.js read it through this module; the HTML pages are
// written from it (`pages`); e2e/bundles.test.js checks that every reader follows it.
//
// A bundle's fields:
//   name        short id: [a-z][a-z0-9-]*; names the service worker's cache (pct-<name>-…) and logs
//   html        its trunk page, relative to the repository root (index.html, officer.html, or
//               e.g. apps/officers/index.html)
//   dist        where scripts/build puts it: "dist" for the bundle at "/", else "dist" + its base
//   base        the public URL it is served under: "/" or "/<segment>/"; every path under
//               /<segment> (and /<segment> itself) is one of its routes, any other path the root's
//   budget_kib  scripts/size-budget's limit on its gzipped initial download, in KiB
//   title       its page's <title>
//   manifest    {name, short_name} of its web app manifest (scripts/offline.js)
//   copy        (optional) folders of the repository the build copies into the bundle, as
//               {"<folder in the bundle>": "<folder of the repository>"}, e.g. the trainer's
//               {"scenarios": "crates/core/scenarios"}: files the app fetches after it starts
//               (not counted in its initial download; the offline worker caches them with it)
//   cargo       what trunk builds: each key is an attribute of the page's
//               <link data-trunk rel="rust"> (CARGO_ATTRS below), e.g. {"bin": "prevent-toolkit",
//               "features": "officer"}; to build another binary or package, change this field
//               and run `node scripts/bundles.js pages --write`.
//
// As a command (for the bash scripts):
//   node scripts/bundles.js tsv FIELD...      one line per bundle, in build order, the fields
//                                             tab-separated (name html dist base budget_kib sub)
//   node scripts/bundles.js budget DIR        budget_kib of the bundle built into DIR
//   node scripts/bundles.js copies DIR        the folders its `copy` puts into DIR, one a line
//   node scripts/bundles.js pages [--write]   check (or write) every HTML page against the list
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const FILE = path.join(ROOT, 'bundles.json');

/** Keys of a bundle's `cargo` field and the attribute of trunk's rust <link> each one sets. */
const CARGO_ATTRS = {
  package_dir: 'href', // the package's folder, relative to the repository root (the page gets it relative to itself)
  bin: 'data-bin',
  features: 'data-cargo-features', // comma-separated
  no_default_features: 'data-cargo-no-default-features', // true: the attribute without a value
};

class BundlesError extends Error {}
const fail = (msg) => {
  throw new BundlesError(msg);
};

const NAME = /^[a-z][a-z0-9-]*$/;
const BASE = /^\/(?:[a-z][a-z0-9-]*\/)?$/;

/** Check one entry; returns it with `sub` (its folder inside the root's dist, "" for the root) and `prefix` ("/officer", "" for the root). */
function checkEntry(b, i) {
  const where = `bundles[${i}]${b && typeof b.name === 'string' ? ` (${b.name})` : ''}`;
  if (!b || typeof b !== 'object' || Array.isArray(b)) fail(`${where} is not an object`);
  const required = ['name', 'html', 'dist', 'base', 'budget_kib', 'title', 'manifest', 'cargo'];
  const known = [...required, 'copy'];
  for (const k of Object.keys(b)) if (!known.includes(k)) fail(`${where}: unknown field "${k}" (fields: ${known.join(', ')})`);
  for (const k of required) if (!(k in b)) fail(`${where}: no "${k}"`);
  if (typeof b.name !== 'string' || !NAME.test(b.name)) fail(`${where}: name must match ${NAME}`);
  if (typeof b.html !== 'string' || !/^[a-z0-9][a-z0-9_./-]*\.html$/.test(b.html) || b.html.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
    fail(`${where}: html must be a page's path relative to the repository root, like officer.html or apps/officers/index.html`);
  }
  if (typeof b.base !== 'string' || !BASE.test(b.base)) fail(`${where}: base must be "/" or "/<segment>/" (${JSON.stringify(b.base)})`);
  const dist = b.base === '/' ? 'dist' : `dist${b.base.slice(0, -1)}`;
  if (b.dist !== dist) fail(`${where}: dist must be "${dist}", the folder of its base inside dist/ (the servers map a URL to the folder of the same name), not ${JSON.stringify(b.dist)}`);
  if (!Number.isInteger(b.budget_kib) || b.budget_kib <= 0) fail(`${where}: budget_kib must be a whole number of KiB`);
  if (typeof b.title !== 'string' || !b.title.trim() || /[<&]/.test(b.title)) fail(`${where}: title must be plain text`);
  const m = b.manifest;
  if (!m || typeof m !== 'object' || Object.keys(m).sort().join() !== 'name,short_name' || ![m.name, m.short_name].every((s) => typeof s === 'string' && s.trim())) {
    fail(`${where}: manifest must be {"name": …, "short_name": …}`);
  }
  const c = b.cargo;
  if (!c || typeof c !== 'object' || Array.isArray(c) || Object.keys(c).length === 0) fail(`${where}: cargo must say what trunk builds, e.g. {"bin": "prevent-toolkit"}`);
  for (const [k, v] of Object.entries(c)) {
    if (!(k in CARGO_ATTRS)) fail(`${where}: cargo.${k} is not known (known: ${Object.keys(CARGO_ATTRS).join(', ')}; add it to CARGO_ATTRS in scripts/bundles.js)`);
    const ok = k === 'no_default_features' ? v === true : typeof v === 'string' && v !== '' && !/["<>&\s]/.test(v);
    if (!ok) fail(`${where}: cargo.${k} has a bad value ${JSON.stringify(v)}`);
  }
  const copy = b.copy ?? {};
  if (!copy || typeof copy !== 'object' || Array.isArray(copy)) fail(`${where}: copy must be {"<folder in the bundle>": "<folder of the repository>"}`);
  for (const [to, from] of Object.entries(copy)) {
    if (!NAME.test(to)) fail(`${where}: copy: the folder in the bundle must match ${NAME} (${JSON.stringify(to)})`);
    if (typeof from !== 'string' || !/^[a-z0-9][a-z0-9_./-]*$/.test(from) || from.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
      fail(`${where}: copy.${to} must be a folder's path relative to the repository root, like crates/core/scenarios`);
    }
  }
  return Object.freeze({ ...b, copy: Object.freeze({ ...copy }), manifest: Object.freeze({ ...m }), cargo: Object.freeze({ ...c }), sub: b.base.slice(1, -1), prefix: b.base.slice(0, -1) });
}

/** The bundles of `file` (default bundles.json), checked, in build order (the root's first). */
function load(file = FILE) {
  try {
    return loadList(file);
  } catch (e) {
    if (e instanceof BundlesError) e.message = `${path.relative(process.cwd(), file) || file}: ${e.message}`;
    throw e;
  }
}

function loadList(file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot read the list of bundles: ${e.message}`);
  }
  if (!data || !Array.isArray(data.bundles) || data.bundles.length === 0) fail('no "bundles" array');
  const list = data.bundles.map(checkEntry);
  if (list[0].base !== '/') fail(`the first bundle must be the one at base "/" (it is built first: trunk empties its dist folder, which holds the others), not ${list[0].name}`);
  for (const key of ['name', 'html', 'base']) {
    const seen = new Set();
    for (const b of list) {
      if (seen.has(b[key])) fail(`two bundles have the ${key} ${JSON.stringify(b[key])}`);
      seen.add(b[key]);
    }
  }
  return Object.freeze(list);
}

/** The bundle whose routes `pathname` is ("/officer" and "/officer/…" are the officers'; any other path the root's). */
function bundleForPath(bundles, pathname) {
  return bundles.find((b) => b.prefix && (pathname === b.prefix || pathname.startsWith(b.base))) || bundles[0];
}

/**
 * Copies the folders a bundle's `copy` names into its build folder `dir` (trunk's post-build
 * hook, before the offline worker lists the files), replacing what an earlier run left.
 * Returns the folders copied, as "<folder> (<n> files)".
 */
function copyInto(dir, bundle, root = ROOT) {
  const done = [];
  for (const [to, from] of Object.entries(bundle.copy || {})) {
    const src = path.join(root, from);
    if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) fail(`${bundle.name}: copy.${to}: ${from} is not a folder of the repository`);
    const dest = path.join(dir, to);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.cpSync(src, dest, { recursive: true });
    done.push(`${to}/ (${fs.readdirSync(dest).length} files)`);
  }
  return done;
}

/** The bundle built into `dir` (a path; relative ones against the current folder), or undefined. */
function bundleForDist(bundles, dir, root = ROOT) {
  const abs = path.resolve(dir);
  return bundles.find((b) => path.resolve(root, b.dist) === abs);
}

// --- the HTML pages ----------------------------------------------------------------------
// Every page is the root bundle's page (index.html) with two differences, both from the list:
// its <title>, and the build-selecting attributes (CARGO_ATTRS) of its rust <link>; a page in
// another folder (apps/officers/index.html) also has its trunk links' hrefs relative to it.

const RUST_LINK = /<link\b[^>]*\brel=["']?rust\b[^>]*>/gi;
const ATTR = /\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of a tag, in order, as [name, value|null]. */
function attrsOf(tag) {
  return [...tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '').matchAll(ATTR)].map((m) => [m[1], m[2] ?? m[3] ?? m[4] ?? null]);
}

/** The rust <link> of a page: {tag, attrs}. Exactly one, outside comments. */
function rustLink(html, what) {
  const tags = html.replace(/<!--[\s\S]*?-->/g, '').match(RUST_LINK) || [];
  if (tags.length !== 1) throw new BundlesError(`${what}: ${tags.length} <link data-trunk rel="rust"> tags, expected one`);
  return { tag: tags[0], attrs: attrsOf(tags[0]) };
}

/** A path relative to the repository root, as the page `html` (also root-relative) must write it. */
function fromPage(html, rootRelative) {
  return path.posix.relative(path.posix.dirname(html), rootRelative) || '.';
}

/** What the page `html` (its text `text`) builds, as a `cargo` value ({bin, features, …}). */
function cargoOfPage(text, html) {
  const out = {};
  for (const [name, value] of rustLink(text, html).attrs) {
    const key = Object.keys(CARGO_ATTRS).find((k) => CARGO_ATTRS[k] === name);
    if (!key) continue;
    if (key === 'no_default_features') out[key] = true;
    else if (key === 'package_dir') out[key] = path.posix.normalize(path.posix.join(path.posix.dirname(html), value));
    else out[key] = value;
  }
  return out;
}

/** The <title> text of a page (exactly one). */
function titleOf(html, what) {
  const titles = [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<title>([^<]*)<\/title>/gi)];
  if (titles.length !== 1) throw new BundlesError(`${what}: ${titles.length} <title> elements, expected one`);
  return titles[0][1];
}

/**
 * `template` (the page `templateHtml`, the root bundle's) as `bundle`'s page: its title, its cargo
 * attributes, and, should its page sit in another folder, the other trunk links' hrefs (CSS,
 * icon, schemas) written relative to it.
 */
function renderPage(template, templateHtml, bundle) {
  titleOf(template, templateHtml);
  const { tag, attrs } = rustLink(template, templateHtml);
  const isBuild = ([name]) => Object.values(CARGO_ATTRS).includes(name);
  const first = attrs.findIndex(isBuild);
  const rest = attrs.filter((a) => !isBuild(a));
  // The build attributes go where the template has its own (else after rel="rust"), in CARGO_ATTRS order.
  const at = first >= 0 ? first : attrs.findIndex(([name]) => name.toLowerCase() === 'rel') + 1;
  const build = Object.keys(CARGO_ATTRS)
    .filter((k) => k in bundle.cargo)
    .map((k) => {
      const v = bundle.cargo[k];
      return [CARGO_ATTRS[k], v === true ? null : k === 'package_dir' ? fromPage(bundle.html, v) : v];
    });
  const all = [...rest.slice(0, at), ...build, ...rest.slice(at)];
  const newTag = `<link${all.map(([n, v]) => (v === null ? ` ${n}` : ` ${n}="${v}"`)).join('')}>`;
  const moved = path.posix.dirname(templateHtml) !== path.posix.dirname(bundle.html);
  return template
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${bundle.title}</title>`)
    .replace(tag, () => newTag)
    .replace(/<link\b[^>]*\bdata-trunk\b[^>]*>/gi, (link) => {
      if (!moved || link === newTag) return link;
      return link.replace(/(\shref=")([^"]*)(")/i, (_, a, href, b) => `${a}${fromPage(bundle.html, path.posix.join(path.posix.dirname(templateHtml), href))}${b}`);
    });
}

/**
 * Every bundle's page, as the list says it must be. The root bundle's page is the template and
 * must itself agree with its entry. Returns [{bundle, file, expected, actual|null}] of the pages
 * that differ (actual null: missing); with `write`, writes the others' pages first.
 */
function checkPages(bundles, { write = false, root = ROOT } = {}) {
  const top = bundles[0];
  const templateFile = path.join(root, top.html);
  if (!fs.existsSync(templateFile)) throw new BundlesError(`${top.html}, the ${top.name} bundle's page (the template of the others), is missing`);
  const template = fs.readFileSync(templateFile, 'utf8');
  const wrong = [];
  for (const b of bundles) {
    const file = path.join(root, b.html);
    const expected = renderPage(template, top.html, b);
    if (write && b !== top) fs.writeFileSync(file, expected);
    const actual = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (actual !== expected) wrong.push({ bundle: b, file, expected, actual });
  }
  return wrong;
}

/** The first line where two texts differ, for a message. */
function firstDifference(a, b) {
  const x = a.split('\n');
  const y = (b ?? '').split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: expected ${JSON.stringify(x[i] ?? '(end)')}, found ${JSON.stringify(y[i] ?? '(end)')}`;
  }
  return 'no difference';
}

module.exports = { ROOT, FILE, CARGO_ATTRS, BundlesError, load, bundleForPath, bundleForDist, copyInto, renderPage, checkPages, cargoOfPage, titleOf, firstDifference };

// --- command line --------------------------------------------------------------------------
function main(argv) {
  const bundles = load();
  const [cmd, ...args] = argv;
  if (cmd === 'tsv') {
    if (args.length === 0) throw new BundlesError('tsv: name the fields (name html dist base budget_kib sub)');
    for (const b of bundles) {
      const row = args.map((f) => {
        if (!(f in b) || typeof b[f] === 'object') throw new BundlesError(`tsv: no plain field "${f}"`);
        return String(b[f]);
      });
      console.log(row.join('\t'));
    }
  } else if (cmd === 'budget' && args.length === 1) {
    const b = bundleForDist(bundles, args[0]);
    if (!b) throw new BundlesError(`budget: no bundle is built into ${args[0]} (bundles.json: ${bundles.map((x) => x.dist).join(', ')})`);
    console.log(b.budget_kib);
  } else if (cmd === 'copies' && args.length === 1) {
    const b = bundleForDist(bundles, args[0]);
    if (!b) throw new BundlesError(`copies: no bundle is built into ${args[0]}`);
    for (const to of Object.keys(b.copy)) console.log(to);
  } else if (cmd === 'pages' && (args.length === 0 || (args.length === 1 && args[0] === '--write'))) {
    const wrong = checkPages(bundles, { write: args[0] === '--write' });
    for (const w of wrong) {
      console.error(`bundles: ${w.bundle.html} does not match its entry (${w.bundle.name}): ${w.actual === null ? 'missing' : firstDifference(w.expected, w.actual)}`);
    }
    if (wrong.length > 0) {
      console.error(`bundles: ${args[0] === '--write' ? `${bundles[0].html} disagrees with its own entry: fix one of them` : 'run: node scripts/bundles.js pages --write'}`);
      process.exit(1);
    }
    console.log(`bundles: ${bundles.map((b) => b.html).join(', ')} match bundles.json`);
  } else {
    throw new BundlesError('usage: node scripts/bundles.js tsv FIELD... | budget DIR | copies DIR | pages [--write]');
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof BundlesError)) throw e;
    console.error(`bundles: ERROR: ${e.message}`);
    process.exit(1);
  }
}
