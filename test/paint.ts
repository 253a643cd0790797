/**
 * What a viewer sees of an element's colours: the colour its text is drawn
 * in, the colour painted behind it (translucent layers composited, up
 * through slots and shadow hosts to the page), and WCAG contrast between them.
 */
import { waitUntil } from '@open-wc/testing';

export type Rgba = [number, number, number, number];

const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (`#1d1d24`, `rgb(0 0 0 / 0.4)`, `Canvas`…) as RGBA, through the browser's own parser. */
export function rgba(color: string): Rgba {
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#0000';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** A translucent colour painted over an opaque one. */
export function over([r, g, b, a]: Rgba, [R, G, B]: Rgba): Rgba {
  return [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours; a translucent foreground is composited on the background first. */
export function contrast(fg: Rgba, bg: Rgba): number {
  const [a, b] = [luminance(fg[3] < 1 ? over(fg, bg) : fg), luminance(bg)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

/** The parent in the flattened tree: the slot an element is assigned to, its parent, or its shadow host. */
function composedParent(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** The opaque colour painted behind `el`: its own background and its ancestors', down to the (white) canvas. */
export function backdrop(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] === 1) break;
    // A modal dialog is painted in the top layer, over whatever its ancestors paint.
    if (node instanceof HTMLDialogElement && node.open) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** Contrast of `el`'s text with what is painted behind it. */
export function textContrast(el: Element): number {
  return contrast(rgba(getComputedStyle(el).color), backdrop(el));
}

/** Every element matching `selector` under `root`, in its shadow root and in every shadow root below. */
export function deepAll<T extends Element = Element>(root: Element | ShadowRoot, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  if (root instanceof Element && root.shadowRoot) found.push(...deepAll<T>(root.shadowRoot, selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll<T>(el.shadowRoot, selector));
  return found;
}

/** Waits until something matches `selector` somewhere under `root`, through shadow roots, and returns the first. */
export async function deepQuery<T extends Element = Element>(
  root: Element,
  selector: string,
  timeout = 8000,
): Promise<T> {
  await waitUntil(() => deepAll(root, selector).length, `no ${selector}`, { timeout });
  return deepAll<T>(root, selector)[0]!;
}

/** A CSS colour as the browser computes it (`rgb(r, g, b)`), to compare with a computed style. */
export function computedColor(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}
