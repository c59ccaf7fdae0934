// Where pages are prepared for OCR (prepare-thread.ts): a small module of its own so that the
// CLI can say so at start without loading the image code every command would then carry.

let inline = false;

/**
 * A one-shot command (the CLI) prepares its pages on its own thread: it answers nobody while it
 * reads, and a second thread cost it more than it saved (a photo through `desk intake`: ~0.25 s
 * more CPU and ~1.1x the wall time over 9 alternating runs, for the thread's start and its own
 * copy of sharp and of the code's optimised state).
 */
export function preparePagesInline(): void {
  inline = true;
}

export function pagesPreparedInline(): boolean {
  return inline;
}
