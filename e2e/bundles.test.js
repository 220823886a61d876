'use strict';
// Issue 17, item 2: one list of bundles. bundles.json says which bundles exist (page, dist
// folder, base URL, size budget, what cargo builds); these tests check that the list is whole,
// that every HTML page agrees with it, that cargo can build what it names, and that every reader
// follows it: scripts/build, scripts/size-budget, scripts/offline.js (manifest and service
// worker), e2e/lib/server.js and scripts/nginx-conf (deploy/nginx). The readers are run on a
// copy of the repository's files in a temp folder, with the real list and with a fourth bundle
// added as one entry (its page written by `node scripts/bundles.js pages --write`): if a reader
// kept its own copy of the list, the fourth bundle would be missing from what it does.
// Needs no build and no browser; `trunk` is replaced by a stub that records its arguments.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const vm = require('node:vm');
const http = require('node:http');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const bundles = require('../scripts/bundles');

const ROOT = path.resolve(__dirname, '..');
const LIST = bundles.load();

/** The files a reader needs, copied into a temp folder with the same layout. */
const READERS = [
  'bundles.json',
  'Cargo.lock',
  'scripts/bundles.js',
  'scripts/env.sh',
  'scripts/build',
  'scripts/size-budget',
  'scripts/offline.js',
  'scripts/nginx-conf.js',
  'static/sw.template.js',
  'deploy/nginx/prevent-toolkit.conf.in',
  'deploy/nginx/standalone.conf.in',
  'e2e/lib/server.js',
  ...LIST.map((b) => b.html),
];

/** A fourth bundle, as someone adding one would write its entry. */
const VISITORS = {
  name: 'visitors',
  html: 'visitor.html',
  dist: 'dist/visitor',
  base: '/visitor/',
  budget_kib: 123,
  title: 'Prevent Case Toolkit – visitors',
  manifest: { name: 'Prevent Case Toolkit – visitors', short_name: 'Prevent visitors' },
  cargo: { bin: 'prevent-toolkit', features: 'visitor' },
};

/** A temp copy of the readers; with `extra`, those entries appended to its bundles.json and their pages written. */
function copy(t, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-bundles-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const f of READERS) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  if (extra.length > 0) {
    const file = path.join(dir, 'bundles.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.bundles.push(...extra);
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    execFileSync(process.execPath, [path.join(dir, 'scripts', 'bundles.js'), 'pages', '--write'], { cwd: dir, stdio: 'pipe' });
  }
  return dir;
}

/** bundles.json of a temp copy, loaded by that copy's own scripts/bundles.js. */
const listOf = (dir) => require(path.join(dir, 'scripts', 'bundles.js')).load(path.join(dir, 'bundles.json'));

/** A list file holding `entries`, loaded; returns the error message, or null if it loads. */
function loadError(t, entries) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-bundles-list-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bundles.json');
  fs.writeFileSync(file, JSON.stringify({ bundles: entries }));
  try {
    bundles.load(file);
    return null;
  } catch (e) {
    assert.ok(e instanceof bundles.BundlesError, `not a BundlesError: ${e.stack}`);
    return e.message;
  }
}

/** Fake built pages: each bundle's folder with an index.html that names it and carries the source page's CSP. */
function fakeDist(dir, list) {
  const csp = fs.readFileSync(path.join(ROOT, LIST[0].html), 'utf8').match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)[0];
  for (const b of list) {
    fs.mkdirSync(path.join(dir, b.dist), { recursive: true });
    fs.writeFileSync(path.join(dir, b.dist, 'index.html'), `<!DOCTYPE html><html><head>${csp}<title>${b.title}</title></head><body>${b.name}</body></html>\n`);
  }
}

