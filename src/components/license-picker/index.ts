import { define } from '../../internal/define.js';
import { AipLicensePicker } from './license-picker.js';

export { AipLicensePicker } from './license-picker.js';
// The event it fires, so that importing this entry alone types it on addEventListener.
export { AipLicenseChangeEvent, type AipLicenseChangeDetail } from '../../events/license-change.js';

define('aip-license-picker', AipLicensePicker);

declare global {
  interface HTMLElementTagNameMap {
    'aip-license-picker': AipLicensePicker;
  }
}
