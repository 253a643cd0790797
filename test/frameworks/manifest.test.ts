import { expect, fixture, html } from '@open-wc/testing';
import manifest from '../../custom-elements.json';
import pkg from '../../package.json';
import '../../src/index.js';
import { CARD_PARTS } from '../../src/components/persona-card/persona-card.js';
import { DARK_TOKENS, TOKENS, type TokenName } from '../../src/styles/tokens.js';
import type { StorefrontSettings } from '../../src/components/storefront/context.js';
import { settingsOf } from '../helpers.js';

interface Attribute {
  name: string;
  fieldName?: string;
  default?: string;
}
interface Member {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  default?: string;
}
interface CssProperty {
  name: string;
  description?: string;
  default?: string;
}
interface Declaration {
  name?: string;
  tagName?: string;
  cssParts?: { name: string }[];
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// The React and Vue typings (src/types) name each attribute after its property, in kebab case; this is the
// rule they rely on, checked against what the elements declare.
describe('framework typings', () => {
  it('every attribute is its property in kebab case, as the typings assume', () => {
    const modules = manifest.modules as { declarations?: Declaration[] }[];
    const elements = modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    expect(elements.length).to.be.greaterThan(0);
    for (const element of elements) {
      for (const attribute of element.attributes ?? []) {
        if (!attribute.fieldName) continue;
        expect(attribute.name, `<${element.tagName}> ${attribute.fieldName}`).to.equal(kebab(attribute.fieldName));
      }
    }
  });
});

describe('custom-elements.json', () => {
  const modules = manifest.modules as {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module: string } }[];
  }[];
  const elements = modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);

  it('says which class each tag is defined as, and the page agrees', () => {
    const definitions = modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
    expect(definitions.map((d) => d.name).sort()).to.deep.equal(elements.map((e) => e.tagName).sort());
    for (const definition of definitions) {
      expect(customElements.get(definition.name)?.name, definition.name).to.equal(definition.declaration.name);
    }
  });

  it('names each module by the file the package ships, whose entry exports what the module lists', async () => {
    const entries = Object.entries(pkg.exports as Record<string, string | { default?: string }>);
    expect(modules.length).to.equal(elements.length);
    for (const module of modules) {
      const entry = entries.find(([, target]) => typeof target === 'object' && target.default === `./${module.path}`);
      expect(entry, module.path).to.not.equal(undefined);
      expect(
        pkg.files.some((folder) => module.path.startsWith(`${folder}/`)),
        module.path,
      ).to.equal(true);
      // The built file is the source entry bundled, exporting the same names.
      const source = (await import(`../../src/components/${entry![0].slice(2)}/index.ts`)) as Record<string, unknown>;
      const listed = (module.exports ?? []).filter((e) => e.kind === 'js').map((e) => e.name);
      expect(
        listed.filter((name) => !(name in source)),
        module.path,
      ).to.deep.equal([]);
      expect(listed, module.path).to.include.members((module.declarations ?? []).map((d) => d.name!));
    }
  });

  it('lists the card parts the catalog forwards, as card-<part>', () => {
    const catalog = elements.find((e) => e.tagName === 'aip-catalog')!;
    const parts = (catalog.cssParts ?? []).map((p) => p.name);
    expect(parts).to.include.members(CARD_PARTS.map((p) => `card-${p}`));
  });

  it("gives each property's default as a literal, the value a new element has", () => {
    for (const element of elements) {
      const el = document.createElement(element.tagName!) as unknown as Record<string, unknown>;
      for (const member of element.members ?? []) {
        const isPublic = !member.privacy || member.privacy === 'public';
        if (member.kind !== 'field' || !isPublic || member.static || member.default === undefined) continue;
        const where = `<${element.tagName}> .${member.name}`;
        expect(literal(member.default, where), where).to.deep.equal(el[member.name]);
      }
    }
  });

  it("gives each attribute's default as a literal, what the element does without the attribute", async () => {
    let checked = 0;
    for (const element of elements) {
      const el = document.createElement(element.tagName!) as unknown as Record<string, unknown>;
      for (const attribute of element.attributes ?? []) {
        if (!attribute.fieldName) continue;
        const where = `<${element.tagName}> ${attribute.name}`;
        expect(attribute.default, `${where} has no default`).to.be.a('string');
        const effective = UNSET_MEANS[element.tagName!]?.[attribute.fieldName];
        const actual = effective ? await effective() : el[attribute.fieldName];
        expect(literal(attribute.default!, where), where).to.deep.equal(actual);
        checked += 1;
      }
    }
    expect(checked).to.be.greaterThan(0);
  });
});

describe('design tokens in the manifest', () => {
  it('lists every token on <aip-storefront>, described, with its light value and its dark one', () => {
    const modules = manifest.modules as { declarations?: (Declaration & { cssProperties?: CssProperty[] })[] }[];
    const storefront = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'aip-storefront')!;
    const listed = new Map((storefront.cssProperties ?? []).map((p) => [p.name, p]));
    for (const [name, value] of Object.entries(TOKENS)) {
      const property = listed.get(name);
      expect(property, name).to.not.equal(undefined);
      expect(property!.default, name).to.equal(value);
      expect(property!.description, name).to.match(/\w/);
      const dark = DARK_TOKENS[name as TokenName];
      expect(property!.description, name).to.contain(`Light \`${value}\``);
      if (dark) expect(property!.description, name).to.contain(`dark \`${dark}\``);
    }
  });
});

/** A manifest default (a JavaScript literal) as its value; fails on anything else, such as a constant's name. */
function literal(text: string, where: string): unknown {
  const quoted = /^'([^'\\]*)'$/.exec(text);
  if (quoted) return quoted[1];
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${where}: the manifest's default \`${text}\` is not a literal`);
  }
}

/**
 * Properties that are null until set, after which the element uses a default
 * of its own: what it then uses, which is what the attribute's docs must give.
 */
const UNSET_MEANS: Record<string, Record<string, () => Promise<unknown>>> = {
  'aip-storefront': {
    timeout: async () => (await defaultSettings()).client.timeoutMs,
    retries: async () => (await defaultSettings()).client.retries,
  },
};

/** The settings a storefront with nothing set shares. */
async function defaultSettings(): Promise<StorefrontSettings> {
  return settingsOf(await fixture(html`<aip-storefront api="/"></aip-storefront>`));
}
