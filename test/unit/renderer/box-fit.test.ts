import { describe, expect, it } from 'vitest';
import { fits, outlines } from '../../../renderer/src/features/intake/box-fit';
import type { ExtractionPage } from '../../../shared/domain';

const photo: ExtractionPage = { page: 1, width: 719.57, height: 899.14, rotate: 0 };
const turned: ExtractionPage = { page: 2, width: 612, height: 792, rotate: 90 };

describe('bill viewer outlines', () => {
  it('draws over a picture of the recorded shape, whatever its pixel size', () => {
    expect(fits(photo, 1679, 2098)).toBe(true);
    expect(fits(photo, 1360, 1699)).toBe(true); // the downscaled preview
    expect(outlines([photo, turned], 2, { width: 1700, height: 2200 }, false)).toEqual({ draw: true });
  });

  it('hides them over a picture of another shape (a page not turned as it was read)', () => {
    expect(outlines([photo, turned], 2, { width: 2200, height: 1700 }, false)).toEqual({
      draw: false,
      why: 'shape',
    });
    expect(outlines([turned], 2, { width: 792, height: 612 }, true)).toMatchObject({ draw: false });
  });

  it('hides them on an image read before page records, keeps them on such a PDF', () => {
    expect(outlines([], 1, { width: 1679, height: 2098 }, false)).toEqual({ draw: false, why: 'no-record' });
    expect(outlines([], 1, { width: 612, height: 792 }, true)).toEqual({ draw: true });
    // A record exists but not for this page: nothing says where its boxes go.
    expect(outlines([photo], 2, { width: 612, height: 792 }, true)).toEqual({
      draw: false,
      why: 'no-record',
    });
  });
});
