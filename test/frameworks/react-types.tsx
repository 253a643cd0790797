// Type tests of the React typings, compiled by `npm run typecheck` and never run. Each `@ts-expect-error`
// fails the typecheck if the line under it stops being an error, as it would if the typings became `any`.
import type { JSX } from 'react';
import type { AipCatalog, AipSelectEvent, PersonaSummary } from 'aip-storefront';
import type {} from 'aip-storefront/react';

declare const listing: PersonaSummary;

export const valid = (
  <aip-storefront api="https://api.example" creator="nova-studio" max-rating="suggestive" theme="dark" retries={1}>
    <aip-catalog
      page-size={12}
      sort="price_asc"
      sync-url
      filters="search sort"
      onaip-select={(event: AipSelectEvent) => event.detail.persona.name}
      onaip-list-view={(event) => event.detail.items.length}
      ref={(catalog: AipCatalog | null) => catalog?.closeDetail()}
    />
    <aip-catalog pageSize={24} page-size="24" paging="infinite" className="wide" style={{ maxWidth: '60rem' }} />
    <aip-persona-card data={listing} layout="compact" max-tags={2} heading-level="3" />
    <aip-persona-card persona="noor-haddad" onaip-select={(event) => event.preventDefault()} />
    <aip-persona-detail persona="noor-haddad" onaip-view={(event) => event.detail.persona.description}>
      <aip-checkout slot="checkout" mode="popup" onaip-checkout-complete={(event) => event.detail.certificateId} />
      <aip-custom-order slot="custom-order" onaip-custom-order-submitted={(event) => event.detail.id} />
    </aip-persona-detail>
    <aip-license-picker persona="noor-haddad" value="exclusive" required onaip-license-change={(e) => e.detail.price} />
    <aip-price amount={4900} currency="USD" />
    <aip-price amount="4900" currency="USD" />
  </aip-storefront>
);

// @ts-expect-error page-size is a number
export const pageSizeObject = <aip-catalog page-size={{}} />;
// @ts-expect-error pageSize is a number
export const pageSizeWord = <aip-catalog pageSize="twelve" />;
// @ts-expect-error not a sort order
export const sortUnknown = <aip-catalog sort="random" />;
// @ts-expect-error data is a listing, not its id
export const dataString = <aip-persona-card data="noor-haddad" />;
// @ts-expect-error theme is light, dark or auto
export const themeUnknown = <aip-storefront theme="blue" />;
// @ts-expect-error an amount is a number, or its text
export const amountWord = <aip-price amount="many" />;
// @ts-expect-error no such property
export const misspelt = <aip-price amout={4900} />;
// @ts-expect-error the handler gets the typed event: a selection has no license
export const wrongDetail = <aip-catalog onaip-select={(event) => event.detail.license} />;

// Every aip-* element the library registers is typed.
type Registered = Extract<keyof HTMLElementTagNameMap, `aip-${string}`>;
type Untyped = Exclude<Registered, keyof JSX.IntrinsicElements>;
export const everyElementTyped: [Untyped] extends [never] ? true : Untyped = true;
