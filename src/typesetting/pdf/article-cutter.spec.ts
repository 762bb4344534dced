import { PDFDocument } from 'pdf-lib';
import { ArticleCutError, ArticleCutter } from './article-cutter';
import { cutArticles } from './article-pdfs';
import type { ArticlePlacement } from './typst-engine';

/** A PDF of `count` pages, each as wide as its number: a page's origin can be read off its size. */
async function numberedPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let page = 1; page <= count; page++) pdf.addPage([100 + page, 200]);
  return pdf.save();
}

const placements: ArticlePlacement[] = [
  { key: 'first', firstPage: 1, lastPage: 3, firstPhysical: 1, lastPhysical: 3 },
  { key: 'second', firstPage: 4, lastPage: 7, firstPhysical: 4, lastPhysical: 7 },
];

const properties = new Map([
  [
    'second',
    { title: 'Second', authors: ['A'], subject: 'S', keywords: ['k'], locale: 'fr' as const },
  ],
]);

async function widths(bytes: Uint8Array): Promise<number[]> {
  return (await PDFDocument.load(bytes)).getPages().map((page) => page.getWidth());
}

describe('ArticleCutter: cutting on a thread of its own', () => {
  const cutter = new ArticleCutter();
  afterAll(() => cutter.close());

  it('gives the same article PDFs as cutting on the calling thread', async () => {
    const issue = await numberedPdf(7);
    const modified = new Date('2026-06-01T00:00:00Z');
    const threaded = await cutter.cut(issue, placements, properties, modified);
    const inline = await cutArticles(issue, placements, properties, modified);

    expect([...threaded.keys()]).toEqual(['first', 'second']);
    expect(await widths(threaded.get('first')!)).toEqual([101, 102, 103]);
    expect(await widths(threaded.get('second')!)).toEqual([104, 105, 106, 107]);
    for (const key of ['first', 'second'])
      expect(Buffer.compare(threaded.get(key)!, inline.get(key)!)).toBe(0);
    expect((await PDFDocument.load(threaded.get('second')!)).getTitle()).toBe('Second');
  });

  it('answers concurrent cuts each with its own articles', async () => {
    const [five, seven] = await Promise.all([numberedPdf(5), numberedPdf(7)]);
    const [fromFive, fromSeven] = await Promise.all([
      cutter.cut(five, [placements[0]], new Map(), new Date(0)),
      cutter.cut(seven, [placements[1]], new Map(), new Date(0)),
    ]);
    expect(await widths(fromFive.get('first')!)).toEqual([101, 102, 103]);
    expect(await widths(fromSeven.get('second')!)).toEqual([104, 105, 106, 107]);
  });

  it('fails a cut of something that is not a PDF with a readable error, and cuts the next one', async () => {
    await expect(
      cutter.cut(Buffer.from('not a PDF at all'), placements, new Map(), new Date(0)),
    ).rejects.toThrow(ArticleCutError);
    const next = await cutter.cut(await numberedPdf(7), placements, new Map(), new Date(0));
    expect(await widths(next.get('first')!)).toEqual([101, 102, 103]);
  });

  it('lets a cut already given finish when closed (a worker asked to stop mid-job)', async () => {
    const fresh = new ArticleCutter();
    const cutting = fresh.cut(await numberedPdf(7), placements, properties, new Date(0));
    await fresh.close();
    const articles = await cutting;
    expect(await widths(articles.get('second')!)).toEqual([104, 105, 106, 107]);
  });

  it('starts a new thread for a cut after it was closed', async () => {
    await cutter.close();
    const again = await cutter.cut(await numberedPdf(7), placements, new Map(), new Date(0));
    expect(await widths(again.get('second')!)).toEqual([104, 105, 106, 107]);
  });
});
