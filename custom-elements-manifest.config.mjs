// Generates custom-elements.json from the elements' JSDoc (`npm run analyze`).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/index.ts', '**/context.ts', '**/storefront-controller.ts'],
  outdir: '.',
  litelement: true,
};
