/** The element events the GA4 bridge maps (see `ga4.ts`), apart so the script-tag loader can hold them early. */
export const GA4_EVENTS = [
  'aip-list-view',
  'aip-select',
  'aip-view',
  'aip-checkout-start',
  'aip-checkout-complete',
] as const;

/** An event the bridge did not hear itself, with the element that fired it. */
export type HeldEvent = readonly [event: Event, source: EventTarget | undefined];
