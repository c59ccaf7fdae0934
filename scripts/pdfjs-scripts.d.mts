// Types for pdfjs-scripts.mjs (imported by a test).
import type { LogLevel } from 'esbuild';

export function buildPdfjsScripts(dir: string, opts?: { logLevel?: LogLevel }): Promise<void>;
export function unpackOnDemand(src: string): string | null;
