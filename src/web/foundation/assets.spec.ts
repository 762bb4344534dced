import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AssetPipeline, FONT_SUBSETS, FONT_WEIGHTS } from './assets';

describe('the asset pipeline', () => {
  const pipeline = new AssetPipeline();
  const site = () => pipeline.served(pipeline.url('css/site.css'))!;

  it('names every asset by its content hash', () => {
    for (const asset of pipeline.list()) {
      expect(asset.url).toMatch(/^\/assets\/[a-z0-9/._-]+\.[0-9a-f]{12}\.[a-z0-9]+$/);
      expect(pipeline.served(asset.url)).toBe(asset);
    }
    expect(pipeline.url('js/htmx.min.js')).toMatch(/^\/assets\/js\/htmx\.min\.[0-9a-f]{12}\.js$/);
    expect(() => pipeline.url('css/none.css')).toThrow(/no asset/);
  });

  it('serves the stylesheet as one file: imports inlined, fonts at their hashed addresses', () => {
    const css = site().body.toString('utf8');
    expect(css).not.toMatch(/@import/);
    expect(css).toContain('--colour-ink');
    const fonts = [...css.matchAll(/url\((\/assets\/fonts\/[^)]+)\)/g)].map((match) => match[1]);
    expect(fonts).toHaveLength(FONT_WEIGHTS.length * FONT_SUBSETS.length);
    for (const url of fonts) expect(pipeline.served(url)?.contentType).toBe('font/woff2');
    // Each face says which characters it covers, so a page downloads only the scripts it shows.
    expect(css.match(/unicode-range:/g)).toHaveLength(fonts.length);
    expect(css).toMatch(/U\+0600-06FF/);
    expect(css).not.toMatch(/cyrillic|\.woff\)/);
    // A face arriving after the first paint is not swapped in: no text moves (layout shift).
    expect(css.match(/font-display: optional;/g)).toHaveLength(fonts.length);
    expect(css).not.toMatch(/font-display: swap/);
  });

  it('precompresses text assets', () => {
    expect(gunzipSync(site().gzip!).equals(site().body)).toBe(true);
    expect(site().brotli!.length).toBeLessThan(site().body.length);
    expect(
      pipeline.served(pipeline.url('fonts/ibm-plex-sans-arabic-arabic-400-normal.woff2'))?.gzip,
    ).toBeUndefined();
  });

  describe('refuses a stylesheet that', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'tahkim-assets-'));
      mkdirSync(join(root, 'css'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const build = () => new AssetPipeline({ root, vendor: {}, fonts: null });

    it('refers to a file that is not an asset', () => {
      writeFileSync(join(root, 'css', 'a.css'), '.a { background: url(../images/gone.svg); }');
      expect(build).toThrow('css/a.css refers to ../images/gone.svg, which is not an asset');
    });

    it('imports itself through another', () => {
      writeFileSync(join(root, 'css', 'a.css'), '@import "b.css";');
      writeFileSync(join(root, 'css', 'b.css'), '@import "a.css";');
      expect(build).toThrow(/import each other/);
    });

    it('changes address when a file it refers to changes', () => {
      mkdirSync(join(root, 'images'));
      writeFileSync(join(root, 'css', 'a.css'), '.a { background: url("../images/i.svg"); }');
      writeFileSync(join(root, 'images', 'i.svg'), '<svg/>');
      const before = build().url('css/a.css');
      writeFileSync(join(root, 'images', 'i.svg'), '<svg></svg>');
      expect(build().url('css/a.css')).not.toBe(before);
    });
  });
});
