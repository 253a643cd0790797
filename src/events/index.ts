export { AipSelectEvent, type AipSelectDetail } from './select.js';
export { AipLicenseChangeEvent, type AipLicenseChangeDetail } from './license-change.js';
export {
  AipCheckoutStartEvent,
  AipCheckoutCompleteEvent,
  AipCheckoutErrorEvent,
  type AipCheckoutStartDetail,
  type AipCheckoutCompleteDetail,
  type AipCheckoutErrorDetail,
  type CheckoutErrorCode,
} from './checkout.js';
export { AipListViewEvent, AipViewEvent, type AipListViewDetail, type AipViewDetail } from './view.js';
export { AipCustomOrderSubmittedEvent, type AipCustomOrderSubmittedDetail } from './custom-order.js';
