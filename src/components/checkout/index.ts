import { define } from '../../internal/define.js';
import { AipCheckout } from './checkout.js';

export { AipCheckout, type CheckoutMode } from './checkout.js';

define('aip-checkout', AipCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'aip-checkout': AipCheckout;
  }
}
