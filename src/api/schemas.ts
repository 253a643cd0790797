/**
 * The marketplace contract, once.
 *
 * Every shape the API sends or accepts is a valibot schema here. The
 * TypeScript types are inferred from them, the client validates every response
 * with them, the reference server validates every request with them, and the
 * committed OpenAPI document (`openapi.json`) is generated from them. Change a
 * shape here and all four follow; the drift test fails until `npm run openapi`
 * has rewritten the document.
 *
 * Response objects are open (`v.object`): unknown fields are dropped, so the
 * platform may add fields without breaking deployed embeds. Request bodies are
 * strict: a misspelt field is a 400, not a silently ignored wish.
 */
import * as v from 'valibot';

// ---------------------------------------------------------------------------
// Enumerations, shared by code, stories and tests.

/** The three license tiers, cheapest first. */
export const LICENSES = ['commercial', 'exclusive', 'ownership'] as const;
export type License = (typeof LICENSES)[number];

/** Content ratings, mildest first; the index is the rating's rank. */
export const CONTENT_RATINGS = ['general', 'suggestive', 'erotic', 'explicit'] as const;
export type ContentRating = (typeof CONTENT_RATINGS)[number];

/** A listing's licensing state. */
export const AVAILABILITIES = ['open', 'exclusive_active', 'assigned'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Catalog sort orders. */
export const SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type Sort = (typeof SORTS)[number];

/** Why a tier can't be bought right now. */
export const UNAVAILABLE_REASONS = [
  'exclusive_active',
  'requires_active_exclusive',
  'exclusive_holder_only',
  'assigned',
] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/**
 * Why an order ended without a sale: it `expired` unpaid, or it was rejected
 * because the tier could no longer be sold (a reason above), the persona was
 * withdrawn (`unpublished`), or, for an Exclusive, more Commercial licenses
 * were running than its quote said (`commercial_tail_grew`). A platform may
 * add codes; a client shows `failureReason` for one it does not know.
 */
export const ORDER_FAILURE_CODES = ['expired', ...UNAVAILABLE_REASONS, 'unpublished', 'commercial_tail_grew'] as const;
export type OrderFailureCode = (typeof ORDER_FAILURE_CODES)[number];
/** Why a rejected order could not be completed. */
export type RejectionCode = Exclude<OrderFailureCode, 'expired'>;

/** The marketplace's use-case taxonomy. */
export const USE_CASES = [
  'marketing_campaigns',
  'social_media',
  'customer_guidance',
  'ecommerce_visuals',
  'education_training',
  'creator_content',
  'subscription_platforms',
  'brand_ambassadors',
  'ai_media_production',
] as const;
export type UseCase = (typeof USE_CASES)[number];

/** Audience niches a persona is built for. */
export const NICHES = ['lifestyle', 'business', 'fashion', 'fitness', 'gaming', 'romance', 'adult'] as const;
export type Niche = (typeof NICHES)[number];

/** Order states, in the order an order moves through them. */
export const ORDER_STATUSES = ['awaiting_payment', 'confirming', 'completed', 'expired', 'rejected'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Kinds of custom work a buyer can ask a creator for. */
export const CUSTOM_ORDER_TYPES = [
  'product_in_scene',
  'seasonal_campaign',
  'new_background_or_outfit',
  'vertical_video',
  'social_sequence',
  'landing_page_visual',
  'other',
] as const;
export type CustomOrderType = (typeof CUSTOM_ORDER_TYPES)[number];

/** Error codes the API answers with, plus the ones the client makes itself. */
export const ERROR_CODES = [
  'invalid_request',
  'not_found',
  'conflict',
  'business_rule',
  'payload_too_large',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ServerErrorCode = (typeof ERROR_CODES)[number];

// ---------------------------------------------------------------------------
// Building blocks.

/** The form of ids and handles: lower-case slugs, safe in URLs and attributes. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Ids and handles. */
export const Slug = v.pipe(v.string(), v.regex(SLUG_PATTERN, 'must be a lower-case slug (a-z, 0-9, -)'));

/**
 * An absolute http(s) URL; anything else (javascript:, data:) is rejected, and
 * so is whitespace, which the parser would encode but a `srcset` reads as the
 * end of one candidate and the start of another.
 */
export const HttpUrl = v.pipe(
  v.string(),
  v.url('must be an absolute URL'),
  v.regex(/^https?:\/\/\S*$/, 'must be an http(s) URL without spaces'),
);

export const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));

const ShortText = v.pipe(v.string(), v.maxLength(200));

/** Integer minor units (cents). Never a float. */
export const MinorUnits = v.pipe(
  v.number(),
  v.integer('must be an integer amount of minor units'),
  v.minValue(0),
  v.maxValue(Number.MAX_SAFE_INTEGER),
);

export const CurrencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'));

/** Money: `{ amount: 29900, currency: "USD" }`, amount in minor units. */
export const MoneySchema = v.object({ amount: MinorUnits, currency: CurrencyCode });
export type Money = v.InferOutput<typeof MoneySchema>;

const Dimension = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20000));

