/**
 * A hostile catalog for the security tests: the demo seed cut down to a few
 * creators and personas, with markup, script URLs, attribute breakouts, CSS
 * injection, Unicode tricks and very long strings in every free-text field
 * the seed format lets through. Each payload, if it ever ran, would set
 * `window.__xss`.
 */
import seedJson from '../../server/seed/demo-catalog.json';

/** Payloads by kind; each would set `window.__xss` if a page ever treated it as markup, script or style. */
export const PAYLOADS = {
  script: '<script>window.__xss=true</script>',
  img: '<img src=x onerror="window.__xss=true">',
  svg: '<svg onload="window.__xss=true"><circle r="9"/></svg>',
  anchor: '<a href="javascript:window.__xss=true">open</a>',
  scriptUrl: 'javascript:window.__xss=true',
  iframe: '<iframe srcdoc="<script>parent.__xss=true</script>"></iframe>',
  scriptClose: '</script><script>window.__xss=true</script>',
  styleClose: '</style><style>*{background:url("javascript:window.__xss=true")}</style>',
  expression: 'x{width:expression(window.__xss=true)}',
  doubleQuote: '" onmouseover="window.__xss=true" data-x="',
  singleQuote: "' onfocus='window.__xss=true' autofocus x='",
  template: '${window.__xss=true} {{constructor.constructor("window.__xss=true")()}}',
  entities: '&lt;img src=x onerror=window.__xss=true&gt; &amp;amp; &#60;b&#62;',
  rtl: 'Mara \u202Egnp.exe\u202C Lindqvist',
  rtlOpen: 'Studio \u202Egro.elpmaxe',
  zeroWidth: 'No\u200Bor\u200D Ha\uFEFFddad\u2060',
  homoglyph: 'N\u043Eva \u0405tudio',
} as const;

export type PayloadKind = keyof typeof PAYLOADS;
export const PAYLOAD_LIST: readonly string[] = Object.values(PAYLOADS);

/** Every payload, one paragraph each (blank lines between), for long free-text fields. */
export const ALL_PAYLOADS_TEXT = PAYLOAD_LIST.join('\n\n');

/** One unbroken 200-character word: the longest name the format allows. */
export const LONG_NAME = `L${'W'.repeat(198)}L`;
/** A description at the format's 5 000-character limit, with no place to break a line. */
export const LONG_DESCRIPTION = `${'Z'.repeat(2000)}${PAYLOADS.script}${'Z'.repeat(5000 - 2000 - PAYLOADS.script.length)}`;

/** The creator's website: a homoglyph host and a query that tries to break out of the attribute. */
export const HOSTILE_WEBSITE = `https://n\u043Eva-studio.example/?q="><script>window.__xss=true</script>&x='onmouseover='`;

/** Private data that no public answer or page may ever show. */
export const PRIVATE = {
  email: 'private-nova-7f3c@creators.example',
  wallet: 'PRIVATE-WALLET-NOVA-93KD7XQ2',
  otherEmail: 'private-lumen-2b8e@creators.example',
  otherWallet: 'PRIVATE-WALLET-LUMEN-41PZ8MW6',
  buyerEmail: 'private-buyer-c41a@licensees.example',
} as const;

/** Personas of the hostile catalog, in the demo seed's order. */
export const HOSTILE_IDS = [
  'mara-lindqvist',
  'juno-okafor',
  'elio-marchetti',
  'sana-whitfield',
  'theo-brandt',
  'ines-caldera',
  'noor-haddad',
  'lena-voss',
  'amara-eze',
  'felix-hartmann',
] as const;

interface SeedPersona {
  id: string;
  creator: string;
  name: string;
  status: string;
  description: string;
  tags: string[];
  deliverables: string[];
  titleImage: { alt: string; width?: number; height?: number };
  previews: { width: number; height: number; alt: string }[];
  licenses?: { license: string; buyer: { name: string; email: string }; effectiveAt: string; expiresAt?: string }[];
  [key: string]: unknown;
}
interface SeedCreator {
  handle: string;
  name: string;
  bio?: string;
  website?: string | null;
  email: string;
  payoutWallet?: string | null;
  [key: string]: unknown;
}
export interface SeedDocument {
  version: 1;
  creators: SeedCreator[];
  personas: SeedPersona[];
  [key: string]: unknown;
}

/** Tags the format accepts (lower-case letters, digits, spaces, + & ' -) that still try something. */
const HOSTILE_TAGS = ["rock 'n' roll", 'r&b', 'a &lt b', "x' onmouseover", 'c++ & co'];

/** A fresh copy of the demo seed (tests change their copies). */
export function demoSeed(): SeedDocument {
  return structuredClone(seedJson) as unknown as SeedDocument;
}

/** The name of the persona at `index`: a payload each, the long word for one of them. */
export function hostileName(index: number): string {
  if (index === 3) return LONG_NAME;
  // The first one also leaves a right-to-left override open, to test that it can't reach the text around the name.
  if (index === 0) return `P0 ${PAYLOADS.script} ${PAYLOADS.rtlOpen}`;
  const payload = PAYLOAD_LIST[index % PAYLOAD_LIST.length];
  return `P${index} ${payload}`.slice(0, 200);
}

/** The hostile catalog: two creators, ten personas (one rated), payloads everywhere. */
export function hostileSeed(): SeedDocument {
  const seed = demoSeed();
  const keep = new Set<string>(HOSTILE_IDS);
  const personas = seed.personas.filter((p) => keep.has(p.id));
  const creators = seed.creators.filter((c) => c.handle === 'nova-studio' || c.handle === 'lumen-foundry');
  const [nova, lumen] = creators;
  Object.assign(nova, {
    name: `Nova ${PAYLOADS.img} ${PAYLOADS.rtlOpen}`,
    bio: ALL_PAYLOADS_TEXT.slice(0, 2000),
    website: HOSTILE_WEBSITE,
    email: PRIVATE.email,
    payoutWallet: PRIVATE.wallet,
  });
  Object.assign(lumen, {
    name: `${PAYLOADS.homoglyph} ${PAYLOADS.doubleQuote}`,
    bio: `${PAYLOADS.styleClose}\n\n${PAYLOADS.expression}\n\n${PAYLOADS.zeroWidth}`,
    website: 'https://lumen-foundry.example/"onmouseover="window.__xss=true',
    email: PRIVATE.otherEmail,
    payoutWallet: PRIVATE.otherWallet,
  });
  personas.forEach((p, i) => {
    const payload = (k: number) => PAYLOAD_LIST[(i + k) % PAYLOAD_LIST.length];
    p.name = hostileName(i);
    p.description = i === 1 ? LONG_DESCRIPTION : ALL_PAYLOADS_TEXT;
    p.tags = [...HOSTILE_TAGS.slice(i % 3, (i % 3) + 3), ...p.tags.slice(0, 2)];
    p.deliverables = [payload(1), payload(2), `${payload(3)} ${p.deliverables[0]}`.slice(0, 200)];
    p.titleImage = { ...p.titleImage, alt: `${payload(4)} ${payload(5)}`.slice(0, 500) };
    p.previews = p.previews.map((preview, k) => ({ ...preview, alt: payload(6 + k) }));
    for (const license of p.licenses ?? []) {
      license.buyer = { name: `${payload(9)}`.slice(0, 120), email: PRIVATE.buyerEmail };
    }
  });
  return { ...seed, description: 'Hostile catalog for the security tests', creators, personas };
}
