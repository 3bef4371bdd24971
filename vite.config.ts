/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The Content-Security-Policy that a meta tag can carry. It goes into the built
 * index.html only: the dev server needs an inline preamble for React refresh.
 * docs/security.md lists the headers a hosting server should add on top.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
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

function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

/** Designsystemet's scroll lock for open modal dialogs, as it stands in its minified CSS. */
export const BODY_HAS_MODAL_RULE = 'body:has(.ds-dialog:modal){overflow:hidden}';

/**
 * Removes `body:has(.ds-dialog:modal)` from Designsystemet's CSS (dev and build).
 *
 * That rule makes <body> a :has() anchor whose argument reaches every element of the page.
 * Together with Designsystemet's other :has() rules it made Chromium restyle the whole page
 * (about 290 elements, 4–9 ms here) on every focus change and every radio check: twice per
 * click in the questionnaire. Without it a click restyles about 10 elements in under 1 ms.
 * The scroll lock the rule gave is done in JavaScript instead: src/ui/use-modal-scroll-lock.ts
 * and `body.modal-open` in src/app/app.css.
 *
 * The build fails if the rule is not found, so a Designsystemet upgrade that changes it is seen.
 */
export function dropBodyHasModal(): Plugin {
  return {
    name: 'drop-body-has-modal',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('/@digdir/designsystemet-css/dist/src/index.css'))
        return null;
      // Vitest hands CSS over empty when it does not process it.
      if (code.trim() === '') return null;
      if (!code.includes(BODY_HAS_MODAL_RULE)) {
        this.error(
          `drop-body-has-modal: "${BODY_HAS_MODAL_RULE}" not found in ${id}; ` +
            'Designsystemet changed it: check the rule and update vite.config.ts',
        );
      }
      return { code: code.replace(BODY_HAS_MODAL_RULE, ''), map: null };
    },
  };
}

export default defineConfig({
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    cspMeta(),
    dropBodyHasModal(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Næringsspeilet',
        short_name: 'Næringsspeilet',
        description: 'Sjølvvurdering for gode vertskommunar for næringslivet',
        lang: 'nb',
        theme_color: '#1e2b3c',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
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
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('@digdir/designsystemet-react'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 20000,
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    ...(process.env.VITEST_JSON ? { outputFile: { json: process.env.VITEST_JSON } } : {}),
  },
});
