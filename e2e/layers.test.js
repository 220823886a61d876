// Layers point one way (issue 17, items 3 and 5): the module graph of the app (src/) and of the
// core (crates/core/src/), drawn from the Rust source's `crate::`/`super::` paths, has no
// circle; no service reaches into a page; no page reaches up into the shell; the generic core
// modules name no form. No build and no browser: it reads the source.
//
//   node --test e2e/layers.test.js
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** The modules under `dir` (a crate's src), by path ("pages::drafts"), with their source. */
function modules(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rs')) {
        let parts = path.relative(dir, p).slice(0, -3).split(path.sep);
        if (['mod', 'lib', 'main'].includes(parts[parts.length - 1])) parts = parts.slice(0, -1);
        if (parts[0] === 'bin') continue; // the apps' one-line binaries
        out.set(parts.join('::'), fs.readFileSync(p, 'utf8'));
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * The edges of the module graph: module -> the modules its code names. Comments, and test
 * modules (`#[cfg(test)]` to the end of the file), are left out; `$crate::` in a macro is the
 * caller's, not this module's; a submodule naming its parent is inside one module.
 */
function graph(dir) {
  const mods = modules(dir);
  const names = new Set(mods.keys());
  const edges = new Map([...names].map((n) => [n, new Set()]));
  for (const [m, text] of mods) {
    const src = text.replace(/\/\/.*$/gm, '').split('#[cfg(test)]')[0];
    const parent = m.split('::').slice(0, -1).join('::');
    const add = (segs) => {
      for (let k = segs.length; k > 0; k--) {
        const cand = segs.slice(0, k).join('::');
        if (names.has(cand)) {
          if (cand !== m && !m.startsWith(`${cand}::`)) edges.get(m).add(cand);
          return;
        }
      }
    };
    for (const [, p] of src.matchAll(/(?<![$\w])crate::([a-z_]+(?:::[a-z_]+)*)/g)) add(p.split('::'));
    for (const [, p] of src.matchAll(/(?<![$\w])super::([a-z_]+(?:::[a-z_]+)*)/g)) {
      add([...(parent ? parent.split('::') : []), ...p.split('::')]);
    }
  }
  return edges;
}

/** The circles of a graph: its strongly connected parts of more than one module. */
function circles(edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const part = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1) out.push(part.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The edges from modules matching `from` to modules matching `to`, as "a -> b". */
function between(edges, from, to) {
  const out = [];
  for (const [a, bs] of edges) for (const b of bs) if (from.test(a) && to.test(b)) out.push(`${a} -> ${b}`);
  return out;
}

const app = graph(path.join(ROOT, 'src'));
const core = graph(path.join(ROOT, 'crates', 'core', 'src'));

test('the app\'s modules form no circle', () => {
  assert.deepEqual(circles(app), []);
});

test('the core\'s modules form no circle', () => {
  assert.deepEqual(circles(core), []);
});

test('no service, hook, component or the reducer reaches into a page or the shell', () => {
  assert.deepEqual(between(app, /^(services|hooks|components|state|route|router|nav|bundle)(::|$)/, /^(pages|app|apps)(::|$)/), []);
});

test('no page reaches up into the shell, or names another app\'s bundle', () => {
  assert.deepEqual(between(app, /^pages(::|$)/, /^(app|apps)$/), []);
});

test('the generic core modules name no form (FormDef, issue 17)', () => {
  assert.deepEqual(between(core, /^(validate|export|import|draft|flow|form|form_def|report|store|records)$/, /^(nrf|pga_form|plp_form|pga|plp|plp_case|scenario)(::|$)/), []);
});

test('the checker sees a circle when there is one', () => {
  // Its own check: a made-up graph with a circle and one without.
  const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
  assert.deepEqual(circles(g), [['a', 'b', 'c']]);
  // And it reads real edges: the shell names the pages; a page names the services.
  assert.ok(app.get('app').has('pages'), 'app -> pages not seen');
  assert.ok(between(app, /^pages::drafts$/, /^services(::|$)/).length > 0, 'pages::drafts -> services not seen');
});
