/**
 * Makes every control of the Controls panel reach the element.
 *
 * Each story's template binds the attributes its state needs; the panel
 * offers every attribute and writable property of the manifest (see
 * `argtypes.ts`). This decorator applies the ones a viewer changed from the
 * story's own values to the story's element (the first `component` in the
 * canvas), after the story has rendered: attributes by name (`false`, `null`
 * and `''` remove one, `true` sets it empty) and properties by assignment.
 * Story-only args (the storefront's theme and the like) are not the
 * element's and are left to the template. When the set of changed controls
 * changes (one changed, or reset), the story is rendered afresh, so a reset
 * control takes away what it had set rather than leave it on the element.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';

type Row = { name?: string; table?: { category?: string } };

export const withControls: Decorator = (story, context) => {
  const changed = Object.entries(context.args).filter(([key, value]) => value !== context.initialArgs[key]);
  let root: Element | undefined;
  if (changed.length > 0 && context.component) {
    // As in theme-locale.ts: the renderer renders the story right after the decorators return.
    queueMicrotask(() => {
      const element = root?.querySelector(context.component!) as (HTMLElement & Record<string, unknown>) | null;
      if (!element) return;
      for (const [key, value] of changed) {
        const row = context.argTypes[key] as Row | undefined;
        const name = row?.name ?? key;
        if (row?.table?.category === 'attributes') {
          if (value === false || value === null || value === undefined || value === '') element.removeAttribute(name);
          else element.setAttribute(name, value === true ? '' : String(value));
        } else if (row?.table?.category === 'properties') {
          element[name] = value;
        }
      }
    });
  }
  const key = changed.map(([name]) => name).join(' ');
  return keyed(key, html`<div style="display: contents" ${ref((el) => (root = el))}>${story()}</div>`);
};
