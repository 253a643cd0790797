/**
 * The custom-order brief as the buyer types it, and its check: what the form
 * holds (strings, as typed), how it becomes the contract's request, and what
 * to say next to each field when it can't. Pure: no DOM, no Lit.
 */
import * as v from 'valibot';
import {
  CustomOrderRequestSchema,
  isOneOf,
  ratingRank,
  type ContentRating,
  type CustomOrderRequest,
  type CustomOrderType,
} from '../../api/schemas.js';

/** The aspect ratios offered as checkboxes, sent as written. */
export const ASPECT_RATIOS = ['1:1', '4:5', '9:16', '16:9'] as const;

/** The contract's limit on reference links. */
export const MAX_REFERENCES = 10;

/** The brief's fields in the order the form shows them; names are the request's dotted paths. */
export const FIELDS = [
  'type',
  'goal',
  'channel',
  'deliverableCount',
  'formats',
  'references',
  'mustAvoid',
  'deadline',
  'budget',
  'rating',
  'buyer.name',
  'buyer.email',
] as const;
export type Field = (typeof FIELDS)[number];

/** Everything the buyer has entered, as entered. */
export interface Draft {
  type: CustomOrderType | '';
  goal: string;
  channel: string;
  /** The deliverable count as typed. */
  count: string;
  /** Checked aspect ratios. */
  formats: string[];
  /** A format of the buyer's own words, added to `formats` when not empty. */
  otherFormat: string;
  /** Reference links, one per line. */
  references: string;
  mustAvoid: string;
  /** `YYYY-MM-DD`, as a date input gives it, or empty. */
  deadline: string;
  /** US dollars as typed: `250`, `1,250.50`. */
  budget: string;
  rating: ContentRating;
  name: string;
  email: string;
}

/** A new brief; the buyer's own details can be carried over from the last one. */
export function emptyDraft(buyer: Pick<Draft, 'name' | 'email'> = { name: '', email: '' }): Draft {
  return {
    type: '',
    goal: '',
    channel: '',
    count: '1',
    formats: [],
    otherFormat: '',
    references: '',
    mustAvoid: '',
    deadline: '',
    budget: '',
    rating: 'general',
    ...buyer,
  };
}

/** The form field a request path (`buyer.email`, `budget.amount`, `references.2`) belongs to, or null. */
export function fieldOf(path: string): Field | null {
  const [head = '', next = ''] = path.split('.');
  const key = head === 'buyer' ? `buyer.${next}` : head;
  return isOneOf(FIELDS, key) ? key : null;
}

/**
 * Dollars as typed to integer cents, read from the string (never through a
 * float): `1,250.5` → 125050. Null when it isn't an amount.
 */
export function parseDollars(text: string): number | null {
  const match = /^\$?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/[\s,]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const isoDay = (d: Date, utc: boolean) =>
  [
    utc ? d.getUTCFullYear() : d.getFullYear(),
    (utc ? d.getUTCMonth() : d.getMonth()) + 1,
    utc ? d.getUTCDate() : d.getDate(),
  ]
    .map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
    .join('-');

/**
 * The earliest deadline to offer: today where the buyer is, or the
 * marketplace's today (UTC) when that is already later, since a day the
 * server counts as past would only come back as an error.
 */
export function earliestDeadline(now = new Date()): string {
  const local = isoDay(now, false);
  const utc = isoDay(now, true);
  return local > utc ? local : utc;
}

/** The reference lines that hold something, with their line numbers (1-based). */
function referenceLines(text: string): { url: string; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((url, i) => ({ url: url.trim(), line: i + 1 }))
    .filter((r) => r.url !== '');
}

/** The result of checking a draft: the request to send, or a message per field at fault. */
export interface Checked {
  request: CustomOrderRequest | null;
  errors: Partial<Record<Field, string>>;
}

/**
 * Checks a draft with the contract's schema plus the rules the platform adds
 * (a deadline from `earliest` on, a budget above zero, a rating no higher than
 * `cap`) and words a message for each field at fault.
 */
export function checkBrief(draft: Draft, personaId: string, cap: ContentRating, earliest: string): Checked {
  const refs = referenceLines(draft.references);
  const cents = parseDollars(draft.budget);
  const other = draft.otherFormat.trim();
  const candidate = {
    personaId,
    buyer: { name: draft.name, email: draft.email },
    type: draft.type,
    goal: draft.goal,
    channel: draft.channel,
    // NaN fails the schema's number check; the message below says why.
    deliverableCount: /^\s*\d{1,3}\s*$/.test(draft.count) ? Number(draft.count) : NaN,
    formats: other ? [...draft.formats, other] : draft.formats,
    references: refs.map((r) => r.url),
    mustAvoid: draft.mustAvoid.trim(),
    deadline: draft.deadline,
    budget: { amount: cents ?? NaN, currency: 'USD' },
    rating: draft.rating,
  };
  const parsed = v.safeParse(CustomOrderRequestSchema, candidate);
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.success ? [] : parsed.issues) {
    const path = v.getDotPath(issue) ?? '';
    const field = fieldOf(path);
    if (field && !errors[field]) errors[field] = message(field, path, draft, refs, cents);
  }
  // The platform's own rules, checked whatever else is wrong. (Plain code
  // rather than valibot actions: those would be bundled into the catalog path.)
  const rules: [Field, boolean][] = [
    ['deadline', draft.deadline !== '' && draft.deadline < earliest],
    ['budget', cents === 0],
    ['rating', ratingRank(draft.rating) > ratingRank(cap)],
  ];
  for (const [field, broken] of rules) {
    if (broken && !errors[field]) errors[field] = message(field, field, draft, refs, cents);
  }
  const valid = parsed.success && Object.keys(errors).length === 0;
  return { request: valid ? parsed.output : null, errors };
}

/** What to tell the buyer about a field the check refused, in the form's words. */
function message(
  field: Field,
  path: string,
  draft: Draft,
  refs: { url: string; line: number }[],
  cents: number | null,
): string {
  switch (field) {
    case 'type':
      return 'Choose the kind of work you need.';
    case 'goal':
      return draft.goal.trim() ? 'Keep the goal under 2,000 characters.' : 'Describe what the work should achieve.';
    case 'channel':
      return draft.channel.trim()
        ? 'Keep the channel under 200 characters.'
        : 'Say where the work will be used, such as Instagram or a landing page.';
    case 'deliverableCount':
      return 'Enter a whole number of deliverables from 1 to 100.';
    case 'formats':
      return 'Choose at least one format, or describe your own.';
    case 'references': {
      if (refs.length > MAX_REFERENCES) return `Add at most ${MAX_REFERENCES} links (there are ${refs.length}).`;
      const index = Number(path.split('.')[1]);
      const line = refs[index]?.line;
      return `${line ? `Line ${line}` : 'A link'} is not a web address starting with http:// or https://.`;
    }
    case 'mustAvoid':
      return 'Keep the must-avoid list under 2,000 characters.';
    case 'deadline':
      return draft.deadline ? 'Choose today or a later date.' : 'Choose the date you need the work by.';
    case 'budget':
      if (!draft.budget.trim()) return 'Enter your budget in US dollars.';
      return cents === null
        ? 'Enter the budget as an amount in US dollars, such as 250 or 1,250.50.'
        : 'Enter a budget above zero.';
    case 'rating':
      return "Choose a rating up to this persona's own.";
    case 'buyer.name':
      return draft.name.trim() ? 'Keep your name under 120 characters.' : 'Enter your name.';
    case 'buyer.email':
      return draft.email.trim() ? 'Enter an email address such as name@example.com.' : 'Enter your email address.';
  }
}
