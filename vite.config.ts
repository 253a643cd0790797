import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { marketplace } from './server/vite-plugin.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The loader's file: versioned, so a page can pin it (with its SRI hash) and cache it for good. */
const LOADER = `aip-storefront-${version}.js`;

/**
 * `aip-storefront.js`, the name that follows the latest build: a one-line
 * module that runs the versioned loader. The lazy chunks import the loader by
 * its versioned name, so a page using either name evaluates it once, and a
 * page pinned to one version never gets another version's chunks.
 */
function latestAlias(): Plugin {
  return {
    name: 'aip-latest-alias',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'aip-storefront.js', source: `export * from './${LOADER}';\n` });
    },
  };
}

const CDN_ENTRY = resolve('src/cdn.ts');

/**
 * Code-splitting name for the script-tag build: every module the loader imports
 * statically, however deep, goes to one group, which the bundler then merges into
 * the loader itself. Left to itself it moves the modules the lazy chunks share
 * with the loader into a separate chunk, and a page of cards would wait for a
 * second round trip before anything runs.
 */
interface Graph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

function loaderGroup(): (id: string, ctx: Graph) => string | null {
  let reachable: Set<string> | null = null;
  return (id, ctx) => {
    if (!reachable) {
      reachable = new Set();
      const stack = [CDN_ENTRY];
      for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        if (reachable.has(next)) continue;
        reachable.add(next);
        stack.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return reachable.has(id) ? 'loader' : null;
  };
}

/** The package's entry points: one for everything, one per element, one for the API client. */
const entries = {
  index: 'src/index.ts',
  storefront: 'src/components/storefront/index.ts',
  catalog: 'src/components/catalog/index.ts',
  'persona-card': 'src/components/persona-card/index.ts',
  price: 'src/components/price/index.ts',
  'license-picker': 'src/components/license-picker/index.ts',
  'persona-detail': 'src/components/persona-detail/index.ts',
  checkout: 'src/components/checkout/index.ts',
  analytics: 'src/analytics/ga4.ts',
  'custom-order': 'src/components/custom-order/index.ts',
  api: 'src/api/index.ts',
};

export default defineConfig(({ mode }) => ({
  // The reference marketplace on the dev server's own origin: /v1, /media, /_fault.
  // The script-tag build also minifies the CSS inside css`` templates, which the
  // JavaScript minifier leaves as written (html`` markup stays as written: its
  // whitespace is text, and the minifier can't parse static tag names).
  plugins:
    mode === 'cdn'
      ? [marketplace(), latestAlias(), minifyLiterals({ failOnError: true, options: { shouldMinify: () => false } })]
      : [marketplace()],
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build:
    mode === 'cdn'
      ? {
          // For a <script type="module"> tag, lit included, minified: one loader
          // file, plus chunks it (and the elements) fetch on first use.
          outDir: 'dist/cdn',
          emptyOutDir: true,
          minify: true,
          target: 'es2022',
          lib: { entry: CDN_ENTRY, formats: ['es'], fileName: () => LOADER },
          rolldownOptions: {
            // Code the lazy chunks share with the loader may live in the loader itself
            // (it gains exports): the catalog path is then one file, not a chain of imports.
            preserveEntrySignatures: 'allow-extension',
            output: {
              minify: true,
              codeSplitting: { groups: [{ name: loaderGroup() }] },
              // Lazily loaded elements by name; code they share with the loader as "shared".
              chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'chunks/[name]-[hash].js' : 'chunks/shared-[hash].js'),
            },
          },
        }
      : {
          // The npm package: ESM per entry, lit left to the consumer's bundler.
          outDir: 'dist/lib',
          emptyOutDir: true,
          minify: false,
          target: 'es2022',
          lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
          rolldownOptions: { external: [/^lit(\/|$)/, /^@lit(-labs)?\//, /^valibot$/] },
        },
}));
