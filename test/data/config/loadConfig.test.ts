// The config file: defaults when absent, every bad key reported at once, unreadable files named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../data/config/loadConfig.ts';

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

  it('names a file that is not valid JSON', () => {
    const p = file('broken.json', '{ "review": ');
    expect(() => loadConfig(p)).toThrow(new RegExp(`^${p}: not valid JSON \\(.+\\); fix the syntax$`));
  });
});
