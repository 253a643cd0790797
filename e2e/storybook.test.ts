// Storybook as designers get it, checked in the static build: every element in
// custom-elements.json has a docs page that shows its description and lists its
// whole API (story-only args apart, defaults as values) and a story for each
// state, the Theming and Embed guides exist and read the code they document,
// and the Theme and Locale toolbar reach every element.
//
// `.ci/run` builds Storybook (`npm run build-storybook`) before `npm test`;
// without a build, or with one older than the stories, this file builds it
// first (about 15 s), so it never runs against stale docs and never skips.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { DARK_TOKENS, TOKENS } from '../src/styles/tokens.js';

const STATIC = 'storybook-static';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const INDEX = `${STATIC}/index.json`;
const MANIFEST = 'custom-elements.json';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, unknown> };
/** The docs-table section of story args that are not the element's (`.storybook/argtypes.ts`). */
const STORY_ONLY = 'story only';

/** Fewest stories an element may have: its default plus the states a buyer meets. */
const MIN_STORIES = 6;
/** Elements that load nothing themselves, so have no loading or error state of their own. */
const NO_DATA = new Set(['aip-price', 'aip-storefront']);

/** When the stories or Storybook's config last changed (not the manifest: `npm test` rewrites it each run). */
function newestInput(): number {
  const files = ['stories', '.storybook'].flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

const built = existsSync(INDEX) && existsSync(MANIFEST);
if (!built || statSync(INDEX).mtimeMs < newestInput()) {
  execFileSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
}

interface Entry {
  id: string;
  type: 'docs' | 'story';
  name: string;
  title: string;
  importPath: string;
}

interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  default?: string;
  type?: { text?: string };
  /** The type with its aliases spelled out, where it has any. */
  parsedType?: { text?: string };
}

interface Declaration {
  name: string;
  description?: string;
  tagName?: string;
  customElement?: boolean;
  members?: Item[];
  attributes?: (Item & { fieldName?: string })[];
  events?: Item[];
  slots?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}

