/** English: content ratings as labels, for the detail view and the custom-order brief. */
import type { Message } from '../../internal/i18n.js';

export default {
  'rating-label.general': 'General audiences',
  'rating-label.suggestive': 'Suggestive (18+)',
  'rating-label.erotic': 'Erotic (18+)',
  'rating-label.explicit': 'Explicit (18+)',
} satisfies Record<string, Message>;
