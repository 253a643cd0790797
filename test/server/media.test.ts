import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { PersonaSchema, type PersonaSummary } from '../../src/api/schemas.js';
import { expectError, get, isolatedMarketplace, published, seed } from './http.js';

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
        const { res, text } = await get('poster' in image ? image.poster : image.url);
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

  describe('srcset', () => {
    const base = '/media/personas/mara-lindqvist/title.svg';

    it('offers every title image at 320, 480 and 800 pixels wide, in the catalog and on the persona', async () => {
      const page = (await get<{ items: PersonaSummary[] }>('/v1/catalog?rating=explicit&limit=100')).body;
      expect(page.items.length).to.equal(published.length);
      for (const item of page.items) {
        expect(item.titleImage.srcset, item.id).to.deep.equal(
          [320, 480, 800].map((width) => ({ url: `${item.titleImage.url}?w=${width}`, width })),
        );
      }
      const persona = v.parse(PersonaSchema, (await get('/v1/personas/mara-lindqvist')).body);
      expect(persona.titleImage.srcset).to.deep.equal(
        page.items.find((p) => p.id === 'mara-lindqvist')!.titleImage.srcset,
      );
      expect(persona.previews.every((p) => !('srcset' in p))).to.equal(true);
    });

    it('serves each width as the same picture at that size, the same bytes every time', async () => {
      const full = await get(base);
      const drawing = full.text.replace(/^<svg [^>]*>/, '');
      const etags = new Set<string | null>();
      for (const width of [320, 480, 800]) {
        const height = width * 1.25;
        const first = await get(`${base}?w=${width}`);
        expectSvgHeaders(first.res);
        const svg = parseSvg(first.text);
        expect([svg.getAttribute('width'), svg.getAttribute('height')]).to.deep.equal([String(width), String(height)]);
        expect(svg.getAttribute('viewBox')).to.equal('0 0 800 1000');
        expect(first.text.replace(/^<svg [^>]*>/, ''), 'the same drawing').to.equal(drawing);
        expect(await loadImage(`${base}?w=${width}`)).to.deep.equal([width, height]);
        const again = await get(`${base}?w=${width}`);
        expect(again.text).to.equal(first.text);
        expect(again.res.headers.get('etag')).to.equal(first.res.headers.get('etag'));
        const cached = await get(`${base}?w=${width}`, {
          headers: { 'If-None-Match': first.res.headers.get('etag')! },
        });
        expect(cached.res.status).to.equal(304);
        etags.add(first.res.headers.get('etag'));
      }
      expect(etags.size).to.equal(3);
      expect((await get(`${base}?w=800`)).text, 'its own width is the plain picture').to.equal(full.text);
    });

    for (const query of [
      'w=0',
      'w=100',
      'w=321',
      'w=1600',
      'w=0480',
      'w=480.0',
      'w=abc',
      'w=',
      'w=480&w=480',
      'w=-320',
    ]) {
      it(`rejects ?${query} with a 400 naming w`, async () => {
        expectError(await get(`${base}?${query}`), 400, 'invalid_request', 'w');
      });
    }

    it('offers only the widths up to the image’s own, and none for an image narrower than 320', async () => {
      const persona = (id: string, width: number) => ({
        id,
        creator: 'small-studio',
        name: `Persona ${id}`,
        niche: 'lifestyle',
        status: 'published',
        contentRating: 'general',
        commercialPrice: 9900,
        createdAt: '-10d',
        publishedAt: '-5d',
        description: 'A persona with a title image of its own size.',
        tags: [],
        useCases: ['social_media'],
        deliverables: ['12 photos'],
        titleImage: { alt: 'A portrait', width, height: width * 2 },
        previews: [],
      });
      const market = await isolatedMarketplace('2026-06-01T00:00:00.000Z', {
        seed: {
          version: 1,
          creators: [{ handle: 'small-studio', name: 'Small Studio', email: 'small@example.com', joinedAt: '-1y' }],
          personas: [persona('medium', 600), persona('tiny', 300)],
        },
      });
      try {
        const items = (await get<{ items: PersonaSummary[] }>(`${market.base}/v1/catalog?sort=name`)).body.items;
        const [medium, tiny] = items;
        expect(medium.titleImage.srcset?.map((s) => s.width)).to.deep.equal([320, 480, 600]);
        expect(tiny.titleImage).to.not.have.property('srcset');
        const path = `${market.base}/media/personas/medium/title.svg`;
        const svg = parseSvg((await get(`${path}?w=480`)).text);
        expect([svg.getAttribute('width'), svg.getAttribute('height')]).to.deep.equal(['480', '960']);
        expect(svg.getAttribute('viewBox')).to.equal('0 0 600 1200');
        expectError(await get(`${path}?w=800`), 400, 'invalid_request', 'w');
        expectError(await get(`${market.base}/media/personas/tiny/title.svg?w=320`), 400, 'invalid_request', 'w');
        expect((await get(`${market.base}/media/personas/tiny/title.svg?w=300`)).res.status).to.equal(200);
      } finally {
        await market.dispose();
      }
    });

    it('has no other widths for previews and avatars, and 404s an unknown persona first', async () => {
      expectError(await get('/media/personas/mara-lindqvist/preview-1.svg?w=320'), 400, 'invalid_request', 'w');
      expectError(await get('/media/creators/nova-studio/avatar.svg?w=320'), 400, 'invalid_request', 'w');
      expectError(await get('/media/personas/no-such-persona/title.svg?w=320'), 404, 'not_found');
      expectError(await get('/media/personas/aria-bellweather/title.svg?w=320'), 404, 'not_found');
    });
  });

  it("serves a video preview's clip as WebM that plays, and no clip where the preview is a picture", async () => {
    const source = published.find((p) => p.previews.some((x) => x.kind === 'video'));
    expect(source, 'the demo catalog has a video preview').to.not.equal(undefined);
    const persona = v.parse(PersonaSchema, (await get(`/v1/personas/${source!.id}`)).body);
    const clip = persona.previews.find((x) => x.kind === 'video')!;
    const { res } = await get(clip.url);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('video/webm');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    const video = document.createElement('video');
    video.muted = true;
    video.src = clip.url;
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error(`video failed: ${clip.url}`));
    });
    expect(video.videoHeight / video.videoWidth).to.be.closeTo(clip.height / clip.width, 0.01);
    const picture = persona.previews.findIndex((x) => x.kind === 'image') + 1;
    expect((await get(`/media/personas/${source!.id}/preview-${picture}.webm`)).res.status).to.equal(404);
    expect((await get(`/media/personas/${source!.id}/title.webm`)).res.status).to.equal(404);
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
      expect(res.headers.get('content-security-policy')).to.equal(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
      );
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      const doc = new DOMParser().parseFromString(text, 'text/html');
      expect(doc.querySelector('h1')!.textContent!.toLowerCase()).to.contain(license);
      expect(doc.querySelectorAll('li').length).to.be.greaterThan(3);
      expect(doc.querySelector('script')).to.equal(null);
      // No inline style: its own stylesheet, on the same origin, under its own CSP.
      expect(doc.querySelector('style')).to.equal(null);
      expect(doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')).to.equal(
        `${location.origin}/agreements/agreement.css`,
      );
    });
  }

  it('serves the agreements’ stylesheet as CSS', async () => {
    const { res, text } = await get('/agreements/agreement.css');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/css; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(text).to.contain('body {');
  });

  it('404s an unknown version or license', async () => {
    expectError(await get('/agreements/commercial/1999-01-01'), 404, 'not_found');
    expectError(await get('/agreements/lifetime/2026-03-18'), 404, 'not_found');
  });
});
