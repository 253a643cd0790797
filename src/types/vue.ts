/**
 * Template types for Vue 3 (`aip-storefront/vue`, types only): the `aip-*`
 * tags in Vue's `GlobalComponents`, so that vue-tsc (Volar) checks a
 * template's bindings against the elements' properties and its `@aip-*`
 * listeners against the typed events. Load them once, anywhere in the program:
 *
 * ```ts
 * import type {} from 'aip-storefront/vue';
 * ```
 *
 * They describe types only. At run time the elements stay native custom
 * elements: tell Vue's compiler so with `isCustomElement` (see the README).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { AipElementTagNameMap, AipEventMap, TemplateProperties } from './elements.js';

/** `@aip-select="(event) => …"` and the like, for every `aip-*` event. */
export type AipVueEmits = { [K in keyof AipEventMap]: (event: AipEventMap[K]) => void };

/**
 * One element as Vue's type checker sees a component: the element itself,
 * plus `$props` and `$emit`, which exist for template type checking only.
 */
export type AipVueElement<E extends HTMLElement> = new () => E & {
  /** @deprecated Template type checking only: not on the element. */
  $props: HTMLAttributes & TemplateProperties<E> & PublicProps;
  /** @deprecated Template type checking only: not on the element. */
  $emit: EmitFn<AipVueEmits>;
};

declare module 'vue' {
  interface GlobalComponents {
    'aip-storefront': AipVueElement<AipElementTagNameMap['aip-storefront']>;
    'aip-catalog': AipVueElement<AipElementTagNameMap['aip-catalog']>;
    'aip-persona-card': AipVueElement<AipElementTagNameMap['aip-persona-card']>;
    'aip-persona-detail': AipVueElement<AipElementTagNameMap['aip-persona-detail']>;
    'aip-license-picker': AipVueElement<AipElementTagNameMap['aip-license-picker']>;
    'aip-checkout': AipVueElement<AipElementTagNameMap['aip-checkout']>;
    'aip-custom-order': AipVueElement<AipElementTagNameMap['aip-custom-order']>;
    'aip-price': AipVueElement<AipElementTagNameMap['aip-price']>;
  }
}
