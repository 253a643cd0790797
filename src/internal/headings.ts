import { html, nothing, type TemplateResult } from 'lit';

/** What a heading from `heading()` carries besides its text. */
export interface HeadingOptions {
  id?: string;
  part?: string;
  class?: string;
  /** Focusable from script (`tabindex="-1"`), to move focus to it when what had focus went away. */
  focusable?: boolean;
}

/**
 * A heading of `level` (1–6; others are h2) around `content`. Six plain templates rather than lit's static
 * html: no module more in the bundle, and no key to compute on each render.
 */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const id = options.id ?? nothing;
  const part = options.part ?? nothing;
  const cls = options.class ?? nothing;
  const tabindex = options.focusable ? '-1' : nothing;
  // prettier-ignore
  switch (level) {
    case 1: return html`<h1 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h1>`;
    case 3: return html`<h3 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h3>`;
    case 4: return html`<h4 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h4>`;
    case 5: return html`<h5 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h5>`;
    case 6: return html`<h6 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h6>`;
    default: return html`<h2 id=${id} part=${part} class=${cls} tabindex=${tabindex}>${content}</h2>`;
  }
}
