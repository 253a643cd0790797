import type { PersonaSummary } from '../api/schemas.js';

export interface AipSelectDetail {
  /** The listing the buyer chose. */
  persona: PersonaSummary;
}

/**
 * A buyer chose a persona (clicked or pressed Enter on its card). Cancelable:
 * call `preventDefault()` to handle navigation yourself.
 */
export class AipSelectEvent extends CustomEvent<AipSelectDetail> {
  constructor(detail: AipSelectDetail) {
    super('aip-select', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aip-select': AipSelectEvent;
  }
}
