// Static file resolution for the built renderer, shared by the browser host and Electron's app://
// protocol. The raw (still-encoded) URL path is checked before decoding, because the dangerous
// forms (%2e%2e, %2f, %5c, NUL) only become dangerous after decoding; then the resolved real path
// (symlinks followed) must still be inside the real root.
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticResolution =
  | { kind: 'file'; filePath: string; contentType: string; size: number }
  | { kind: 'bad-request'; reason: string }
  | { kind: 'not-found' };

/**
 * Checks the raw path (no query string, still percent-encoded). Anything that could climb out of
 * the root or smuggle a separator is refused outright rather than normalised: no legitimate asset
 * URL of a Vite build contains these.
 */
export function rawPathProblem(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return 'path must start with /';
  if (rawPath.includes('\0') || /%00/i.test(rawPath)) return 'NUL in path';
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return 'backslash in path';
  if (/%2f/i.test(rawPath)) return 'encoded slash in path';
  if (/%2e/i.test(rawPath)) return 'encoded dot in path';
  if (/%25/i.test(rawPath)) return 'double-encoded path';
  if (rawPath.split('/').some((seg) => seg === '..' || seg === '.')) return 'dot segment in path';
  if (rawPath.includes('//')) return 'empty segment in path';
  return null;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Maps a URL path to a regular file under rootDir. `/` maps to index.html. Hidden files
 * (dot-segments such as .env) are never served.
 */
export function resolveStatic(rootDir: string, rawPath: string): StaticResolution {
  const problem = rawPathProblem(rawPath);
  if (problem) return { kind: 'bad-request', reason: problem };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request', reason: 'malformed percent-encoding' };
  }
  // Decoding cannot introduce these after the raw checks above, but check again: cheap and final.
  if (decoded.includes('\0') || decoded.includes('\\'))
    return { kind: 'bad-request', reason: 'bad character in path' };
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.')))
    return { kind: 'not-found' };

  let realRoot: string;
  try {
    realRoot = fs.realpathSync(rootDir);
  } catch {
    return { kind: 'not-found' };
  }
  const candidate = path.resolve(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return { kind: 'not-found' };
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return { kind: 'not-found' };
  }
  // A symlink inside dist/renderer that points elsewhere must not become a window onto the disk.
  if (!isInside(realRoot, real)) return { kind: 'not-found' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch {
    return { kind: 'not-found' };
  }
  if (!stat.isFile()) return { kind: 'not-found' };
  return { kind: 'file', filePath: real, contentType: contentTypeFor(real), size: stat.size };
}
