// Type tests of the Vue typings, compiled by `npm run typecheck` and never run: what vue-tsc checks a template
// against. Each `@ts-expect-error` fails the typecheck if the line under it stops being an error.
import type { GlobalComponents } from 'vue';
import type { AipLicenseChangeEvent, AipSelectEvent, PersonaSummary } from 'aip-storefront';
import type {} from 'aip-storefront/vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
type Emit<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$emit'];

declare const listing: PersonaSummary;
declare const select: AipSelectEvent;
declare const licenseChange: AipLicenseChangeEvent;
declare const emitFromCard: Emit<'aip-persona-card'>;

export const catalog: Props<'aip-catalog'> = { pageSize: 12, sort: 'name', syncUrl: true, class: 'wide' };
export const card: Props<'aip-persona-card'> = { data: listing, layout: 'horizontal', maxTags: 2 };
emitFromCard('aip-select', select);
// Written as text in a template (`amount="4900"`): Vue sets the property to the text, and the element reads it.
export const priceText: Props<'aip-price'> = { amount: '4900', currency: 'USD' };

// @ts-expect-error pageSize is a number
export const pageSizeObject: Props<'aip-catalog'> = { pageSize: {} };
// @ts-expect-error an amount is a number, or its text
export const amountWord: Props<'aip-price'> = { amount: 'many' };
// @ts-expect-error data is a listing, not its id
export const dataString: Props<'aip-persona-card'> = { data: 'noor-haddad' };
// @ts-expect-error an aip-select listener gets an AipSelectEvent
emitFromCard('aip-select', licenseChange);

// Every aip-* element the library registers is typed.
type Registered = Extract<keyof HTMLElementTagNameMap, `aip-${string}`>;
type Untyped = Exclude<Registered, keyof GlobalComponents>;
export const everyElementTyped: [Untyped] extends [never] ? true : Untyped = true;
