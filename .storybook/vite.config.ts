import { defineConfig } from 'vite';

export default defineConfig({
  // The web-components renderer imports lit/directive-helpers.js, which Vite would otherwise serve unbundled
  // beside the pre-bundled lit: two copies of lit-html, and a "Multiple versions of Lit" warning on every story.
  optimizeDeps: { include: ['lit/directive-helpers.js'] },
});
