import { define } from '../../internal/define.js';
import { AipCheckout } from './checkout.js';

export { AipCheckout, type CheckoutMode } from './checkout.js';
// The events it fires, so that importing this entry alone types them on addEventListener.
export * from '../../events/checkout.js';

define('aip-checkout', AipCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'aip-checkout': AipCheckout;
  }
}
