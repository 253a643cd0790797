/**
 * Builds the OpenAPI 3.1 document of the marketplace contract from the
 * valibot schemas in `schemas.ts`. `npm run openapi` writes it to
 * `openapi.json`; a test fails when the committed file and this function
 * disagree, so the document can't drift from the code.
 *
 * Not part of the library's runtime: nothing in `src/components` imports it.
 */
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import * as s from './schemas.js';

const components = {
  Money: s.MoneySchema,
  Image: s.ImageSchema,
  CreatorRef: s.CreatorRefSchema,
  TierRule: s.TierRuleSchema,
  PricingPolicy: s.PricingPolicySchema,
  PersonaSummary: s.PersonaSummarySchema,
  CatalogPage: s.CatalogPageSchema,
  Preview: s.PreviewSchema,
  Agreement: s.AgreementSchema,
  Offer: s.OfferSchema,
  CommercialTail: s.CommercialTailSchema,
  Persona: s.PersonaSchema,
  Creator: s.CreatorSchema,
  QuoteRequest: s.QuoteRequestSchema,
  Quote: s.QuoteSchema,
  Buyer: s.BuyerSchema,
  OrderRequest: s.OrderRequestSchema,
  Order: s.OrderSchema,
  Certificate: s.CertificateSchema,
  CustomOrderRequest: s.CustomOrderRequestSchema,
  CustomOrder: s.CustomOrderSchema,
  ErrorDetail: s.ErrorDetailSchema,
  ErrorBody: s.ErrorBodySchema,
} satisfies Record<string, v.GenericSchema>;

type ComponentName = keyof typeof components;

const config: ConversionConfig = {
  target: 'draft-2020-12',
  typeMode: 'output',
  // Trimming is a parsing step, not a constraint a JSON Schema can state.
  ignoreActions: ['trim'],
  definitions: components,
  overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
};

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

const json = (name: ComponentName) => ({ 'application/json': { schema: ref(name) } });

/** A read the marketplace tags with an `ETag`, and answers with 304 when `If-None-Match` still matches. */
const tagged = (description: string, name: ComponentName) => ({
  200: { description, headers: { ETag: { schema: { type: 'string' } } }, content: json(name) },
  304: { description: 'Not modified since the `If-None-Match` ETag' },
});

