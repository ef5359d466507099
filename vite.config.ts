import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOUR = '#0b4f8a';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the advisor accepts it (src/app/pwa/UpdatePrompt.tsx), so a
      // half-typed check-in is saved first. That component also registers the worker.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon-64x64.png', 'apple-touch-icon-180x180.png'],
      manifest: {
        id: '/',
        name: '4S店售后接待',
        short_name: '售后接待',
        description: '汽车4S店售后接待：接车单、任务委托书、报价与客户签字，离线可用。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: '#f3f5f7',
        categories: ['business', 'productivity'],
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole built app shell, so after one visit the app starts with no network.
        // Source maps stay out: they are large and only for debugging.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest,woff2}'],
        navigateFallback: 'index.html',
        // The service worker never serves /api: it has no navigation fallback and no runtime
        // caching route there, so every API call goes to the network (and fails offline).
        navigateFallbackDenylist: [/^\/api(?:\/|$)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    // RxDB 17.6 pins its own Dexie (4.4.2), and src/db/blobStore.ts uses the project's. One
    // copy serves both, which keeps about 30 KB gzip of duplicate code out of the bundle.
    dedupe: ['dexie'],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
});
