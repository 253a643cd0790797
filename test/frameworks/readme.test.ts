import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import manifest from '../../custom-elements.json';
import pkg from '../../package.json';

const EXAMPLES = ['react/app.tsx', 'react/main.tsx', 'vue/app.ts', 'vue/main.ts', 'plain/index.html'];

/** A text's lines without their indentation, so a snippet matches its file at any depth. */
const lines = (text: string) => text.split('\n').map((line) => line.trim());

/** Whether `needle` occurs in `haystack` as a run of consecutive lines. */
function containsRun(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, start) => needle.every((line, i) => haystack[start + i] === line));
}

// The README's framework snippets are copied from the examples the other tests render, so they stay in step.
describe('README: Frameworks', () => {
  it('shows code only as it is in the examples', async () => {
    const readme = (await readFile({ path: '../../README.md' }))!;
    const section = /^## Frameworks\n([\s\S]*?)^## /m.exec(readme)?.[1];
    expect(section, 'README has a Frameworks section').to.be.a('string');
    const files = await Promise.all(
      EXAMPLES.map(async (name) => lines((await readFile({ path: `../../examples/${name}` }))!)),
    );
    const snippets = [...section!.matchAll(/^ *```\w+\n([\s\S]*?)^ *```$/gm)].map((m) => lines(m[1]!.trimEnd()));
    expect(snippets.length).to.be.at.least(3);
    for (const snippet of snippets) {
      expect(
        files.some((file) => containsRun(file, snippet)),
        `not in examples/:\n${snippet.join('\n')}`,
      ).to.equal(true);
    }
  });
});

// What an integrator codes against, read from the sources the types come from.
describe('README: the checkout events', () => {
  const words = (source: string, from: RegExp) =>
    [...(from.exec(source)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);

  it('names every code an `aip-checkout-error` can carry', async () => {
    const readme = (await readFile({ path: '../../README.md' }))!;
    const paragraph = readme.split('\n\n').find((p) => p.includes('`aip-checkout-error` with'));
    expect(paragraph, 'README describes aip-checkout-error').to.be.a('string');
    const read = async (path: string) => (await readFile({ path: `../../src/${path}` }))!;
    const codes = [
      ...words(await read('api/schemas.ts'), /ERROR_CODES = \[([^\]]+)\]/),
      ...words(await read('api/errors.ts'), /type ApiErrorCode = ([^;]+);/),
      ...words(await read('events/checkout.ts'), /type CheckoutErrorCode =([^;]+);/),
    ];
    expect(codes.length).to.be.at.least(15);
    expect(codes.filter((code) => !paragraph!.includes(`\`${code}\``))).to.deep.equal([]);
  });

  it("lists every field of `aip-checkout-complete`'s detail", async () => {
    const readme = (await readFile({ path: '../../README.md' }))!;
    const source = (await readFile({ path: '../../src/events/checkout.ts' }))!;
    const body = /interface AipCheckoutCompleteDetail \{([^}]+)\}/.exec(source)![1]!;
    const fields = [...body.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]!);
    expect(fields.length).to.be.at.least(5);
    const listed = /`aip-checkout-complete` with\s+`\{([^}]+)\}`/.exec(readme)?.[1]?.split(/,\s*/);
    expect(listed?.sort()).to.deep.equal(fields.sort());
  });
});

describe('README: the element table', () => {
  it('lists every attribute of every element, but `api`, which the text below it gives to all', async () => {
    const readme = (await readFile({ path: '../../README.md' }))!;
    const rows = new Map(
      [...readme.matchAll(/^\| `<(aip-[a-z-]+)((?: [a-z-]+)*)>` /gm)].map((m) => [m[1]!, m[2]!.trim().split(' ')]),
    );
    const elements = (manifest.modules as { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[])
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName);
    expect(elements.length).to.equal(8);
    expect(readme).to.include('Every element also takes `api`');
    for (const { tagName, attributes = [] } of elements) {
      const expected = attributes.map((a) => a.name).filter((name) => name !== 'api');
      expect(
        rows.get(tagName!)?.filter((name) => name !== 'api'),
        tagName,
      ).to.have.members(expected);
    }
  });
});

describe('README: what the package holds', () => {
  it('ships every file or folder the README says is in the package', async () => {
    const readme = (await readFile({ path: '../../README.md' }))!;
    const said = [...readme.matchAll(/`([\w./-]+)\/?`, shipped in the package/g)].map((m) => m[1]!.replace(/\/$/, ''));
    expect(said).to.include('src/locales/en');
    for (const path of said) expect(pkg.files, path).to.include(path);
  });
});
