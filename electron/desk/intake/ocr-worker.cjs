/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS worker script, loaded by path */
'use strict';
// The OCR worker thread: tesseract.js's own Node worker script, but loading the LSTM-only engine.
// We always run OEM 1 (LSTM only), and tesseract.js 7 means to load its smaller LSTM-only build
// for it, but hands its getCore a boolean where it compares the engine mode, so it always loads
// the full build with the legacy engine: 0.6 MB more WebAssembly to compile in every worker,
// ~90 ms of each worker's start. Everything else is tesseract.js's own code.
// Plain CommonJS, not TypeScript: a worker thread loads it by path, in the sources as in the bundle.
const { createRequire } = require('node:module');
const { parentPort } = require('node:worker_threads');
const worker = require('tesseract.js/src/worker-script');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');
const cache = require('tesseract.js/src/worker-script/node/cache');
// tesseract.js's own dependencies, resolved from where it is installed.
const fromTesseract = createRequire(require.resolve('tesseract.js'));
const { simd, relaxedSimd } = fromTesseract('wasm-feature-detect');

let core = null;

/**
 * Leptonica's complaints about the boxes of a small crop ("Error in boxClipToRectangle: box
 * outside rectangle") went to the process's stderr, where a CLI user or a script reading it takes
 * them for the desk's own errors. They change nothing in the reading; anything else still shows.
 */
const LEPTONICA_NOTE = /^(Error|Warning|Info) in \w+: /;
function printErr(text) {
  if (!LEPTONICA_NOTE.test(text)) process.stderr.write(`${text}\n`);
}

/** The LSTM-only core, with the widest SIMD this runtime has (Electron's V8 has relaxed SIMD). */
async function getCore(_lstmOnly, _corePath, res) {
  if (core) return core;
  res.progress({ status: 'loading tesseract core', progress: 0 });
  let factory;
  if (await relaxedSimd()) factory = fromTesseract('tesseract.js-core/tesseract-core-relaxedsimd-lstm');
  else if (await simd()) factory = fromTesseract('tesseract.js-core/tesseract-core-simd-lstm');
  else factory = fromTesseract('tesseract.js-core/tesseract-core-lstm');
  core = (moduleArg) => factory({ ...moduleArg, printErr });
  res.progress({ status: 'loading tesseract core', progress: 1 });
  return core;
}

parentPort.on('message', (packet) => {
  worker.dispatchHandlers(packet, (obj) => parentPort.postMessage(obj));
});

worker.setAdapter({ getCore, gunzip, fetch: globalThis.fetch, ...cache });
