// Generates custom-elements.json from the elements' JSDoc (`npm run analyze`).

/** Every custom element declaration in the manifest, with its module. */
function elements(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((declaration) => ({ module, declaration })),
  );
}

/**
 * What the analyzer cannot see by itself:
 * - the tag each class is defined as: the elements register through `define()`
 *   in their `index.ts`, so the manifest gets a `custom-element-definition`
 *   export per element, which tools use to map tags to classes;
 * - the card parts the catalog forwards with `exportparts` (`card-<part>`),
 *   listed on the catalog so theming tools and the docs tables show them.
 */
const definitionsAndForwardedParts = {
  name: 'aip-definitions-and-forwarded-parts',
  packageLinkPhase({ customElementsManifest }) {
    const all = elements(customElementsManifest);
    for (const { module, declaration } of all) {
      module.exports ??= [];
      if (module.exports.some((e) => e.kind === 'custom-element-definition' && e.name === declaration.tagName))
        continue;
      module.exports.push({
        kind: 'custom-element-definition',
        name: declaration.tagName,
        declaration: { name: declaration.name, module: module.path },
      });
    }
    const byTag = (tag) => all.find((e) => e.declaration.tagName === tag)?.declaration;
    const card = byTag('aip-persona-card');
    const catalog = byTag('aip-catalog');
    if (!card || !catalog) throw new Error('custom-elements manifest: the card or the catalog is missing');
    catalog.cssParts ??= [];
    for (const part of card.cssParts ?? []) {
      // The fallback wrapper shows only on cards loading by id, which the catalog's never are.
      if (part.name === 'fallback') continue;
      catalog.cssParts.push({
        name: `card-${part.name}`,
        description: `Each card's \`${part.name}\`: ${part.description}`,
      });
    }
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/index.ts', '**/context.ts', '**/storefront-controller.ts'],
  outdir: '.',
  litelement: true,
  plugins: [definitionsAndForwardedParts],
};
