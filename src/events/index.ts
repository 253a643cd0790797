export { AipSelectEvent, type AipSelectDetail } from './select.js';
export { AipLicenseChangeEvent, type AipLicenseChangeDetail } from './license-change.js';
