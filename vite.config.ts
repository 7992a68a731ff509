import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web app lives at the project root (index.html) and is served by the Fastify server from
// dist/web in production; in development Vite serves it and forwards the API to a running server.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8090' },
  },
})
