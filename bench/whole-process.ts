// Whole processes timed from outside, as an agent or a script meets them: start-up, work and exit
// included. Shared by the intake and start-up benchmarks.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The p-quantile of `xs` (nearest rank). */
export const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};
export const fmt = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '-');

/** A process run once: wall ms, CPU ms and peak RSS (MB) of the largest process it waited for. */
export interface Run {
  wall: number;
  cpu: number;
  rss: number;
}

/** Runs `argv` (through /usr/bin/time, for its CPU and peak memory); fails loudly on a non-zero exit. */
export function timed(argv: string[], env: NodeJS.ProcessEnv = {}): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...argv], {
    cwd: ROOT,
    env: { ...shellEnv(), ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-400)}`);
  const [u, sys, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: ((u ?? NaN) + (sys ?? NaN)) * 1000, rss: (kb ?? NaN) / 1024 };
}

/**
 * This process's environment less what `npm run bench` adds (npm_config_*, npm_lifecycle_*…):
 * a nested `npm run desk` would take those as its settings, where an agent's shell has none
 * (measured: ~5% slower with them).
 */
export function shellEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** A and B in turn, `n` times each (after one warm-up of each): medians and the paired ratio. */
export function alternate(
  n: number,
  a: () => Run,
  b: () => Run,
): { a: Run; b: Run; ratio: number; spread: string; runs: number } {
  a();
  b();
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < n; i++) {
    as.push(a());
    bs.push(b());
  }
  const med = (rs: Run[], k: keyof Run) =>
    q(
      rs.map((r) => r[k]),
      0.5,
    );
  const ratios = as.map((r, i) => r.wall / bs[i]!.wall);
  return {
    a: { wall: med(as, 'wall'), cpu: med(as, 'cpu'), rss: Math.max(...as.map((r) => r.rss)) },
    b: { wall: med(bs, 'wall'), cpu: med(bs, 'cpu'), rss: Math.max(...bs.map((r) => r.rss)) },
    ratio: q(ratios, 0.5),
    spread: `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`,
    runs: n,
  };
}

/** The desk as `npm run desk` runs it, without npm in front. */
export const DESK = ['node', path.join(ROOT, 'scripts/desk.mjs')];

export function report(label: string, r: ReturnType<typeof alternate>, aName: string, bName: string): void {
  console.log(
    `${label}: ${aName} ${fmt(r.a.wall)} ms (cpu ${fmt(r.a.cpu)}, peak ${fmt(r.a.rss)} MB) vs ${bName} ${fmt(r.b.wall)} ms ` +
      `(cpu ${fmt(r.b.cpu)}); ratio ${r.ratio.toFixed(2)} (pairs ${r.spread}), medians of ${r.runs} alternating runs`,
  );
}