/** An image with its intrinsic size, so the page can reserve its box. */
export const ImageSchema = v.object({
  url: HttpUrl,
  width: Dimension,
  height: Dimension,
  alt: v.pipe(v.string(), v.maxLength(500)),
  /** The same picture at other widths, for `<img srcset>`; absent when there is only one. */
  srcset: v.optional(v.array(v.object({ url: HttpUrl, width: Dimension }))),
});
export type Image = v.InferOutput<typeof ImageSchema>;

export const CreatorRefSchema = v.object({ handle: Slug, name: ShortText });
export type CreatorRef = v.InferOutput<typeof CreatorRefSchema>;

// ---------------------------------------------------------------------------
// Pricing policy.

export const TierRuleSchema = v.object({
  /** Applied to the Commercial price; up to 4 decimal places. */
  multiplier: v.pipe(v.number(), v.minValue(1), v.maxValue(1000)),
  /** The lowest price of the tier, minor units. */
  floor: MinorUnits,
  /** Prices round up to a multiple of this, minor units. */
  roundingStep: v.pipe(MinorUnits, v.minValue(1)),
});
export type TierRule = v.InferOutput<typeof TierRuleSchema>;

export const PricingPolicySchema = v.object({
  /** Changes whenever any figure changes. */
  version: ShortText,
  currency: CurrencyCode,
  /** The lowest Commercial price a creator may set, minor units. */
  minimumCommercialPrice: v.pipe(MinorUnits, v.minValue(1)),
  tiers: v.object({
    commercial: TierRuleSchema,
    exclusive: TierRuleSchema,
    ownership: TierRuleSchema,
  }),
});
export type PricingPolicy = v.InferOutput<typeof PricingPolicySchema>;

// ---------------------------------------------------------------------------
// Catalog and personas.

export const PersonaSummarySchema = v.object({
  id: Slug,
  name: ShortText,
  creator: CreatorRefSchema,
  titleImage: ImageSchema,
  niche: v.picklist(NICHES),
  tags: v.array(ShortText),
  useCases: v.array(v.picklist(USE_CASES)),
  contentRating: v.picklist(CONTENT_RATINGS),
  commercialPrice: MoneySchema,
  availability: v.picklist(AVAILABILITIES),
  /** When the active Exclusive ends (`exclusive_active` only), else null. */
  exclusiveUntil: v.nullable(Timestamp),
  publishedAt: Timestamp,
});
export type PersonaSummary = v.InferOutput<typeof PersonaSummarySchema>;

/**
 * The longest cursor the marketplace issues or takes. A cursor carries the last row's sort key: for the name
 * sort a name of up to 200 characters, which in UTF-8, as JSON and then base64url, can take most of this.
 */
export const CURSOR_MAX_LENGTH = 2048;

export const CatalogPageSchema = v.object({
  items: v.array(PersonaSummarySchema),
  nextCursor: v.nullable(v.pipe(v.string(), v.maxLength(CURSOR_MAX_LENGTH))),
});
export type CatalogPage = v.InferOutput<typeof CatalogPageSchema>;

export const PreviewSchema = v.variant('kind', [
  v.object({
    kind: v.literal('image'),
    url: HttpUrl,
    width: Dimension,
    height: Dimension,
    alt: v.pipe(v.string(), v.maxLength(500)),
  }),
  v.object({
    kind: v.literal('video'),
    url: HttpUrl,
    /** A still frame shown before playback. */
    poster: HttpUrl,
    width: Dimension,
    height: Dimension,
    durationSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(600)),
    alt: v.pipe(v.string(), v.maxLength(500)),
  }),
]);
export type Preview = v.InferOutput<typeof PreviewSchema>;

export const AgreementSchema = v.object({ version: ShortText, url: HttpUrl });

