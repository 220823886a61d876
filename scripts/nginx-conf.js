#!/usr/bin/env node
// Render the nginx site for the built app (deploy/nginx/prevent-toolkit.conf.in) with the
// Content-Security-Policy of the build in dist/, after checking every bundle's policy.
// Run through scripts/nginx-conf (see there for the options); README.md, "Deploying".
// The bundles, their bases and folders, are bundles.json's: the template's per-bundle parts
// (@CSP_MAP@, @SW_ALLOWED_MAP@, @BUNDLE_LOCATIONS@) are written from it.
//
// The policy is read from each bundle's built page (dist/index.html, dist/officer/index.html, …):
// the <meta http-equiv="Content-Security-Policy"> that scripts/csp-hash.js completed with the
// sha256 of trunk's inline loader script. The header nginx sends is that policy plus
// frame-ancestors 'none' (which a <meta> policy cannot carry). Each bundle keeps its own policy
// (their loaders import different paths, so their hashes differ).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const bundles = require('./bundles');

const ROOT = path.resolve(__dirname, '..');
const TEMPLATE = path.join(ROOT, 'deploy', 'nginx', 'prevent-toolkit.conf.in');
const STANDALONE_TEMPLATE = path.join(ROOT, 'deploy', 'nginx', 'standalone.conf.in');
const DEFAULT_OUT = path.join(ROOT, 'deploy', 'nginx', 'prevent-toolkit.conf');

class ConfError extends Error {}
const fail = (msg) => {
  throw new ConfError(msg);
};