test('bundles.json: every entry is whole, the bundle at / comes first, and a dist folder is its base', (t) => {
  assert.ok(LIST.length >= 3, `bundles.json lists ${LIST.length} bundles`);
  assert.deepEqual(
    LIST.map((b) => [b.name, b.html, b.dist, b.base]),
    [
      ['partners', 'index.html', 'dist', '/'],
      ['officers', 'officer.html', 'dist/officer', '/officer/'],
      ['trainer', 'trainer.html', 'dist/trainer', '/trainer/'],
    ],
    'the three bundles the app serves today',
  );
  for (const b of LIST) assert.ok(fs.existsSync(path.join(ROOT, b.html)), `${b.name}: ${b.html} is missing`);
  // The checks that keep the readers simple refuse a list that breaks them.
  const [partners, officers] = JSON.parse(fs.readFileSync(bundles.FILE, 'utf8')).bundles;
  assert.equal(loadError(t, [partners, officers]), null);
  const cases = [
    ['a dist folder that is not its base', [partners, { ...officers, dist: 'dist/officers' }], /dist must be "dist\/officer"/],
    ['a base of two segments', [partners, { ...officers, base: '/a/b/' }], /base must be/],
    ['the root bundle not first', [officers, partners], /first bundle must be the one at base "\/"/],
    ['two bundles at one base', [partners, { ...officers, name: 'other', html: 'other.html' }, officers], /two bundles have the base "\/officer\/"/],
    ['a field missing', [partners, { ...officers, budget_kib: undefined }], /no "budget_kib"/],
    ['a budget that is not whole KiB', [partners, { ...officers, budget_kib: 39.5 }], /budget_kib must be a whole number/],
    ['a build choice trunk has no attribute for', [partners, { ...officers, cargo: { target: 'x' } }], /cargo\.target is not known/],
    ['a page outside the repository', [partners, { ...officers, html: '../officer.html' }], /html must be/],
    ['a copied folder from outside the repository', [partners, { ...officers, copy: { scenarios: '../elsewhere' } }], /copy\.scenarios must be a folder's path/],
    ['a copied folder with a path for a name', [partners, { ...officers, copy: { 'a/b': 'crates/core/scenarios' } }], /copy: the folder in the bundle must match/],
    ['a copy that is not a map', [partners, { ...officers, copy: ['crates/core/scenarios'] }], /copy must be/],
  ];
  for (const [what, entries, message] of cases) {
    const err = loadError(t, entries);
    assert.ok(err, `${what}: accepted`);
    assert.match(err, message, `${what}: ${err}`);
  }
});

test('each bundle\'s HTML page is the partners\' page with only its title and its cargo attributes changed', (t) => {
  assert.deepEqual(
    bundles.checkPages(LIST).map((w) => `${w.bundle.html}: ${w.actual === null ? 'missing' : bundles.firstDifference(w.expected, w.actual)}`),
    [],
    'run: node scripts/bundles.js pages --write',
  );
  // Read back from the pages themselves, independently of how they were written.
  for (const b of LIST) {
    const html = fs.readFileSync(path.join(ROOT, b.html), 'utf8');
    assert.equal(bundles.titleOf(html, b.html), b.title, `${b.html}: <title>`);
    assert.deepEqual(bundles.cargoOfPage(html, b.html), { ...b.cargo }, `${b.html}: what its rust <link> builds`);
  }
  // A page that drifts in anything else is caught, and --write puts it right.
  const dir = copy(t);
  const officer = path.join(dir, 'officer.html');
  fs.writeFileSync(officer, fs.readFileSync(officer, 'utf8').replace('data-wasm-opt="z"', 'data-wasm-opt="s"'));
  const check = spawnSync(process.execPath, [path.join(dir, 'scripts', 'bundles.js'), 'pages'], { cwd: dir, encoding: 'utf8' });
  assert.equal(check.status, 1, 'a drifted officer.html passed the check');
  assert.match(check.stderr, /officer\.html does not match its entry \(officers\): line \d+: expected .*data-wasm-opt=\\"z\\"/);
  execFileSync(process.execPath, [path.join(dir, 'scripts', 'bundles.js'), 'pages', '--write'], { cwd: dir, stdio: 'pipe' });
  assert.equal(fs.readFileSync(officer, 'utf8'), fs.readFileSync(path.join(ROOT, 'officer.html'), 'utf8'));
});

test('every trunk page in the repository is a bundle of the list', () => {
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.html'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  const pages = tracked.filter((f) => fs.existsSync(path.join(ROOT, f)) && /<link\b[^>]*\bdata-trunk\b/i.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(pages.sort(), LIST.map((b) => b.html).sort(), 'a trunk page that bundles.json does not list (or a listed page git does not know)');
});

test('what each bundle\'s entry tells cargo to build exists: its package, binary and features', () => {
  const run = spawnSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `cargo metadata failed (is cargo on PATH? source scripts/env.sh): ${run.stderr || run.error}`);
  const { packages } = JSON.parse(run.stdout);
  for (const b of LIST) {
    // trunk builds the package of package_dir, else the one whose Cargo.toml is beside the page.
    const dir = path.resolve(ROOT, b.cargo.package_dir || path.dirname(b.html));
    const pkg = packages.find((p) => path.dirname(p.manifest_path) === dir);
    assert.ok(pkg, `${b.name}: no package at ${path.relative(ROOT, dir) || '.'}`);
    if (b.cargo.bin) {
      const bins = pkg.targets.filter((x) => x.kind.includes('bin')).map((x) => x.name);
      assert.ok(bins.includes(b.cargo.bin), `${b.name}: ${pkg.name} has no binary ${b.cargo.bin} (it has ${bins.join(', ') || 'none'})`);
    }
    for (const f of (b.cargo.features || '').split(',').filter(Boolean)) {
      assert.ok(f in pkg.features, `${b.name}: ${pkg.name} has no feature ${f} (it has ${Object.keys(pkg.features).join(', ')})`);
    }
  }
});

