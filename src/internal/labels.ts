import { CUSTOM_ORDER_TYPES, type CustomOrderType, type PersonaSummary } from '../api/schemas.js';
import customOrder from '../locales/en/custom-order.js';
import type { CoreMessageId } from '../locales/ids.js';
import type { Translate } from './i18n.js';

/** The availability badge of a listing ("Exclusively licensed until …", "Assigned"), or null when it is open. */
export function availabilityBadge(
  p: PersonaSummary,
  formatDate: (iso: string) => string,
  t: Translate<CoreMessageId>,
): string | null {
  if (p.availability === 'assigned') return t('badge.assigned');
  if (p.availability !== 'exclusive_active') return null;
  return p.exclusiveUntil ? t('badge.exclusive-until', { date: formatDate(p.exclusiveUntil) }) : t('badge.exclusive');
}

/**
 * The kinds of custom work in English, by code (elements use their
 * storefront's language; this is for hosts and tests that want the source).
 */
export const CUSTOM_ORDER_TYPE_LABELS = /* @__PURE__ */ (() =>
  Object.fromEntries(CUSTOM_ORDER_TYPES.map((type) => [type, customOrder[`custom-order-type.${type}`]])) as Record<
    CustomOrderType,
    string
  >)();
