export { AipSelectEvent, type AipSelectDetail } from './select.js';
