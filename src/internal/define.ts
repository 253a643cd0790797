/** The library's version, compared when a tag is already taken; kept equal to package.json's by a test. */
export const VERSION = '0.1.0';

const VERSION_KEY = Symbol.for('aip-storefront.version');

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * The height the page reserved for each of our elements before it was defined (a `:not(:defined)` rule), taken
 * before each of our tags is defined: once a storefront is, the elements inside it have no box and no style
 * until it renders its slot.
 */
const reserved = new WeakMap<Element, number>();

/** The larger of an element's `min-height` and `height`, in px (a percentage of an unknown box counts as none). */
function heightOf(el: Element): number {
  const { minHeight, height } = getComputedStyle(el);
  const px = (value: string) => (value.endsWith('px') ? parseFloat(value) : 0);
  return Math.max(px(minHeight), px(height));
}

/** The height the page reserved for `el` before it was defined: 0 for one made outside the document. */
export function reservedHeight(el: Element): number {
  return reserved.get(el) ?? (el.isConnected ? heightOf(el) : 0);
}

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
  // No document where a server renders (a DOM shim defines customElements alone).
  for (const el of globalThis.document?.querySelectorAll(':not(:defined)') ?? []) {
    if (el.localName.startsWith('aip-') && !reserved.has(el)) reserved.set(el, heightOf(el));
  }
  customElements.define(tag, ctor);
}
