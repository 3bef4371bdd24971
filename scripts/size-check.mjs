// Size gate: the first screen's JS + CSS (everything index.html loads eagerly) must stay within
// budget, gzip. Run after `npm run build`. Writes a JSON summary for .ci/run when VITEST_JSON is set.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_SCREEN_BUDGET_KB = 170;
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const eager = new Set();
for (const m of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)) eager.add(m[1]);

// Follow static imports of eager chunks (modulepreload covers most, this is belt and braces).
const queue = [...eager].filter((f) => f.endsWith('.js'));
while (queue.length) {
  const file = queue.shift();
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
  )) {
    const dep = join(dirname(file), m[1]);
    if (!eager.has(dep)) {
      eager.add(dep);
      queue.push(dep);
    }
  }
}

const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const rows = [];
let first = 0;
for (const f of eager) {
  const size = gz(f);
  first += size;
  rows.push({ file: f, gzipKB: +(size / 1024).toFixed(1), firstScreen: true });
}
for (const f of readdirSync(join(dist, 'assets'))) {
  const rel = `assets/${f}`;
  if (eager.has(rel) || !/\.(js|css)$/.test(f)) continue;
  rows.push({ file: rel, gzipKB: +(gz(rel) / 1024).toFixed(1), firstScreen: false });
}
rows.sort((a, b) => Number(b.firstScreen) - Number(a.firstScreen) || b.gzipKB - a.gzipKB);
const firstKB = +(first / 1024).toFixed(1);
console.table(rows);
const ok = firstKB <= FIRST_SCREEN_BUDGET_KB;
console.log(
  `first screen JS+CSS: ${firstKB} KB gzip (budget ${FIRST_SCREEN_BUDGET_KB} KB) ${ok ? 'OK' : 'OVER BUDGET'}`,
);
if (process.env.VITEST_JSON) {
  const out = join(dirname(process.env.VITEST_JSON), 'size.json');
  writeFileSync(
    out,
    JSON.stringify({ firstKB, rows, passed: ok ? 1 : 0, failed: ok ? 0 : 1 }, null, 2),
  );
}
if (!existsSync(dist)) process.exit(1);
process.exit(ok ? 0 : 1);
