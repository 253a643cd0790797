/**
 * What the framework typings (`aip-storefront/react`, `aip-storefront/vue`)
 * say about each element, derived from the element classes and the event map
 * rather than listed by hand, so a property or event added to an element shows
 * up in React and Vue without anyone remembering to:
 *
 * - **properties**: the element's own public, writable, non-method members
 *   (`pageSize`, `data`), with the class's types;
 * - **attributes**: the kebab-case name of each camelCase property whose value
 *   an attribute can carry (`page-size`, `max-rating`); a number may also be
 *   given as a numeric string. Properties named in one word (`sort`, `api`)
 *   are the same word as attribute and property;
 * - **events**: every `aip-*` event in `GlobalEventHandlersEventMap`. They
 *   bubble and are composed, so any element may see any of them (a storefront
 *   hears its catalog's `aip-select`).
 *
 * The attribute rule holds because every element names its attributes after
 * its properties (a test checks it against `custom-elements.json`).
 *
 * Types only: nothing here exists at run time.
 */
import type { AipCatalog } from '../components/catalog/index.js';
import type { AipCheckout } from '../components/checkout/index.js';
import type { AipCustomOrder } from '../components/custom-order/index.js';
import type { AipLicensePicker } from '../components/license-picker/index.js';
import type { AipPersonaCard } from '../components/persona-card/index.js';
import type { AipPersonaDetail } from '../components/persona-detail/index.js';
import type { AipPrice } from '../components/price/index.js';
import type { AipStorefront } from '../components/storefront/index.js';
import type { AipElement } from '../internal/aip-element.js';

/** Every element of the library, by tag. */
export interface AipElementTagNameMap {
  'aip-storefront': AipStorefront;
  'aip-catalog': AipCatalog;
  'aip-persona-card': AipPersonaCard;
  'aip-persona-detail': AipPersonaDetail;
  'aip-license-picker': AipLicensePicker;
  'aip-checkout': AipCheckout;
  'aip-custom-order': AipCustomOrder;
  'aip-price': AipPrice;
}

/** The library's tags. */
export type AipTag = keyof AipElementTagNameMap;

/** Every `aip-*` event, by name: `{ 'aip-select': AipSelectEvent, … }`. */
export type AipEventMap = {
  [K in keyof GlobalEventHandlersEventMap as K extends `aip-${string}` ? K : never]: GlobalEventHandlersEventMap[K];
};

/** The keys of `T` that can be assigned: not `readonly`, not getter-only accessors. */
type WritableKeys<T> = {
  [K in keyof T]-?: (<V>() => V extends { [Q in K]: T[K] } ? 1 : 2) extends <V>() => V extends {
    -readonly [Q in K]: T[K];
  }
    ? 1
    : 2
    ? K
    : never;
}[keyof T];

/** An element's own settable properties: not the base classes', not methods, not read-only. */
export type ElementProperties<E> = {
  [K in Exclude<WritableKeys<E>, keyof AipElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/**
 * An element's properties as a framework's template may write them: a number also as its text
 * (`amount="4900"`), which React and Vue set as the property, and the element reads as a number.
 */
export type TemplateProperties<E> = {
  [K in keyof ElementProperties<E>]?:
    ElementProperties<E>[K] | (NonNullable<ElementProperties<E>[K]> extends number ? `${number}` : never);
};

/** `pageSize` → `page-size`. */
export type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/** What an attribute can say for a property of type `T`; `never` for objects (set those as properties). */
export type AttributeValue<T> = T extends number ? T | `${number}` : T extends string | boolean ? T : never;

/** The kebab-case attributes of an element's camelCase properties, with the values they take. */
export type ElementAttributes<E> = {
  [
    K in keyof ElementProperties<E> & string as KebabCase<K> extends K
      ? never
      : [AttributeValue<NonNullable<E[K & keyof E]>>] extends [never]
        ? never
        : KebabCase<K>
  ]?: AttributeValue<NonNullable<E[K & keyof E]>>;
};
