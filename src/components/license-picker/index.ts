import { define } from '../../internal/define.js';
import { AipLicensePicker } from './license-picker.js';

export { AipLicensePicker } from './license-picker.js';

define('aip-license-picker', AipLicensePicker);

declare global {
  interface HTMLElementTagNameMap {
    'aip-license-picker': AipLicensePicker;
  }
}
