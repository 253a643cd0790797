/** English: `<aip-checkout>`. */
import type { Message } from '../../internal/i18n.js';

export default {
  'checkout.title': 'Checkout',
  'checkout.failed': 'The checkout could not be loaded.',
  'checkout.choose-persona': 'Choose a persona to check out.',
  'checkout.choose-license': 'Choose a license to check out.',
  'checkout.resuming': 'Checking your order…',
  'checkout.steps': 'Checkout steps',
  'checkout.step-details': 'Your details',
  'checkout.step-payment': 'Payment',
  'checkout.step-certificate': 'Certificate',
  'checkout.persona': 'Persona',
  'checkout.license': 'License',
  'checkout.term': 'Term',
  'checkout.price': 'Price',
  'checkout.buy': 'Buy {license}',
  'checkout.not-available': 'Not available',
  // Ownership while an Exclusive is in force: the marketplace checks the email against the Exclusive's holder.
  'checkout.holder-only':
    'Only the buyer who holds the Exclusive License in force can buy Ownership / Assignment. If that is you, go on with the email it was issued to.',
  'checkout.holder-email-hint': 'The email your Exclusive License was issued to.',
  'checkout.not-holder-email':
    "This email doesn't hold the Exclusive License in force. Use the email it was issued to.",

  // The buyer's details.
  'checkout.name': 'Full name',
  'checkout.name-hint': 'The certificate is issued in this name.',
  'checkout.email': 'Email',
  'checkout.name-invalid': 'Enter your full name.',
  'checkout.email-invalid': 'Enter an email address, like name@example.com.',
  'checkout.agree-invalid': 'Accept the license agreement to continue.',
  'checkout.accept': 'I accept the {agreement} (version {version}).',
  'checkout.agreement': '{license} agreement',
  'checkout.final': 'All sales are final.',
  'checkout.final-detail':
    "Once payment completes, the license can't be cancelled or refunded. You pay on the platform's secure checkout; prices are in US dollars.",
  'checkout.submit': 'Continue to payment',
  'checkout.quoting': 'Getting your price…',
  'checkout.ordering': 'Creating your order…',
  'checkout.attention': 'Some details need your attention.',
  // A field the marketplace refused; {detail} is the marketplace's own words.
  'checkout.server-name': 'Name {detail}.',
  'checkout.server-email': 'Email {detail}.',

  // The server's quote differs from the price shown.
  'checkout.price-changed': 'The price has changed.',
  // An Exclusive quote found more Commercial licenses running than the buyer was shown; the new tail follows.
  'checkout.terms-changed': 'What comes with this license has changed.',
  'checkout.tail-changed': 'More Commercial licenses were sold since you chose.',
  'checkout.tail-now': 'More Commercial licenses are running now. Confirm to continue.',
  'checkout.now-costs': 'This license now costs {price}, not {shown} as shown before.',
  'checkout.now-costs-only': 'This license now costs {price}.',
  'checkout.charges-new': 'The platform charges the new price.',
  'checkout.held': 'This price is held until {date} at {time}.',
  'checkout.held-until': 'This price was held until {date} at {time}. Get a new price to go on.',
  'checkout.hold-ended': 'The price held for you has expired. Get a new price to go on.',
  'checkout.continue-at': 'Continue at {price}',
  'checkout.price-now': 'The price is now {price}. Confirm to continue.',

  // Paying on the platform's hosted page.
  'checkout.secure': 'Secure checkout',
  'checkout.frame': 'Payment for {persona}, {license}',
  'checkout.order-created': 'Order created. Complete the payment on the secure checkout.',
  'checkout.waiting': 'Waiting for your payment of {price}.',
  'checkout.waiting-detail': "Complete it on the platform's secure checkout. This order is held until {time}.",
  'checkout.popup-blocked': 'Your browser blocked the payment window.',
  'checkout.open': 'Open the secure checkout',
  'checkout.new-tab': '(opens in a new tab)',
  'checkout.return': 'Return to payment',
  'checkout.poll-failed': "We couldn't check the payment status ({cause}). Trying again in {wait}.",
  'checkout.received': 'Payment received. Confirming it on the network…',
  'checkout.confirming': 'Payment received. Confirming…',
  'checkout.confirming-count': 'Payment received. Confirming: {received} of {required}.',
  'checkout.confirmations-label': 'Payment confirmations',
  'checkout.confirmations': '{received} of {required} confirmations',

  // The License Certificate.
  'checkout.certificate': 'License Certificate',
  'checkout.complete': 'Payment complete. Your {license} for {persona} is active.',
  'checkout.complete-short': 'Payment complete. Your license is active.',
  'checkout.licensed-to': 'Licensed to',
  'checkout.effective': 'Effective',
  'checkout.expires': 'Expires',
  'checkout.no-expiry': 'No expiry (rights assigned)',
  'checkout.paid': 'Price paid',
  'checkout.certificate-id': 'Certificate ID',
  'checkout.view-certificate': 'View the certificate',
  'checkout.buy-another': 'Buy another license',
  'checkout.certificate-loading': 'Loading the certificate…',

  // Problems and what to do about them; {cause} says what failed.
  'checkout.expired': 'This order expired before payment arrived.',
  'checkout.rejected': 'The platform did not accept this payment.',
  'checkout.not-charged': '{reason} Nothing was charged.',
  'checkout.refunded': '{reason} Your payment is returned in full.',
  // Why the platform ended an order ({time}: when an unpaid order's hold ran out).
  'checkout.failed.expired': 'This order was held until {time} and expired before payment arrived.',
  'checkout.failed.exclusive-active':
    "Another buyer's Exclusive License took effect first, so this license can't be issued.",
  'checkout.failed.assigned':
    'Another buyer bought Ownership / Assignment of this persona first, so no license can be issued.',
  'checkout.failed.not-holder':
    'Ownership / Assignment needs the Exclusive License in force, and you no longer hold it.',
  'checkout.failed.unpublished': 'The persona was withdrawn from sale first, so no license can be issued.',
  'checkout.failed.tail-grew':
    'Another Commercial License was sold first. It would run beside this Exclusive License, which was offered without it.',
  'checkout.certificate-failed': 'Your payment is complete, but the certificate could not be loaded ({cause}).',
  'checkout.resume-failed': "We couldn't check your order ({cause}).",
  'checkout.tier-gone': "This license can't be bought any more. {reason}. The license options have been updated.",
  'checkout.quote-expired': 'Your price quote expired before the order was placed. Nothing was charged.',
  'checkout.agreement-changed': 'The license agreement was updated. Please read and accept the current version.',
  'checkout.quote-gone': 'Your price quote is no longer on file. Nothing was charged.',
  'checkout.persona-gone': 'This persona is no longer listed. Nothing was charged.',
  'checkout.wait': 'Please wait {wait} before trying again.',
  'checkout.order-unconfirmed': "We couldn't confirm that your order was created ({cause}).",
  'checkout.retry-safe': 'Trying again is safe: it cannot create a second order.',
  'checkout.order-failed': 'Your order was not created ({cause}).',
  'checkout.quote-failed': "We couldn't get the price for this license ({cause}).",
  'checkout.requote': 'Get a new price',
  'checkout.restart': 'Start again',
  'checkout.choose': 'Choose another license',
  'checkout.retry-certificate': 'Load the certificate again',
  'checkout.retry-resume': 'Check again',
  // Failures the browser saw itself, in the buyer's words: the client's own (for integrators) can name a URL.
  'cause.network': 'the marketplace could not be reached',
  'cause.offline': "you're offline",
  'cause.timeout': 'the marketplace did not answer in time',
  // Never the client's words here: they name the validator's findings, which mean nothing to a buyer.
  'cause.busy': 'the marketplace is busy',
  'cause.unavailable': 'the marketplace is unavailable right now',
  'cause.problem': 'the marketplace had a problem',
  'cause.malformed': 'the marketplace sent an answer that could not be read',
} satisfies Record<string, Message>;
