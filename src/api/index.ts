export * from './schemas.js';
export {
  AipClient,
  isRetryWorthy,
  ListingChangeEvent,
  MAX_RETRY_AFTER_S,
  type AipClientOptions,
  type CatalogParams,
  type RequestOptions,
  type WriteOptions,
} from './client.js';
export { newIdempotencyKey } from './idempotency.js';
export { ApiError, toApiError, type ApiErrorCode } from './errors.js';
export { computeTierPrices, assertValidPolicy, PricingError, type TierPrices } from './pricing.js';
export { formatMoney, minorUnitDigits, type FormatMoneyOptions } from './money.js';
