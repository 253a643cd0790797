import { define } from '../../internal/define.js';
import { AipCustomOrder } from './custom-order.js';

export { AipCustomOrder } from './custom-order.js';
export { AipCustomOrderSubmittedEvent, type AipCustomOrderSubmittedDetail } from '../../events/custom-order.js';

define('aip-custom-order', AipCustomOrder);

declare global {
  interface HTMLElementTagNameMap {
    'aip-custom-order': AipCustomOrder;
  }
}
