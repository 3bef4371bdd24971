/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deltaBetween } from './src/domain/questionnaire/delta.ts';
import { textsIn, withoutTexts } from './src/domain/questionnaire/texts.ts';
import type { Locale } from './src/domain/core/types.ts';
import {
  DELEGATE_SCREENS,
  DELEGATE_SCREENS_CHUNK,
  delegateFiles,
  readManifest,
} from './scripts/first-screen.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The Content-Security-Policy that a meta tag can carry, allowing the inline scripts whose
 * sha256 hashes (base64) are given and no other. It goes into the built index.html only
 * (`firstVisitHtml`): the dev server needs an inline preamble for React refresh.
 * docs/security.md lists the headers a hosting server should add on top.
 */
export function cspWith(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** What the app defines for its code (also for the pre-render, which runs the app's code). */
const DEFINE = { __APP_VERSION__: JSON.stringify(pkg.version) };

/**
 * The built index.html's head and body: the CSP, then the small script that decides, before the
 * first paint, whether a visit is the pre-rendered first visit (the CSP allows exactly that
 * script, by its hash), and the first visit to `#/` in bokmål pre-rendered into #root
 * (src/lib/first-visit.ts, src/app/prerender.tsx). The app's modules run in Node through a Vite
 * server of their own (no config file, so this plugin does not run again there).
 */
function firstVisitHtml(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return {
    name: 'first-visit-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const server = await createServer({
          configFile: false,
          root,
          logLevel: 'error',
          appType: 'custom',
          define: DEFINE,
          plugins: [questionnaireParts()],
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const entry = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
            renderFirstVisit: () => Promise<string>;
            firstVisitBootScript: () => string;
          };
          const body = await entry.renderFirstVisit();
          const boot = entry.firstVisitBootScript();
          const hash = createHash('sha256').update(boot).digest('base64');
          const charset = '<meta charset="UTF-8" />';
          if (!html.includes(charset) || !html.includes('<div id="root"></div>')) {
            this.error('first-visit-html: index.html has no charset meta or no empty #root');
          }
          return html
            .replace(
              charset,
              `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${cspWith([hash])}" />` +
                `\n    <script>${boot}</script>`,
            )
            .replace('<div id="root"></div>', `<div id="root">${body}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

const DS_INPUT_NOT_DISABLED =
  '.ds-input:not(:focus-visible,:disabled,[readonly],[aria-readonly=true])';

/**
 * Edits to Designsystemet's minified CSS, each with the file of src/app that takes in the
 * component (once its @imports are inlined) and the number of times its text must occur there.
 * The build fails when a count is off, so a Designsystemet upgrade that changes a rule is seen.
 */
export const DS_CSS_PATCHES: readonly {
  file: 'designsystemet.css' | 'designsystemet-screens.css';
  find: string;
  replace: string;
  count: number;
}[] = [
  // The scroll lock for open modal dialogs: done in JavaScript instead
  // (src/ui/use-modal-scroll-lock.ts and `body.modal-open` in src/app/app.css).
  {
    file: 'designsystemet-screens.css',
    find: 'body:has(.ds-dialog:modal){overflow:hidden}',
    replace: '',
    count: 1,
  },
  // The hover outline of a text field, select or textarea, unless the hover comes from its
  // label: the same without :has(), for a label before the field, as Designsystemet's fields
  // have it. (Radios and checkboxes have their own branch in the same rules, unchanged.)
  {
    file: 'designsystemet.css',
    find: `:has(label):not(:has(label:hover)) ${DS_INPUT_NOT_DISABLED}:hover`,
    replace: `${DS_INPUT_NOT_DISABLED}:hover:not(label:hover~*)`,
    count: 3,
  },
];

/**
 * Applies DS_CSS_PATCHES to the Designsystemet styles the app takes in (dev server and build):
 * src/app/designsystemet.css and designsystemet-screens.css, once Vite has inlined their
 * @imports of the package's component files (so this runs in the normal phase, after vite:css,
 * not `enforce: 'pre'`).
 *
 * Both rules make large elements :has() anchors: `body:has(.ds-dialog:modal)` makes <body>
 * one whose argument covers the whole page, and the unanchored `:has(label)` makes every
 * ancestor of a field up to <html> one as soon as a label is hovered (hovering a label puts
 * its field in :hover). Chromium keeps those marks, and with Designsystemet's other :has()
 * rules every focus change and radio check then restyled the whole page: about 290 elements,
 * 4–9 ms here, twice per click in the questionnaire (the focus on mouse-down, the check on
 * click). Patched, a click restyles about 10 elements in under 1 ms.
 */
export function patchDesignsystemetCss(): Plugin {
  return {
    name: 'patch-designsystemet-css',
    transform(code, id) {
      const file = DS_CSS_PATCHES.find((p) =>
        id.split('?')[0]!.endsWith(`/src/app/${p.file}`),
      )?.file;
      if (file === undefined) return null;
      // Nothing to patch when a tool hands the CSS over empty (as Vitest may, not processing CSS).
      if (code.trim() === '') return null;
      let out = code;
      for (const { find, replace, count } of DS_CSS_PATCHES.filter((p) => p.file === file)) {
        const found = out.split(find).length - 1;
        if (found !== count) {
          this.error(
            `patch-designsystemet-css: "${find}" occurs ${found} times in ${id}, expected ` +
              `${count}. Designsystemet changed: check the rule and DS_CSS_PATCHES in vite.config.ts`,
          );
        }
        out = out.split(find).join(replace);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * What the app leaves out of Designsystemet's theme (@digdir/designsystemet-theme, imported in
 * main.tsx): the dark colour scheme (the app sets no data-color-scheme, so it is never used),
 * the brand1 and brand2 colours and the secondary typography (never set either). Each entry names
 * a top-level block of the theme file by text in its first line; the build fails unless each
 * matches exactly one block, so a theme upgrade that renames one is seen. Saves about 2 KB gzip
 * of render-blocking CSS.
 */
export const DS_THEME_BLOCKS_LEFT_OUT: readonly string[] = [
  '@layer ds.theme.color-scheme.dark {',
  '@layer ds.theme.typography.secondary {',
  '[data-color="brand1"], [data-color-scheme][data-color="brand1"] {',
  '[data-color="brand2"], [data-color-scheme][data-color="brand2"] {',
];
/** Custom properties of the colours left out, declared in the light scheme too. */
const DS_THEME_PROPERTIES_LEFT_OUT = /^\s*--ds-color-brand[12]-[^;]*;\n/gm;

/** The theme CSS without DS_THEME_BLOCKS_LEFT_OUT; throws when an entry does not fit. */
export function trimTheme(css: string): string {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i += 1) {
    if (css[i] === '{') depth += 1;
    else if (css[i] === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  blocks.push(css.slice(start));
  const head = (block: string) => block.trim().split('\n').slice(0, 2).join(' ');
  for (const entry of DS_THEME_BLOCKS_LEFT_OUT) {
    const found = blocks.filter((b) => head(b).includes(entry)).length;
    if (found !== 1) {
      throw new Error(
        `trim-designsystemet-theme: "${entry}" starts ${found} blocks of the theme, expected 1. ` +
          'Designsystemet changed: check DS_THEME_BLOCKS_LEFT_OUT in vite.config.ts',
      );
    }
  }
  const kept = blocks.filter((b) => !DS_THEME_BLOCKS_LEFT_OUT.some((e) => head(b).includes(e)));
  return kept.join('').replace(DS_THEME_PROPERTIES_LEFT_OUT, '');
}

function trimDesignsystemetTheme(): Plugin {
  return {
    name: 'trim-designsystemet-theme',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('/designsystemet-theme/src/themes/designsystemet.css')) {
        return null;
      }
      if (code.trim() === '') return null;
      try {
        return { code: trimTheme(code), map: null };
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

const QUESTIONNAIRE_QUERY = /^(.+\.json)\?(?:delta-of=(v\d+))?(?:&?lang=(none|nb|nn|en))?$/;
const QUESTIONNAIRE_PREFIX = '\0questionnaire:';

/**
 * Bundled questionnaires, built from their published files:
 *
 * - `v2.json?lang=none` is the questionnaire without its texts, and `v2.json?lang=nn` the list of
 *   its nynorsk texts (src/domain/questionnaire/texts.ts): the first screen carries no statement
 *   text, and lib/questionnaires.ts loads the texts of the language on screen before the app
 *   shows it.
 * - `v1.json?delta-of=v2` gives version 1 as version 2 plus the texts version 1 words
 *   differently (src/domain/questionnaire/delta.ts), so it costs about 1 KB instead of a second
 *   full copy; with `&lang=xx`, the same for that language's part.
 *
 * The module's id does not end in `.json`, so Vite's JSON plugin leaves the generated code alone.
 */
function questionnaireParts(): Plugin {
  const applyDelta = fileURLToPath(new URL('./src/domain/questionnaire/delta.ts', import.meta.url));
  return {
    name: 'questionnaire-parts',
    enforce: 'pre',
    async resolveId(source, importer) {
      const match = QUESTIONNAIRE_QUERY.exec(source);
      if (!match || (match[2] === undefined && match[3] === undefined)) return null;
      const target = await this.resolve(match[1]!, importer, { skipSelf: true });
      if (!target) return null;
      return `${QUESTIONNAIRE_PREFIX}${target.id}|${match[2] ?? ''}|${match[3] ?? ''}`;
    },
    load(id) {
      if (!id.startsWith(QUESTIONNAIRE_PREFIX)) return null;
      const [targetPath, baseName, lang] = id.slice(QUESTIONNAIRE_PREFIX.length).split('|') as [
        string,
        string,
        '' | 'none' | Locale,
      ];
      this.addWatchFile(targetPath);
      const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
      const part = (value: unknown): unknown =>
        lang === '' ? value : lang === 'none' ? withoutTexts(value) : textsIn(value, lang);
      if (baseName === '') return `export default ${JSON.stringify(part(read(targetPath)))};`;
      const basePath = path.join(path.dirname(targetPath), `${baseName}.json`);
      this.addWatchFile(basePath);
      const delta = deltaBetween(part(read(basePath)), part(read(targetPath)));
      return [
        `import base from ${JSON.stringify(lang === '' ? basePath : `${basePath}?lang=${lang}`)};`,
        `import { applyDelta } from ${JSON.stringify(applyDelta)};`,
        `export default applyDelta(base, ${JSON.stringify(delta)});`,
      ].join('\n');
    },
  };
}

/** The build's output folder, as resolved (vite build --outDir …), for delegatePrecache. */
let outDir = 'dist';
const rememberOutDir: Plugin = {
  name: 'remember-out-dir',
  configResolved(config) {
    outDir = path.resolve(config.root, config.build.outDir);
  },
};

/**
 * Keeps the service worker's precache to what a delegate needs (scripts/first-screen.ts,
 * delegateFiles: the first screen, the three languages, sending a result), so a phone that opens
 * the invite over the room's Wi-Fi fetches that and no more. Other files under assets/ (the
 * facilitator's screens, the charts) are cached when first used (runtimeCaching below).
 */
function delegatePrecache(entries: { url: string; size: number; revision: string | null }[]) {
  const keep = new Set(delegateFiles(readManifest(outDir)));
  return { manifest: entries.filter((e) => !e.url.startsWith('assets/') || keep.has(e.url)) };
}

export default defineConfig({
  base: './',
  define: DEFINE,
  resolve: {
    // The exact import only: recharts uses the shim's with-selector, which stays as it is.
    alias: [
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(
          new URL('./src/lib/use-sync-external-store-shim.ts', import.meta.url),
        ),
      },
    ],
  },
  plugins: [
    rememberOutDir,
    questionnaireParts(),
    react(),
    firstVisitHtml(),
    patchDesignsystemetCss(),
    trimDesignsystemetTheme(),
    VitePWA({
      registerType: 'autoUpdate',
      // main.tsx registers the service worker itself, so a failed registration is caught.
      injectRegister: false,
      manifest: {
        name: 'Næringsspeilet',
        short_name: 'Næringsspeilet',
        description: 'Selvvurdering av kommunen som vertskap for næringslivet',
        lang: 'nb',
        theme_color: '#1e2b3c',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // questionnaire.schema.json is for authors, not for use offline.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        manifestTransforms: [delegatePrecache],
        runtimeCaching: [
          {
            // The rest of the app's hashed files, when first used: a name never changes content.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /\/assets\/[^/]+\.(?:js|css)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'assets', expiration: { maxEntries: 200 } },
          },
        ],
        navigateFallback: 'index.html',
        // A new deployment takes over at once instead of waiting for every tab to close.
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: scripts/first-screen.ts reads what the first screen loads.
    manifest: true,
    // Every browser the app supports preloads modules itself (Chromium, Firefox 115, Safari 17);
    // one that does not still loads each chunk when it is imported.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen needs in one file: the modules the lazy screens share with
        // it would otherwise be split off into a dozen small files, each compressed on its own
        // (about 3 KB more gzip in all, and more requests).
        // Likewise the delegation's other screens (src/app/app.tsx): one file, which the service
        // worker precaches (scripts/first-screen.ts, DELEGATE_LAZY_ENTRIES).
        codeSplitting: {
          groups: [
            { name: 'first-screen', tags: ['$initial'] },
            {
              name: DELEGATE_SCREENS_CHUNK,
              test: (id: string) => DELEGATE_SCREENS.some((place) => place.test(id)),
            },
          ],
        },
      },
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('@digdir/designsystemet-react'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    // A guard against a hung test, not a speed target: property tests do a fixed amount of work
    // (10,000 runs), which takes 10 s on a quiet machine and 35 s on a loaded one. CI machines
    // differ, so nothing may depend on this being short.
    testTimeout: 180_000,
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    ...(process.env.VITEST_JSON ? { outputFile: { json: process.env.VITEST_JSON } } : {}),
  },
});
