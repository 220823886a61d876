'use strict';
// Writes the side-by-side's figures (scripts/peers; ../shared/peers/side-by-side.mjs's JSON)
// into docs/benchmarks.md, between the markers of its section "Side by side with the peer"
// (made at the end of the file the first time): medians with their spread (min–max) over the
// rounds, the ratios, the machine, the date, the commit and the command.
//   node bench/peers-table.js RESULT.json docs/benchmarks.md COMMIT
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');

const [resultFile, docFile, commit = '?'] = process.argv.slice(2);
const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
const figures = [
  ['first field interactive', (r) => r.timeToInteractiveMs, 'ms', 0],
  ['download, gzip (all responses)', (r) => r.bytes.gzip / 1000, 'kB', 1],
  ['renderer private memory after GC', (r) => (r.heap.rendererPrivateAfterGc ?? NaN) / 1e6, 'MB', 1],
  ['keystroke to frame, p50', (r) => r.keystroke.paced.nextFrameP50, 'ms', 1],
  ['keystroke to frame, p95', (r) => r.keystroke.paced.nextFrameP95, 'ms', 1],
];
const targets = ['control', 'surveyjs', 'app'];
// The app's largest DIF page (bench/peers-side-by-side.mjs), in the app's column, beside the same
// run's bare input: issue 22 item 2's second page. SurveyJS has no such page.
const difFigures = [
  ['keystroke to frame, p50, largest DIF page', (r) => r.keystroke.paced.nextFrameP50, 'ms', 1],
  ['keystroke to frame, p95, largest DIF page', (r) => r.keystroke.paced.nextFrameP95, 'ms', 1],
  ['renderer private memory after GC, largest DIF page', (r) => (r.heap.rendererPrivateAfterGc ?? NaN) / 1e6, 'MB', 1],
];
const values = (t, f) => result.runs[t].map((r) => { try { return f(r); } catch { return NaN; } }).filter(Number.isFinite).sort((a, b) => a - b);
const median = (xs) => (xs.length ? xs[Math.floor((xs.length - 1) / 2)] : NaN);
const cell = (xs, unit, d) => (xs.length ? `${median(xs).toFixed(d)} ${unit} (${xs[0].toFixed(d)}–${xs.at(-1).toFixed(d)})` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b ? (a / b).toFixed(2) : '');

const rows = figures.map(([name, f, unit, d]) => {
  const v = Object.fromEntries(targets.map((t) => [t, values(t, f)]));
  const m = Object.fromEntries(targets.map((t) => [t, median(v[t])]));
  return `| ${name} | ${cell(v.control, unit, d)} | ${cell(v.surveyjs, unit, d)} | ${cell(v.app, unit, d)} | ${ratio(m.app, m.surveyjs)} | ${name.startsWith('download') ? '' : ratio(m.app, m.control)} |`;
});
if (result.runs['app-dif']) {
  for (const [name, f, unit, d] of difFigures) {
    const [dif, ctl] = [values('app-dif', f), values('control', f)];
    rows.push(`| ${name} | ${cell(ctl, unit, d)} | | ${cell(dif, unit, d)} | | ${ratio(median(dif), median(ctl))} |`);
  }
}
let chromium = '';
try { chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* not named */ }
const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
const machine = `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${chromium || 'Chromium'} headless, load average ${os.loadavg()[0].toFixed(2)} at the end`;
const section = [
  '<!-- peers:start (written by scripts/peers; edit the script, not this table) -->',
  `Measured ${result.date.slice(0, 10)} on commit ${commit}, ${machine}. Command:`,
  `\`ROUNDS=${result.rounds} bash scripts/peers\` (the harness of \`../shared/peers\`, the app's`,
  'setup `bench/peers-before.mjs`: the referral\'s "About you" page loaded cold, a second tab',
  'of the toolkit holding the key; the DIF rows: `bench/peers-before-dif.mjs`, the PGA\'s',
  '"Engagement" page with its 13 factors, typing into an evidence box). Medians of',
  `${result.rounds} interleaved rounds, spread (min–max) in brackets.`,
  '',
  '| figure | bare input | SurveyJS | app | app / SurveyJS | app / bare |',
  '|---|---|---|---|---|---|',
  ...rows,
  '<!-- peers:end -->',
].join('\n');

let doc = fs.readFileSync(docFile, 'utf8');
const re = /<!-- peers:start[\s\S]*?<!-- peers:end -->/;
if (re.test(doc)) doc = doc.replace(re, section);
else doc = `${doc.trimEnd()}\n\n## Side by side with the peer (issue 22)\n\nThe app's referral beside the same form built with SurveyJS 2.5.38 and beside a bare\n\`<input>\` (the floor), each loaded cold in headless Chromium, interleaved round by round so that\nthe machine's drift hits all three alike (\`../shared/peers/README.md\` says how each figure is\ntaken). Issue 22's targets: keystroke p95 within 1.3x the bare input's, renderer memory\n≤ 22 MB, the partners' first load ≤ 200 kB gzip.\n\n${section}\n`;
fs.writeFileSync(docFile, doc);
console.log(section);
