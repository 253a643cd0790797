import { define } from '../../internal/define.js';
import '../price/index.js';
import '../license-picker/index.js';
import { AipPersonaDetail } from './persona-detail.js';

export { AipPersonaDetail } from './persona-detail.js';
// The events it fires (and its license picker's), so that importing this entry alone types them.
export { AipViewEvent, type AipViewDetail } from '../../events/view.js';

define('aip-persona-detail', AipPersonaDetail);

declare global {
  interface HTMLElementTagNameMap {
    'aip-persona-detail': AipPersonaDetail;
  }
}
