import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { stampLines } from '../../../scripts/make-bills/stamp';

describe('make-bills e-fax stamp', () => {
  it('keeps the scan’s dates, so a seed gives the same bytes whenever it is run', async () => {
    const when = new Date(Date.UTC(2025, 3, 22, 9, 30));
    const src = await PDFDocument.create();
    src.addPage([612, 792]);
    src.setCreationDate(when);
    src.setModificationDate(when);
    const stamped = await stampLines(
      await src.save({ useObjectStreams: false }),
      (k, n) => `Fax from 312-555-0100 Pg ${k + 1}/${n}`,
    );
    const back = await PDFDocument.load(stamped, { updateMetadata: false });
    expect(back.getModificationDate()?.toISOString()).toBe(when.toISOString());
    expect(await stampLines(await src.save({ useObjectStreams: false }), () => 'x')).toEqual(
      await stampLines(await src.save({ useObjectStreams: false }), () => 'x'),
    );
  });
});
