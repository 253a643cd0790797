import { expect } from '@open-wc/testing';
import manifest from '../../custom-elements.json';
import '../../src/index.js';
import { CARD_PARTS } from '../../src/components/persona-card/persona-card.js';

interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  name?: string;
  tagName?: string;
  cssParts?: { name: string }[];
  customElement?: boolean;
  attributes?: Attribute[];
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

  it('lists the card parts the catalog forwards, as card-<part>', () => {
    const catalog = elements.find((e) => e.tagName === 'aip-catalog')!;
    const parts = (catalog.cssParts ?? []).map((p) => p.name);
    expect(parts).to.include.members(CARD_PARTS.map((p) => `card-${p}`));
  });
});
