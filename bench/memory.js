'use strict';
// Where the renderer's memory goes (issue 22, item 3): loads a page cold in a fresh profile, as
// the side-by-side does (the referral's "About you", a second tab holding the key:
// bench/peers-before.mjs; or the bare input of ../shared/peers/control), forces a GC, and
// splits the page's renderer private memory (USS, from /proc/<pid>/smaps) by mapping:
//   wasm linear memory  the anonymous reservation of 4 GiB or more V8 makes for a wasm memory
//   code                anonymous executable mappings (V8's JIT and wasm code spaces)
//   other anonymous     V8's heap, Blink's and the allocator's (partition alloc, malloc)
//   files               private pages of mapped files (libraries' relocations, V8's snapshot)
// and adds what the page says of itself: the wasm memory's size, V8's heap (CDP), DOM nodes.
// Not part of the test command: figures.
//   node bench/memory.js [--runs 3] [--bare]     (serves dist/ itself)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('../e2e/lib/server');
const { CHROMIUM, CHROMIUM_ARGS } = require('../e2e/lib/browser');

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const bare = argv.includes('--bare');
const ROOT = path.resolve(__dirname, '..');

function renderers(dir) {
  const procs = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      procs.set(pid, { ppid: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], cmd });
    } catch { /* gone */ }
  }
  const root = [...procs].find(([, p]) => p.cmd.includes(`--user-data-dir=${dir}`) && !p.cmd.includes('--type='));
  const family = new Set(root ? [root[0]] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) if (!family.has(pid) && family.has(p.ppid)) { family.add(pid); grew = true; }
  }
  return [...family].filter((pid) => procs.get(pid).cmd.includes('--type=renderer'));
}

/** USS of `pid` split by kind of mapping, in bytes. */
function split(pid) {
  const out = { total: 0, wasmMemory: 0, code: 0, anon: 0, files: 0 };
  let kind = null;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = line.match(/^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \d+\s*(.*)$/);
    if (head) {
      const size = Number(BigInt(`0x${head[2]}`) - BigInt(`0x${head[1]}`));
      const file = head[4] && !head[4].startsWith('[');
      kind = file ? 'files' : size >= 4 * 2 ** 30 ? 'wasmMemory' : head[3].includes('x') ? 'code' : 'anon';
      continue;
    }
    const m = line.match(/^Private_(Clean|Dirty):\s+(\d+) kB/);
    if (m && kind) {
      out[kind] += Number(m[2]) * 1024;
      out.total += Number(m[2]) * 1024;
    }
  }
  return out;
}

/**
 * Chromium's own account of the renderer's memory (memory-infra, as chrome://tracing shows it):
 * one detailed dump, the size of each allocator's top-level entries, in bytes.
 */
async function memoryInfra(cdp, pid) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await done;
  const dumps = events.filter((e) => e.ph === 'v' && e.pid === pid && e.args?.dumps?.allocators);
  const allocators = dumps.at(-1)?.args.dumps.allocators || {};
  const size = (a) => parseInt(a?.attrs?.size?.value || '0', 16);
  const out = {};
  for (const [name, a] of Object.entries(allocators)) {
    const depth = name.split('/').length;
    if (depth <= Number(process.env.DEPTH || 1) || /^(v8\/main\/heap|partition_alloc\/partitions|blink_gc\/main)\/[^/]+$/.test(name) || /^v8\/main\/(code|wasm|zone|malloc|global)/.test(name)) out[name] = size(a);
  }
  return out;
}

async function one(url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pct-memory-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(' ') : [])], headless: true, serviceWorkers: 'block' });
  try {
    const page = context.pages()[0] || (await context.newPage());
    let target = url;
    if (!bare) target = await (await import(path.join(ROOT, 'bench', 'peers-before.mjs'))).default(page, url);
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
    await page.goto(target);
    await page.locator(bare ? '#forename' : 'main input[type=text]').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The tab that held the key (bench/peers-before.mjs) is closed once the page is in: with
    // --keeper kept, to see whether it shares the page's renderer.
    if (!argv.includes('--keeper')) for (const p of context.pages()) if (p !== page) await p.close();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters').catch(() => ({ nodes: null }));
    const wasm = await page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength : 0));
    // The measured tab's renderer: the one that grows when the page holds 64 MB more (the
    // harness's way, ../shared/peers/measure.mjs).
    const uss = () => new Map(renderers(dir).map((p) => [p, split(p).total]));
    const before = uss();
    await page.evaluate(() => { window.__probe = new Uint8Array(64 << 20).fill(1); });
    const during = uss();
    await page.evaluate(() => { delete window.__probe; });
    await cdp.send('HeapProfiler.collectGarbage');
    const pid = [...during].find(([p, b]) => b - (before.get(p) || 0) > 48 << 20)?.[0];
    if (!pid) throw new Error('the page\'s renderer was not found');
    if (process.env.MAPS) {
      // The largest mappings by private memory, to see what they are.
      const rows = [];
      let cur = null;
      for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
        const head = line.match(/^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \d+\s*(.*)$/);
        if (head) { cur = { range: `${head[3]} ${(Number(BigInt(`0x${head[2]}`) - BigInt(`0x${head[1]}`)) / 2 ** 20).toFixed(1)} MiB ${head[4]}`, priv: 0 }; rows.push(cur); continue; }
        const m = line.match(/^Private_(Clean|Dirty):\s+(\d+) kB/);
        if (m && cur) cur.priv += Number(m[2]);
      }
      rows.sort((a, b) => b.priv - a.priv).slice(0, Number(process.env.MAPS)).forEach((r) => console.error(`${String(r.priv).padStart(7)} kB  ${r.range}`));
    }
    const dump = await memoryInfra(cdp, Number(pid));
    return { ...split(pid), dump, wasmBytes: wasm, jsHeap: heap.usedSize, jsHeapTotal: heap.totalSize, nodes };
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  const server = await startServer(bare ? { root: path.resolve(ROOT, '..', 'shared', 'peers', 'control') } : {});
  const url = `${server.url}/`;
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await one(url));
  await server.close();
  const mb = (b) => (b / 1e6).toFixed(1);
  const med = (k) => { const s = results.map((r) => r[k]).sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  console.log(`${bare ? 'bare input' : 'app, referral "About you"'}: medians of ${runs} cold loads (MB; ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)})`);
  for (const [k, name] of [['total', 'renderer private memory (USS) after GC'], ['wasmMemory', '  wasm linear memory (committed)'], ['code', '  code (JIT, wasm)'], ['anon', '  other anonymous (V8 heap, Blink, allocators)'], ['files', '  mapped files']]) {
    console.log(`${name.padEnd(48)} ${mb(med(k)).padStart(6)}   (${results.map((r) => mb(r[k])).join(', ')})`);
  }
  console.log(`${'wasm memory size (buffer)'.padEnd(48)} ${mb(med('wasmBytes')).padStart(6)}`);
  console.log(`${'V8 heap used / total (CDP)'.padEnd(48)} ${mb(med('jsHeap')).padStart(6)} / ${mb(med('jsHeapTotal'))}`);
  console.log(`${'DOM nodes'.padEnd(48)} ${String(med('nodes')).padStart(6)}`);
  console.log('memory-infra (the first run), MB:');
  const d = results[0].dump || {};
  for (const k of Object.keys(d).sort()) if (d[k] >= 50e3) console.log(`  ${k.padEnd(56)} ${mb(d[k]).padStart(6)}`);
})().catch((e) => { console.error(e); process.exit(1); });
