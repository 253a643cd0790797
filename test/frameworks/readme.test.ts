import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';

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
