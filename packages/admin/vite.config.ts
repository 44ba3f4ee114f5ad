import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server forwards /graphql to (the server's default address). */
const api = process.env.CUSTOS_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  // The server serves the built files under /admin/ (packages/server/src/http/app.ts).
  base: '/admin/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': { target: api, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: a separate chunk stays cached.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules/ }],
        },
      },
    },
  },
});