export const OfferSchema = v.object({
  license: v.picklist(LICENSES),
  price: MoneySchema,
  /** Months from the effective date; null for Ownership (no term). */
  termMonths: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  available: v.boolean(),
  reason: v.nullable(v.picklist(UNAVAILABLE_REASONS)),
  agreement: AgreementSchema,
});
export type Offer = v.InferOutput<typeof OfferSchema>;

/** Commercial licenses still running: what an Exclusive buyer must be told. */
export const CommercialTailSchema = v.object({
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the last of them expires; null when there are none. */
  until: v.nullable(Timestamp),
});
export type CommercialTail = v.InferOutput<typeof CommercialTailSchema>;

export const PersonaSchema = v.object({
  ...PersonaSummarySchema.entries,
  description: v.pipe(v.string(), v.maxLength(5000)),
  previews: v.array(PreviewSchema),
  deliverables: v.array(ShortText),
  offers: v.array(OfferSchema),
  commercialTail: CommercialTailSchema,
});
export type Persona = v.InferOutput<typeof PersonaSchema>;

export const CreatorSchema = v.object({
  handle: Slug,
  name: ShortText,
  bio: v.pipe(v.string(), v.maxLength(2000)),
  avatar: ImageSchema,
  /** The creator's own site, if they published one. */
  website: v.nullable(HttpUrl),
  publishedCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  joinedAt: Timestamp,
});
export type Creator = v.InferOutput<typeof CreatorSchema>;

// ---------------------------------------------------------------------------
// Catalog query: what `GET /v1/catalog` accepts. Query values arrive as
// strings, so numbers are parsed here; an unknown value is a 400.

const QueryInt = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min),
    v.maxValue(max),
  );

export const CatalogQuerySchema = v.strictObject({
  creator: v.optional(Slug),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  useCase: v.optional(v.picklist(USE_CASES)),
  tag: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40))),
  rating: v.optional(v.picklist(CONTENT_RATINGS), 'general'),
  availability: v.optional(v.picklist(AVAILABILITIES)),
  sort: v.optional(v.picklist(SORTS), 'newest'),
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(CURSOR_MAX_LENGTH))),
  limit: v.optional(QueryInt(1, 100), '24'),
});
export type CatalogQueryInput = v.InferInput<typeof CatalogQuerySchema>;
export type CatalogQuery = v.InferOutput<typeof CatalogQuerySchema>;

// ---------------------------------------------------------------------------
// Purchase: quotes, orders, certificates.

export const QuoteRequestSchema = v.strictObject({
  personaId: Slug,
  license: v.picklist(LICENSES),
  /**
   * Ownership only: who is asking, so the server can tell whether they hold
   * the active Exclusive (compared trimmed and case-insensitively). Ignored
   * for Commercial and Exclusive.
   */
  buyerEmail: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('must be an email address'))),
});
export type QuoteRequest = v.InferOutput<typeof QuoteRequestSchema>;

export const QuoteSchema = v.object({
  id: Slug,
  personaId: Slug,
  license: v.picklist(LICENSES),
  price: MoneySchema,
  expiresAt: Timestamp,
  /** Exclusive quotes only: the Commercial licenses running now, which the Exclusive would live with. */
  commercialTail: v.optional(CommercialTailSchema),
});
export type Quote = v.InferOutput<typeof QuoteSchema>;

export const BuyerSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('must be an email address')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(120)),
});
export type Buyer = v.InferOutput<typeof BuyerSchema>;

export const OrderRequestSchema = v.strictObject({
  quoteId: Slug,
  buyer: BuyerSchema,
  acceptedAgreement: v.strictObject({ license: v.picklist(LICENSES), version: ShortText }),
  /** Where the hosted checkout sends the buyer back to (redirect mode). */
  returnUrl: v.optional(HttpUrl),
});
export type OrderRequest = v.InferOutput<typeof OrderRequestSchema>;

