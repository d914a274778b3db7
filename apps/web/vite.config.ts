import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * A strict Content-Security-Policy for the built app: no inline scripts, no
 * network beyond the app's own origin. (Not in dev: React Refresh injects an
 * inline preamble.) Article text is also only ever rendered as text.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'parallax-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

// The analysis engine (@parallax/core + @parallax/ingest) runs in an ES-module Web Worker,
// so the page never freezes and nothing leaves the browser.
export default defineConfig({
  plugins: [react(), csp()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  server: { host: '127.0.0.1', fs: { allow: ['../..'] } },
  preview: { host: '127.0.0.1', port: 4180, strictPort: true },
});
