import { noChange } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type DirectiveResult,
  type ElementPart,
  type PartInfo,
} from 'lit/directive.js';

/** CSS properties by name: camelCase (`paddingTop`) or custom (`--_columns`). */
export type StyleProperties = Readonly<Record<string, string | null | undefined>>;

const cssName = (name: string) =>
  name.startsWith('--') ? name : name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`),
 * always, first render included. Lit's `styleMap` writes a `style="…"`
 * attribute on first render, which a page's `style-src` policy without
 * `'unsafe-inline'` refuses (a `style-src-attr` violation); CSSOM writes are
 * allowed. Use it as an element binding: `<div ${styleProperties({…})}>`.
 */
class StylePropertiesDirective extends Directive {
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProperties() must be bound to an element');
  }

  override render(_properties: StyleProperties) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]) {
    const { style } = part.element as HTMLElement;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      const css = cssName(name);
      style.setProperty(css, value);
      next.add(css);
    }
    for (const css of this.#set) if (!next.has(css)) style.removeProperty(css);
    this.#set = next;
    return noChange;
  }
}

export const styleProperties: (properties: StyleProperties) => DirectiveResult<typeof StylePropertiesDirective> =
  directive(StylePropertiesDirective);
