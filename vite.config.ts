/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import './tests/support/node20Polyfills.ts';
import { couchProxy } from './scripts/couchProxy.ts';

/**
 * The Content-Security-Policy: our own origin only, no inline script or style, no plugins, no
 * third-party origin. `data:` and `blob:` images are for the browser's own icons and for files the
 * app makes (exports). The one list feeds both the <meta> in the built index.html and the header
 * that `vite preview` sends.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * Puts the policy in the built index.html as a <meta>, so that it holds on any static host, even
 * one that cannot send headers. Build only: the dev server runs inline scripts and <style> tags of
 * its own (React Refresh, hot CSS), which this policy would block. `frame-ancestors` is left out
 * because browsers ignore it in a <meta> (and say so in the console); the header carries it.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'mentorlog:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      // Last, so that the policy comes before every tag the other plugins put at the top of <head>.
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy.join('; ') },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * `vite preview` (and so `npm start`) answers every file with `Cache-Control: no-cache`, which makes
 * a browser ask again for each of the first screen's scripts at every start, though a file under
 * /assets/ never changes: its name carries a hash of its content. Serve those as any static host
 * set up for a Vite build does, cacheable for a year without asking again. index.html, the service
 * worker and the manifest keep `no-cache`: they name the current files.
 */
function immutableAssets(): Plugin {
  return {
    name: 'mentorlog:immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith('/assets/'))
          response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/**
 * The first read's script (src/app/firstReadScript.ts) as a file of its own, loaded `async` from the
 * head of index.html so that it runs as soon as it is fetched, while the app's scripts are still
 * loading. Vite would fold a second <script type="module"> of index.html into the app's entry, so
 * the script is emitted as an entry of its own and its tag added here.
 */
function firstReadScript(): Plugin {
  const source = '/src/app/firstReadScript.ts';
  const name = 'first-read';
  const tag = (src: string) => ({
    tag: 'script',
    attrs: { type: 'module', async: true, crossorigin: true, src },
    injectTo: 'head-prepend' as const,
  });
  return {
    name: 'mentorlog:first-read-script',
    buildStart() {
      if (this.environment.config.command === 'build' && this.environment.name === 'client')
        this.emitFile({ type: 'chunk', id: fileURLToPath(new URL(`.${source}`, import.meta.url)), name });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, server }) {
        if (server) return [tag(source)];
        const chunk = Object.values(bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.isEntry && file.name === name,
        );
        if (!chunk) throw new Error(`The build has no ${name} chunk.`);
        return [tag(`/${chunk.fileName}`)];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    firstReadScript(),
    contentSecurityPolicyMeta(),
    immutableAssets(),
    VitePWA({
      // 'prompt': a new version waits until the user agrees (src/app/UpdateBanner.tsx), so the app
      // never reloads under a half-filled form. The app registers the service worker itself
      // through `virtual:pwa-register/react`, so the plugin injects no registration script.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Mentorlog',
        short_name: 'Mentorlog',
        description: 'The record of a mentoring relationship, kept on your own device.',
        theme_color: '#1f5f5b',
        background_color: '#fbfaf7',
        display: 'standalone',
        id: '/',
        start_url: '/',
        scope: '/',
        lang: 'en',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Deep links (/pairs/…) open offline: every navigation is answered with the app shell.
        navigateFallback: '/index.html',
        // The program's server (proxied at /couch/) is never answered with the app shell.
        navigateFallbackDenylist: [/^\/couch\//],
        // The first service worker takes control of the page that installed it, so the app works
        // offline from the first visit without a reload. A later version installs and then waits
        // (no skipWaiting) until the user says "Update now", which sends it SKIP_WAITING.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // zod without its eval probe, which the Content-Security-Policy would report (see the file).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/app/zodWithoutEval.ts', import.meta.url)) }],
  },
  build: { target: 'es2022' },
  // The program's server under the app's own origin (scripts/couchProxy.ts says why).
  server: { proxy: couchProxy() },
  preview: {
    port: 4173,
    strictPort: true,
    proxy: couchProxy(),
    // The header adds frame-ancestors, which only a header can carry: no site may frame the app.
    headers: { 'Content-Security-Policy': [...contentSecurityPolicy, "frame-ancestors 'none'"].join('; ') },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
