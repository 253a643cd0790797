import type { PersonaSummary } from '../api/schemas.js';
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
