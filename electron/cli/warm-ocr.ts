// A one-shot command that will read a picture starts the OCR engines as soon as it knows that.
// Each engine takes ~0.4 s to start (worker thread, WebAssembly, language data), and on a photo it
// was the engines, not the picture's preparation, that the reading waited for: intake opened them
// only once the request, the extractor and sharp had loaded and the file had been read (~0.2 s).
// Only pictures: a PDF may have a text layer and need no engine, and starting two for nothing
// would cost a text PDF more than the whole of its reading.
import { sharedOcrPool } from '../desk/intake/ocr-pool';

/** Files OCR reads whatever they hold, by name (what the desk's inbox and file picker offer). */
const PICTURE = /\.(png|jpe?g|tiff?|heic|heif|webp|bmp|gif)$/i;

export function warmOcrForPictures(files: readonly string[]): void {
  if (!files.some((f) => PICTURE.test(f))) return;
  // The shared pool is closed when the command ends (release.ts), started or not. A failure to
  // start shows up, with its message, when the picture is read.
  sharedOcrPool()
    .warm()
    .catch(() => undefined);
}
