import { PDFDocument } from 'pdf-lib';
import type { SuppliedPdf } from '../typesetting-input';
import type { ArticlePlacement } from './typst-engine';

const CM = 72 / 2.54;
/** The template's body area on A4: top 2.2 cm (under the running head), bottom 2 cm. */
const TOP = 2.2 * CM;
const BOTTOM = 2 * CM;
const SIDE = 1.8 * CM;

/**
 * Stamps supplied PDFs into the laid-out issue: each of their pages is drawn, scaled to fit, into
 * the empty page Typst left for it, under the issue's running head and above its folio. The
 * supplied pages stay vector (embedded as form XObjects), not re-typeset.
 */
export async function stampSuppliedPages(
  issuePdf: Uint8Array,
  placements: ArticlePlacement[],
  supplied: Map<string, SuppliedPdf>,
): Promise<Buffer> {
  if (supplied.size === 0) return Buffer.from(issuePdf);
  const issue = await PDFDocument.load(issuePdf, { updateMetadata: false });
  const pages = issue.getPages();
  for (const placement of placements) {
    const source = supplied.get(placement.key);
    if (!source) continue;
    const embedded = await issue.embedPdf(source.bytes, [...Array(source.pages).keys()]);
    embedded.forEach((page, index) => {
      const target = pages[placement.firstPhysical - 1 + index];
      if (!target) return;
      const { width, height } = target.getSize();
      const box = { width: width - 2 * SIDE, height: height - TOP - BOTTOM };
      const scale = Math.min(box.width / page.width, box.height / page.height, 1);
      const drawn = { width: page.width * scale, height: page.height * scale };
      target.drawPage(page, {
        x: (width - drawn.width) / 2,
        y: BOTTOM + (box.height - drawn.height) / 2,
        width: drawn.width,
        height: drawn.height,
      });
    });
  }
  return Buffer.from(await issue.save({ useObjectStreams: true }));
}
