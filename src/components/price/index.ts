import { define } from '../../internal/define.js';
import { AipPrice } from './price.js';

export { AipPrice } from './price.js';

define('aip-price', AipPrice);

declare global {
  interface HTMLElementTagNameMap {
    'aip-price': AipPrice;
  }
}
