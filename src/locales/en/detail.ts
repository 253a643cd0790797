/** English: `<aip-persona-detail>`. */
import type { Message } from '../../internal/i18n.js';

export default {
  'detail.loading': 'Loading persona…',
  'age.text-media':
    '{name} is rated {rating}. Confirm that you are 18 or older to see rated images and videos for the rest of this browsing session.',
  // What a screen reader calls a slide and the gallery (aria-roledescription).
  'detail.slide-role': 'slide',
  'detail.gallery-role': 'carousel',
  'detail.gallery': 'Previews of {name}',
  'detail.slides': 'Slides',
  'detail.slides-hint': 'Slides: use the arrow keys to move between previews',
  'detail.slide': '{index} of {count}',
  'detail.previous': 'Previous preview',
  'detail.next': 'Next preview',
  'detail.thumbnail': 'Preview {index} of {count}',
  'detail.thumbnail-video': 'Preview {index} of {count} (video)',
  'detail.position': '{index} of {count}',
  // Said when the slide shown changes: the position and what the slide shows.
  'detail.position-said': '{index} of {count}: {alt}',
  'detail.cover': 'Rated {rating}: previews are hidden until you confirm your age.',
  'detail.cover-button': '18+ — Show previews',
  'detail.about': 'About {name}',
  'detail.use-cases': 'Use cases',
  'detail.deliverables': 'What you get',
  'detail.creator': 'About the creator',
  'detail.published': { one: '{count} persona published', other: '{count} personas published' },
  'detail.joined': 'Joined {date}',
  'detail.website': "(creator's website, opens in a new tab)",
  'detail.creator-failed': "The creator's profile could not be loaded.",
} satisfies Record<string, Message>;
