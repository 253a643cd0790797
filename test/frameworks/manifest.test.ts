import { expect } from '@open-wc/testing';
import manifest from '../../custom-elements.json';

interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
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
