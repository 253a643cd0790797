/**
 * The custom-order brief as the buyer types it, and its check: what the form
 * holds (strings, as typed), how it becomes the contract's request, and what
 * to say next to each field when it can't. Pure: no DOM, no Lit.
 */
import * as v from 'valibot';
import type { Translate } from '../../internal/i18n.js';
import type customOrder from '../../locales/en/custom-order.js';
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

/** Texts of the brief's checks, in the buyer's language. */
export type BriefTranslate = Translate<keyof typeof customOrder>;

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

/** How `locale` writes numbers: its digit-group and decimal separators, and its own digits by their ASCII value. */
interface NumberSymbols {
  group: string;
  decimal: string;
  /** `٣` → `3` in `ar-EG`; empty where the digits are 0–9 already. */
  digits: ReadonlyMap<string, string>;
}

const symbols = new Map<string, NumberSymbols>();

/** `,` and `.` in English, `.` and `,` in German, `٬` and `٫` with Arabic-Indic digits in `ar-EG`; worked out once per locale. */
function numberSymbols(locale: string): NumberSymbols {
  let found = symbols.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
    const own = new Intl.NumberFormat(locale, { useGrouping: false }).format(1234567890);
    const digits = new Map([...own].map((c, i) => [c, '1234567890'[i]!] as const).filter(([c, d]) => c !== d));
    found = { group: part('group', ','), decimal: part('decimal', '.'), digits };
    symbols.set(locale, found);
  }
  return found;
}

/**
 * Dollars as typed to integer cents, read from the string (never through a
 * float), with `locale`'s separators: `1,250.5` → 125050 in English, `1.250,5`
 * in German. A lone group separator followed by one or two digits at the end
 * is taken for a decimal point (`250.50` in German, `250,50` in English), as
 * the buyer surely meant. The locale's own digits count (`١٬٢٥٠٫٥٠` in
 * Egyptian Arabic). Null when it isn't an amount.
 */
export function parseDollars(text: string, locale = 'en'): number | null {
  const { group, decimal, digits } = numberSymbols(locale);
  // Spaces and the direction marks a right-to-left amount carries go; the locale's own digits read as 0–9.
  let amount = [...text.replace(/[\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/^\$/, '')]
    .map((c) => digits.get(c) ?? c)
    .join('');
  const groups = amount.split(group).length - 1;
  const lastGroup = amount.lastIndexOf(group);
  const decimalLike = !amount.includes(decimal) && groups === 1 && /^\d{1,2}$/.test(amount.slice(lastGroup + 1));
  if (!decimalLike) amount = amount.split(group).join('');
  amount = amount.replace(decimalLike ? group : decimal, '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(amount);
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
 * `cap`) and words a message for each field at fault with `t`; amounts are
 * read and written in `t`'s `locale`.
 */
export function checkBrief(
  draft: Draft,
  personaId: string,
  cap: ContentRating,
  earliest: string,
  t: BriefTranslate,
  locale = 'en',
): Checked {
  const refs = referenceLines(draft.references);
  const cents = parseDollars(draft.budget, locale);
  const say = (field: Field, path: string) => message(t, locale, field, path, draft, refs, cents);
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
    if (field && !errors[field]) errors[field] = say(field, path);
  }
  // The platform's own rules, checked whatever else is wrong. (Plain code
  // rather than valibot actions: those would be bundled into the catalog path.)
  const rules: [Field, boolean][] = [
    ['deadline', draft.deadline !== '' && draft.deadline < earliest],
    ['budget', cents === 0],
    ['rating', ratingRank(draft.rating) > ratingRank(cap)],
  ];
  for (const [field, broken] of rules) {
    if (broken && !errors[field]) errors[field] = say(field, field);
  }
  const valid = parsed.success && Object.keys(errors).length === 0;
  return { request: valid ? parsed.output : null, errors };
}

/** What to tell the buyer about a field the check refused, in the form's words. */
function message(
  t: BriefTranslate,
  locale: string,
  field: Field,
  path: string,
  draft: Draft,
  refs: { url: string; line: number }[],
  cents: number | null,
): string {
  switch (field) {
    case 'type':
      return t('brief.type');
    case 'goal':
      return t(draft.goal.trim() ? 'brief.goal-long' : 'brief.goal');
    case 'channel':
      return t(draft.channel.trim() ? 'brief.channel-long' : 'brief.channel');
    case 'deliverableCount':
      return t('brief.count');
    case 'formats':
      return t('brief.formats');
    case 'references': {
      if (refs.length > MAX_REFERENCES) return t('brief.references-many', { max: MAX_REFERENCES, count: refs.length });
      const index = Number(path.split('.')[1]);
      const line = refs[index]?.line;
      return line ? t('brief.reference-line', { line }) : t('brief.reference');
    }
    case 'mustAvoid':
      return t('brief.must-avoid-long');
    case 'deadline':
      return t(draft.deadline ? 'brief.deadline-past' : 'brief.deadline');
    case 'budget': {
      if (!draft.budget.trim()) return t('brief.budget');
      if (cents !== null) return t('brief.budget-zero');
      const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 });
      return t('brief.budget-format', { small: 250, large: decimals.format(1250.5) });
    }
    case 'rating':
      return t('brief.rating');
    case 'buyer.name':
      return t(draft.name.trim() ? 'brief.name-long' : 'brief.name');
    case 'buyer.email':
      return t(draft.email.trim() ? 'brief.email-invalid' : 'brief.email');
  }
}
