/**
 * JSX types for React 19 (`aip-storefront/react`, types only): the `aip-*`
 * tags in React's `JSX.IntrinsicElements`, so that
 * `<aip-catalog page-size={12} onaip-select={(event) => …} />` type-checks
 * and a wrong value does not. Load them once, anywhere in the program:
 *
 * ```ts
 * import type {} from 'aip-storefront/react';
 * ```
 *
 * What React 19 does with each prop of a custom element, and so what is typed:
 * - a name that is a property of the element (`pageSize`, `data`, `sort`) is
 *   set as that property, objects included; the element must be defined
 *   before React renders it (import the package first), or React cannot see
 *   the property and writes an attribute instead;
 * - any other name (`page-size`) is written as an attribute;
 * - `on` followed by an event's name (`onaip-select`) adds a listener for that
 *   event, with the typed event (`AipSelectEvent`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  AipElementTagNameMap,
  AipEventMap,
  AipTag,
  ElementAttributes,
  ElementProperties,
  TemplateProperties,
} from './elements.js';

/** `onaip-select={(event) => …}` and the like, for every `aip-*` event. */
export type AipReactEventProps = {
  [K in keyof AipEventMap as `on${K}`]?: (event: AipEventMap[K]) => void;
};

/** The JSX props of one element: React's usual ones, its properties, attributes and event handlers. */
export type AipReactProps<E extends HTMLElement> = Omit<
  DetailedHTMLProps<HTMLAttributes<E>, E>,
  keyof ElementProperties<E>
> &
  TemplateProperties<E> &
  ElementAttributes<E> &
  AipReactEventProps;

/** JSX props by tag. */
export type AipReactIntrinsicElements = { [T in AipTag]: AipReactProps<AipElementTagNameMap[T]> };

declare module 'react' {
  // Augmenting React's own namespace: the shape React's types require.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'aip-storefront': AipReactIntrinsicElements['aip-storefront'];
      'aip-catalog': AipReactIntrinsicElements['aip-catalog'];
      'aip-persona-card': AipReactIntrinsicElements['aip-persona-card'];
      'aip-persona-detail': AipReactIntrinsicElements['aip-persona-detail'];
      'aip-license-picker': AipReactIntrinsicElements['aip-license-picker'];
      'aip-checkout': AipReactIntrinsicElements['aip-checkout'];
      'aip-custom-order': AipReactIntrinsicElements['aip-custom-order'];
      'aip-price': AipReactIntrinsicElements['aip-price'];
    }
  }
}
