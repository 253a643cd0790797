import type { Persona, PersonaSummary } from '../api/schemas.js';

export interface AipListViewDetail {
  /** The listings that were just shown (the first page, or one more page). */
  items: PersonaSummary[];
  /**
   * The position in the list of the first of `items`, counted from 0: 0 for a
   * first page (a new search, filter or sort starts a new list), the number
   * already shown for each further page. Always set by `<aip-catalog>`; 0 when
   * missing.
   */
  offset?: number;
  /**
   * The creator whose listings the list shows (their handle), or null when it
   * shows every creator's. Always set by `<aip-catalog>`.
   */
  creator?: string | null;
}

/** `<aip-catalog>` showed a page of listings (for analytics: a list impression). */
export class AipListViewEvent extends CustomEvent<AipListViewDetail> {
  constructor(detail: AipListViewDetail) {
    super('aip-list-view', { bubbles: true, composed: true, detail });
  }
}

export interface AipViewDetail {
  /** The listing now on screen in full. */
  persona: Persona;
}

/** `<aip-persona-detail>` showed a listing in full (for analytics: an item view). Once per listing shown. */
export class AipViewEvent extends CustomEvent<AipViewDetail> {
  constructor(detail: AipViewDetail) {
    super('aip-view', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aip-list-view': AipListViewEvent;
    'aip-view': AipViewEvent;
  }
}