const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: json('ErrorBody') },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details` names each field at fault',
  404: 'No such published resource',
  409: 'Conflict, e.g. the tier was just sold exclusively; `details` names the reason',
  413: 'Request body too large',
  415: 'Request body compressed (`Content-Encoding`); send plain JSON',
  422: 'A business rule was broken',
  429: 'Too many requests; see `Retry-After`',
  500: 'The marketplace failed',
};

/** A schema for a parameter, without the `$schema` key a standalone conversion adds. */
function inline(schema: v.GenericSchema, typeMode: 'input' | 'output' = 'output') {
  const { $schema: _, ...rest } = toJsonSchema(schema, { target: 'draft-2020-12', typeMode, errorMode: 'ignore' });
  return rest;
}

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: inline(s.Slug),
});

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'Made once per attempt and reused on every retry; the same key never creates a second resource.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

const CATALOG_PARAM_DOCS: Record<keyof typeof s.CatalogQuerySchema.entries, string> = {
  creator: "Only this creator's listings (handle).",
  q: 'Free-text search over name, niche, tags and creator name.',
  useCase: 'Only listings for this use case.',
  tag: 'Only listings with this tag.',
  rating: 'The highest content rating included.',
  availability: 'Only listings in this licensing state; every state when absent.',
  sort: 'Order of the listings.',
  cursor: "Opaque: the previous page's `nextCursor`.",
  limit: 'Listings per page, 1–100.',
};

function catalogParameters() {
  return Object.entries(s.CatalogQuerySchema.entries).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: CATALOG_PARAM_DOCS[name as keyof typeof CATALOG_PARAM_DOCS],
    // Query values arrive as strings; the schema's parsing steps don't translate.
    schema: inline(schema, 'input'),
  }));
}

/** The whole contract as an OpenAPI 3.1 document. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'AI-People marketplace API (as used by aip-storefront)',
      version: '1.0.0',
      description:
        'Public listings, license offers, quotes, orders, certificates and custom orders. Money is integer minor units. ' +
        'Every error is `{error: {code, message, details?}}`. Every answer allows any origin (CORS, with ' +
        '`Idempotency-Key` and `If-None-Match` allowed and `ETag` and `Retry-After` exposed); a method a path does ' +
        'not take answers 405 with an `Allow` header.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'The reference marketplace (`npm run server`)' }],
    paths: {
      '/v1/pricing-policy': {
        get: {
          operationId: 'getPricingPolicy',
          summary: 'The pricing policy tier prices are computed from',
          responses: { ...tagged('The policy', 'PricingPolicy'), ...errorResponses(500) },
        },
      },
      '/v1/catalog': {
        get: {
          operationId: 'getCatalog',
          summary: 'A page of published listings',
          parameters: catalogParameters(),
          responses: {
            ...tagged('A page; `nextCursor` is null on the last one', 'CatalogPage'),
            ...errorResponses(400, 429, 500),
          },
        },
      },
      '/v1/personas/{id}': {
        get: {
          operationId: 'getPersona',
          summary: 'One published listing with its license offers',
          parameters: [pathParam('id', 'Listing id')],
          responses: {
            ...tagged('The listing', 'Persona'),
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/v1/creators/{handle}': {
        get: {
          operationId: 'getCreator',
          summary: "A creator's public profile",
          parameters: [pathParam('handle', 'Creator handle')],
          responses: {
            ...tagged('The profile', 'Creator'),
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/v1/quotes': {
        post: {
          operationId: 'createQuote',
          summary: 'An authoritative, expiring price for one tier',
          requestBody: { required: true, content: json('QuoteRequest') },
          responses: {
            201: { description: 'The quote', content: json('Quote') },
            ...errorResponses(400, 404, 409, 413, 415, 500),
          },
        },
      },
      '/v1/orders': {
        post: {
          operationId: 'createOrder',
          summary: 'An order for a quote, paid on the hosted checkout page',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json('OrderRequest') },
          responses: {
            201: { description: 'A new order', content: json('Order') },
            200: { description: 'The same order: the key was used before with the same body', content: json('Order') },
            ...errorResponses(400, 404, 409, 413, 415, 422, 500),
          },
        },
      },
      '/v1/orders/{id}': {
        get: {
          operationId: 'getOrder',
          summary: "An order's status, with its certificate once completed",
          parameters: [pathParam('id', 'Order id')],
          responses: { 200: { description: 'The order', content: json('Order') }, ...errorResponses(400, 404, 500) },
        },
      },
      '/v1/certificates/{id}': {
        get: {
          operationId: 'getCertificate',
          summary: 'A License Certificate',
          parameters: [pathParam('id', 'Certificate id')],
          responses: {
            ...tagged('The certificate', 'Certificate'),
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/v1/custom-orders': {
        post: {
          operationId: 'createCustomOrder',
          summary: 'A brief for custom work on a persona',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json('CustomOrderRequest') },
          responses: {
            201: { description: 'The request was received', content: json('CustomOrder') },
            200: {
              description: 'The same request: the key was used before with the same body',
              content: json('CustomOrder'),
            },
            ...errorResponses(400, 404, 413, 415, 422, 500),
          },
        },
      },
      '/v1/sandbox/orders/{id}/pay': {
        post: {
          operationId: 'sandboxPay',
          summary: 'Reference server, sandbox mode only: simulate the buyer paying',
          parameters: [pathParam('id', 'Order id')],
          responses: {
            200: { description: 'The order after payment', content: json('Order') },
            ...errorResponses(400, 404, 413, 415),
            409: {
              description:
                'Not awaiting payment; or `payment_pending`: another payment for the persona is being confirmed and ' +
                'decides this one, so try again after `Retry-After` seconds',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: json('ErrorBody'),
            },
          },
        },
      },
    },
    components: { schemas: toJsonSchemaDefs(components, config) },
  };
}
