import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pageHead } from './build/vite/page-head.ts';
import { CONTENT_SECURITY_POLICY } from './electron/core/windows/content-security-policy.ts';

const page = (name: string) => fileURLToPath(new URL(`./renderer/${name}`, import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pageHead({ contentSecurityPolicy: CONTENT_SECURITY_POLICY })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Two pages: the tray popup and the Admin window, each loading only its own code.
    rollupOptions: { input: { index: page('index.html'), admin: page('admin.html') } },
  },
  worker: { format: 'es' },
});
