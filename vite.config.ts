import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a plain static bundle: Electron loads it from disk (file://) and the
// browser host serves it over loopback, so asset paths must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
