import { demoManuscript } from '../../demo/demo-manuscripts';
import { readManuscript, readMarkdown } from './manuscript-readers';
import { ManuscriptContentError } from './article-content';
import { makeDocx } from '../../../test/support/manuscripts';
import { docxBomb, GiB } from '../../../bench/fixtures/zip-bombs';

describe('manuscript readers', () => {
  it('reads a Markdown article: sections, list, table with caption, footnotes, references', () => {
    const content = readMarkdown(demoManuscript('ar', 'عنوان', 'ملخص.'), 'manuscript.md');
    expect(content.warnings).toEqual([
      "the title heading of manuscript.md was left out: the article's title comes from its publication record",
    ]);
    const headings = content.blocks.filter((block) => block.type === 'heading');
    expect(headings.map((heading) => heading.type === 'heading' && heading.level)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(headings[0]).toEqual({
      type: 'heading',
      level: 1,
      children: [{ type: 'text', text: 'مقدمة' }],
    });
    const table = content.blocks.find((block) => block.type === 'table');
    expect(table).toMatchObject({
      caption: [{ type: 'text', text: 'توزيع المتطوعين ونسبة بقائهم بعد سنة' }],
    });
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0].header).toBe(true);
    expect(table.rows[1]).toEqual({
      header: false,
      cells: [
        { children: [{ type: 'text', text: '18–24' }] },
        { children: [{ type: 'text', text: '12,480' }] },
        { children: [{ type: 'text', text: '41٪' }] },
      ],
    });
    const list = content.blocks.find((block) => block.type === 'list');
    expect(list).toMatchObject({ ordered: true });
    const footnotes = JSON.stringify(content.blocks).match(/"type":"footnote"/g);
    expect(footnotes).toHaveLength(2);
    const first = content.blocks.find(
      (block) => block.type === 'paragraph' && JSON.stringify(block).includes('footnote'),
    );
    expect(JSON.stringify(first)).toContain('أُطلقت أولى هذه المنصات سنة 2018.');
    expect(content.references).toHaveLength(3);
    expect(content.references[0]).toMatch(/^Al-Hammadi, S\. \(2023\)/);
    // The references and the notes' list are not left in the body.
    expect(JSON.stringify(content.blocks)).not.toContain('Wilson');
  });

  it('keeps raw HTML as text and drops unsafe links', () => {
    const content = readMarkdown(
      'Text <script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.org)',
      'a.md',
    );
    const json = JSON.stringify(content.blocks);
    expect(json).toContain('<script>alert(1)</script>');
    expect(json).not.toContain('"href":"javascript');
    expect(json).toContain('"href":"https://example.org/"');
  });

  it('says which figure could not be read', () => {
    expect(() => readMarkdown('![map](images/map.png)', 'article.md')).toThrow(
      new ManuscriptContentError(
        'figure 1 in article.md could not be read (images/map.png was not uploaded with it)',
      ),
    );
  });

  it('reads a DOCX, and refuses what is not one', async () => {
    const docx = await makeDocx({ author: 'A', company: 'C', body: 'Le bénévolat étudiant.' });
    const content = await readManuscript({
      bytes: docx,
      fileName: 'm.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(content.blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'Le bénévolat étudiant.' }],
    });
    await expect(
      readManuscript({
        bytes: Buffer.from('nope'),
        fileName: 'final.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    ).rejects.toThrow('final.docx is not a Word document Tahkim can read');
  });

  it('reads a DOCX within the archive limits: a zip bomb fails the run, not the worker', async () => {
    const before = process.memoryUsage().rss;
    // 1 GiB of zeros in a 1 MB file, its headers claiming 4 KiB: mammoth alone would inflate it.
    const bomb = docxBomb({ entryBytes: GiB, claimedSize: 4096 });
    const reading = readManuscript({
      bytes: bomb,
      fileName: 'final.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    await expect(reading).rejects.toThrow(ManuscriptContentError);
    await expect(reading).rejects.toThrow(
      /^final\.docx: The file has a part compressed more than 100:1/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
