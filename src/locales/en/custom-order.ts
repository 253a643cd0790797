/** English: `<aip-custom-order>` and the checks of its brief. */
import type { Message } from '../../internal/i18n.js';

export default {
  'custom-order.title': 'Request custom work',
  'custom-order.for': 'A brief for {name}, an AI-generated fictional persona by {creator}.',
  'custom-order.intro':
    'The creator reviews it on AI-People, the marketplace where this persona is sold. Nothing is charged now. All fields are required unless marked optional.',
  'custom-order.loading': 'Loading the custom-order form…',
  'custom-order.failed': 'The custom-order form could not be loaded.',
  'custom-order.gone': 'This persona is not listed on the marketplace, so custom work for it cannot be requested.',
  'custom-order.not-shown': 'This persona is not shown on this site.',
  'custom-order.optional': '(optional)',
  'custom-order.error': 'Error:',
  'custom-order.summary': { one: 'One field needs attention', other: '{count} fields need attention' },

  // The kinds of custom work.
  'custom-order-type.product_in_scene': 'Product in scene',
  'custom-order-type.seasonal_campaign': 'Seasonal campaign',
  'custom-order-type.new_background_or_outfit': 'New background or outfit',
  'custom-order-type.vertical_video': 'Vertical video',
  'custom-order-type.social_sequence': 'Social media sequence',
  'custom-order-type.landing_page_visual': 'Landing-page visual',
  'custom-order-type.other': 'Other',

  // Field names, as the summary and the marketplace's messages use them.
  'field.type': 'Kind of work',
  'field.goal': 'Goal',
  'field.channel': 'Channel',
  'field.deliverableCount': 'Number of deliverables',
  'field.formats': 'Formats',
  'field.references': 'Reference links',
  'field.mustAvoid': 'Must avoid',
  'field.deadline': 'Deadline',
  'field.budget': 'Budget',
  'field.rating': 'Content rating',
  'field.buyer.name': 'Your name',
  'field.buyer.email': 'Your email',
  // A field the marketplace refused; {detail} is the marketplace's own words.
  'custom-order.server-field': '{field} {detail}.',

  // The form.
  'custom-order.work': 'The work',
  'custom-order.goal-hint': 'What should the work achieve, and for whom? Mention the product or message it carries.',
  'custom-order.channel-hint': 'Where it will appear: Instagram, a landing page, a newsletter…',
  'custom-order.count-hint': '{min} to {max}.',
  'custom-order.formats-hint': 'Choose every aspect ratio you need.',
  'ratio.1:1': 'square',
  'ratio.4:5': 'portrait',
  'ratio.9:16': 'vertical, for stories and reels',
  'ratio.16:9': 'landscape',
  'custom-order.other-format': 'Another format',
  'custom-order.other-format-placeholder': 'e.g. 3:2 print',
  'custom-order.references-hint': 'Up to {max} web addresses (http:// or https://), one per line.',
  'custom-order.must-avoid-hint': 'Anything the work must not show or say: competitors, colours, poses, claims.',
  'custom-order.terms': 'Timing and budget',
  'custom-order.deadline-hint': 'The day you need the finished work.',
  'custom-order.budget': 'Budget (US dollars)',
  'custom-order.budget-hint': 'What you expect to spend in total. The creator confirms the price.',
  'custom-order.rating-hint': 'Up to {rating}, the rating of {name}.',
  'custom-order.rating-general': '{name} is rated for general audiences, so the work will be too.',
  'custom-order.buyer': 'Your details',
  'custom-order.buyer-hint': 'The platform uses these to reply. They are not passed on to the creator.',
  'custom-order.submit': 'Send brief',
  'custom-order.sending': 'Sending brief…',
  'custom-order.sending-announcement': 'Sending your brief…',

  // Why a brief could not be sent.
  'custom-order.once': 'Sending it again is safe: the brief is filed only once.',
  'custom-order.send-gone':
    "{name} is no longer listed, so it can't take custom orders. Your brief is still here if you want to copy it.",
  'custom-order.busy-wait': 'The marketplace is busy. Try again in {wait}.',
  'custom-order.busy': 'The marketplace was busy. You can send it again now.',
  'custom-order.network':
    'No answer came from the marketplace, so the brief may not have been filed. Check your connection and try again.',
  'custom-order.offline':
    "You're offline, so the brief may not have been filed. Send it again once you're back online.",
  'custom-order.timeout': 'The marketplace did not answer in time, so the brief may or may not have arrived.',
  'custom-order.refused': 'The marketplace could not accept this brief: {message}. Review it and send it again.',
  'custom-order.too-large': 'The brief is too long to send. Shorten the goal or the must-avoid list and send it again.',
  'custom-order.invalid': 'The marketplace did not accept the brief: {message}.',
  'custom-order.problem': 'The marketplace had a problem, so the brief may not have been filed.',

  // The confirmation.
  'custom-order.sent': 'Brief sent',
  'custom-order.changes-not-sent':
    'This is the brief as you first sent it: it reached the marketplace before your changes. “Send another brief” starts from your changed version.',
  'custom-order.request-number':
    'Your request number is {id}. Quote it whenever you contact the platform about this brief.',
  'custom-order.persona': 'Persona',
  'custom-order.persona-by': '{name} by {creator}',
  'custom-order.deliverables': 'Deliverables',
  'custom-order.replies': 'Replies go to',
  'custom-order.next': 'What happens next',
  'custom-order.next-1':
    '{creator} reviews the brief on the platform and answers there: taking it on, asking about details, or declining.',
  'custom-order.next-2':
    'If the work goes ahead, the platform confirms the scope and price with you, takes the payment and delivers the materials. Nothing has been charged yet.',
  'custom-order.next-3':
    'The finished materials come with a perpetual Custom Materials License for the use you described.',
  'custom-order.next-4':
    "Contact details stay private on both sides: the creator doesn't receive yours and you don't receive theirs. Every message goes through the platform.",
  'custom-order.new': 'Send another brief',

  // What to fix in a field, from the check of the brief.
  'brief.type': 'Choose the kind of work you need.',
  'brief.goal': 'Describe what the work should achieve.',
  'brief.goal-long': 'Keep the goal to 2,000 characters or fewer.',
  'brief.channel': 'Say where the work will be used, such as Instagram or a landing page.',
  'brief.channel-long': 'Keep the channel to 200 characters or fewer.',
  'brief.count': 'Enter a whole number of deliverables from 1 to 100.',
  'brief.formats': 'Choose at least one format, or describe your own.',
  'brief.references-many': 'Add at most {max} links (there are {count}).',
  'brief.reference-line': 'Line {line} is not a web address starting with http:// or https://.',
  'brief.reference': 'A link is not a web address starting with http:// or https://.',
  'brief.must-avoid-long': 'Keep the must-avoid list to 2,000 characters or fewer.',
  'brief.deadline': 'Choose the date you need the work by.',
  'brief.deadline-past': 'Choose today or a later date.',
  'brief.budget': 'Enter your budget in US dollars.',
  'brief.budget-format': 'Enter the budget as an amount in US dollars, such as {small} or {large}.',
  'brief.budget-zero': 'Enter a budget above zero.',
  'brief.rating': "Choose a rating up to this persona's own.",
  'brief.name': 'Enter your name.',
  'brief.name-long': 'Keep your name to 120 characters or fewer.',
  'brief.email': 'Enter your email address.',
  'brief.email-invalid': 'Enter an email address such as name@example.com.',
} satisfies Record<string, Message>;
