import { define } from '../../internal/define.js';
import '../persona-card/index.js';
import { AipCatalog } from './catalog.js';

export { AipCatalog } from './catalog.js';

define('aip-catalog', AipCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'aip-catalog': AipCatalog;
  }
}
