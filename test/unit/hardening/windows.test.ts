// A guard over the sources: every BrowserWindow / WebContentsView the app creates takes its
// webPreferences from windowWebPreferences() (unit-tested in test/unit/security), and no file
// anywhere turns isolation, the sandbox or web security off, or Node on. A second window added
// later cannot quietly skip the policy.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') };
    });
}

describe('window policy in the sources', () => {
  const app = [
    ...sources('electron'),
    ...sources('renderer/src'),
    ...sources('scripts'),
    ...sources('build'),
  ];

  it('every window is created with windowWebPreferences()', () => {
    let windows = 0;
    for (const { file, text } of app) {
      for (const m of text.matchAll(/new (BrowserWindow|BrowserView|WebContentsView)\s*\(/g)) {
        windows++;
        // The options object of this call: up to the matching close of `new X(`.
        let depth = 0;
        let end = m.index + m[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
        const call = text.slice(m.index, end);
        expect(call, `${file}: ${m[1]} without the policy`).toMatch(
          /webPreferences:\s*windowWebPreferences\(/,
        );
      }
    }
    expect(windows).toBeGreaterThan(0);
  });

  it('nothing turns isolation, the sandbox or web security off, or Node integration on', () => {
    const bad =
      /(contextIsolation|sandbox|webSecurity)\s*:\s*false|nodeIntegration(InWorker|InSubFrames)?\s*:\s*true|allowRunningInsecureContent\s*:\s*true|webviewTag\s*:\s*true|--no-sandbox.*app\.commandLine|disable-web-security/;
    const offenders = app
      .filter(({ file, text }) => !file.startsWith('scripts/') && bad.test(text))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
