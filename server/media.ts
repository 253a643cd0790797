/**
 * Locally generated listing art: every title image, preview and creator
 * avatar is an SVG drawn on request from a few numbers (the persona id, its
 * niche, the image's size and position), never fetched from elsewhere.
 *
 * The same input always gives the same bytes: a seeded PRNG drives every
 * choice. A persona's look (skin, hair, clothes, palette) comes from its id
 * alone, so all of its pictures show the same stylised person; each picture's
 * composition (background, framing) comes from the id plus its position.
 *
 * No text from the database goes into an SVG, so there is nothing to escape.
 */
import type { Niche } from '../src/api/schemas.js';

/** The size of every title image, portrait. */
export const TITLE_SIZE = { width: 800, height: 1000 } as const;
/**
 * The widths a title image is offered at in its `srcset` (those below its own
 * width, then its own width): `title.svg?w=320` and so on.
 */
export const SRCSET_WIDTHS = [320, 480, 800] as const;
/** The size of every creator avatar, square. */
export const AVATAR_SIZE = { width: 400, height: 400 } as const;

// ---------------------------------------------------------------------------
// Deterministic randomness.

/** 32-bit FNV-1a. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Rng = () => number;

/** mulberry32 seeded from a string: small, fast, and good enough for picking colours (and catalogs). */
export function rngFrom(seed: string): Rng {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);
/** Numbers in SVG attributes: one decimal is plenty. */
const n = (value: number) => (Math.round(value * 10) / 10).toString();

// ---------------------------------------------------------------------------
// Palettes.

interface Palette {
  /** Background gradient, top to bottom. */
  sky: readonly [string, string];
  /** Shapes behind the figure. */
  accents: readonly [string, string];
  /** Clothing colours. */
  garments: readonly string[];
}

const PALETTES: Record<Niche, readonly Palette[]> = {
  lifestyle: [
    { sky: ['#fbe3cf', '#eaa98a'], accents: ['#fff6ec', '#d9735b'], garments: ['#6b8f71', '#c9704e', '#f2e3c6'] },
    { sky: ['#e6efe4', '#9cbf9a'], accents: ['#fffbea', '#e3a857'], garments: ['#3f5e4a', '#e3a857', '#f4efe6'] },
    { sky: ['#fdf0d5', '#f4b183'], accents: ['#ffffff', '#c86b4a'], garments: ['#5b7f95', '#e9c46a', '#a3472f'] },
  ],
  business: [
    { sky: ['#dfe7ef', '#7d9bb8'], accents: ['#f4f7fa', '#1f3a5f'], garments: ['#22303f', '#3d5a80', '#b8c4d2'] },
    { sky: ['#1f3a5f', '#3d6e8f'], accents: ['#9fd3c7', '#e8eef3'], garments: ['#101c2c', '#4a5a6a', '#d8dee6'] },
    { sky: ['#eef1ec', '#a7b8a8'], accents: ['#ffffff', '#2e4a3f'], garments: ['#2e4a3f', '#333a44', '#c9b79c'] },
  ],
  fashion: [
    { sky: ['#2b1b2f', '#8c2f5a'], accents: ['#f2c14e', '#f7a1c4'], garments: ['#111111', '#f2c14e', '#e94f7c'] },
    { sky: ['#f3ece6', '#d5b9a5'], accents: ['#111111', '#b5523b'], garments: ['#111111', '#b5523b', '#f5f0ea'] },
    { sky: ['#0e3b43', '#3f8f8b'], accents: ['#f6d8ae', '#ff6f59'], garments: ['#ff6f59', '#f6d8ae', '#14213d'] },
  ],
  fitness: [
    { sky: ['#0f5257', '#1fa58c'], accents: ['#d7f75b', '#ff8a3d'], garments: ['#ff8a3d', '#1b1b1b', '#d7f75b'] },
    { sky: ['#e8f4f8', '#7cc6de'], accents: ['#ffffff', '#ff5d73'], garments: ['#ff5d73', '#14213d', '#2ec4b6'] },
    { sky: ['#1b1b1e', '#3a3a44'], accents: ['#c6ff00', '#00e5ff'], garments: ['#c6ff00', '#00e5ff', '#f5f5f5'] },
  ],
  gaming: [
    { sky: ['#140f2d', '#3a1c71'], accents: ['#22d3ee', '#f472b6'], garments: ['#22d3ee', '#7c3aed', '#0f172a'] },
    { sky: ['#03131f', '#0b4f6c'], accents: ['#01baef', '#fbfbff'], garments: ['#01baef', '#20bf55', '#0b132b'] },
    { sky: ['#1a1423', '#5c2751'], accents: ['#ffd23f', '#ee4266'], garments: ['#ee4266', '#ffd23f', '#1a1423'] },
  ],
  romance: [
    { sky: ['#fbd3d5', '#d9818f'], accents: ['#fff0f1', '#9e2a4b'], garments: ['#9e2a4b', '#f4e1d2', '#5c1a33'] },
    { sky: ['#f8e1c8', '#e39a7b'], accents: ['#fff8f0', '#b5485d'], garments: ['#b5485d', '#fbe8d3', '#6d2e46'] },
    { sky: ['#2d1e2f', '#7a4069'], accents: ['#f7c6d9', '#ffd6a5'], garments: ['#f7c6d9', '#513252', '#ffd6a5'] },
  ],
  adult: [
    { sky: ['#1a0b12', '#5a1030'], accents: ['#ff5c8a', '#b388ff'], garments: ['#2a0f1c', '#ff5c8a', '#6b2145'] },
    { sky: ['#0d0a1a', '#3b1f5c'], accents: ['#c77dff', '#ff9e7d'], garments: ['#c77dff', '#240046', '#ff9e7d'] },
  ],
};

