/**
 * Every message id: the union of the English source catalogues' keys. Types
 * only, so importing it bundles no English text.
 */
import type checkout from './en/checkout.js';
import type core from './en/core.js';
import type customOrder from './en/custom-order.js';
import type detail from './en/detail.js';
import type licenses from './en/licenses.js';
import type ratings from './en/ratings.js';

export type CoreMessageId = keyof typeof core;
export type MessageId =
  | CoreMessageId
  | keyof typeof licenses
  | keyof typeof ratings
  | keyof typeof detail
  | keyof typeof checkout
  | keyof typeof customOrder;
/** The ids of the license texts, and the shared ones they are used with. */
export type LicenseMessageId = CoreMessageId | keyof typeof licenses;
