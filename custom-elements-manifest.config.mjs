// Generates custom-elements.json from the elements' JSDoc (`npm run analyze`).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';

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

/**
 * The design tokens of `src/styles/tokens.ts`, read from its source: each name with its light value, its dark
 * value if it has one, and its JSDoc comment if it has one.
 */
function readTokens() {
  const file = 'src/styles/tokens.ts';
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const objects = {};
  source.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      let init = node.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (init && ts.isObjectLiteralExpression(init)) objects[node.name.text] = init;
    }
    node.forEachChild(visit);
  });
  const entries = (object) =>
    (object?.properties ?? []).filter(ts.isPropertyAssignment).map((p) => ({
      name: p.name.text,
      value: ts.isStringLiteral(p.initializer) ? p.initializer.text : p.initializer.getText(source),
      note: ts
        .getJSDocCommentsAndTags(p)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
  const dark = new Map(entries(objects.DARK_TOKENS).map((t) => [t.name, t.value]));
  const tokens = entries(objects.TOKENS);
  if (tokens.length < 20) throw new Error(`custom-elements manifest: found ${tokens.length} tokens in ${file}`);
  return tokens.map((t) => ({ ...t, dark: dark.get(t.name) }));
}

/**
 * Every design token on `<aip-storefront>`, the element that sets them for everything inside it (and whose
 * `theme` switches them to their dark values), so tools and the docs tables list them all: the storefront's
 * JSDoc describes the ones most sites set; the rest are described from `tokens.ts`.
 */
const designTokens = {
  name: 'aip-design-tokens',
  packageLinkPhase({ customElementsManifest }) {
    const storefront = elements(customElementsManifest).find((e) => e.declaration.tagName === 'aip-storefront');
    if (!storefront) throw new Error('custom-elements manifest: the storefront is missing');
    const declared = (storefront.declaration.cssProperties ??= []);
    for (const token of readTokens()) {
      const values = `Light \`${token.value}\`${token.dark ? `, dark \`${token.dark}\`` : ''}.`;
      const known = declared.find((p) => p.name === token.name);
      if (known) {
        known.default ??= token.value;
        known.description = `${known.description ?? ''} ${values}`.trim();
        continue;
      }
      declared.push({
        name: token.name,
        description: token.note ? `${token.note} ${values}` : `Design token. ${values}`,
        default: token.value,
      });
    }
  },
};

/** The text of a property's `@default` JSDoc tag, if it has one. */
function defaultTag(ts, member) {
  const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
  const text = tag ? ts.getTextOfJSDocComment(tag.comment)?.trim() : undefined;
  return text || undefined;
}

/**
 * Each attribute's default as the docs tables should show it, a literal:
 * - an attribute takes its property's default and type once the analyzer has
 *   resolved the property's initializer: it copies the attribute from the
 *   property before it resolves constants, so `page-size` would read
 *   `DEFAULT_PAGE_SIZE` (and have no type) where `pageSize` reads 12;
 * - a `@default` JSDoc tag on a property gives its attribute's default when
 *   the initializer only means "not set" (the storefront's `timeout` and
 *   `retries` are null until set, and the client then uses its own defaults);
 *   the analyzer ignores the tag when there is an initializer. The property
 *   keeps the initializer's value, which is what a script reads.
 * `test/frameworks/manifest.test.ts` checks every default against the code.
 */
function literalDefaults() {
  /** `@default` tags, by class name and property name. */
  const tagged = new Map();
  return {
    name: 'aip-literal-defaults',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const value = defaultTag(ts, member);
        if (value !== undefined) tagged.set(`${node.name.text}.${member.name.text}`, value);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { declaration } of elements(customElementsManifest)) {
        for (const attribute of declaration.attributes ?? []) {
          const field = declaration.members?.find((m) => m.kind === 'field' && m.name === attribute.fieldName);
          if (!field) continue;
          if (field.default !== undefined) attribute.default = field.default;
          if (field.type && !attribute.type) attribute.type = field.type;
          const value = tagged.get(`${declaration.name}.${field.name}`);
          if (value !== undefined) attribute.default = value;
        }
      }
    },
  };
}

/**
 * Spells out the aliases in the types of attributes (`parsedType`): `layout` is a `CardLayout`, which is
 * 'vertical' | 'horizontal' | 'compact', and Storybook offers those as its choices where the alias gave it
 * nothing to offer. Only attributes and their fields: other members' types (a form, the message catalogue,
 * event classes) are too large to spell out, and it would warn about each on every build.
 */
function attributeTypeParser() {
  const parser = typeParserPlugin();
  return {
    ...parser,
    name: 'aip-attribute-type-parser',
    analyzePhase(context) {
      const declarations = (context.moduleDoc.declarations ?? []).map((d) => [d, d.members, d.events]);
      for (const [d, members] of declarations) {
        if (members) d.members = members.filter((m) => m.attribute);
        if (d.events) d.events = [];
      }
      try {
        parser.analyzePhase(context);
      } finally {
        for (const [d, members, events] of declarations) {
          if (members) d.members = members;
          if (events) d.events = events;
        }
      }
    },
  };
}

/** The names a module re-exports by name (`export { A } from …`), as an element's `index.ts` does. */
function entryExports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set();
  source.forEachChild((node) => {
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause))
      for (const element of node.exportClause.elements) names.add(element.name.text);
  });
  return names;
}

/**
 * Module paths as the package ships them. The analyzer reads `src/components/<name>/<name>.ts`, which the
 * package does not contain; the manifest names each element's entry instead, `dist/lib/<name>.js` (the file
 * `aip-storefront/<name>` resolves to), which exports the element's class and defines its tag. The base class
 * the elements extend is no export of the package, so a reference to it names no module. A module lists only
 * what its entry exports (the catalog's list of filter names, say, is the catalog's own).
 */
const shippedPaths = {
  name: 'aip-shipped-paths',
  packageLinkPhase({ customElementsManifest }) {
    const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
    const shipped = new Map();
    for (const module of customElementsManifest.modules) {
      const name = /^src\/components\/([^/]+)\/\1\.ts$/.exec(module.path)?.[1];
      const entry = name && exports[`./${name}`]?.default;
      if (!entry) throw new Error(`custom-elements manifest: ${module.path} is no element entry of package.json`);
      shipped.set(module.path, entry.replace(/^\.\//, ''));
      const exported = entryExports(`src/components/${name}/index.ts`);
      module.declarations = (module.declarations ?? []).filter((d) => exported.has(d.name));
      module.exports = (module.exports ?? []).filter(
        (e) => e.kind === 'custom-element-definition' || exported.has(e.name),
      );
    }
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (typeof node.module === 'string') {
        const path = node.module.replace(/^\//, '').replace(/\.js$/, '.ts');
        if (shipped.has(path)) node.module = shipped.get(path);
        else if (path.startsWith('src/')) delete node.module;
      }
      Object.values(node).forEach(visit);
    };
    visit(customElementsManifest.modules);
    for (const module of customElementsManifest.modules) module.path = shipped.get(module.path);
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  // Only the elements' own modules: the helpers beside them (the checkout's saved attempt, the brief's checks)
  // are no part of the package's interface.
  exclude: [
    '**/*.styles.ts',
    '**/index.ts',
    '**/context.ts',
    '**/storefront-controller.ts',
    '**/checkout/attempt.ts',
    '**/custom-order/brief.ts',
  ],
  outdir: '.',
  litelement: true,
  // The modules come from a TypeScript program (tsconfig.manifest.json), so that the type parser can ask its
  // checker what an alias stands for: `layout` is `CardLayout`, which is 'vertical' | 'horizontal' | 'compact'.
  overrideModuleCreation({ ts, globs: files }) {
    // Making the program, the parser first spells out every alias in the elements' modules and warns where
    // one is too large to (a form control's `Input`, a controller's `Host`). None of those is an attribute's
    // type, which is all it is asked about here; warnings about attributes come later and are kept.
    const warn = console.warn;
    console.warn = (...args) => !args.some((a) => String(a).startsWith('[type-parser] - Skipped')) && warn(...args);
    let program;
    try {
      program = getTsProgram(ts, files, 'tsconfig.manifest.json');
    } finally {
      console.warn = warn;
    }
    // In path order, as the analyzer lists them itself.
    return program
      .getSourceFiles()
      .filter((sf) => files.some((file) => sf.fileName.endsWith(file)))
      .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
  },
  plugins: [definitionsAndForwardedParts, designTokens, literalDefaults(), attributeTypeParser(), shippedPaths],
};
