'use strict';
// The fault table (issues 8 and 16): each row is a fault a user (or someone holding the browser's
// profile folder) meets, what the user must be told and what must survive, and its result in
// this run. Test files record their rows with `faultTable(app, name)`; node --test runs each file
// in a process of its own, so each file's rows go to target/test-logs/faults/<name>.json when it
// ends, and the table is drawn from every file there:
//
//   const fault = faultTable(app, 'faults');     // app: useApp(), or anything with test()
//   fault('SEC-3', 'what goes wrong', 'what the user is told, what survives', async (t) => { ... });
//
//   node e2e/lib/faults.js                        // prints the table of every row written
//
// scripts/test clears the rows before the e2e layer and, once every file has ended, writes the
// table to target/test-logs/fault-table.txt and prints it under its summary. A file run alone
// prints its own rows and redraws fault-table.txt (with rows other files left from earlier runs).

const { after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');

const LOGS = path.join(__dirname, '..', '..', 'target', 'test-logs');
const DIR = path.join(LOGS, 'faults');
const TABLE = path.join(LOGS, 'fault-table.txt');

/** The table of `rows` ([label, fault, expected, result]) as text. */
function render(rows) {
  const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const all = [['Label', 'Fault', 'What the user is told, what survives', 'Result'], ...sorted];
  const widths = all[0].map((_, i) => Math.min(70, Math.max(...all.map((row) => row[i].length))));
  const line = (row) => row.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join(' | ');
  const pass = rows.filter((x) => x[3] === 'PASS').length;
  return `\nFault table (issues 8 and 16): ${pass} of ${rows.length} pass\n${line(all[0])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${all.slice(1).map(line).join('\n')}\n`;
}

/** Every row the test files wrote. */
function readRows() {
  let files = [];
  try {
    files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
    } catch {
      return [];
    }
  });
}

/** Writes `text` to `file` whole: a reader (another file's process) never sees half of it. */
function writeWhole(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * The `fault(id, what, expected, fn)` of the test file called `name`: runs `fn` as
 * app.test(`${id}: ${what}`) and records its row (PASS or FAIL). The file's rows are printed
 * and saved when it ends.
 */
function faultTable(app, name) {
  const rows = [];
  after(() => {
    if (rows.length === 0) return;
    console.log(render(rows));
    fs.mkdirSync(DIR, { recursive: true });
    writeWhole(path.join(DIR, `${name}.json`), JSON.stringify(rows));
    writeWhole(TABLE, render(readRows()));
  });
  return (id, what, expected, fn) =>
    app.test(`${id}: ${what}`, async (t) => {
      try {
        await fn(t);
        rows.push([id, what, expected, 'PASS']);
      } catch (err) {
        rows.push([id, what, expected, 'FAIL']);
        throw err;
      }
    });
}

module.exports = { faultTable, render, readRows, DIR, TABLE };

if (require.main === module) process.stdout.write(render(readRows()));