/** Stylised skin tones, light to deep. */
const SKINS = ['#f6d5bd', '#eebf9d', '#dca47c', '#c58859', '#a46a43', '#7d4e31', '#5c3823'] as const;
const HAIR = [
  '#1f1a17',
  '#3b2a20',
  '#5e3b24',
  '#8a4b2a',
  '#c98f4f',
  '#dcc28e',
  '#e9e4dc',
  '#7a2e3b',
  '#2f3e75',
] as const;
const HAIR_STYLES = ['crop', 'long', 'bun', 'bob', 'curly', 'buzz', 'wave'] as const;
const NECKLINES = ['crew', 'vee', 'turtle', 'scoop'] as const;
const BACKDROPS = ['orbs', 'arch', 'stripes', 'horizon', 'grid', 'waves'] as const;

type HairStyle = (typeof HAIR_STYLES)[number];
type Neckline = (typeof NECKLINES)[number];
type Backdrop = (typeof BACKDROPS)[number];

/** Mixes two #rrggbb colours; `t` = 0 gives `a`, 1 gives `b`. */
function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((c, i) =>
      Math.round(c + (pb[i] - c) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

// ---------------------------------------------------------------------------
// The persona's look: fixed per persona id.

interface Look {
  palette: Palette;
  skin: string;
  skinShade: string;
  hair: string;
  hairStyle: HairStyle;
  garment: string;
  trim: string;
  neckline: Neckline;
  niche: Niche;
  accessory: boolean;
}

function lookFor(personaId: string, niche: Niche): Look {
  const rng = rngFrom(`look:${personaId}`);
  const palette = pick(rng, PALETTES[niche]);
  const skin = pick(rng, SKINS);
  const neonHair = niche === 'gaming' && rng() < 0.35;
  const garment = pick(rng, palette.garments);
  return {
    palette,
    skin,
    skinShade: mix(skin, '#3a1f14', 0.28),
    hair: neonHair ? palette.accents[0] : pick(rng, HAIR),
    hairStyle: pick(rng, HAIR_STYLES),
    garment,
    trim: pick(
      rng,
      palette.garments.filter((g) => g !== garment),
    ),
    neckline: niche === 'business' ? 'vee' : pick(rng, NECKLINES),
    niche,
    accessory: rng() < 0.75,
  };
}

// ---------------------------------------------------------------------------
// The figure, drawn in a 400 × 500 box (head centred at x = 200).

function hairBack(look: Look): string {
  const fill = `fill="${look.hair}"`;
  switch (look.hairStyle) {
    case 'long':
      return `<path ${fill} d="M104 205C96 112 160 80 205 84C262 88 306 128 298 210L314 398C282 420 244 410 232 388L236 250H164L168 388C156 410 118 420 86 398Z"/>`;
    case 'wave':
      return `<path ${fill} d="M108 200C100 110 162 78 206 82C264 86 304 130 296 206C320 250 296 290 318 330C300 372 262 380 236 362L236 250H164L164 362C138 380 100 372 82 330C104 290 80 250 108 200Z"/>`;
    case 'bob':
      return `<path ${fill} d="M100 212C94 118 160 84 200 84C240 84 306 118 300 212L302 300C276 318 252 308 240 298H160C148 308 124 318 98 300Z"/>`;
    case 'bun':
      return `<circle ${fill} cx="200" cy="96" r="44"/>`;
    case 'curly': {
      const puffs: string[] = [];
      for (let i = 0; i <= 10; i += 1) {
        const angle = Math.PI * (1.02 + (i / 10) * 0.96);
        const r = 34 + ((i * 7) % 5) * 2;
        puffs.push(`<circle cx="${n(200 + Math.cos(angle) * 96)}" cy="${n(205 + Math.sin(angle) * 104)}" r="${r}"/>`);
      }
      return `<g ${fill}>${puffs.join('')}</g>`;
    }
    default:
      return '';
  }
}

function hairFront(look: Look): string {
  const fill = `fill="${look.hair}"`;
  switch (look.hairStyle) {
    case 'crop':
    case 'bun':
      return `<path ${fill} d="M116 208C110 124 168 96 206 98C262 102 294 142 286 212C270 170 238 150 200 150C160 150 132 172 116 208Z"/>`;
    case 'long':
    case 'wave':
      return `<path ${fill} d="M112 218C108 132 168 96 210 98C270 102 294 150 288 222C262 162 222 140 152 160C136 176 120 196 112 218Z"/>`;
    case 'bob':
      return `<path ${fill} d="M114 206C114 132 160 104 200 104C240 104 286 132 286 206C250 170 150 170 114 206Z"/>`;
    case 'curly':
      return `<path ${fill} d="M118 196C118 130 160 108 200 108C240 108 282 130 282 196C246 164 154 164 118 196Z"/>`;
    case 'buzz':
      return `<path ${fill} opacity="0.85" d="M118 196C116 140 160 112 200 112C240 112 284 140 282 196C250 168 150 168 118 196Z"/>`;
  }
}

function neckline(look: Look): string {
  switch (look.neckline) {
    case 'vee':
      return `<path fill="${look.skinShade}" d="M166 380L200 446L234 380Z"/>`;
    case 'scoop':
      return `<path fill="${look.skinShade}" d="M156 382C162 428 238 428 244 382Z"/>`;
    case 'turtle':
      return `<path fill="${look.trim}" d="M166 318H234V384C214 396 186 396 166 384Z"/>`;
    default:
      return `<path fill="none" stroke="${look.trim}" stroke-width="8" d="M164 380C176 404 224 404 236 380"/>`;
  }
}

function accessory(look: Look, rng: Rng): string {
  if (!look.accessory) return '';
  const [accent, second] = look.palette.accents;
  switch (look.niche) {
    case 'business':
      return `<path fill="${mix(look.garment, '#ffffff', 0.18)}" d="M150 378L200 446L176 500H128C132 448 140 410 150 378ZM250 378L200 446L224 500H272C268 448 260 410 250 378Z"/>`;
    case 'fitness':
      return `<path fill="${accent}" d="M117 176Q200 146 283 176L284 198Q200 168 116 198Z"/>`;
    case 'gaming':
      return `<g><path fill="none" stroke="#11111b" stroke-width="16" stroke-linecap="round" d="M106 220C102 62 298 62 294 220"/><rect x="88" y="192" width="38" height="72" rx="16" fill="#11111b"/><rect x="274" y="192" width="38" height="72" rx="16" fill="#11111b"/><rect x="96" y="204" width="8" height="48" rx="4" fill="${accent}"/><rect x="296" y="204" width="8" height="48" rx="4" fill="${accent}"/></g>`;
    case 'fashion':
      return rng() < 0.5
        ? `<g fill="#111111"><rect x="148" y="206" width="48" height="32" rx="12"/><rect x="204" y="206" width="48" height="32" rx="12"/><rect x="192" y="214" width="16" height="5"/></g><g fill="none" stroke="${accent}" stroke-width="3"><rect x="148" y="206" width="48" height="32" rx="12"/><rect x="204" y="206" width="48" height="32" rx="12"/></g>`
        : `<g fill="none" stroke="${accent}" stroke-width="6"><circle cx="117" cy="276" r="16"/><circle cx="283" cy="276" r="16"/></g>`;
    case 'romance': {
      const petals = [0, 72, 144, 216, 288]
        .map((deg) => {
          const a = (deg * Math.PI) / 180;
          return `<circle cx="${n(268 + Math.cos(a) * 13)}" cy="${n(148 + Math.sin(a) * 13)}" r="12"/>`;
        })
        .join('');
      return `<g fill="${accent}">${petals}</g><circle cx="268" cy="148" r="8" fill="${second}"/>`;
    }
    case 'adult':
      return `<path fill="#140810" d="M170 332H230V344H170Z"/><circle cx="200" cy="352" r="6" fill="${accent}"/>`;
    case 'lifestyle':
      return rng() < 0.5
        ? `<g><ellipse cx="200" cy="150" rx="142" ry="26" fill="${look.trim}"/><path fill="${look.trim}" d="M132 150C132 86 268 86 268 150Z"/><path fill="${accent}" d="M134 136H266V148H134Z" opacity="0.8"/></g>`
        : `<path fill="none" stroke="${second}" stroke-width="5" d="M156 372C170 420 230 420 244 372"/><circle cx="200" cy="412" r="7" fill="${second}"/>`;
  }
}

function figure(look: Look, rng: Rng): string {
  const { skin, skinShade } = look;
  const lip = mix(skin, '#9b3b3b', 0.45);
  const line = mix(skin, '#2b1a12', 0.55);
  return [
    hairBack(look),
    `<path fill="${skinShade}" d="M168 280V362Q200 392 232 362V280Z"/>`,
    `<path fill="${look.garment}" d="M10 500C18 430 72 392 152 376Q200 400 248 376C328 392 382 430 390 500Z"/>`,
    neckline(look),
    `<ellipse cx="117" cy="228" rx="14" ry="22" fill="${skinShade}"/><ellipse cx="283" cy="228" rx="14" ry="22" fill="${skinShade}"/>`,
    `<ellipse cx="200" cy="216" rx="84" ry="104" fill="${skin}"/>`,
    // Soft side shading and a highlight give the flat head some volume.
    `<path fill="${skinShade}" opacity="0.35" d="M240 130C300 170 300 270 236 316C262 280 270 190 240 130Z"/>`,
    `<ellipse cx="172" cy="170" rx="26" ry="16" fill="#ffffff" opacity="0.09"/>`,
    `<g fill="none" stroke="${line}" stroke-width="4" stroke-linecap="round"><path d="M160 228Q172 236 184 228"/><path d="M216 228Q228 236 240 228"/><path d="M201 238Q194 258 206 262" stroke-width="3" opacity="0.6"/></g>`,
    `<path fill="none" stroke="${lip}" stroke-width="5" stroke-linecap="round" d="M186 284Q200 293 214 284"/>`,
    `<g fill="${mix(skin, '#e0607e', 0.35)}" opacity="0.45"><circle cx="156" cy="262" r="15"/><circle cx="244" cy="262" r="15"/></g>`,
    hairFront(look),
    accessory(look, rng),
  ].join('');
}

// ---------------------------------------------------------------------------
// Backgrounds.

function backdrop(kind: Backdrop, palette: Palette, width: number, height: number, rng: Rng): string {
  const [light, strong] = palette.accents;
  switch (kind) {
    case 'orbs': {
      const orbs: string[] = [];
      const count = 3 + Math.floor(rng() * 3);
      for (let i = 0; i < count; i += 1) {
        const r = between(rng, 0.08, 0.3) * Math.min(width, height);
        orbs.push(
          `<circle cx="${n(rng() * width)}" cy="${n(rng() * height * 0.8)}" r="${n(r)}" fill="${i % 2 ? strong : light}" opacity="${Math.round(between(rng, 0.14, 0.4) * 100) / 100}"/>`,
        );
      }
      return orbs.join('');
    }
    case 'arch': {
      const w = Math.min(width * 0.7, height * 0.6);
      const x = width / 2 - w / 2 + between(rng, -0.08, 0.08) * width;
      const top = height * between(rng, 0.08, 0.18);
      return `<path fill="${light}" opacity="0.35" d="M${n(x)} ${n(height)}V${n(top + w / 2)}A${n(w / 2)} ${n(w / 2)} 0 0 1 ${n(x + w)} ${n(top + w / 2)}V${n(height)}Z"/><circle cx="${n(x + w * 0.78)}" cy="${n(top + w * 0.3)}" r="${n(w * 0.09)}" fill="${strong}" opacity="0.55"/>`;
    }
    case 'stripes': {
      const step = Math.max(width, height) / 9;
      const lines: string[] = [];
      for (let i = -9; i < 18; i += 2) {
        const x = i * step;
        lines.push(`<path d="M${n(x)} 0L${n(x + height)} ${n(height)}" />`);
      }
      return `<g stroke="${light}" stroke-width="${n(step * 0.45)}" opacity="0.14">${lines.join('')}</g>`;
    }
    case 'horizon': {
      const y = height * between(rng, 0.55, 0.7);
      const sunX = width * between(rng, 0.2, 0.8);
      const r = Math.min(width, height) * between(rng, 0.12, 0.2);
      return `<circle cx="${n(sunX)}" cy="${n(y - r * 0.6)}" r="${n(r)}" fill="${strong}" opacity="0.6"/><path fill="${light}" opacity="0.3" d="M0 ${n(y)}Q${n(width / 2)} ${n(y - height * 0.06)} ${n(width)} ${n(y)}V${n(height)}H0Z"/>`;
    }
    case 'grid': {
      const cols = 4 + Math.floor(rng() * 3);
      const cell = width / cols;
      const lines: string[] = [];
      for (let i = 1; i < cols; i += 1) lines.push(`<path d="M${n(i * cell)} 0V${n(height)}"/>`);
      for (let y = cell; y < height; y += cell) lines.push(`<path d="M0 ${n(y)}H${n(width)}"/>`);
      return `<g stroke="${light}" stroke-width="3" opacity="0.25">${lines.join('')}</g><rect x="${n(cell * Math.floor(rng() * cols))}" y="${n(cell * Math.floor(rng() * 3))}" width="${n(cell)}" height="${n(cell)}" fill="${strong}" opacity="0.35"/>`;
    }
    case 'waves': {
      const waves: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const y = height * (0.3 + i * 0.15);
        const amp = height * 0.04;
        waves.push(
          `<path d="M0 ${n(y)}C${n(width * 0.25)} ${n(y - amp)} ${n(width * 0.5)} ${n(y + amp)} ${n(width * 0.75)} ${n(y)}S${n(width)} ${n(y - amp)} ${n(width)} ${n(y)}"/>`,
        );
      }
      return `<g fill="none" stroke="${rng() < 0.5 ? light : strong}" stroke-width="${n(height * 0.02)}" opacity="0.3">${waves.join('')}</g>`;
    }
  }
}

// ---------------------------------------------------------------------------
// Whole pictures.

/** An SVG drawn in a `width` × `height` box and shown at `display` (the same size unless given). */
function svgDocument(width: number, height: number, body: string, display = { width, height }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${display.width}" height="${display.height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** A picture's width and height at another width, keeping its aspect ratio. */
export function scaledSize(size: { width: number; height: number }, width: number): { width: number; height: number } {
  return { width, height: Math.max(1, Math.round((width * size.height) / size.width)) };
}

/** The `srcset` widths of a title image `width` wide: the standard widths below it, then its own. */
export function srcsetWidths(width: number): number[] {
  return [...SRCSET_WIDTHS.filter((w) => w < width), width];
}

/**
 * A persona picture: `position` 0 is the title image, 1… the previews. Any
 * size works; the figure is framed to suit the aspect ratio. With `display`,
 * the same drawing (same bytes but for the size) is shown at that size, for
 * `srcset`.
 */
export function personaSvg(
  personaId: string,
  niche: Niche,
  position: number,
  width: number,
  height: number,
  display?: { width: number; height: number },
): string {
  const look = lookFor(personaId, niche);
  const rng = rngFrom(`shot:${personaId}:${position}`);
  const { palette } = look;
  const ratio = width / height;
  // The title image always uses a calm backdrop; previews vary.
  const kind: Backdrop = position === 0 ? pick(rng, ['arch', 'orbs'] as const) : pick(rng, BACKDROPS);
  const closeUp = position > 0 && rng() < 0.35;

  let scale: number;
  let centreX: number;
  if (ratio < 0.7) {
    scale = (width * 0.95) / 400;
    centreX = width / 2;
  } else if (ratio <= 1.25) {
    scale = (height * 0.88) / 500;
    centreX = width / 2 + between(rng, -0.04, 0.04) * width;
  } else {
    scale = (height * 0.88) / 500;
    centreX = width * (rng() < 0.5 ? 0.3 : 0.68);
  }
  let bottom = height;
  if (closeUp) {
    scale *= 1.35;
    bottom = height + 500 * scale * 0.22;
  }
  const x = centreX - 200 * scale;
  const y = bottom - 500 * scale;
  const angle = Math.round(between(rng, 0, 40));

  return svgDocument(
    width,
    height,
    [
      `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient>`,
      `<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="${palette.accents[0]}" stop-opacity="0.55"/><stop offset="1" stop-color="${palette.accents[0]}" stop-opacity="0"/></radialGradient>`,
      `<radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.6" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.28"/></radialGradient></defs>`,
      `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
      backdrop(kind, palette, width, height, rng),
      `<circle cx="${n(centreX)}" cy="${n(y + 215 * scale)}" r="${n(190 * scale)}" fill="url(#glow)"/>`,
      `<g transform="translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 1000) / 1000})">${figure(look, rng)}</g>`,
      `<rect width="${width}" height="${height}" fill="url(#vignette)"/>`,
    ].join(''),
    display,
  );
}

/** A creator's avatar: an abstract studio mark, fixed per handle. */
export function avatarSvg(handle: string): string {
  const rng = rngFrom(`avatar:${handle}`);
  const niches = Object.keys(PALETTES) as Niche[];
  const palette = pick(rng, PALETTES[pick(rng, niches)]);
  const { width, height } = AVATAR_SIZE;
  const petals = 5 + Math.floor(rng() * 4);
  const turn = rng() * 360;
  const ring: string[] = [];
  for (let i = 0; i < petals; i += 1) {
    const deg = turn + (360 / petals) * i;
    ring.push(`<ellipse cx="200" cy="130" rx="34" ry="70" transform="rotate(${n(deg)} 200 200)"/>`);
  }
  return svgDocument(
    width,
    height,
    [
      `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient></defs>`,
      `<rect width="${width}" height="${height}" fill="url(#bg)"/>`,
      `<g fill="${palette.accents[0]}" opacity="0.55">${ring.join('')}</g>`,
      `<circle cx="200" cy="200" r="${n(between(rng, 44, 64))}" fill="${palette.accents[1]}"/>`,
      `<circle cx="200" cy="200" r="150" fill="none" stroke="${palette.accents[0]}" stroke-width="6" opacity="0.7"/>`,
    ].join(''),
  );
}