/** Runs `bash scripts/<script> args` in a temp copy with a stub trunk that records each call. */
function runScript(dir, script, args = [], env = {}) {
  const bin = path.join(dir, 'node_modules', '.bin');
  fs.mkdirSync(bin, { recursive: true });
  // Like trunk: it empties the dist folder, then writes the page there.
  fs.writeFileSync(
    path.join(bin, 'trunk'),
    [
      '#!/usr/bin/env bash',
      'echo "$*" >>"$STUB_LOG"',
      'while [ $# -gt 0 ]; do case "$1" in --dist) dist="$2"; shift ;; --public-url) url="$2"; shift ;; build|--release|--offline) ;; *) page="$1" ;; esac; shift; done',
      'rm -rf "$dist"; mkdir -p "$dist"; printf "%s %s\\n" "$page" "$url" >"$dist/index.html"',
    ].join('\n'),
    { mode: 0o755 },
  );
  return spawnSync('bash', [path.join(dir, 'scripts', script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, STUB_LOG: path.join(dir, 'trunk.log'), ...env },
  });
}

for (const [what, extra] of [
  ['the list', []],
  ['the list plus a fourth (one entry)', [VISITORS]],
]) {
  test(`scripts/build builds every bundle of ${what}, the one at / first, each into its folder at its base`, (t) => {
    const dir = copy(t, extra);
    const list = listOf(dir);
    const run = runScript(dir, 'build');
    assert.equal(run.status, 0, `scripts/build failed:\n${run.stdout}\n${run.stderr}`);
    const calls = fs.readFileSync(path.join(dir, 'trunk.log'), 'utf8').trim().split('\n');
    assert.deepEqual(
      calls,
      list.map((b) => `build ${b.html} --release --offline --dist ${b.dist} --public-url ${b.base}`),
    );
    for (const b of list) assert.equal(fs.readFileSync(path.join(dir, b.dist, 'index.html'), 'utf8'), `${b.html} ${b.base}\n`, `${b.dist} was emptied by a later build`);
  });

  test(`scripts/size-budget holds each bundle of ${what} to its own budget_kib`, (t) => {
    const dir = copy(t, extra);
    const list = listOf(dir);
    fakeDist(dir, list);
    for (const b of list) {
      for (const f of ['app.wasm', 'app.js', 'app.css']) fs.writeFileSync(path.join(dir, b.dist, f), 'x');
      const run = runScript(dir, 'size-budget', [b.dist]);
      assert.equal(run.status, 0, `${b.name}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`^budget: ${b.budget_kib} kB gzipped;`, 'm'), `${b.name}: not held to its budget_kib`);
    }
    // Over its budget, a bundle fails: 2 KiB that gzip cannot shrink, against a budget of 1.
    const last = list[list.length - 1];
    const file = path.join(dir, 'bundles.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.bundles[data.bundles.length - 1].budget_kib = 1;
    fs.writeFileSync(file, JSON.stringify(data));
    fs.writeFileSync(path.join(dir, last.dist, 'app.wasm'), require('node:crypto').randomBytes(2048));
    const over = runScript(dir, 'size-budget', [last.dist]);
    assert.equal(over.status, 1, `${last.name} over its budget passed: ${over.stdout}`);
    assert.match(over.stderr, /is over the 1 kB budget/);
    // A folder the list does not name has no budget of its own.
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.copyFileSync(path.join(dir, last.dist, 'index.html'), path.join(dir, 'elsewhere', 'index.html'));
    assert.equal(runScript(dir, 'size-budget', ['elsewhere']).status, 1);
  });

  test(`scripts/offline.js writes the manifest and the service worker of each bundle of ${what}`, (t) => {
    const dir = copy(t, extra);
    const list = listOf(dir);
    fakeDist(dir, list);
    const offline = require(path.join(dir, 'scripts', 'offline.js'));
    const log = t.mock.method(console, 'log', () => {});
    for (const b of list) {
      const out = path.join(dir, b.dist);
      fs.writeFileSync(path.join(out, 'favicon-0123456789abcdef.svg'), '<svg/>');
      offline.writeOffline(out, offline.publicUrlOf(out));
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.webmanifest'), 'utf8'));
      assert.deepEqual([manifest.name, manifest.short_name, manifest.scope, manifest.start_url], [b.manifest.name, b.manifest.short_name, b.base, b.base], `${b.name}: manifest`);
      // The worker, run with a stand-in for its global scope: its cache and which page serves a route.
      const sandbox = { self: { addEventListener: () => {} }, URL, Request: class {}, Response: {}, caches: {}, fetch: () => {} };
      vm.runInNewContext(fs.readFileSync(path.join(out, 'sw.js'), 'utf8'), sandbox);
      assert.equal(vm.runInNewContext('CACHE', sandbox).replace(/-[0-9a-f]{16}$/, ''), `pct-${b.name}`, `${b.name}: cache name`);
      assert.equal(vm.runInNewContext('PRECACHE[0]', sandbox), b.base, `${b.name}: its page is cached first`);
      const shellFor = vm.runInNewContext('shellFor', sandbox);
      for (const other of list) {
        assert.equal(shellFor(`${other.base}some/route`), other.base, `${b.name}'s worker: a route of ${other.name}`);
        if (other.prefix) {
          assert.equal(shellFor(other.prefix), other.base, `${b.name}'s worker: ${other.prefix}`);
          assert.equal(shellFor(`${other.prefix}x`), '/', `${b.name}'s worker: ${other.prefix}x is the root bundle's`);
        }
      }
    }
    log.mock.restore();
  });

  test(`e2e/lib/server.js sends every route under a base to that bundle of ${what}`, async (t) => {
    const dir = copy(t, extra);
    const list = listOf(dir);
    fakeDist(dir, list);
    for (const b of list) fs.writeFileSync(path.join(dir, b.dist, 'sw.js'), '');
    const { startServer } = require(path.join(dir, 'e2e', 'lib', 'server.js'));
    const server = await startServer({ root: path.join(dir, 'dist') });
    t.after(() => server.close());
    const get = (p) =>
      new Promise((resolve, reject) => {
        http.get(`${server.url}${p}`, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
        }).on('error', reject);
      });
    const bodyOf = async (p) => {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      return res.body.match(/<body>([^<]*)<\/body>/)[1];
    };
    for (const b of list) {
      assert.equal(await bodyOf(`${b.base}deep/link`), b.name, `${b.base}deep/link`);
      const sw = await get(`${b.base}sw.js`);
      assert.equal(sw.headers['service-worker-allowed'], b.prefix || undefined, `${b.name}: Service-Worker-Allowed`);
      if (!b.prefix) continue;
      assert.equal(await bodyOf(b.prefix), b.name, b.prefix);
      assert.equal(await bodyOf(`${b.prefix}x/y`), list[0].name, `${b.prefix}x/y only looks like ${b.name}'s`);
    }
    // A bundle that is not built is a 404 that names it, not another bundle's page.
    const last = list[list.length - 1];
    fs.rmSync(path.join(dir, last.dist), { recursive: true });
    const missing = await get(`${last.base}deep/link`);
    assert.equal(missing.status, 404);
    assert.match(missing.body, new RegExp(`the ${last.name} bundle \\(${last.sub}/index\\.html\\) is not built`));
  });

  test(`scripts/nginx-conf gives each bundle of ${what} its policy, worker scope and rewrite rules`, (t) => {
    const dir = copy(t, extra);
    const list = listOf(dir);
    fakeDist(dir, list);
    // Each bundle's page gets a policy of its own (a hash of an inline script of its own).
    for (const b of list) {
      const file = path.join(dir, b.dist, 'index.html');
      const script = `window.bundle=${JSON.stringify(b.name)}`;
      const hash = `'sha256-${require('node:crypto').createHash('sha256').update(script).digest('base64')}'`;
      const html = fs.readFileSync(file, 'utf8').replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${hash}`).replace('</head>', `<script>${script}</script></head>`);
      fs.writeFileSync(file, html);
    }
    const prefix = path.join(dir, 'nginx');
    const run = spawnSync(process.execPath, [path.join(dir, 'scripts', 'nginx-conf.js'), '--dist', path.join(dir, 'dist'), '--standalone', prefix, '--listen', '127.0.0.1:1'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `scripts/nginx-conf failed: ${run.stderr}`);
    const site = fs.readFileSync(path.join(prefix, 'prevent-toolkit.conf'), 'utf8');
    assert.doesNotMatch(site, /@[A-Z_]+@/, 'a placeholder was left');
    const cspMap = site.match(/^map \$uri \$prevent_toolkit_csp \{\n([\s\S]*?)^\}/m)[1];
    const csp = [...cspMap.matchAll(/^\s+("~\^[^"]*"|default)\s+"([^"]*)";$/gm)].map((m) => [m[1], m[2].match(/'sha256-[^']+'/)[0]]);
    const hashOf = (b) => fs.readFileSync(path.join(dir, b.dist, 'index.html'), 'utf8').match(/'sha256-[^']+'/)[0];
    assert.deepEqual(
      csp,
      [...list.filter((b) => b.prefix).map((b) => [`"~^${b.prefix}(/|$)"`, hashOf(b)]), ['default', hashOf(list[0])]],
      'the CSP map: one line per bundle with its own policy, the bundle at / the default',
    );
    for (const b of list.filter((x) => x.prefix)) {
      assert.match(site, new RegExp(`^\\s+"${b.base}sw\\.js"\\s+"${b.prefix}";$`, 'm'), `${b.name}: Service-Worker-Allowed`);
      assert.match(site, new RegExp(`location = ${b.prefix} \\{\\s+try_files ${b.base}index\\.html =404;\\s+\\}`), `${b.name}: ${b.prefix}`);
      assert.match(site, new RegExp(`location ${b.base} \\{\\s+try_files \\$uri \\$uri/index\\.html ${b.base}index\\.html;\\s+\\}`), `${b.name}: ${b.base}...`);
    }
    // nginx itself accepts it, where it is installed (e2e/nginx.test.js serves the real build).
    const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((f) => fs.existsSync(f));
    if (nginx) {
      fs.mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
      const check = spawnSync(nginx, ['-t', '-q', '-c', path.join(prefix, 'nginx.conf'), '-p', prefix, '-e', 'stderr'], { encoding: 'utf8' });
      assert.equal(check.status, 0, `nginx -t: ${check.stderr}`);
    }
  });
}

test('a bundle\'s copy (the trainer\'s scenarios) is copied into its build before the offline worker lists it, so the worker caches it', (t) => {
  const trainer = LIST.find((b) => b.name === 'trainer');
  assert.deepEqual(trainer.copy, { scenarios: 'crates/core/scenarios' }, 'the trainer fetches its scenarios from scenarios/');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-copy-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'favicon-0123456789abcdef.svg'), '<svg/>');
  fs.mkdirSync(path.join(dir, 'scenarios'));
  fs.writeFileSync(path.join(dir, 'scenarios', 'left-over.json'), '{}');
  assert.deepEqual(bundles.copyInto(dir, trainer), [`scenarios/ (${fs.readdirSync(path.join(ROOT, 'crates/core/scenarios')).length} files)`]);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'scenarios')).sort(), fs.readdirSync(path.join(ROOT, 'crates/core/scenarios')).sort(), 'a run replaces what an earlier one left');
  const log = t.mock.method(console, 'log', () => {});
  require('../scripts/offline').writeOffline(dir, trainer.base);
  log.mock.restore();
  const precache = JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const PRECACHE = (\[.*\]);/)[1]);
  assert.ok(precache.includes('/trainer/scenarios/index.json'), 'the worker caches the index');
  assert.ok(precache.includes('/trainer/scenarios/01-stickers-at-exampleton-station.json'), 'the worker caches the scenario files');
  assert.throws(() => bundles.copyInto(dir, { ...trainer, copy: { x: 'no/such/folder' } }), /copy\.x: no\/such\/folder is not a folder of the repository/);
});
