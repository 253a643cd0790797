/**
 * The script-tag loader (`src/cdn.ts`) exports the event classes the npm
 * package does, so a script-tag page can test `instanceof` on every event.
 */
import { expect } from '@open-wc/testing';
import * as loader from '../src/cdn.js';
import * as pkg from '../src/index.js';

const eventClasses = (module: Record<string, unknown>) =>
  Object.keys(module)
    .filter((name) => /^Aip\w+Event$/.test(name) && typeof module[name] === 'function')
    .sort();

describe('the script-tag loader', () => {
  it('exports every event class of the npm package', () => {
    const classes = eventClasses(pkg);
    expect(classes.length).to.be.greaterThan(7);
    expect(eventClasses(loader)).to.deep.equal(classes);
  });
});
