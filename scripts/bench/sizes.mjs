// Gzip sizes of the built app. The first-screen rule is the one scripts/size-check.mjs applies
// (that script exits on import, so its logic is repeated here, unchanged): every JS and CSS file
// under assets/ that index.html references, plus every chunk those import statically. Every
// other JS/CSS file under assets/ is a lazy chunk. Files outside assets/ (the
// service worker and workbox) load after the page and are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_SCREEN_BUDGET_KB = 170;
/** A minimal SurveyJS form (survey-core + survey-react-ui + its CSS), gzip, as measured on this
 * project's machine. A constant: the bench does not install SurveyJS. */
export const SURVEYJS_MINIMAL_FORM_KB = 428;

const gzipKB = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The files index.html loads eagerly, following static imports between chunks. */
export function eagerFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const eager = new Set();
  for (const m of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g))
    eager.add(m[1]);
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
  return eager;
}

/** Sizes in KB gzip (level 9), the first screen's total, and pass/fail against the budget. */
export function measureSizes(dist = 'dist') {
  const eager = eagerFiles(dist);
  const firstScreen = [...eager].map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const lazy = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !eager.has(f))
    .map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const afterLoad = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const byName = (a, b) => b.gzipKB - a.gzipKB;
  const firstKB = firstScreen.reduce((n, f) => n + f.gzipKB, 0);
  const r1 = (x) => Math.round(x * 10) / 10;
  const rows = (list) => list.sort(byName).map((f) => ({ file: f.file, gzipKB: r1(f.gzipKB) }));
  return {
    firstScreenKB: r1(firstKB),
    budgetKB: FIRST_SCREEN_BUDGET_KB,
    pass: r1(firstKB) <= FIRST_SCREEN_BUDGET_KB,
    surveyJsKB: SURVEYJS_MINIMAL_FORM_KB,
    ratioToSurveyJs: Math.round((firstKB / SURVEYJS_MINIMAL_FORM_KB) * 100) / 100,
    firstScreen: rows(firstScreen),
    lazy: rows(lazy),
    lazyTotalKB: r1(lazy.reduce((n, f) => n + f.gzipKB, 0)),
    largestLazyKB: lazy.length ? r1(Math.max(...lazy.map((f) => f.gzipKB))) : 0,
    afterLoad: rows(afterLoad),
  };
}
