// Bundle size report: bytes, gzip -9 and brotli for every built entry point.
// Run after `npm run build` (it runs this itself) or via `npm run bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Gzip budgets from the design, for the script-tag bundle with lit included. */
const BUDGETS = { 'dist/cdn/aip-storefront.js': 30 * 1024 };

const rows = [];
for (const dir of ['dist/cdn', 'dist/lib']) {
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  } catch {
    console.error(`${dir} is missing: run npm run build first`);
    process.exit(1);
  }
  for (const file of files.sort()) {
    const path = join(dir, file);
    const source = readFileSync(path);
    rows.push({
      path,
      bytes: statSync(path).size,
      gzip: gzipSync(source, { level: 9 }).length,
      brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(36)}${pad('bytes', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}  budget (gzip)`);
let over = 0;
for (const r of rows) {
  const budget = BUDGETS[r.path];
  const verdict = budget ? `${r.gzip <= budget ? 'ok' : 'OVER'} ≤ ${budget}` : '';
  if (budget && r.gzip > budget) over += 1;
  console.log(`${r.path.padEnd(36)}${pad(r.bytes, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}  ${verdict}`);
}
if (over) {
  console.error(`${over} entry point(s) over budget`);
  process.exit(1);
}
