/** The library's version, compared when a tag is already taken; kept equal to package.json's by a test. */
export const VERSION = '0.1.0';

const VERSION_KEY = Symbol.for('aip-storefront.version');

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * Registers an element unless its tag is already defined. Host pages do load
 * a bundle twice (a CMS plugin and a theme, say); the second copy must not
 * throw, and a clash between two versions is worth a warning.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Versioned | undefined;
  if (existing) {
    const theirs = existing[VERSION_KEY];
    if (existing !== ctor && theirs !== VERSION) {
      console.warn(
        `<${tag}> is already defined by ${theirs ? `aip-storefront ${theirs}` : 'another script'}; ` +
          `aip-storefront ${VERSION} keeps that definition.`,
      );
    }
    return;
  }
  (ctor as Versioned)[VERSION_KEY] = VERSION;
  customElements.define(tag, ctor);
}
