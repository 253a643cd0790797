/// <reference types="vite/client" />
/**
 * What the guides (`stories/Theming.mdx`, `stories/Embed.mdx`) show, read from
 * the project's own sources when Storybook is built, so the pages can't drift
 * from the code: the tokens and their dark values, each element's CSS custom
 * properties from the manifest, the package's entry points, and snippets
 * quoted from the README.
 */
import readme from '../README.md?raw';
import manifest from '../custom-elements.json';
import pkg from '../package.json';
import { DARK_TOKENS, TOKENS, type TokenName } from '../src/styles/tokens.js';

export type TokenKind = 'color' | 'radius' | 'space' | 'font-size' | 'font-weight' | 'shadow' | 'focus' | 'duration';

export interface TokenRow {
  name: TokenName;
  kind: TokenKind;
  light: string;
  /** The value under `theme="dark"`, or null where the light one stays. */
  dark: string | null;
}

const KINDS: [prefix: string, kind: TokenKind][] = [
  ['--aip-color-', 'color'],
  ['--aip-radius-', 'radius'],
  ['--aip-space-', 'space'],
  ['--aip-font-size-', 'font-size'],
  ['--aip-font-weight-', 'font-weight'],
  ['--aip-shadow-', 'shadow'],
  ['--aip-focus-', 'focus'],
  ['--aip-duration', 'duration'],
];

function kindOf(name: string): TokenKind {
  const found = KINDS.find(([prefix]) => name.startsWith(prefix));
  if (!found) throw new Error(`${name}: no swatch kind; add its prefix to KINDS in .storybook/docs-data.ts`);
  return found[1];
}

/** Every public token, in the order `src/styles/tokens.ts` declares them. */
export const tokenRows: TokenRow[] = (Object.entries(TOKENS) as [TokenName, string][]).map(([name, light]) => ({
  name,
  kind: kindOf(name),
  light,
  dark: DARK_TOKENS[name] ?? null,
}));

interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  cssProperties?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
}

const elements = (manifest.modules as { declarations?: ManifestDeclaration[] }[])
  .flatMap((module) => module.declarations ?? [])
  .filter((d): d is ManifestDeclaration & { tagName: string } => Boolean(d.customElement && d.tagName))
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** Per-element custom properties (`--aip-<element>-*`), from each element's `@cssprop` JSDoc. */
export const elementKnobs = elements.flatMap((el) =>
  (el.cssProperties ?? [])
    .filter((prop) => !(prop.name in TOKENS))
    .map((prop) => ({ tag: el.tagName, name: prop.name, description: prop.description ?? '' })),
);

/** Parts an element forwards from the elements inside it (documented as "forwarded" in its JSDoc). */
export const forwardedParts = elements.flatMap((el) =>
  (el.cssParts ?? [])
    .filter((part) => /forwarded/i.test(part.description ?? ''))
    .map((part) => ({ tag: el.tagName, name: part.name, description: part.description ?? '' })),
);

/** The tags in the manifest. */
export const tags = elements.map((el) => el.tagName);

/** The script tag of a versioned CDN URL; `npm run build` prints the loader's real `integrity` value. */
export const scriptTag = [
  `<script type="module" src="https://cdn.example/aip-storefront-${pkg.version}.js"`,
  `        integrity="sha384-…" crossorigin="anonymous"></script>`,
].join('\n');

type Exports = Record<string, string | Record<string, string>>;

/**
 * The package's entry points (package.json `exports`), but for its JSON files and the folder of the
 * script-tag build (`./cdn/*`, files to copy or link to, not modules to import).
 */
const entryPoints = Object.entries(pkg.exports as Exports).filter(
  ([subpath]) => !subpath.endsWith('.json') && !subpath.includes('*'),
);

const specifier = (subpath: string) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);

/**
 * Whether an entry point has only TypeScript declarations (a `types`
 * condition and nothing to run): `import 'aip-storefront/react'` fails in a
 * bundler, since no condition of that entry matches; `import type` is erased
 * before bundling.
 */
const typesOnly = (target: string | Record<string, string>) =>
  typeof target === 'object' && Object.keys(target).every((condition) => condition === 'types');

/** What each types-only entry declares, for its comment. */
const TYPINGS: Record<string, string> = {
  './react': "the aip-* tags in React's JSX.IntrinsicElements",
  './vue': "the aip-* tags in Vue's GlobalComponents, for vue-tsc",
};

/** `import` lines for each entry point with code, from package.json `exports`. */
export const packageImports: string[] = entryPoints
  .filter(([, target]) => !typesOnly(target))
  .map(([subpath]) => {
    const from = specifier(subpath);
    if (subpath === '.') return `import '${from}'; // every element`;
    if (subpath === './api') return `import { AipClient } from '${from}'; // the typed API client alone`;
    if (subpath === './analytics') return `import { connectGa4 } from '${from}'; // the opt-in GA4 bridge`;
    const tag = `aip-${subpath.slice(2)}`;
    if (!tags.includes(tag)) {
      throw new Error(`package.json exports ${subpath}, which is no element; describe it in .storybook/docs-data.ts`);
    }
    return `import '${from}'; // <${tag}>`;
  });

/** `import type` lines for the entry points that only hold TypeScript declarations (the JSX typings). */
export const typeImports: string[] = entryPoints
  .filter(([, target]) => typesOnly(target))
  .map(([subpath]) => {
    const typings = TYPINGS[subpath];
    if (!typings)
      throw new Error(`package.json exports ${subpath} (types only); describe it in .storybook/docs-data.ts`);
    return `import type {} from '${specifier(subpath)}'; // types only: ${typings}`;
  });

/** The first fenced block of `lang` after `heading` in the README (fails the page loudly if it moved). */
export function readmeBlock(heading: string, lang: string): string {
  const start = readme.indexOf(heading);
  const fence = '`'.repeat(3);
  const match = start < 0 ? null : new RegExp(`${fence}${lang}\\n([\\s\\S]*?)${fence}`).exec(readme.slice(start));
  if (!match?.[1]) throw new Error(`README.md has no ${lang} block after "${heading}"`);
  return match[1].trimEnd();
}
