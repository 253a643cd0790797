// A web-test-runner plugin that lets the framework tests import the examples as
// they are written, with what a browser cannot import as it stands:
//
// - `aip-storefront` and `aip-storefront/api`: the examples import the package by
//   name, as an app would; here that name means the source.
// - React and ReactDOM, published as CommonJS only: bundled once into ES modules
//   by esbuild, sharing one copy of React between `react`, `react-dom/client` and
//   the JSX runtime.
// - `vue`: its full browser build, with the template compiler the Vue example uses.
// - `./app.js` imported from TypeScript where the file is `./app.tsx`, as
//   TypeScript resolves it (the esbuild plugin only maps `.js` to `.ts`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const SOURCES = {
  'aip-storefront': '/src/index.ts',
  'aip-storefront/api': '/src/api/index.ts',
  vue: '/node_modules/vue/dist/vue.esm-browser.js',
};

const COMMONJS = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const PREFIX = '/__commonjs/';
const fileName = (specifier) => `${specifier.replaceAll('/', '__')}.js`;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * ES modules for the CommonJS packages, by served path. Each entry re-exports
 * the names the package has in Node, since a bundled CommonJS module otherwise
 * offers only a default export.
 */
async function bundleCommonJs(rootDir) {
  const require = createRequire(path.join(rootDir, 'package.json'));
  const entries = new Map(
    COMMONJS.map((specifier) => {
      const names = Object.keys(require(specifier)).filter((name) => name !== 'default' && IDENTIFIER.test(name));
      const code = `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
      return [specifier, code];
    }),
  );
  const result = await build({
    absWorkingDir: rootDir,
    entryPoints: COMMONJS.map((specifier) => ({ in: `entry:${specifier}`, out: fileName(specifier).slice(0, -3) })),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: path.join(rootDir, PREFIX),
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'commonjs-entries',
        setup(b) {
          b.onResolve({ filter: /^entry:/ }, (args) => ({
            path: args.path.slice('entry:'.length),
            namespace: 'entry',
          }));
          b.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({
            contents: entries.get(args.path),
            resolveDir: rootDir,
          }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [`${PREFIX}${path.basename(file.path)}`, file.text]));
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function frameworkModules() {
  let rootDir = process.cwd();
  let bundled;
  return {
    name: 'framework-modules',
    serverStart({ config }) {
      rootDir = config.rootDir;
      // Started now, awaited on first use: test files that don't use React don't wait for it.
      bundled = bundleCommonJs(rootDir);
      bundled.catch(() => {});
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const body = (await bundled).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
    resolveImport({ source, context }) {
      if (source in SOURCES) return SOURCES[source];
      if (COMMONJS.includes(source)) return `${PREFIX}${fileName(source)}`;
      if (source.startsWith('.') && source.endsWith('.js') && /\.tsx?$/.test(context.path)) {
        const tsx = path.join(rootDir, path.dirname(context.path), `${source.slice(0, -3)}.tsx`);
        if (existsSync(tsx)) return `${source.slice(0, -3)}.tsx`;
      }
      return undefined;
    },
  };
}
