'use strict';
// axe-core (node_modules/axe-core, pinned in package.json) on the current page
// at the WCAG 2.2 A/AA tags and axe's best practices (issue 21, item 7: `region`, everything
// inside a landmark; `heading-order`, `landmark-unique`, ...). The source is evaluated through the DevTools
// protocol (page.evaluate), which the page's Content-Security-Policy does not
// apply to, so the app is checked under its real CSP: a <script> tag injected
// with addScriptTag would be refused by script-src (use bypassCSP: true on the
// context if you ever need that).

const fs = require('node:fs');
const assert = require('node:assert/strict');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** What every audit checks: WCAG 2.2 A/AA and axe's best practices. */
const AUDIT_TAGS = [...WCAG_TAGS, 'best-practice'];

async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function');
  if (!present) await page.evaluate(AXE_SOURCE);
}

/**
 * Run axe on the whole document (or `context`, an axe context such as
 * {exclude: [['#x']]}) and return the violations (axe result objects).
 */
async function runAxe(page, { context = null, tags = AUDIT_TAGS } = {}) {
  await injectAxe(page);
  const results = await page.evaluate(
    async ({ context, tags }) => {
      const r = await window.axe.run(context || document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return { violations: r.violations, url: r.url };
    },
    { context, tags },
  );
  return results.violations;
}

/** One readable block per violation: rule id, impact, help, link and the failing targets. */
function formatViolations(violations) {
  if (violations.length === 0) return 'no axe violations';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
        .join('\n');
      return `  [${v.impact || 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n    on ${v.nodes.length} element(s):\n${nodes}`;
    })
    .join('\n');
}

/** WCAG 1.4.10 reflow: how wide the page is (`document.documentElement.scrollWidth`) in a
 * window `width` CSS px wide (320: a phone, or 400% zoom of a 1280 px window); the window is
 * put back as it was. */
async function pageWidthAt(page, width = 320) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: size ? size.height : 800 });
  try {
    return await page.evaluate(() => document.documentElement.scrollWidth);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** Assert the page does not scroll sideways at 320 CSS px (issue 21, item 4). */
async function assertReflows(page, label = page.url()) {
  const width = await pageWidthAt(page, 320);
  assert.ok(width <= 320, `${label} is ${width} px wide at 320 px: it scrolls sideways by ${width - 320} px (WCAG 1.4.10 reflow)`);
  return width;
}

/** Assert the page has no axe violations at the WCAG 2.2 A/AA tags and axe's best practices,
 * and that it reflows at 320 px (so every audited page of every bundle is checked for both);
 * `label` names the state checked. */
async function assertNoAxeViolations(page, label = page.url(), opts) {
  await assertReflows(page, label);
  const violations = await runAxe(page, opts);
  // One line per audit, so a run shows which pages and states were checked (TAP comment).
  console.log(`# axe: ${violations.length} violation(s) on ${label}`);
  assert.equal(
    violations.length,
    0,
    `axe found ${violations.length} accessibility violation(s) on ${label}:\n${formatViolations(violations)}`,
  );
}

module.exports = { runAxe, injectAxe, formatViolations, assertNoAxeViolations, pageWidthAt, assertReflows, WCAG_TAGS, AUDIT_TAGS };
