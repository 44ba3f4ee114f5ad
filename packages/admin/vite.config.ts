import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server forwards /graphql to (the server's default address). */
const api = process.env.CUSTOS_API ?? 'http://127.0.0.1:4000';

export default defineConfig(({ command }) => ({
  // The server serves the built files under /admin/ (packages/server/src/app/server.ts).
  base: '/admin/',
  plugins: [react()],
  // Apollo Client keeps its development checks and console messages ("Download the
  // Apollo DevTools…") unless `globalThis.__DEV__` is false: off in production builds,
  // which also drops that code from the bundle.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Export links (`createExport` → /exports/…) and import uploads (/imports/…) are served by the API too.
    proxy: { '/graphql': { target: api, changeOrigin: true }, '/exports': { target: api, changeOrigin: true }, '/imports': { target: api, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // The size check (scripts/check-bundle-size.ts) walks the manifest's static imports.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries change less often than our code: their own chunks stay cached.
          // Only the shell every page needs is grouped; a single group over all of
          // node_modules would pull the charts (~260 kB) and every screen's libraries
          // into the first download. The rest is split by the lazy screens.
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@emotion|@tanstack)[\\/]/ }],
        },
      },
    },
  },
}));
