/**
 * npm run size: the size gate. Run after `npm run build`. Fails (exit 1) when the first screen's
 * JS + CSS passes its gzip budget, or what the service worker precaches passes its own; the rules
 * are scripts/first-screen.ts's, which the bench shares.
 * When VITEST_JSON is set (as .ci/run sets it), writes size.json beside it for
 * scripts/ci-summary.ts: one check, passed or failed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { measurePrecache, measureSizes } from './first-screen';

function main(): number {
  let sizes;
  let precache;
  try {
    sizes = measureSizes('dist');
    precache = measurePrecache('dist');
  } catch (error) {
    console.error(`size check: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  console.table([
    ...sizes.firstScreen.map((f) => ({ ...f, firstScreen: true })),
    ...sizes.lazy.map((f) => ({ ...f, firstScreen: false })),
  ]);
  console.log(
    `first screen JS+CSS: ${sizes.firstScreenKB} KB gzip (budget ${sizes.budgetKB} KB) ` +
      (sizes.pass ? 'OK' : 'OVER BUDGET'),
  );
  console.log(
    `precache (service worker, ${precache.files.length} files): ${precache.totalKB} KB gzip ` +
      `(budget ${precache.budgetKB} KB) ` +
      (precache.pass ? 'OK' : 'OVER BUDGET'),
  );
  const pass = sizes.pass && precache.pass;
  if (process.env.VITEST_JSON) {
    writeFileSync(
      join(dirname(process.env.VITEST_JSON), 'size.json'),
      JSON.stringify(
        {
          firstKB: sizes.firstScreenKB,
          precacheKB: precache.totalKB,
          sizes,
          precache,
          passed: pass ? 1 : 0,
          failed: pass ? 0 : 1,
        },
        null,
        2,
      ),
    );
  }
  return pass ? 0 : 1;
}

process.exitCode = main();
