/**
 * Colour contrast of the design tokens (WCAG 2.2: 1.4.3 text ≥ 4.5:1, 1.4.11
 * focus ring and control borders ≥ 3:1), computed from the token values
 * themselves in both token sets, so a new colour can't slip under the bar.
 */
import { expect } from '@open-wc/testing';
import { DARK_TOKENS, TOKENS, type TokenName } from '../src/styles/tokens.js';
import { contrast as ratio, over, type Rgba } from './paint.js';

/** Parses `#rgb`, `#rrggbb` and `rgb(r g b / a)`. */
function parse(color: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const rgb = /^rgb\(\s*(\d+)\s+(\d+)\s+(\d+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(color);
  if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] === undefined ? 1 : +rgb[4]];
  throw new Error(`can't parse colour ${color}`);
}

/**
 * A theme as the elements paint it. The light set leaves text and surface to
 * the host page (`currentColor`, `transparent`); the contrast is checked on
 * the page colours that implies: near-black text on white.
 */
function theme(name: 'light' | 'dark'): Record<TokenName, Rgba> {
  const values = { ...TOKENS, ...(name === 'dark' ? DARK_TOKENS : {}) } as Record<TokenName, string>;
  const page: Rgba = name === 'light' ? [255, 255, 255, 1] : parse(values['--aip-color-surface']);
  const resolved = {} as Record<TokenName, Rgba>;
  for (const [token, value] of Object.entries(values) as [TokenName, string][]) {
    if (!token.startsWith('--aip-color-')) continue;
    if (value === 'currentColor') resolved[token] = [29, 29, 31, 1];
    else if (value === 'transparent') resolved[token] = page;
    else resolved[token] = over(parse(value), page);
  }
  return resolved;
}

/** Text pairs that must reach 4.5:1: [text, background, where it is used]. */
const TEXT: [TokenName, TokenName, string][] = [
  ['--aip-color-text', '--aip-color-surface', 'body text'],
  ['--aip-color-text-muted', '--aip-color-surface', 'hints, meta lines'],
  ['--aip-color-text-muted', '--aip-color-surface-sunken', 'hints on sunken panels'],
  ['--aip-color-text', '--aip-color-surface-sunken', 'notices'],
  ['--aip-color-accent', '--aip-color-surface', 'links and outlined buttons'],
  ['--aip-color-on-accent', '--aip-color-accent', 'primary buttons'],
  ['--aip-color-danger', '--aip-color-surface', 'error messages'],
  ['--aip-color-success', '--aip-color-surface', 'confirmations'],
  ['--aip-color-badge-text', '--aip-color-badge-surface', 'availability badges'],
];

/** Non-text pairs that must reach 3:1 (WCAG 1.4.11). */
const NON_TEXT: [TokenName, TokenName, string][] = [['--aip-color-focus', '--aip-color-surface', 'focus ring']];

describe('token contrast (WCAG 2.2 AA)', () => {
  for (const name of ['light', 'dark'] as const) {
    const colors = theme(name);
    for (const [fg, bg, use] of TEXT) {
      it(`${name}: ${use} (${fg} on ${bg}) ≥ 4.5:1`, () => {
        const r = ratio(colors[fg], colors[bg]);
        expect(r, `${r.toFixed(2)}:1`).to.be.at.least(4.5);
      });
    }
    for (const [fg, bg, use] of NON_TEXT) {
      it(`${name}: ${use} (${fg} on ${bg}) ≥ 3:1`, () => {
        const r = ratio(colors[fg], colors[bg]);
        expect(r, `${r.toFixed(2)}:1`).to.be.at.least(3);
      });
    }
  }

  it('the focus ring is at least 2 px wide', () => {
    expect(parseFloat(TOKENS['--aip-focus-ring-width'])).to.be.at.least(2);
  });

  it('computes the known ratios (so the arithmetic itself is right)', () => {
    expect(ratio(parse('#000'), parse('#fff'))).to.be.closeTo(21, 0.01);
    expect(ratio(parse('#777777'), parse('#ffffff'))).to.be.closeTo(4.48, 0.01);
    expect(ratio(over(parse('rgb(0 0 0 / 0.5)'), parse('#fff')), parse('#fff'))).to.be.closeTo(3.95, 0.05);
  });
});
