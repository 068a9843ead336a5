// Builds the web app (web/) into dist/web, which the API server serves with an index.html fallback
// for client routes (src/api/routes/web.ts). `npm run build:web`; `npm start` rebuilds when stale.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dev server (`npx vite`) forwards API calls to a server started with `npm start`.
const api = process.env.LF_API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  // Paths resolve from this file, so the build works from any working directory.
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The battle page and charts are split into their own chunks; the feed stays in the entry.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // web/ imports the axes table from src/core (one table for the server and the wizard).
    fs: { allow: ['..'] },
    proxy: { '/api': api, '/rpc': api, '/health': api, '/docs': api },
  },
});
