// Serves the examples by hand: `npx vite --config examples/vite.config.ts`, then open /react/, /vue/ or /plain/.
// The reference marketplace answers on the same origin, as in `npm start`; the package's name means its source.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { marketplace } from '../server/vite-plugin.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Its own pre-bundled dependencies (React, Vue's full build), apart from npm start's and Storybook's.
  cacheDir: here('../node_modules/.vite-examples'),
  plugins: [marketplace()],
  resolve: {
    alias: [
      { find: /^aip-storefront$/, replacement: here('../src/index.ts') },
      { find: /^aip-storefront\/api$/, replacement: here('../src/api/index.ts') },
      // The Vue example compiles its template in the browser, which takes Vue's full build.
      { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' },
    ],
  },
  // Vue's compile-time flags, which its Vite plugin would set (the examples don't need single-file components).
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: { port: 5174, strictPort: false, host: '127.0.0.1', fs: { allow: [here('..')] } },
});
