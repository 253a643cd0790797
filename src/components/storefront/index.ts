import { define } from '../../internal/define.js';
import { AipStorefront } from './storefront.js';

export { AipStorefront, THEMES, type Theme } from './storefront.js';
export { storefrontContext, type StorefrontSettings } from './context.js';
export type { Message, Messages, PluralMessage } from '../../internal/i18n.js';
export type { MessageId } from '../../locales/ids.js';

define('aip-storefront', AipStorefront);

declare global {
  interface HTMLElementTagNameMap {
    'aip-storefront': AipStorefront;
  }
}