/** The text of the page's CSP <meta> tag (quoted or, after trunk's minifier, unquoted). */
function metaPolicy(html, file) {
  const scan = html.replace(/<!--[\s\S]*?-->/g, '');
  const attrRe = (name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
  const value = (tag, name) => {
    const m = tag.match(attrRe(name));
    return m ? (m[1] ?? m[2] ?? m[3]) : null;
  };
  const tags = [...scan.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => (value(tag, 'http-equiv') || '').toLowerCase() === 'content-security-policy');
  if (tags.length === 0) fail(`${file}: no <meta http-equiv="Content-Security-Policy"> (was it built by scripts/build?)`);
  if (tags.length > 1) fail(`${file}: ${tags.length} Content-Security-Policy <meta> tags, expected one`);
  const policy = value(tags[0], 'content');
  if (!policy) fail(`${file}: the Content-Security-Policy <meta> tag has no content`);
  return policy.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** sha256 sources of the page's inline <script>s, as they must appear in script-src. */
function inlineScriptHashes(html) {
  const scan = html.replace(/<!--[\s\S]*?-->/g, '');
  const hashes = [];
  for (const m of scan.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || /\btype\s*=\s*["']?application\/(ld\+)?json/i.test(m[1])) continue;
    hashes.push(`'sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;
// What each directive may allow. Anything else (a host, a scheme such as https: or data:,
// 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'strict-dynamic', *) is refused.
const ALLOWED = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", HASH],
  'style-src': ["'self'", HASH],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'media-src': ["'self'", "'none'"],
  'frame-src': ["'self'", "'none'"],
  'child-src': ["'self'", "'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'", "'none'"],
  'form-action': ["'self'", "'none'"],
};

/**
 * Check a bundle's <meta> policy against what this app promises (ARCHITECTURE.md: only its
 * own origin, no inline script or style unless hashed) and that it allows the page's own
 * inline scripts. Returns the directives as [name, ...sources].
 */
function checkPolicy(policy, html, file) {
  if (/["$\\{}\n\r]/.test(policy)) fail(`${file}: the policy has a character nginx would not keep as it is ("$\\{} or a line break): ${policy}`);
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
  const names = directives.map((d) => d[0].toLowerCase());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) fail(`${file}: the directive ${dup} appears twice in ${policy}`);
  for (const [name, ...sources] of directives) {
    const allowed = ALLOWED[name.toLowerCase()];
    if (!allowed) {
      fail(
        `${file}: unexpected directive "${name}" in the <meta> policy` +
          (name.toLowerCase() === 'frame-ancestors' ? ' (a <meta> policy cannot set it: the server header adds it)' : '') +
          ` (known: ${Object.keys(ALLOWED).join(', ')})`,
      );
    }
    if (sources.length === 0) fail(`${file}: ${name} has no sources`);
    for (const s of sources) {
      if (!allowed.some((a) => (a instanceof RegExp ? a.test(s) : a === s))) {
        fail(`${file}: ${name} allows ${s}, which this app's policy must not (only its own origin, hashed inline code)`);
      }
    }
  }
  const get = (n) => directives.find((d) => d[0].toLowerCase() === n);
  if (!get('default-src')) fail(`${file}: the policy has no default-src: ${policy}`);
  const script = get('script-src');
  if (!script || !script.includes("'self'") || !script.includes("'wasm-unsafe-eval'")) {
    fail(`${file}: script-src must be 'self' 'wasm-unsafe-eval' (and the loader's hash): ${policy}`);
  }
  if (!get('object-src')) fail(`${file}: the policy has no object-src 'none': ${policy}`);
  const missing = inlineScriptHashes(html).filter((h) => !script.includes(h));
  if (missing.length > 0) {
    fail(`${file}: script-src lacks the hash of an inline script on the page (${missing.join(' ')}): run scripts/build again`);
  }
  return directives;
}

/** Every bundle's policy (bundles.json), checked: {<name>: {file, policy, hashes, shape}}. */
function readPolicies(dist, list = bundles.load()) {
  const out = {};
  for (const b of list) {
    const file = path.join(dist, b.sub, 'index.html');
    if (!fs.existsSync(file)) fail(`${show(file)} not found: build the app first (bash scripts/build)`);
    const html = fs.readFileSync(file, 'utf8');
    const policy = metaPolicy(html, file);
    const directives = checkPolicy(policy, html, file);
    out[b.name] = {
      file,
      policy: directives.map((d) => d.join(' ')).join('; '),
      hashes: directives.flatMap((d) => d.slice(1)).filter((s) => HASH.test(s)),
      // The same policy with its hashes taken out: every bundle must agree on it.
      shape: directives.map((d) => d.filter((s) => !HASH.test(s)).join(' ')).join('; '),
    };
  }
  const [first, ...others] = list;
  for (const b of others) {
    if (out[first.name].shape !== out[b.name].shape) {
      fail(
        `the bundles' policies differ in more than their hashes (keep ${list.map((x) => x.html).join(', ')} the same: node scripts/bundles.js pages):\n` +
          `  ${first.name}: ${out[first.name].shape}\n  ${b.name}: ${out[b.name].shape}`,
      );
    }
  }
  return out;
}

/** Pad `key` so the values of a map line up. */
const column = (key, width) => key.padEnd(width + 2);

/**
 * The per-bundle parts of the site, from bundles.json: the CSP map's lines (each bundle's
 * policy plus frame-ancestors), the Service-Worker-Allowed map's lines, and the locations that
 * send a route under a bundle's base to its page. The bundle at / is the maps' default and the
 * template's `location /`.
 */
function bundleParts(list, policies) {
  const others = list.filter((b) => b.prefix);
  const csp = (b) => `"${policies[b.name].policy}; frame-ancestors 'none'";`;
  const cspKeys = others.map((b) => `"~^${b.prefix}(/|$)"`);
  const cspWidth = Math.max('default'.length, ...cspKeys.map((k) => k.length));
  const swKeys = others.map((b) => `"${b.base}sw.js"`);
  const swWidth = Math.max('default'.length, ...swKeys.map((k) => k.length));
  return {
    CSP_MAP: [...others.map((b, i) => `    ${column(cspKeys[i], cspWidth)}${csp(b)}`), `    ${column('default', cspWidth)}${csp(list[0])}`].join('\n'),
    SW_ALLOWED_MAP: [...others.map((b, i) => `    ${column(swKeys[i], swWidth)}"${b.prefix}";`), `    ${column('default', swWidth)}"";`].join('\n'),
    BUNDLE_LOCATIONS: others
      .map((b) =>
        [
          `    # ${b.name}: ${b.prefix} and ${b.base}... (${b.html} -> ${b.dist}/)`,
          `    location = ${b.prefix} {`,
          `        try_files ${b.base}index.html =404;`,
          `    }`,
          `    location ${b.base} {`,
          `        try_files $uri $uri/index.html ${b.base}index.html;`,
          `    }`,
        ].join('\n'),
      )
      .join('\n'),
  };
}

/** Replace @NAME@ placeholders and drop ## lines; every placeholder must be given. */
function fill(template, values, file) {
  const text = template
    .split('\n')
    .filter((l) => !l.startsWith('##'))
    .join('\n')
    .replace(/@([A-Z_]+)@/g, (whole, key) => {
      if (!(key in values)) fail(`${file}: no value for the placeholder ${whole}`);
      return values[key];
    });
  return text;
}

/** nginx string literal: plain when it can be, else double-quoted. */
function nginxString(s) {
  if (/["\\$\n\r{};]/.test(s)) fail(`cannot write ${JSON.stringify(s)} in an nginx config`);
  return /[\s#']/.test(s) ? `"${s}"` : s;
}

/**
 * Render the site (and, with `standalone`, a full nginx.conf around it).
 * @param {{dist?: string, root?: string, listen?: string, serverName?: string, includes?: string[],
 *          out?: string, standalone?: string, user?: string}} opts
 * @returns {{site: string, siteFile: string|null, nginxConf: string|null, policies: object}}
 */
function render(opts = {}) {
  const dist = path.resolve(opts.dist || path.join(ROOT, 'dist'));
  const docRoot = opts.root ? opts.root : dist;
  if (!path.isAbsolute(docRoot)) fail(`--root must be an absolute path: ${docRoot}`);
  const listen = opts.listen || '127.0.0.1:8080';
  if (!/^[A-Za-z0-9.:[\]_ -]+$/.test(listen)) fail(`--listen: not an nginx listen value: ${listen}`);
  const serverName = opts.serverName || '_';
  const includes = (opts.includes || []).map((f) => path.resolve(f));
  for (const f of includes) if (!fs.existsSync(f)) fail(`--include ${f}: no such file`);

  const list = bundles.load();
  const policies = readPolicies(dist, list);
  const same = new Set(list.map((b) => policies[b.name].policy)).size === 1;
  const generated = [
    `# Rendered by scripts/nginx-conf from deploy/nginx/prevent-toolkit.conf.in for the build in`,
    `# ${dist} (${new Date().toISOString().slice(0, 19)}Z). Do not edit: render it again after every build.`,
    `# Bundles (bundles.json): ${list.map((b) => `${b.name} ${b.base}`).join(', ')}.`,
    `# CSP hashes: ${list.map((b) => `${b.name} ${policies[b.name].hashes.join(' ')}`).join('; ')}` +
      (same ? ' (the same policy)' : ' (each bundle gets its own policy)'),
  ].join('\n');
  const site = fill(
    fs.readFileSync(TEMPLATE, 'utf8'),
    {
      GENERATED: generated,
      LISTEN: listen,
      SERVER_NAME: nginxString(serverName),
      ROOT: nginxString(docRoot),
      ...bundleParts(list, policies),
      INCLUDES: includes.map((f) => `    include ${nginxString(f)};`).join('\n'),
    },
    TEMPLATE,
  );

  let siteFile = opts.out === '-' ? null : path.resolve(opts.out || DEFAULT_OUT);
  let nginxConf = null;
  if (opts.standalone) {
    const prefix = path.resolve(opts.standalone);
    if (!opts.out) siteFile = path.join(prefix, 'prevent-toolkit.conf');
    if (!siteFile) fail('--standalone needs the site in a file: give -o FILE, not -o -');
    nginxConf = fill(
      fs.readFileSync(STANDALONE_TEMPLATE, 'utf8'),
      {
        GENERATED: `# Rendered by scripts/nginx-conf --standalone from deploy/nginx/standalone.conf.in.`,
        USER: opts.user ? `user ${nginxString(opts.user)};` : '',
        PREFIX: nginxString(prefix),
        SITE: nginxString(siteFile),
      },
      STANDALONE_TEMPLATE,
    );
  }
  return { site, siteFile, nginxConf, policies };
}

const USAGE = `usage: scripts/nginx-conf [options]
  --dist DIR          the build to read the policies from (default: dist)
  --root DIR          document root in the config, absolute (default: the absolute --dist);
                      where the server has the files, e.g. /var/www/prevent-toolkit
  --listen VALUE      nginx listen value (default: 127.0.0.1:8080), e.g. 80, "443 ssl"
  --server-name NAME  server_name (default: _)
  --include FILE      add "include FILE;" inside the server block (TLS, extra locations);
                      may be repeated
  -o, --out FILE      the rendered site (default: deploy/nginx/prevent-toolkit.conf; - prints it)
  --standalone DIR    also write DIR/nginx.conf, a complete nginx.conf that runs the site as an
                      ordinary process, everything in DIR (site: DIR/prevent-toolkit.conf
                      unless -o is given); run: nginx -c DIR/nginx.conf -p DIR -e stderr
  --user USER         with --standalone: nginx's worker user (when nginx starts as root)
  --check             only read and check every bundle's policy, print them, write nothing`;

/** A path as the user would type it: relative to the current folder when under it. */
function show(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function main(argv) {
  const opts = { includes: [] };
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--dist': opts.dist = value(); break;
      case '--root': opts.root = value(); break;
      case '--listen': opts.listen = value(); break;
      case '--server-name': opts.serverName = value(); break;
      case '--include': opts.includes.push(value()); break;
      case '-o': case '--out': opts.out = value(); break;
      case '--standalone': opts.standalone = value(); break;
      case '--user': opts.user = value(); break;
      case '--check': check = true; break;
      case '-h': case '--help': console.log(USAGE); return;
      default: fail(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  if (check) {
    const p = readPolicies(path.resolve(opts.dist || path.join(ROOT, 'dist')));
    for (const [name, { file, policy }] of Object.entries(p)) console.log(`${name} (${show(file)}): ${policy}`);
    return;
  }
  const { site, siteFile, nginxConf } = render(opts);
  if (!siteFile) {
    process.stdout.write(site);
    return;
  }
  fs.mkdirSync(path.dirname(siteFile), { recursive: true });
  fs.writeFileSync(siteFile, site);
  console.log(`nginx-conf: wrote ${show(siteFile)}`);
  if (nginxConf) {
    const prefix = path.resolve(opts.standalone);
    fs.mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), nginxConf);
    console.log(`nginx-conf: wrote ${show(path.join(prefix, 'nginx.conf'))}; run: nginx -c ${path.join(prefix, 'nginx.conf')} -p ${prefix} -e stderr`);
  }
}

module.exports = { render, readPolicies, checkPolicy, metaPolicy, bundleParts, ConfError };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ConfError) && !(e instanceof bundles.BundlesError)) throw e;
    console.error(`nginx-conf: ERROR: ${e.message}`);
    process.exit(1);
  }
}
