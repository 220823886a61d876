#!/usr/bin/env node
'use strict';
// A tiny static server for the built app (dist/), used by the end-to-end tests,
// scripts/screenshot and scripts/serve: 127.0.0.1 only, correct MIME types, and
// the SPA fallback of the bundles listed in bundles.json: a path without a file
// extension and without a file behind it gets the page of the bundle whose base it
// falls under, e.g.
//   - dist/officer/index.html if it is /officer or starts with /officer/
//     (the officers' bundle, built with --public-url /officer/);
//   - dist/index.html otherwise (the bundle at /, the partners'),
// so deep links like /referral/subject or /officer/deadlines load the right app
// and its router picks the page. A static host needs the same rewrite rules.
//
// The deployment settings (/deployment.json, decision 0021) are not part of the build: the
// hosting force adds the file. Unless the folder has one, this server answers with the
// fictional example deploy/deployment.example.json (Exampleton Constabulary), or with the text
// of its `deployment` option, or (`deployment: null`) with nothing (404).
//
// As a command (until Ctrl-C):
//   node e2e/lib/server.js [--port 8080] [--root dist]

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const bundles = require('../../scripts/bundles');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_DIST = path.resolve(ROOT, process.env.E2E_DIST || 'dist');
/** The bundles (bundles.json): each is served under its base from its folder `sub` of dist/. */
const BUNDLES = bundles.load();
/** The fictional deployment settings served when dist/ has none (decision 0021). */
const EXAMPLE_DEPLOYMENT = path.join(ROOT, 'deploy', 'deployment.example.json');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** Throws a readable error when the app has not been built. */
function assertBuilt(root = DEFAULT_DIST) {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(
      `${path.relative(ROOT, index) || index} not found: build the app first ` +
        `("bash scripts/build", or run scripts/test which does it), ` +
        `or point E2E_DIST at a built folder`,
    );
  }
  return index;
}

/**
 * Start serving `root` (default: dist/, or $E2E_DIST).
 * @param {{root?: string, headers?: Record<string,string>, port?: number, deployment?: string|null}} [opts]
 *   headers: extra response headers on every response (e.g. a CSP header).
 *   deployment: the text served as /deployment.json when the folder has none (default: the
 *   fictional example; null: none). Changeable later through the result's `deployment`.
 * @returns {Promise<{url: string, port: number, root: string, requests: string[], close: () => Promise<void>}>}
 *   url has no trailing slash, e.g. http://127.0.0.1:41234; requests lists "METHOD /path status".
 */
async function startServer(opts = {}) {
  const root = path.resolve(opts.root || DEFAULT_DIST);
  assertBuilt(root);
  const extraHeaders = opts.headers || {};
  const requests = [];
  const example = fs.existsSync(EXAMPLE_DEPLOYMENT) ? fs.readFileSync(EXAMPLE_DEPLOYMENT, 'utf8') : null;
  const state = { deployment: opts.deployment === undefined ? example : opts.deployment };

  const server = http.createServer((req, res) => {
    const send = (status, file, body) => {
      requests.push(`${req.method} ${req.url} ${status}`);
      const headers = {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extraHeaders,
      };
      if (file) {
        // The workers of the bundles not at / control their bundle's home page too ("/officer",
        // outside their folder), as deploy/nginx allows (src/services/offline.rs).
        for (const b of BUNDLES) {
          if (b.prefix && req.url.split('?')[0] === `${b.base}sw.js`) headers['Service-Worker-Allowed'] = b.prefix;
        }
        headers['Content-Type'] = mimeType(file);
        headers['Content-Length'] = fs.statSync(file).size;
        res.writeHead(status, headers);
        if (req.method === 'HEAD') return res.end();
        fs.createReadStream(file).pipe(res);
      } else {
        headers['Content-Type'] = 'text/plain; charset=utf-8';
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      }
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, 'method not allowed\n');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, null, 'bad request\n');
    }
    if (pathname.includes('\0')) return send(400, null, 'bad request\n');

    const clean = path.posix.normalize(pathname);
    const file = path.join(root, clean);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, null, 'forbidden\n');

    let stat = null;
    try {
      stat = fs.statSync(file);
    } catch {
      /* not found */
    }
    if (stat && stat.isFile()) return send(200, file);
    if (clean === '/deployment.json' && typeof state.deployment === 'string') {
      requests.push(`${req.method} ${req.url} 200`);
      res.writeHead(200, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extraHeaders, 'Content-Type': 'application/json; charset=utf-8' });
      return res.end(req.method === 'HEAD' ? undefined : state.deployment);
    }
    if (stat && stat.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) {
      return send(200, path.join(file, 'index.html'));
    }
    // SPA fallback: routes have no extension; missing assets (x.js, x.png) are 404.
    if (path.extname(pathname) === '') {
      const b = bundles.bundleForPath(BUNDLES, clean);
      const page = path.join(root, b.sub, 'index.html');
      if (fs.existsSync(page)) return send(200, page);
      return send(404, null, `not found: the ${b.name} bundle (${b.sub}/index.html) is not built\n`);
    }
    return send(404, null, 'not found\n');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port || 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    root,
    requests,
    /** The text served as /deployment.json (null: none): set it to change the settings. */
    get deployment() {
      return state.deployment;
    },
    set deployment(text) {
      state.deployment = text;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startServer, assertBuilt, mimeType, ROOT, DEFAULT_DIST, BUNDLES };

// --- command line: node e2e/lib/server.js [--port N] [--root DIR] ---------------------
if (require.main === module) {
  const args = process.argv.slice(2);
  const opts = { port: Number(process.env.PORT || 8080), root: DEFAULT_DIST };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    const value = inline ?? args[++i];
    if (flag === '--port' && /^\d+$/.test(value || '')) opts.port = Number(value);
    else if (flag === '--root' && value) opts.root = path.resolve(value);
    else {
      console.error('usage: node e2e/lib/server.js [--port 8080] [--root dist]');
      process.exit(2);
    }
  }
  startServer(opts).then(
    (server) => {
      console.log(`serving ${path.relative(process.cwd(), server.root) || '.'} on ${server.url}/ (Ctrl-C stops)`);
      if (!fs.existsSync(path.join(server.root, 'deployment.json'))) {
        console.log(`  deployment settings: the FICTIONAL example ${path.relative(process.cwd(), EXAMPLE_DEPLOYMENT)} (Exampleton Constabulary)`);
      }
      for (const b of BUNDLES) {
        const built = fs.existsSync(path.join(server.root, b.sub, 'index.html'));
        console.log(`  ${`${b.name}:`.padEnd(10)}${server.url}${b.base}${built ? '' : ' (not built)'}`);
      }
      const stop = () => {
        server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`server: ${err.message}`);
      process.exit(1);
    },
  );
}
