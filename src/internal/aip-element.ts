import { adoptStyles, LitElement, type CSSResult, type CSSResultOrNative } from 'lit';
import { SLUG_PATTERN } from '../api/schemas.js';
import { buttonStyles } from '../styles/button.js';
import { hostStyles } from '../styles/host.js';
import { tokenStyles } from '../styles/tokens.js';
import { reshowMoved } from './modal.js';

const warned = new WeakMap<object, Set<string>>();

/** Each document's copies of our style sheets: a constructed sheet can only be adopted in the document that made it. */
const copies = new WeakMap<Document, Map<CSSResultOrNative, CSSStyleSheet>>();

/**
 * Gives `root` its element's styles in the document the element is in now: the
 * shared sheets in this page's document, copies made in another's (an element
 * created here and put into a same-origin frame, as page builders do).
 */
function adoptHere(el: LitElement, root: ShadowRoot): void {
  const styles = (el.constructor as typeof LitElement).elementStyles;
  const doc = el.ownerDocument;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (doc === document) return adoptStyles(root, styles);
  // An inert document (a template's, a parsed response's, as htmx parks preserved elements): nothing to style there.
  if (!win) return;
  let sheets = copies.get(doc);
  if (!sheets) copies.set(doc, (sheets = new Map()));
  root.adoptedStyleSheets = styles.map((style) => {
    let sheet = sheets.get(style);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync((style as CSSResult).cssText);
      sheets.set(style, sheet);
    }
    return sheet;
  });
}

/** What a value is, for a warning: "null", "an array", "an object", "a number". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Warns about bad input once per element and `subject`, so a host page's
 * console isn't flooded on re-render.
 */
export function warnOnce(el: Element, subject: string, message: string): void {
  let said = warned.get(el);
  if (!said) warned.set(el, (said = new Set()));
  if (said.has(subject)) return;
  said.add(subject);
  console.warn(`<${el.localName}>: ${message}`);
}

/** The setters `finalize` made, so a subclass's finalize leaves its parent's alone. */
const numberSetters = new WeakSet<(value: unknown) => void>();

/**
 * The base of every `aip-*` element: shared host styles, a typed `emit()`,
 * a console warning that is said once per element and subject, and number
 * properties that take a number's text.
 */
export class AipElement extends LitElement {
  static override styles = [tokenStyles, hostStyles, buttonStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page with a dialog of ours open: it is a modal again.
    reshowMoved();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (this.ownerDocument === document) return super.createRenderRoot();
    const root = this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
    adoptHere(this, root);
    return root;
  }

  /**
   * A number property given the text of a number takes the number, as its attribute would. React 19 and Vue
   * set an attribute written in a template as the element's property when it has one of that name, so
   * `<aip-price amount="4900">` arrives as the string "4900", before the element is connected. Other text
   * stays as given, for the element's own check to name it. (Done to each class's accessors once it is
   * finalized: Lit warns about overriding the hooks that make them.)
   */
  protected static override finalize(): void {
    super.finalize();
    for (const [name, options] of this.elementProperties) {
      const descriptor = options.type === Number ? Object.getOwnPropertyDescriptor(this.prototype, name) : undefined;
      const set = descriptor?.set;
      if (!set || numberSetters.has(set)) continue;
      const setNumber = function (this: LitElement, value: unknown) {
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        set.call(this, Number.isFinite(number) ? number : value);
      };
      numberSetters.add(setNumber);
      Object.defineProperty(this.prototype, name, { ...descriptor, set: setNumber });
    }
  }

  /** Moved into another document (a same-origin frame) after rendering: its styles follow it there. */
  adoptedCallback(): void {
    if (this.shadowRoot) adoptHere(this, this.shadowRoot);
  }

  /**
   * Dispatches an event from this element and returns `false` when a listener
   * cancelled it, so callers honour vetoes of cancelable events.
   */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * Warns about bad input (an attribute value, a malformed response) once per
   * element and `subject`, so a host page's console isn't flooded on re-render.
   */
  protected warnOnce(subject: string, message: string): void {
    warnOnce(this, subject, message);
  }

  /**
   * Like `warnOnce`, but says nothing when `value` is null or undefined: a removed attribute, or a property a
   * framework set back to undefined, asks for the default, which is no mistake.
   */
  protected warnIfSet(value: unknown, subject: string, message: string): void {
    if (value !== null && value !== undefined) warnOnce(this, subject, message);
  }

  /**
   * `level` when it is a whole number from `min` to `max`, else `fallback`, with a warning when `heading-level`
   * was set to something else.
   */
  protected headingLevelIn(level: number, min: number, max: number, fallback: number): number {
    if (Number.isInteger(level) && level >= min && level <= max) return level;
    const levels = Array.from({ length: max - min }, (_, i) => min + i).join(', ');
    this.warnIfSet(
      level,
      'heading-level',
      `${this.quoted('heading-level', level)} is not ${levels} or ${max}; using ${fallback}.`,
    );
    return fallback;
  }

  /**
   * How to quote a bad value in a warning: the attribute's text when the value
   * came from it, else the value the property was set to from script.
   */
  protected quoted(attribute: string, value: unknown): string {
    const text = this.getAttribute(attribute);
    const fromAttribute = text !== null && (Object.is(Number(text), value) || text === value);
    return `${attribute}="${fromAttribute ? text : String(value)}"`;
  }

  /**
   * An id or handle attribute's value if it is a slug; otherwise warns once,
   * saying `consequence`, and returns null. Empty values are simply null.
   */
  protected validSlug(attribute: string, value: unknown, consequence: string): string | null {
    if (value === null || value === undefined || value === '') return null;
    const trimmed = typeof value === 'string' ? value.trim() : null;
    if (trimmed === '') return null;
    if (trimmed !== null && SLUG_PATTERN.test(trimmed)) return trimmed;
    this.warnOnce(attribute, `${this.quoted(attribute, value)} ${consequence}`);
    return null;
  }
}
