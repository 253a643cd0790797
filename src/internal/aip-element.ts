import { LitElement } from 'lit';
import { SLUG_PATTERN } from '../api/schemas.js';
import { buttonStyles } from '../styles/button.js';
import { hostStyles } from '../styles/host.js';
import { tokenStyles } from '../styles/tokens.js';

const warned = new WeakMap<object, Set<string>>();

/**
 * The base of every `aip-*` element: shared host styles, a typed `emit()` and
 * a console warning that is said once per element and subject.
 */
export class AipElement extends LitElement {
  static override styles = [tokenStyles, hostStyles, buttonStyles];

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
    let said = warned.get(this);
    if (!said) warned.set(this, (said = new Set()));
    if (said.has(subject)) return;
    said.add(subject);
    console.warn(`<${this.localName}>: ${message}`);
  }

  /**
   * An id or handle attribute's value if it is a slug; otherwise warns once,
   * saying `consequence`, and returns null. Empty values are simply null.
   */
  protected validSlug(attribute: string, value: string | null | undefined, consequence: string): string | null {
    const trimmed = value?.trim();
    if (!trimmed) return null;
    if (SLUG_PATTERN.test(trimmed)) return trimmed;
    this.warnOnce(attribute, `${attribute}="${value}" ${consequence}`);
    return null;
  }
}
