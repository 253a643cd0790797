import { define } from '../../internal/define.js';
import '../price/index.js';
import '../license-picker/index.js';
import { AipPersonaDetail } from './persona-detail.js';

export { AipPersonaDetail } from './persona-detail.js';

define('aip-persona-detail', AipPersonaDetail);

declare global {
  interface HTMLElementTagNameMap {
    'aip-persona-detail': AipPersonaDetail;
  }
}
