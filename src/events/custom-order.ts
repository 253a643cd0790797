export interface AipCustomOrderSubmittedDetail {
  /** The request number the marketplace gave the brief, e.g. `co-7kq2m9xa`. */
  id: string;
}

/** A buyer's brief reached the marketplace and was filed (`<aip-custom-order>`). Fired once per brief. */
export class AipCustomOrderSubmittedEvent extends CustomEvent<AipCustomOrderSubmittedDetail> {
  constructor(detail: AipCustomOrderSubmittedDetail) {
    super('aip-custom-order-submitted', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aip-custom-order-submitted': AipCustomOrderSubmittedEvent;
  }
}
