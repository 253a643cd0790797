import { define } from '../../internal/define.js';
import { AipPersonaCard } from './persona-card.js';

export { AipPersonaCard, CARD_LAYOUTS, type CardLayout } from './persona-card.js';

define('aip-persona-card', AipPersonaCard);

declare global {
  interface HTMLElementTagNameMap {
    'aip-persona-card': AipPersonaCard;
  }
}
