import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { PersonaSchema } from '../../src/api/schemas.js';
import { expectError, get, published, seed } from './http.js';

function expectSvgHeaders(res: Response): void {
  expect(res.status).to.equal(200);
  expect(res.headers.get('content-type')).to.equal('image/svg+xml');
  expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
  expect(res.headers.get('content-security-policy')).to.equal("default-src 'none'; style-src 'unsafe-inline'");
  expect(res.headers.get('cache-control')).to.match(/max-age=\d{7,}/);
}

function parseSvg(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed SVG').to.equal(null);
  return doc.documentElement as unknown as SVGSVGElement;
}

/** Loads a URL in an <img> and resolves with its natural size. */
function loadImage(url: string): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
    img.onerror = () => reject(new Error(`image failed: ${url}`));
    img.src = url;
  });
}

describe('GET /media', () => {
  it('serves each title image and preview as a safe, self-contained SVG of the advertised size', async () => {
    for (const source of published.slice(0, 8)) {
      const persona = v.parse(PersonaSchema, (await get(`/v1/personas/${source.id}`)).body);
      for (const image of [persona.titleImage, ...persona.previews]) {
        const { res, text } = await get(image.url);
        expectSvgHeaders(res);
        const svg = parseSvg(text);
        expect(svg.localName).to.equal('svg');
        expect([svg.getAttribute('width'), svg.getAttribute('height')]).to.deep.equal([
          String(image.width),
          String(image.height),
        ]);
        // Nothing that runs or loads anything else, and no text from the database.
        expect(text).to.not.match(/<script|<foreignObject|href=|url\((?!#)|on\w+=/i);
        expect(svg.querySelector('text')).to.equal(null);
        expect(text).to.not.contain(source.name);
      }
    }
  });

  it('draws the same bytes every time, and different pictures for different personas', async () => {
    const a1 = await get('/media/personas/mara-lindqvist/title.svg');
    const a2 = await get('/media/personas/mara-lindqvist/title.svg');
    const b = await get('/media/personas/juno-okafor/title.svg');
    const preview = await get('/media/personas/mara-lindqvist/preview-1.svg');
    expect(a1.text).to.equal(a2.text);
    expect(a1.res.headers.get('etag')).to.equal(a2.res.headers.get('etag'));
    expect(b.text).to.not.equal(a1.text);
    expect(preview.text).to.not.equal(a1.text);
  });

  it('renders in an <img> at its intrinsic size', async () => {
    expect(await loadImage('/media/personas/vex-arclight/title.svg')).to.deep.equal([800, 1000]);
    const persona = v.parse(PersonaSchema, (await get('/v1/personas/vex-arclight')).body);
    const [first] = persona.previews;
    expect(await loadImage(first.url)).to.deep.equal([first.width, first.height]);
  });

  it('serves every creator avatar', async () => {
    for (const creator of seed.creators) {
      const { res, text } = await get(`/media/creators/${creator.handle}/avatar.svg`);
      expectSvgHeaders(res);
      const svg = parseSvg(text);
      expect(svg.getAttribute('width')).to.equal('400');
    }
  });

  const missing = [
    '/media/personas/no-such-persona/title.svg',
    '/media/personas/mara-lindqvist/preview-0.svg',
    '/media/personas/mara-lindqvist/preview-99.svg',
    '/media/personas/mara-lindqvist/title.png',
    '/media/personas/Mara/title.svg',
    '/media/creators/nobody-here/avatar.svg',
    '/media/creators/nova-studio/banner.svg',
  ];
  for (const path of missing) {
    it(`404s ${path}`, async () => {
      expectError(await get(path), 404, 'not_found');
    });
  }
});

describe('GET /agreements/:license/:version', () => {
  for (const license of ['commercial', 'exclusive', 'ownership']) {
    it(`serves the ${license} agreement as escaped, script-free HTML`, async () => {
      const { res, text } = await get(`/agreements/${license}/2026-03-18`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).to.equal("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      const doc = new DOMParser().parseFromString(text, 'text/html');
      expect(doc.querySelector('h1')!.textContent!.toLowerCase()).to.contain(license);
      expect(doc.querySelectorAll('li').length).to.be.greaterThan(3);
      expect(doc.querySelector('script')).to.equal(null);
    });
  }

  it('404s an unknown version or license', async () => {
    expectError(await get('/agreements/commercial/1999-01-01'), 404, 'not_found');
    expectError(await get('/agreements/lifetime/2026-03-18'), 404, 'not_found');
  });
});
