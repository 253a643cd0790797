import { define } from '../../internal/define.js';
import { AipPersonaCard } from './persona-card.js';

export { AipPersonaCard, CARD_LAYOUTS, type CardLayout } from './persona-card.js';
// The event it fires, so that importing this entry alone types it on addEventListener.
export { AipSelectEvent, type AipSelectDetail } from '../../events/select.js';

define('aip-persona-card', AipPersonaCard);

declare global {
  interface HTMLElementTagNameMap {
    'aip-persona-card': AipPersonaCard;
  }
}
