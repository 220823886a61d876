'use strict';
// The fault table (issues 8 and 16): each row is a fault a user meets, what they must be told,
// and what must survive. Test files record their rows with `faultTable(app, name)`; each file's
// rows go to target/test-logs/faults/<name>.json when it ends, and scripts/test prints them all
// as one table under its summary (e2e files run in separate processes).

const { after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '..', '..', 'target', 'test-logs', 'faults');

/** A `fault(id, what, expected, fn)` that runs `fn` as a test of `app` and records its row. */
function faultTable(app, name) {
  const rows = [];
  after(() => {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, `${name}.json`), JSON.stringify(rows));
  });
  return (id, what, expected, fn) => app.test(`${id}: ${what}`, async (t) => {
    try {
      await fn(t);
      rows.push([id, what, expected, 'PASS']);
    } catch (err) {
      rows.push([id, what, expected, 'FAIL']);
      throw err;
    }
  });
}

module.exports = { faultTable };
