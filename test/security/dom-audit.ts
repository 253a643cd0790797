/**
 * Audits of what the elements put on the page, across the document and every
 * shadow root: injected elements and event-handler attributes, URLs with a
 * scheme other than http(s), JSON-LD that a serializer could break out of,
 * and Unicode direction overrides leaking into the text around them.
 */

/** The document and every shadow root under it, depth first (open roots; ours are all open). */
export function allRoots(start: Document | ShadowRoot = document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [start];
  for (const el of start.querySelectorAll('*')) {
    if (el.shadowRoot) roots.push(...allRoots(el.shadowRoot));
  }
  return roots;
}

/** Every element in the document and its shadow roots. */
export function allElements(): Element[] {
  return allRoots().flatMap((root) => [...root.querySelectorAll('*')]);
}

/** Attributes that carry URLs the browser may follow, load or run. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'action', 'formaction', 'xlink:href', 'data', 'cite', 'background'];

/** Elements that no API string may ever produce inside our elements. */
const FORBIDDEN = ['script', 'style', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'frame', 'frameset'];

/** The script elements the test page itself has (the runner's), to tell ours from theirs. */
export function pageScripts(): Set<Element> {
  return new Set(document.querySelectorAll('script'));
}

export interface AuditOptions {
  /**
   * The test page's own scripts (`pageScripts()` before the elements render).
   * Fixtures go inside a `[data-aip-audit]` wrapper: its light DOM is audited too.
   */
  baseline: Set<Element>;
  /** Iframes allowed (the checkout overlay's hosted page), each src must start with one of these. */
  frameSources?: string[];
}

/** Checks one URL attribute value: http(s) only (relative URLs resolve against the page, itself http). */
function urlProblem(el: Element, name: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return `<${el.localName} ${name}="${value}"> does not parse`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : `<${el.localName} ${name}="${value}"> has the scheme ${url.protocol}`;
}

/** Can the JSON-LD block survive being serialized and parsed again (as a crawler or SSR would)? */
function jsonLdProblem(script: HTMLScriptElement): string | null {
  const text = script.textContent ?? '';
  try {
    JSON.parse(text);
  } catch {
    return `JSON-LD in <${script.parentElement?.localName}> is not JSON`;
  }
  const reparsed = new DOMParser().parseFromString(`<!doctype html><body>${script.outerHTML}</body>`, 'text/html');
  const scripts = reparsed.body.querySelectorAll('script');
  if (reparsed.body.children.length !== 1 || scripts.length !== 1 || scripts[0].textContent !== text) {
    return `JSON-LD in <${script.parentElement?.localName}> breaks out of its <script> when serialized`;
  }
  return null;
}

/**
 * Everything wrong on the page now: an element or attribute an API string
 * injected, a URL with another scheme than http(s), a JSON-LD block that
 * does not round-trip through HTML. Empty when all is well.
 */
export function audit({ baseline, frameSources = [] }: AuditOptions): string[] {
  const problems: string[] = [];
  for (const root of allRoots()) {
    const inShadow = root instanceof ShadowRoot;
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName;
      if (name === 'script') {
        const script = el as HTMLScriptElement;
        if (baseline.has(script)) continue;
        const ours =
          !inShadow &&
          script.type === 'application/ld+json' &&
          script.hasAttribute('data-aip') &&
          !!script.parentElement?.localName.startsWith('aip-');
        if (!ours) problems.push(`an injected <script> in ${inShadow ? 'a shadow root' : 'the document'}`);
        else {
          const problem = jsonLdProblem(script);
          if (problem) problems.push(problem);
        }
        continue;
      }
      if (name === 'iframe') {
        const src = el.getAttribute('src') ?? '';
        if (!inShadow || !frameSources.some((s) => src.startsWith(s))) problems.push(`an iframe with src "${src}"`);
      } else if (FORBIDDEN.includes(name) && (inShadow || el.closest('[data-aip-audit]'))) {
        problems.push(`an injected <${name}> in ${inShadow ? 'a shadow root' : 'the fixture'}`);
      }
      for (const attribute of el.attributes) {
        const attr = attribute.name.toLowerCase();
        if (attr.startsWith('on')) problems.push(`<${name} ${attr}="${attribute.value}">`);
        if (attr === 'srcdoc' || attr === 'formaction') problems.push(`<${name} ${attr}>`);
        if (URL_ATTRIBUTES.includes(attr)) {
          const problem = urlProblem(el, attr, attribute.value);
          if (problem) problems.push(problem);
        }
        if (attr === 'srcset') {
          for (const candidate of attribute.value.split(',')) {
            const problem = urlProblem(el, attr, candidate.trim().split(/\s+/)[0]);
            if (problem) problems.push(problem);
          }
        }
      }
    }
  }
  return problems;
}

const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);

/**
 * Does every override, embedding or isolate in `text` end inside it, so
 * nothing reaches past it? A PDI (U+2069) also ends whatever was opened
 * inside its isolate, as in the Unicode bidi algorithm.
 */
function balanced(text: string): boolean {
  const open: ('embedding' | 'isolate')[] = [];
  for (const ch of text) {
    if (/[\u202A\u202B\u202D\u202E]/.test(ch)) open.push('embedding');
    else if (/[\u2066-\u2068]/.test(ch)) open.push('isolate');
    else if (ch === '\u202C' && open.at(-1) === 'embedding') open.pop();
    else if (ch === '\u2069' && open.includes('isolate')) open.splice(open.lastIndexOf('isolate'));
  }
  return open.length === 0;
}

/**
 * Text nodes holding a directional override or embedding (U+202A–U+202E,
 * U+2066–U+2068) left open, whose effect can reach text around them: the smallest
 * isolating box around the string (a block, an inline-block, a `<bdi>`, an
 * element with `unicode-bidi: isolate`) must hold that string and nothing else.
 */
export function bidiLeaks(): string[] {
  const leaks: string[] = [];
  const controls = /[\u202A-\u202E\u2066-\u2069]/;
  for (const root of allRoots()) {
    if (!(root instanceof ShadowRoot)) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!controls.test(text) || balanced(text)) continue;
      let el = node.parentElement;
      while (el) {
        const style = getComputedStyle(el);
        const isolating = el.localName === 'bdi' || ISOLATING.has(style.unicodeBidi) || style.display !== 'inline';
        if (isolating) {
          const rest = (el.textContent ?? '').replace(text, '').trim();
          if (rest !== '')
            leaks.push(`"${text.trim().slice(0, 40)}" shares <${el.localName}> with "${rest.slice(0, 40)}"`);
          break;
        }
        el = el.parentElement;
      }
    }
  }
  return leaks;
}

/** Normalized text of a node: whitespace runs collapsed, trimmed. */
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The same normalization for an expected string. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** All the text of the elements on the page, shadow roots included, normalized. */
export function pageText(): string {
  return squash(
    allRoots()
      .flatMap((root) => [...root.querySelectorAll('*')].flatMap((el) => [...el.childNodes]))
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join(' '),
  );
}
