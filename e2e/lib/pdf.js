'use strict';
// Reading a PDF the app printed (page.pdf), page by page, with pdfjs-dist (Mozilla's PDF.js,
// legacy build for Node; an npm dev dependency, nothing of it ships in the app): the text of
// each page as lines, each with where it stands on the page, so a test can tell the page's
// margins (the @page margin boxes: marking, page number) from its body. With @napi-rs/canvas
// (pdfjs-dist's optional dependency) a page can also be drawn to a PNG, to look at.

const fs = require('node:fs');
const path = require('node:path');

const MM = 72 / 25.4; // PDF points per millimetre
const STANDARD_FONTS = `${path.dirname(require.resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

async function open(data) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/**
 * The pages of a PDF (a Buffer), each {number, width, height, lines, text}: `lines` are
 * {text, top, bottom} (in points from the page's top edge and bottom edge), the text items that
 * share a baseline joined left to right; `text` is every line, top to bottom, joined by "\n".
 */
async function readPages(data) {
  const doc = await open(data);
  const pages = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items.filter((i) => i.str && i.str.trim());
      // Group by baseline (y, within 2 pt), top to bottom; each line left to right, with a space
      // only where there is a gap (a ligature such as "fi" is an item of its own).
      const rows = [];
      for (const i of items) {
        const [x, y] = [i.transform[4], i.transform[5]];
        let row = rows.find((r) => Math.abs(r.y - y) <= 2);
        if (!row) rows.push((row = { y, parts: [] }));
        row.parts.push({ x, end: x + i.width, size: Math.abs(i.transform[3]) || 10, str: i.str });
      }
      rows.sort((a, b) => b.y - a.y);
      const lines = rows.map((r) => ({
        text: r.parts
          .sort((a, b) => a.x - b.x)
          .map((p, n, all) => (n > 0 && p.x - all[n - 1].end > 0.15 * p.size ? ' ' : '') + p.str)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
        top: height - r.y,
        bottom: r.y,
      }));
      pages.push({ number: n, width, height, lines, text: lines.map((l) => l.text).join('\n') });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/**
 * Draws page `number` of a PDF to a PNG file (scale 1.5); returns the file, or null when
 * @napi-rs/canvas is not installed (it is an optional dependency).
 */
async function renderPng(data, number, file) {
  let createCanvas;
  try {
    ({ createCanvas } = require('@napi-rs/canvas'));
  } catch {
    return null;
  }
  const doc = await open(data);
  try {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, canvas, viewport }).promise;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, canvas.toBuffer('image/png'));
    return file;
  } finally {
    await doc.destroy();
  }
}

module.exports = { readPages, renderPng, MM };
