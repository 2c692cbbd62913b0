// The config file: defaults when absent, every bad key reported at once, unreadable files named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOREST_LIMITS, MAX_BOOTSTRAP } from '../../../data/config/limits.ts';
import { loadConfig, readStructuredFile } from '../../../data/config/loadConfig.ts';
import { parseForestOptions } from '../../../models/forest/train/options.ts';

const dir = mkdtempSync(join(tmpdir(), 'tl-config-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('loadConfig', () => {
  it('fills every default from an empty file', () => {
    const { config } = loadConfig(file('empty.json', '{}'));
    expect(config.warehouse).toBe('data/warehouse.duckdb');
    expect(config.labels.abuseLabelDelayDays).toBe(28);
    expect(config.review.capacity).toBe(200);
    expect(config.generate.end).toBe('2026-11-02');
  });

  it('reads YAML and keeps the defaults of sections it does not name', () => {
    const { config } = loadConfig(file('c.yaml', 'review:\n  capacity: 50\n'));
    expect(config.review.capacity).toBe(50);
    expect(config.training.nTrees).toBe(100);
  });

  it('takes a web address or a path as the notebook link, never a script', () => {
    for (const url of ['https://notebooks.example.com/investigate-buyer.html', '../notebooks/investigate-buyer.html'])
      expect(
        loadConfig(file('nb-ok.json', JSON.stringify({ report: { notebookUrl: url } }))).config.report.notebookUrl,
      ).toBe(url);
    const p = file('nb.json', JSON.stringify({ report: { notebookUrl: 'javascript:alert(24)//' } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key report.notebookUrl: got "javascript:alert(24)//"; report.notebookUrl must be an http(s) address or a relative path`,
    );
  });

  it('reports unknown keys and bad values together', () => {
    const p = file(
      'bad.json',
      JSON.stringify({ review: { capacity: -5 }, labels: { delay: 3 }, tiers: { buyerHigh: 0.1 } }),
    );
    expect(() => loadConfig(p)).toThrow(
      [
        `${p}: 3 problems`,
        '  - unknown key "delay" under labels: remove it or check the spelling',
        '  - key review.capacity: got -5; review.capacity must be at least 1',
        '  - key tiers.buyerHigh: must be at least tiers.buyerElevated: raise it or lower buyerElevated',
      ].join('\n'),
    );
  });

  it('checks the tier order beside a bad key of the same section, and adds the problems of the files it names', () => {
    // the tier order showed only once merchantBy was fixed, the missing policy file only once the config was
    const p = file(
      'bad-tiers.json',
      JSON.stringify({
        tiers: { buyerHigh: 0.1, buyerElevated: 0.3, merchantBy: 'quantiles' },
        simulate: { policies: ['nope.yaml'] },
      }),
    );
    const named = (raw: unknown) => [`policy files named: ${JSON.stringify((raw as { simulate: unknown }).simulate)}`];
    expect(() => loadConfig(p, named)).toThrow(
      [
        `${p}: 3 problems`,
        '  - key tiers.merchantBy: got "quantiles"; Invalid option: expected one of "quantile"|"trust"',
        '  - key tiers.buyerHigh: must be at least tiers.buyerElevated: raise it or lower buyerElevated',
        '  - policy files named: {"policies":["nope.yaml"]}',
      ].join('\n'),
    );
  });

  // Each bound below failed only stages later (exit 1, no file, no key): the train stage, DuckDB, the memory limit.
  it('bounds training.nTrees by the trees the forest grows', () => {
    const p = file('trees.json', JSON.stringify({ training: { nTrees: 1e9 } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key training.nTrees: got 1000000000; training.nTrees must be at most 100,000 (the most trees the forest grows)`,
    );
  });

  it('bounds training.threads by the worker threads the forest runs', () => {
    const p = file('threads.json', JSON.stringify({ training: { threads: 1_000_000 } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key training.threads: got 1000000; training.threads must be at most 256 (the most worker threads the forest runs)`,
    );
  });

  it("bounds training.seed by the forest's 32-bit seed", () => {
    const p = file('seed.json', JSON.stringify({ training: { seed: -1 } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key training.seed: got -1; training.seed must be at least 0`,
    );
    const q = file('seed-big.json', JSON.stringify({ training: { seed: 2 ** 32 } }));
    expect(() => loadConfig(q)).toThrow(
      `${q}: 1 problem\n  - key training.seed: got 4294967296; training.seed must be at most 4,294,967,295 (the forest's seed is 32-bit)`,
    );
  });

  it('bounds simulate.bootstrap by what the simulator holds in memory', () => {
    const p = file('bootstrap.json', JSON.stringify({ simulate: { bootstrap: 1e12 } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key simulate.bootstrap: got 1000000000000; simulate.bootstrap must be at most 10,000 (intervals are steady long before; more only fills memory)`,
    );
  });

  it('reports every out-of-range key at once, a number past the safe integers once', () => {
    const p = file(
      'bounds.yaml',
      'training:\n  nTrees: 1e300\n  threads: 0.5\n  seed: 2.5\nsimulate:\n  bootstrap: 3000000\n',
    );
    expect(() => loadConfig(p)).toThrow(
      [
        `${p}: 4 problems`,
        '  - key training.seed: got 2.5; training.seed must be a whole number',
        '  - key training.nTrees: got 1e+300; training.nTrees must be at most 100,000 (the most trees the forest grows)',
        '  - key training.threads: got 0.5; training.threads must be at least 1',
        '  - key simulate.bootstrap: got 3000000; simulate.bootstrap must be at most 10,000 (intervals are steady long before; more only fills memory)',
      ].join('\n'),
    );
  });

  it("takes the largest values, and they pass the forest's own check", () => {
    const max = { nTrees: FOREST_LIMITS.nTrees.max, threads: FOREST_LIMITS.threads.max, seed: FOREST_LIMITS.seed.max };
    const p = file('max.json', JSON.stringify({ training: max, simulate: { bootstrap: MAX_BOOTSTRAP } }));
    const { config } = loadConfig(p);
    expect(config.training).toMatchObject(max);
    expect(config.simulate.bootstrap).toBe(10_000);
    expect(parseForestOptions(max)).toEqual(max);
    expect(() => parseForestOptions({ nTrees: max.nTrees + 1 })).toThrow(/nTrees: received 100001/);
  });

  it('shows NaN and infinity by name and asks for a finite number', () => {
    const p = file('nan.yaml', 'training:\n  threads: .nan\nreview:\n  minRisk: -.inf\n');
    expect(() => loadConfig(p)).toThrow(
      [
        `${p}: 2 problems`,
        '  - key training.threads: got NaN; must be a finite number (NaN and infinity are not allowed)',
        '  - key review.minRisk: got -Infinity; must be a finite number (NaN and infinity are not allowed)',
      ].join('\n'),
    );
    // JSON has no NaN, but a number too large for a double reads as Infinity
    const q = file('inf.json', '{ "training": { "nTrees": 1e999 } }');
    expect(() => loadConfig(q)).toThrow(
      `${q}: 1 problem\n  - key training.nTrees: got Infinity; must be a finite number (NaN and infinity are not allowed)`,
    );
  });

  it('refuses a file nested deeper than any setting, naming it, where the message overflowed the stack', () => {
    const deep = file('deep.json', `{"review":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(() => loadConfig(deep)).toThrow(
      `${deep}: nested more than 32 levels deep (at review[0][0][0]…); no setting nests that deep: check the file`,
    );
    const yaml = file('deep.yaml', `review: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(() => loadConfig(yaml)).toThrow(
      `${yaml}: nested too deep to read; no setting nests more than 32 levels: check the file`,
    );
    const shallow = file('shallow.yaml', `review: ${'['.repeat(40)}${']'.repeat(40)}\n`);
    expect(() => readStructuredFile(shallow)).toThrow(
      `${shallow}: nested more than 32 levels deep (at review[0][0][0]…); no setting nests that deep: check the file`,
    );
    const ok = file('ok.json', `{"review":${'['.repeat(31)}${']'.repeat(31)}}`);
    expect(readStructuredFile(ok)).toBeTruthy();
  });

  it('names a file that is not valid JSON', () => {
    const p = file('broken.json', '{ "review": ');
    expect(() => loadConfig(p)).toThrow(new RegExp(`^${p}: not valid JSON \\(.+\\); fix the syntax$`));
  });
});
