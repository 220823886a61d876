'use strict';
// Part of the trunk post_build hook (called by csp-hash.js before it hashes anything): minify
// the wasm-bindgen JS glue with terser (trunk's own minifier cannot parse it), then update the
// file's Subresource Integrity hash in the page (index.html) so the browser still accepts it. Saves about
// 2 kB of the gzipped download (docs/size.md, "What costs bytes").

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { minify } = require('terser');

async function minifyJs(dir, htmlFile = path.join(dir, 'index.html')) {
  let html = fs.readFileSync(htmlFile, 'utf8');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const file = path.join(dir, name);
    const source = fs.readFileSync(file, 'utf8');
    const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!out.code) throw new Error(`terser produced nothing for ${name}`);
    fs.writeFileSync(file, out.code);
    const sri = `sha384-${crypto.createHash('sha384').update(out.code, 'utf8').digest('base64')}`;
    // The integrity attribute of the tag that loads this file, quoted or not, under any
    // public URL (/name for the partners' bundle, /officer/name for the officers').
    const re = new RegExp(`(<link[^>]*href=["']?[^"'\\s>]*/${name.replace(/[.]/g, '\\.')}["']?[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+`, 'g');
    const before = html;
    html = html.replace(re, `$1${sri}`);
    if (html === before && /integrity=/.test(before)) throw new Error(`no integrity attribute found for ${name} in ${path.basename(htmlFile)}`);
    console.log(`minify-js: ${name}: ${source.length} -> ${out.code.length} bytes`);
  }
  fs.writeFileSync(htmlFile, html);
}

module.exports = { minifyJs };