export const OrderSchema = v.object({
  id: Slug,
  status: v.picklist(ORDER_STATUSES),
  license: v.picklist(LICENSES),
  personaId: Slug,
  price: MoneySchema,
  checkoutUrl: HttpUrl,
  certificateId: v.nullable(Slug),
  /** An unpaid order expires at this instant. */
  expiresAt: Timestamp,
  /**
   * Payment confirmations seen so far and how many complete the order (while
   * `confirming`, so a widget can show progress). Optional in the contract.
   */
  confirmations: v.optional(
    v.object({
      received: v.pipe(v.number(), v.integer(), v.minValue(0)),
      required: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  ),
  /** Why a `rejected` or `expired` order ended, in English words for the buyer. Optional in the contract. */
  failureReason: v.optional(v.nullable(ShortText)),
  /**
   * The same as data, so a client can say it in the buyer's language: a code
   * (one of `ORDER_FAILURE_CODES`, or a newer one) and whether the buyer's
   * payment had arrived and is returned in full (`refunded`) or nothing was
   * charged. Optional in the contract.
   */
  failure: v.optional(
    v.nullable(
      v.object({
        code: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lower-case code')),
        refunded: v.boolean(),
      }),
    ),
  ),
});
export type Order = v.InferOutput<typeof OrderSchema>;

/** The message the hosted checkout page posts to the page that opened it (to that page's origin only). */
export const CheckoutMessageSchema = v.object({
  type: v.literal('aip-checkout'),
  orderId: Slug,
  status: v.picklist(ORDER_STATUSES),
});
export type CheckoutMessage = v.InferOutput<typeof CheckoutMessageSchema>;

export const CertificateSchema = v.object({
  id: Slug,
  license: v.picklist(LICENSES),
  personaId: Slug,
  personaName: ShortText,
  buyer: v.object({ name: ShortText }),
  effectiveAt: Timestamp,
  expiresAt: v.nullable(Timestamp),
  rights: v.array(ShortText),
  /** A human-readable copy of the certificate on the platform. */
  url: HttpUrl,
});
export type Certificate = v.InferOutput<typeof CertificateSchema>;

// ---------------------------------------------------------------------------
// Custom orders.

export const CustomOrderRequestSchema = v.strictObject({
  personaId: Slug,
  buyer: BuyerSchema,
  type: v.picklist(CUSTOM_ORDER_TYPES),
  goal: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(2000)),
  channel: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200)),
  deliverableCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  formats: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be blank'), v.maxLength(40))),
    v.minLength(1),
    v.maxLength(10),
  ),
  references: v.optional(v.pipe(v.array(HttpUrl), v.maxLength(10)), []),
  mustAvoid: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
  deadline: v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)')),
  budget: MoneySchema,
  rating: v.picklist(CONTENT_RATINGS),
});
export type CustomOrderRequest = v.InferOutput<typeof CustomOrderRequestSchema>;

export const CustomOrderSchema = v.object({
  id: Slug,
  status: v.picklist(['submitted', 'in_review', 'accepted', 'declined']),
});
export type CustomOrder = v.InferOutput<typeof CustomOrderSchema>;

// ---------------------------------------------------------------------------
// Errors: one shape for every failure.

export const ErrorDetailSchema = v.object({
  /** Dotted path of the field at fault, e.g. `buyer.email` or `limit`. */
  field: v.string(),
  message: v.string(),
});
export type ErrorDetail = v.InferOutput<typeof ErrorDetailSchema>;

export const ErrorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    details: v.optional(v.array(ErrorDetailSchema)),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** Turns valibot issues into the `details` of a 400: which field, what is wrong. */
export function issueDetails(issues: readonly v.BaseIssue<unknown>[]): ErrorDetail[] {
  return issues.map((issue) => ({
    field: v.getDotPath(issue) ?? '(body)',
    message: issue.message,
  }));
}

/** Whether `value` is one of an enumeration's members (the `as const` arrays above). */
export function isOneOf<T extends string>(members: readonly T[], value: unknown): value is T {
  return (members as readonly unknown[]).includes(value);
}

/** The rank of a rating, for "at most" comparisons. */
export function ratingRank(rating: ContentRating): number {
  return CONTENT_RATINGS.indexOf(rating);
}

/**
 * `value` checked against a shape of the contract: its output (unknown fields
 * dropped), or the first problem in words, `path: message` (`what` stands in
 * for the path when the value itself is wrong). Responses, and the objects
 * hosts hand the elements, go through this one check.
 */
export function checkContract<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
  what: string,
): { ok: true; output: T } | { ok: false; problem: string } {
  let parsed;
  try {
    parsed = v.safeParse(schema, value);
  } catch (error) {
    // valibot walks its schemas with for…in, which a page script's enumerable additions to Object.prototype break.
    const added: string[] = [];
    for (const key in {}) added.push(key);
    const cause = added.length ? `a script on this page added ${added.join(', ')} to Object.prototype` : String(error);
    return { ok: false, problem: `${what} could not be checked: ${cause}` };
  }
  if (parsed.success) return { ok: true, output: parsed.output };
  const [issue] = parsed.issues;
  return { ok: false, problem: `${v.getDotPath(issue) ?? what}: ${issue.message}` };
}
