/**
 * The docs tables of each element, from `custom-elements.json`.
 *
 * Storybook's web-components extractor keys every row by its bare name in one
 * object, so a part named like a slot or an attribute replaces it (the
 * detail's `license`, `checkout` and `custom-order` slots, the custom order's
 * `persona` attribute); it also drops the unnamed default slot and lists
 * private members as properties. This one keys each row by its category, so
 * every attribute, public property, event, slot, CSS custom property and CSS
 * part of the manifest appears once, in its section.
 *
 * Attributes keep their plain names as keys, since stories' args are
 * attribute names and get their descriptions from these rows. Everything
 * that is not an attribute or a property gets no control: setting it would
 * do nothing.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import type { SBType } from 'storybook/internal/types';
import manifest from '../custom-elements.json';
import { DARK_TOKENS, TOKENS, type TokenName } from '../src/styles/tokens.js';

interface Typed {
  name: string;
  description?: string;
  type?: { text?: string };
  /** The type with its aliases spelled out (`CardLayout`: 'vertical' | 'horizontal' | 'compact'), on attributes. */
  parsedType?: { text?: string };
  default?: string;
}

interface Member extends Typed {
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

interface Attribute extends Typed {
  fieldName?: string;
}

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: Attribute[];
  events?: Typed[];
  slots?: Typed[];
  cssProperties?: Typed[];
  cssParts?: Typed[];
}

interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

type Category =
  | 'attributes'
  | 'properties'
  | 'events'
  | 'slots'
  | 'css custom properties'
  | 'css shadow parts'
  | typeof SHARED_TOKENS;

/** The docs-table section of the `--aip-*` tokens every element is styled by, after its own API. */
export const SHARED_TOKENS = 'Shared tokens';

/** A Storybook type for a manifest type text, from which Storybook picks a control. */
function sbType(text: string | undefined): SBType {
  const parts = (text ?? 'string').split('|').map((t) => t.trim());
  const names = parts.filter((t) => t !== 'null' && t !== 'undefined');
  const literals = names.map((t) => /^'([^']*)'$/.exec(t)?.[1]);
  if (names.length === 1 && ['string', 'number', 'boolean'].includes(names[0]!)) {
    return { name: names[0] as 'string' | 'number' | 'boolean' };
  }
  if (literals.length > 0 && literals.every((l) => l !== undefined))
    return { name: 'enum', value: literals as string[] };
  return { name: 'other', value: text ?? '' };
}

function row(name: string, item: Typed, category: Category, control: boolean): ArgTypes[string] {
  const type = item.type?.text;
  // The words an alias stands for give the control its choices, and the table says them.
  const spelled = sbType(type).name === 'other' && item.parsedType?.text ? item.parsedType.text : type;
  const sb = sbType(spelled);
  // An empty word (no tier chosen) would be a choice with no label: it reads "(none)". The control's type is
  // then Storybook's own pick, stated: radio buttons for up to five words, else a select.
  const none =
    sb.name === 'enum' && sb.value.includes('')
      ? { control: { type: sb.value.length <= 5 ? 'radio' : 'select', labels: { '': '(none)' } } as const }
      : {};
  return {
    name,
    description: item.description ?? '',
    ...(control ? { type: sb, ...none } : { control: false }),
    table: {
      category,
      type: type ? { summary: spelled!, detail: spelled !== type ? type : undefined } : undefined,
      defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
    },
  };
}

/** The rows for one tag; undefined when the manifest doesn't have it. */
export function argTypesFromManifest(manifest: Manifest, tagName: string): ArgTypes | undefined {
  const el = manifest.modules
    ?.flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tagName);
  if (!el) return undefined;

  const argTypes: ArgTypes = {};
  const attributeFields = new Set<string>();
  for (const attr of el.attributes ?? []) {
    if (attr.fieldName) attributeFields.add(attr.fieldName);
    const property = attr.fieldName && attr.fieldName !== attr.name ? ` (property \`${attr.fieldName}\`)` : '';
    argTypes[attr.name] = row(
      attr.name,
      { ...attr, description: (attr.description ?? '') + property },
      'attributes',
      true,
    );
  }
  // Properties with no attribute: rich data (`data`), read-only state (`form`), and the like.
  for (const member of el.members ?? []) {
    const isPublic = !member.privacy || member.privacy === 'public';
    if (member.kind !== 'field' || !isPublic || member.static || attributeFields.has(member.name)) continue;
    argTypes[member.name in argTypes ? `property:${member.name}` : member.name] = row(
      member.name,
      member,
      'properties',
      !member.readonly,
    );
  }
  for (const event of el.events ?? []) argTypes[`event:${event.name}`] = row(event.name, event, 'events', false);
  for (const slot of el.slots ?? []) {
    argTypes[`slot:${slot.name}`] = row(slot.name || '(default)', slot, 'slots', false);
  }
  for (const prop of el.cssProperties ?? []) {
    argTypes[`cssprop:${prop.name}`] = row(prop.name, prop, 'css custom properties', false);
  }
  for (const part of el.cssParts ?? []) argTypes[`part:${part.name}`] = row(part.name, part, 'css shadow parts', false);
  // The element's own knobs fall back to these; the Theming guide shows them at work.
  for (const [name, light] of Object.entries(TOKENS)) {
    const dark = DARK_TOKENS[name as TokenName];
    const description = `Shared by every element (Guides › Theming).${dark ? ` Dark theme: \`${dark}\`.` : ''}`;
    argTypes[`token:${name}`] = row(name, { name, description, default: light }, SHARED_TOKENS, false);
  }
  return argTypes;
}

/** The docs-table section of args a story has that the element doesn't (they set up the story around it). */
export const STORY_ONLY = 'Story only';

/**
 * An arg of the stories, not of the element: a setting of the `<aip-storefront>`
 * around it, a wrapper's width, slotted content. Listed apart, after the
 * element's own API, so it can't be read as one of the element's attributes.
 *
 * It takes its type: Storybook lists args whose type it has to infer from
 * their values before every other row, which would put this section first.
 */
export function storyOnly(
  type: 'string' | 'boolean',
  description: string,
  argType: ArgTypes[string] = {},
): ArgTypes[string] {
  return { ...argType, type, description, table: { ...argType.table, category: STORY_ONLY } };
}

/** The words an `<aip-storefront>` attribute takes, as the manifest spells them out. */
function storefrontWords(attribute: string): string[] {
  const type = argTypesFromManifest(manifest as Manifest, 'aip-storefront')?.[attribute]?.type;
  if (typeof type !== 'object' || type.name !== 'enum') {
    throw new Error(`custom-elements.json: <aip-storefront ${attribute}> is not one of a few words`);
  }
  return type.value as string[];
}

/** `theme` of the `<aip-storefront>` a story wraps its element in. */
export const storefrontTheme = storyOnly('string', '`theme` of the `<aip-storefront>` around the element.', {
  control: 'inline-radio',
  options: storefrontWords('theme'),
});

/** `max-rating` of the `<aip-storefront>` a story wraps its element in. */
export const storefrontMaxRating = storyOnly(
  'string',
  '`max-rating` of the `<aip-storefront>` around the element: the highest content rating shown.',
  { control: 'select', options: storefrontWords('max-rating') },
);
