import type { License, Money } from '../api/schemas.js';

export interface AipLicenseChangeDetail {
  /** The tier the buyer chose. */
  license: License;
  /** Its price, as shown (the server's offer price). */
  price: Money;
}

/** A buyer chose a license tier in `<aip-license-picker>`. Fired on user action only. */
export class AipLicenseChangeEvent extends CustomEvent<AipLicenseChangeDetail> {
  constructor(detail: AipLicenseChangeDetail) {
    super('aip-license-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aip-license-change': AipLicenseChangeEvent;
  }
}
