// The offline cache (issue 9): a service worker per bundle, written into each build as sw.js by
// scripts/offline.js, which fills in the four constants below from the build and bundles.json. docs/decisions/0007-offline.md.
//
// - It keeps the app shell only: the bundle's page, wasm, JS, CSS, icon, manifest and JSON
//   Schemas, and the folders the build copies in (the trainer's scenario files, which its app
//   fetches). Never a record: drafts live in localStorage (encrypted), which it does not touch.
// - Install fetches the whole list into a cache named after the build; activate deletes the
//   bundle's older caches, so an update replaces the shell all at once, never half.
// - A page (navigation) is fetched from the network first (preloaded while the worker starts),
//   so a new build is used on the next load; with no network it comes from the cache. Every other file is taken from the cache
//   first: they are named after a hash of their content, so a cached copy is never stale.
// - The deployment settings (/deployment.json, which the hosting force edits, not part of the
//   build: decision 0021) are fetched from the network first, so an edited file takes effect on
//   the next load, and kept in a cache of their own (which an update of the app keeps) for use
//   offline. A file the server no longer has is dropped.
'use strict';

const BUNDLE = '__BUNDLE__'; // the bundle's name in bundles.json: "partners", "officers", …
const VERSION = '__VERSION__'; // a hash of every cached file: a new build, a new cache
const PRECACHE = __PRECACHE__; // absolute paths; the bundle's page first
const SHELLS = __SHELLS__; // the bases of the bundles not at "/" (bundles.json): ["/officer/", …]
const CACHE = `pct-${BUNDLE}-${VERSION}`;
const SETTINGS = '/deployment.json';
const SETTINGS_CACHE = 'pct-deployment';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `no-cache`: revalidate with the server, so that the page cached is this build's.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' }))))
      // The deployment settings too, if the site has them (the page's first fetch of them came
      // before this worker): best effort, never a reason to fail the install.
      .then(() => keepSettings(fetch(SETTINGS, { cache: 'no-cache' })).catch(() => null))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    // Navigation preload: the browser fetches a page while it starts this worker, rather than
    // after (docs/benchmarks.md: the worker's start-up otherwise delays every load).
    Promise.resolve(self.registration.navigationPreload && self.registration.navigationPreload.enable())
      .then(() => caches.keys())
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(`pct-${BUNDLE}-`) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The settings' response, once kept for offline use (a 404 drops the kept copy). */
function keepSettings(responding) {
  return responding.then((response) =>
    caches.open(SETTINGS_CACHE).then((cache) => {
      const kept = response.ok ? cache.put(SETTINGS, response.clone()) : response.status === 404 ? cache.delete(SETTINGS) : null;
      return Promise.resolve(kept).then(
        () => response,
        () => response,
      );
    }),
  );
}

/** The page (app shell) that serves `pathname`: each bundle's routes have no file extension. */
function shellFor(pathname) {
  return SHELLS.find((base) => pathname === base.slice(0, -1) || pathname.startsWith(base)) || '/';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first; offline, the file itself if cached (a JSON Schema), else the bundle's page.
    // caches.match looks in every cache of the origin, so the partners' worker (scope "/") also
    // serves "/officer" from the officers' cache.
    event.respondWith(
      Promise.resolve(event.preloadResponse)
        .then((preloaded) => preloaded || fetch(request))
        .catch(() =>
          caches
            .match(url.pathname, { ignoreSearch: true })
            .then((hit) => hit || caches.match(shellFor(url.pathname)))
            .then((hit) => hit || Response.error()),
        ),
    );
    return;
  }
  if (url.pathname === SETTINGS) {
    event.respondWith(
      keepSettings(fetch(request, { cache: 'no-cache' })).catch(() =>
        caches.open(SETTINGS_CACHE).then((cache) => cache.match(SETTINGS)).then((hit) => hit || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