function read<T>(file: string): T {
  if (!existsSync(file)) assert.fail(`${file} is missing: .ci/run builds Storybook before the tests`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const entries = () => Object.values(read<{ entries: Record<string, Entry> }>(INDEX).entries);

const elements = () =>
  read<{ modules: { declarations?: Declaration[] }[] }>(MANIFEST).modules.flatMap((m) =>
    (m.declarations ?? []).filter((d): d is Declaration & { tagName: string } => Boolean(d.customElement && d.tagName)),
  );

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The prose of a class's JSDoc in its source, by paragraph: every line that is
 * not part of a block tag (`@tag …` up to the next blank line).
 */
function jsdocProse(file: string, className: string): string[] {
  const source = readFileSync(file, 'utf8');
  const at = source.indexOf(`export class ${className} `);
  assert.ok(at > 0, `no class ${className} in ${file}`);
  const comment = source.slice(source.lastIndexOf('/**', at) + 3, source.lastIndexOf('*/', at));
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inTag = false;
  for (const line of comment.split('\n').map((l) => l.replace(/^\s*\* ?/, ''))) {
    if (!line.trim()) {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
      inTag = false;
    } else if (line.startsWith('@') || inTag) {
      inTag = true;
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}

/** A manifest description's paragraphs as the docs page shows them: no Markdown marks, whitespace collapsed. */
const shownParagraphs = (markdown: string) =>
  markdown
    .split(/\n\s*\n/)
    .filter((p) => !p.startsWith('`'.repeat(3)))
    .map((p) => collapse(p.replace(/\*\*|`/g, '')))
    .filter(Boolean);

/** A manifest default is a JavaScript literal (never a constant's name). */
const LITERAL = /^(?:-?\d+(?:\.\d+)?|true|false|null|'[^']*'|"[^"]*")$/;

/** What the element's docs table must list, by section, from the manifest. */
function expectedApi(el: Declaration): Record<string, string[]> {
  const withAttribute = new Set((el.attributes ?? []).map((a) => a.fieldName));
  return {
    attributes: (el.attributes ?? []).map((a) => a.name),
    properties: (el.members ?? [])
      .filter((m) => m.kind === 'field' && (!m.privacy || m.privacy === 'public') && !m.static)
      .filter((m) => !withAttribute.has(m.name))
      .map((m) => m.name),
    events: (el.events ?? []).map((e) => e.name),
    slots: (el.slots ?? []).map((s) => s.name || '(default)'),
    'css custom properties': (el.cssProperties ?? []).map((p) => p.name),
    'css shadow parts': (el.cssParts ?? []).map((p) => p.name),
    // The tokens every element is styled by, listed on each element's page too.
    'shared tokens': Object.keys(TOKENS),
  };
}

const short = (tag: string) => tag.replace(/^aip-/, '');

describe('Storybook (static build)', () => {
  test('every element in the manifest has a docs page and a story for each state', () => {
    const all = entries();
    for (const { tagName } of elements()) {
      const file = `./stories/${short(tagName)}.stories.ts`;
      const docs = all.find((e) => e.type === 'docs' && e.importPath === file);
      assert.ok(docs, `<${tagName}> has no docs page (autodocs from ${file})`);
      const stories = all.filter((e) => e.type === 'story' && e.importPath === file);
      assert.ok(stories.length >= MIN_STORIES, `<${tagName}>: ${stories.length} stories, want ${MIN_STORIES} or more`);
      if (NO_DATA.has(tagName)) continue;
      const names = stories.map((s) => s.name);
      assert.ok(
        names.some((n) => /loading/i.test(n)),
        `<${tagName}> has no loading story: ${names.join(', ')}`,
      );
      assert.ok(
        names.some((n) => /error/i.test(n)),
        `<${tagName}> has no error story: ${names.join(', ')}`,
      );
    }
  });

  test("every paragraph of each element's class JSDoc reaches its description in the manifest", () => {
    // The analyzer ends the description at the first block tag (`@summary`, `@tag`, …): prose after one is lost.
    for (const el of elements()) {
      const description = collapse(el.description ?? '');
      // The manifest names the shipped entry (`dist/lib/catalog.js`); the JSDoc is in the element's source.
      const name = el.tagName.slice('aip-'.length);
      const lost = jsdocProse(`src/components/${name}/${name}.ts`, el.name).filter(
        (p) => !description.includes(collapse(p)),
      );
      assert.deepEqual(lost, [], `<${el.tagName}>: JSDoc prose missing from ${MANIFEST} (put block tags after it)`);
    }
  });

  test('the Theming and Embed guides are built', () => {
    const all = entries();
    for (const [id, file] of [
      ['guides-theming--docs', './stories/Theming.mdx'],
      ['guides-embed--docs', './stories/Embed.mdx'],
    ]) {
      const entry = all.find((e) => e.id === id);
      assert.ok(entry, `no ${id} in ${INDEX}`);
      assert.equal(entry.type, 'docs');
      assert.equal(entry.importPath, file);
    }
  });

  describe('in a browser', () => {
    let server: PreviewServer;
    let browser: Browser;
    let context: BrowserContext;
    let url: string;

    before(async () => {
      // `vite preview` with the root config: the static build, with the reference marketplace mounted.
      server = await preview({
        configFile: 'vite.config.ts',
        logLevel: 'error',
        preview: { port: 0, host: '127.0.0.1', open: false },
        build: { outDir: STATIC },
      });
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      url = `http://127.0.0.1:${address.port}`;
      browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
      // One context for every page, so the preview's bundle is fetched once and then cached.
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /**
     * Opens a page of the preview iframe. Docs checks read only the docs, so
     * they keep the many stories on a page from loading listings (which makes
     * each page seconds faster and leaves no slow faulted request behind).
     */
    async function open(path: string, { marketplace = true } = {}): Promise<Page> {
      const page = await context.newPage();
      if (!marketplace) await page.route(/\/(v1|media|_fault|_scale|_expiring)\//, (route) => route.abort());
      await page.goto(`${url}/iframe.html?${path}`);
      return page;
    }

    test("each element's docs page shows its description and lists its whole API, story-only args apart", async () => {
      // Every problem on every page, so one run says all that is wrong.
      const problems: string[] = [];
      for (const el of elements()) {
        const page = await open(`id=elements-${short(el.tagName)}--docs&viewMode=docs`, { marketplace: false });
        const table = page.locator('table.docblock-argstable').first();
        await table.waitFor({ timeout: 30_000 });
        const tag = `<${el.tagName}> docs`;
        // Under the title: the element's description from the manifest, not a note from its story file.
        const shown = collapse((await page.locator('.sbdocs-title + *').first().textContent()) ?? '');
        for (const paragraph of shownParagraphs(el.description ?? '')) {
          if (!shown.includes(paragraph)) problems.push(`${tag}: description not shown ("${paragraph.slice(0, 60)}…")`);
        }
        // Section rows are titled "Hide <section> items"; each other row starts with the item's name.
        const { listed, order } = await table.evaluate((t) => {
          const sections: Record<string, { name: string; description: string; default: string }[]> = {};
          const order: string[] = [];
          let section = '';
          for (const tr of t.querySelectorAll('tbody > tr')) {
            const title = /^(?:Hide|Show) (.+) items$/.exec(tr.getAttribute('title') ?? '');
            if (title?.[1]) {
              section = title[1].toLowerCase();
              if (!order.includes(section)) order.push(section);
              continue;
            }
            const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
            // The description cell holds the description (when there is one), then the type.
            const cell = tr.querySelector('td:nth-child(2)');
            const description =
              cell && cell.children.length > 1 ? (cell.firstElementChild?.textContent?.trim() ?? '') : '';
            (sections[section] ??= []).push({ name: cells[0] ?? '', description, default: cells[2] ?? '' });
          }
          return { listed: sections, order };
        });
        await page.close();
        const names = (section: string) => (listed[section] ?? []).map((row) => row.name);
        for (const [section, expected] of Object.entries(expectedApi(el))) {
          const missing = expected.filter((name) => !names(section).includes(name));
          if (missing.length) problems.push(`${tag}, ${section}: missing ${missing.join(', ')}`);
        }
        // Args the stories have and the element doesn't are set apart, after the element's API, and say what they do.
        if (names('').length) problems.push(`${tag}: outside any section, as if the element's: ${names('')}`);
        if (order.includes(STORY_ONLY) && order.at(-1) !== STORY_ONLY) problems.push(`${tag}: sections ${order}`);
        const attributes = new Set((el.attributes ?? []).map((a) => a.name));
        for (const row of listed[STORY_ONLY] ?? []) {
          if (attributes.has(row.name)) problems.push(`${tag}: ${row.name} is an attribute, not story-only`);
          if (!row.description) problems.push(`${tag}: story-only ${row.name} has no description`);
        }
        // Defaults as values, as the manifest gives them (test/frameworks/manifest.test.ts checks those against the code).
        for (const attribute of el.attributes ?? []) {
          const shownDefault = listed.attributes?.find((r) => r.name === attribute.name)?.default;
          if (!LITERAL.test(attribute.default ?? '')) {
            problems.push(`${tag}: ${attribute.name} defaults to ${attribute.default}, not a value`);
          } else if (shownDefault !== attribute.default) {
            problems.push(`${tag}: ${attribute.name} shows default ${shownDefault}, not ${attribute.default}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });

    test('an attribute that takes one of a few words offers those words as its control, each labelled', async () => {
      // The words of a union of string literals ('' included), whether written out or behind an alias.
      const words = (text = '') => {
        const parts = text.split('|').map((t) => t.trim());
        const literal = parts.filter((t) => t !== 'null' && t !== 'undefined').map((t) => /^'([^']*)'$/.exec(t)?.[1]);
        return literal.length && literal.every((w) => w !== undefined) ? (literal as string[]) : null;
      };
      const PRIMITIVE = /^(?:string|number|boolean|null|undefined)$/;
      const problems: string[] = [];
      const offered = new Map<string, string[]>();
      for (const el of elements()) {
        const page = await open(`id=elements-${short(el.tagName)}--docs&viewMode=docs`, { marketplace: false });
        const table = page.locator('table.docblock-argstable').first();
        await table.waitFor({ timeout: 30_000 });
        for (const attribute of el.attributes ?? []) {
          const declared = attribute.type?.text ?? 'string';
          const expected = words(attribute.parsedType?.text ?? declared);
          const control = await table.evaluate((t, name) => {
            const row = [...t.querySelectorAll<HTMLTableRowElement>('tbody > tr')].find(
              (r) => r.cells[0]?.textContent?.trim() === name,
            );
            if (!row) return null;
            const cell = row.cells[row.cells.length - 1]!;
            const buttons = [...cell.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
            const radios = buttons.map((i) => i.value);
            // What each choice reads (an empty word included), by its <label for>.
            const unlabelled = buttons
              .filter((i) => !cell.querySelector(`label[for="${CSS.escape(i.id)}"]`)?.textContent?.trim())
              .map((i) => i.value);
            // A select starts with Storybook's "Choose option..." (no choice made), which is no word of the type.
            const options = [...cell.querySelectorAll('option')]
              .filter((o, i) => !(i === 0 && /^Choose option/.test(o.textContent ?? '')))
              .map((o) => o.value);
            return {
              choices: radios.length ? radios : options.length ? options : null,
              unlabelled,
              text: cell.textContent,
            };
          }, attribute.name);
          const where = `<${el.tagName} ${attribute.name}> (${declared})`;
          if (!control) problems.push(`${where}: no row`);
          else if (control.unlabelled.length) {
            problems.push(`${where}: choices with nothing to read: ${JSON.stringify(control.unlabelled)}`);
          } else if (expected) {
            // The empty word (no tier chosen) is offered as "(none)".
            control.choices = (control.choices ?? []).map((c) => (c === '(none)' ? '' : c));
            offered.set(`${el.tagName} ${attribute.name}`, control.choices);
            // In any order: the checker lists a union's members in its own.
            if (JSON.stringify([...(control.choices ?? [])].sort()) !== JSON.stringify([...expected].sort()))
              problems.push(`${where}: offers ${JSON.stringify(control.choices)}, not ${JSON.stringify(expected)}`);
          } else if (!declared.split('|').every((t) => PRIMITIVE.test(t.trim()))) {
            // An alias no one spelled out: Storybook would offer "Set object" for a word.
            problems.push(`${where}: a type the control can't offer (${control.text?.trim()})`);
          }
        }
        await page.close();
      }
      assert.deepEqual(problems, []);
      // Not only as the manifest has them: as the elements' docs name them.
      assert.deepEqual(offered.get('aip-persona-card layout'), ['vertical', 'horizontal', 'compact']);
      assert.deepEqual(offered.get('aip-catalog paging'), ['more', 'infinite']);
      assert.deepEqual(offered.get('aip-storefront max-rating'), ['general', 'suggestive', 'erotic', 'explicit']);
    });

    test('the Theming guide lists every token with its dark value, and Embed quotes the code it documents', async () => {
      const theming = await open('id=guides-theming--docs&viewMode=docs', { marketplace: false });
      await theming.getByRole('heading', { name: 'The tokens' }).waitFor();
      const rows = await theming.locator('tr').allInnerTexts();
      for (const [name, light] of Object.entries(TOKENS)) {
        const row = rows.find((r) => r.startsWith(name));
        assert.ok(row, `Theming has no row for ${name}`);
        assert.ok(row.includes(light), `${name}: light value ${light} not in "${row}"`);
        const dark = DARK_TOKENS[name as keyof typeof TOKENS];
        assert.ok(row.includes(dark ?? 'same as light'), `${name}: dark value ${dark} not in "${row}"`);
      }
      await theming.close();

      const embed = await open('id=guides-embed--docs&viewMode=docs', { marketplace: false });
      // Code blocks render once their highlighter has loaded.
      const quoted = await embed
        .waitForFunction(() => document.body.textContent?.includes('aip-storefront:not(:defined)'), null, {
          timeout: 15_000,
        })
        .then(() => true)
        .catch(() => false);
      assert.ok(quoted, 'the reserve-space CSS quoted from the README');
      const text = (await embed.locator('#storybook-docs').textContent()) ?? '';
      for (const { tagName } of elements()) {
        if (tagName === 'aip-storefront') continue;
        assert.ok(text.includes(`import 'aip-storefront/${short(tagName)}'`), `no npm import line for <${tagName}>`);
      }
      // Entries with types and no code (the JSX typings) can't be imported for their effects: a bundler fails on that.
      for (const [subpath, target] of Object.entries(pkg.exports)) {
        if (typeof target !== 'object' || !target || Object.keys(target).some((condition) => condition !== 'types'))
          continue;
        const specifier = `${pkg.name}/${subpath.slice(2)}`;
        assert.ok(
          text.includes(`import type {} from '${specifier}'`),
          `Embed: no \`import type\` line for ${specifier}`,
        );
        assert.ok(!text.includes(`import '${specifier}'`), `Embed: ${specifier} (types only) imported for its effects`);
      }
      assert.ok(!text.includes('not in the manifest'), 'Embed: an entry point described as "not in the manifest"');
      await embed.close();
    });

    test("the Theming guide's examples stay readable under every toolbar theme (axe)", async () => {
      // They set colours of their own (a host page's text, restyled parts), so each theme must be matched.
      const index = JSON.parse(readFileSync(INDEX, 'utf8')) as {
        entries: Record<string, { id: string; type: string }>;
      };
      const stories = Object.values(index.entries)
        .filter((e) => e.type === 'story' && e.id.startsWith('guides-theming--'))
        .map((e) => e.id);
      assert.ok(stories.length >= 4, `Theming stories: ${stories.join(', ')}`);
      const problems: string[] = [];
      for (const theme of ['', 'dark', 'forest', 'ember']) {
        for (const id of stories) {
          const page = await open(`id=${id}&viewMode=story${theme ? `&globals=theme:${theme}` : ''}`);
          await page.locator('aip-persona-card, aip-license-picker').first().waitFor({ state: 'attached' });
          // Cards and pickers have their listings (and prices, whose contrast is checked) on screen.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('aip-persona-card, aip-license-picker')].every((el) =>
                el.shadowRoot?.querySelector('[part~="title"], [part~="tier"]'),
              ),
            undefined,
            { timeout: 15_000 },
          );
          await page.evaluate(axeSource);
          // The accessibility panel's own axe may be running on the story as it renders: wait for it.
          const violations = (await page.evaluate(
            `(async () => {
              for (let i = 0; i < 100; i++) {
                try {
                  const result = await axe.run(document.querySelector('#storybook-root'), {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                  });
                  return result.violations.map(
                    (v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '),
                  );
                } catch (error) {
                  if (!/already running/.test(String(error))) throw error;
                  await new Promise((resolve) => setTimeout(resolve, 100));
                }
              }
              throw new Error('axe stayed busy');
            })()`,
          )) as string[];
          problems.push(...violations.map((v) => `${theme || "story's own"} ${id}: ${v}`));
          await page.close();
        }
      }
      assert.deepEqual(problems, []);
    });

    test("controls reach the element, including attributes the story's template doesn't bind", async () => {
      // Args in the URL are what the Controls panel sets; each of these is left out of its story's template.
      const cases: [story: string, tag: string, args: string, expected: Record<string, string>][] = [
        [
          'elements-catalog--creator-catalog',
          'aip-catalog',
          'heading-level:4;label:Our personas;sync-url:!true',
          { 'heading-level': '4', label: 'Our personas', 'sync-url': '' },
        ],
        ['elements-persona-card--open', 'aip-persona-card', 'heading-level:4', { 'heading-level': '4' }],
        ['elements-license-picker--open', 'aip-license-picker', 'name:tier', { name: 'tier' }],
        ['elements-storefront--default', 'aip-storefront', 'currency:EUR;retries:0', { currency: 'EUR', retries: '0' }],
      ];
      for (const [story, tag, args, expected] of cases) {
        const page = await open(`id=${story}&viewMode=story&args=${encodeURIComponent(args)}`);
        await page.locator(tag).first().waitFor({ state: 'attached' });
        for (const [name, value] of Object.entries(expected)) {
          await page.waitForFunction(
            ([t, n, v]) => document.querySelector(t!)?.getAttribute(n!) === v,
            [tag, name, value],
            { timeout: 10_000 },
          );
        }
        await page.close();
      }

      // A control reset in the panel takes its attribute away again, and a control changed later still applies.
      const page = await open('id=elements-persona-card--open&viewMode=story&args=heading-level:4');
      const headingLevel = (level: string | null) =>
        page.waitForFunction(
          (l) => document.querySelector('aip-persona-card')?.getAttribute('heading-level') === l,
          level,
          { timeout: 10_000 },
        );
      await headingLevel('4');
      const channel = (event: string, detail: object) =>
        page.evaluate(
          ([e, d]) =>
            (
              window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(...a: unknown[]): void } }
            ).__STORYBOOK_ADDONS_CHANNEL__.emit(e, d),
          [event, detail] as const,
        );
      await channel('resetStoryArgs', { storyId: 'elements-persona-card--open', argNames: ['heading-level'] });
      await headingLevel(null);
      await channel('updateStoryArgs', { storyId: 'elements-persona-card--open', updatedArgs: { 'heading-level': 5 } });
      await headingLevel('5');
      await page.close();
    });

    test('the Theme and Locale toolbar reach storefronts, bare elements and the page', async () => {
      const dark = await open('id=elements-storefront--default&viewMode=story&globals=theme:dark;locale:ar-EG');
      const storefront = dark.locator('aip-storefront');
      await storefront.waitFor();
      await dark.waitForFunction(() => document.querySelector('aip-storefront')?.getAttribute('locale') === 'ar-EG');
      assert.equal(await storefront.getAttribute('theme'), 'dark');
      const root = dark.locator('.aip-sb-root');
      assert.equal(await root.getAttribute('dir'), 'rtl');
      assert.equal(await root.getAttribute('lang'), 'ar-EG');
      assert.match((await root.getAttribute('class')) ?? '', /\baip-sb-dark\b/);
      assert.match((await dark.locator('body').getAttribute('class')) ?? '', /\baip-sb-dark-page\b/);
      await dark.close();

      // A picker with no storefront around it takes the brand's tokens from the wrapper.
      const forest = await open('id=elements-license-picker--required&viewMode=story&globals=theme:forest');
      const picker = forest.locator('aip-license-picker');
      await picker.waitFor();
      const accent = await picker.evaluate((el) => getComputedStyle(el).getPropertyValue('--aip-color-accent').trim());
      assert.equal(accent, '#1f5f3f');
      await forest.close();

      // Nothing chosen: the story's own settings stand.
      const own = await open('id=elements-storefront--default&viewMode=story');
      await own.locator('aip-storefront').waitFor();
      assert.equal(await own.locator('aip-storefront').getAttribute('theme'), 'light');
      assert.equal(await own.locator('.aip-sb-root').getAttribute('dir'), 'ltr');
      await own.close();
    });
  });
});
