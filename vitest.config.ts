import { defineConfig } from 'vitest/config';

// The files that read bills through OCR in this process. Each of them used to start two OCR
// engines of its own in a fresh process, and an engine's first minutes are its dearest: V8 compiles
// the WebAssembly engine's hot code optimised while it runs, and the language model is unpacked,
// about 4-5 s of CPU per file, paid again by every file. Run without isolation, the files of this
// project share a worker process, so they share its module graph and the process-wide OCR pool
// (sharedOcrPool), warm from the first file on. They keep no other state between files: each
// makes its own temp folders and data folders, and none stubs globals, timers or environment.
const SHARED_OCR = ['test/integration/intake/**/*.test.ts', 'test/integration/learn/**/*.test.ts'];
// ...except the files that load pdfjs the way a one-shot command does (stand-ins on globalThis, a
// deferred native canvas, scripts from a code cache): that is process state, which must be fresh.
const OWN_PROCESS = ['test/integration/intake/pdfjs-*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a machine of N cores is N - 1 workers: one on CI's two cores, so the
    // suite ran file after file while most integration files wait on child processes, sockets
    // and PostgreSQL rather than the CPU. Two keep both cores busy (the suite passed in 21 min
    // one at a time, over CI's 20-minute budget).
    maxWorkers: 2,
    globalSetup: ['test/support/pg-global-setup.ts'],
    // The console as usual, plus a JSON report that scripts/check-skips.mjs reads after the run:
    // a skipped test must not pass unseen.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'shared-ocr', include: SHARED_OCR, exclude: OWN_PROCESS, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: SHARED_OCR,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS } },
    ],
  },
});
