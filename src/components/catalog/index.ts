import { define } from '../../internal/define.js';
import '../persona-card/index.js';
import { AipCatalog } from './catalog.js';

export { AipCatalog } from './catalog.js';
// The events it fires, so that importing this entry alone types them on addEventListener.
export { AipSelectEvent, type AipSelectDetail } from '../../events/select.js';
export { AipListViewEvent, type AipListViewDetail } from '../../events/view.js';

define('aip-catalog', AipCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'aip-catalog': AipCatalog;
  }
}
