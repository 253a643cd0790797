/**
 * aip-storefront: every element, registered, plus the API client and types.
 *
 * The storefront is registered first so that it answers the context requests
 * of the elements inside it as they upgrade.
 */
export * from './components/storefront/index.js';
export * from './components/price/index.js';
export * from './components/persona-card/index.js';
export * from './components/catalog/index.js';
export * from './components/license-picker/index.js';
export * from './components/persona-detail/index.js';
export * from './components/checkout/index.js';
export * from './components/custom-order/index.js';
export * from './events/index.js';
export * from './api/index.js';
export { VERSION } from './internal/define.js';
export { forgetAgeConfirmation } from './internal/age-gate.js';
