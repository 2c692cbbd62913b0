// The govern section of the config: defaults for every standard, the ladder and spot checks; bad values named with
// their key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { loadConfig } from '../../../data/config/loadConfig.ts';
import { STANDARDS } from '../../../data/vocabulary/governStandards.ts';

const dir = mkdtempSync(join(tmpdir(), 'tl-govern-config-'));

describe('config govern', () => {
  it('has a limit, minimum cases and points for every standard of the scorecard, and only those', () => {
    const g = configSchema.parse({}).govern;
    expect(Object.keys(g.standards).sort()).toEqual(STANDARDS.map((s) => s.key).sort());
    expect(g.standards.ticketResponseLate).toEqual({ limit: 0.5, minCases: 2, points: 2, hours: 24 });
    expect(g.ladder).toMatchObject({ warningPoints: 1, closurePoints: 72, decayWeeks: 8, maxStepsPerWeek: 1 });
    expect(g.spotCheck).toEqual({ size: 40, riskShare: 0.5, seed: 17 });
    expect(g.confidence).toBe(0.5); // the value alone judges, as before the setting existed
  });

  it('keeps the defaults of what a file leaves out', () => {
    const p = join(dir, 'c.json');
    writeFileSync(
      p,
      JSON.stringify({ govern: { standards: { lateShipment: { limit: 0.04 } }, spotCheck: { size: 10 } } }),
    );
    const g = loadConfig(p).config.govern;
    expect(g.standards.lateShipment).toEqual({ limit: 0.04, minCases: 2, points: 2 });
    expect(g.spotCheck.size).toBe(10);
    expect(g.historyWeeks).toBe(26);
  });

  it('takes the confidence of a failure between 0.5 (the value alone) and 0.999', () => {
    expect(configSchema.parse({ govern: { confidence: 0.9 } }).govern.confidence).toBe(0.9);
    const p = join(dir, 'confidence.json');
    writeFileSync(p, JSON.stringify({ govern: { confidence: 95 } }));
    expect(() => loadConfig(p)).toThrow(
      `${p}: 1 problem\n  - key govern.confidence: got 95; govern.confidence must be between 0.5 and 0.999`,
    );
  });

  it('reports every bad value with its key and the fix', () => {
    const p = join(dir, 'bad.json');
    writeFileSync(
      p,
      JSON.stringify({
        govern: {
          standards: { disputesLost: { limit: 2, minCases: 0 }, noSuchStandard: {} },
          ladder: { suspensionPoints: 80 },
          spotCheck: { riskShare: -0.1 },
        },
      }),
    );
    expect(() => loadConfig(p)).toThrow(
      [
        `${p}: 5 problems`,
        '  - key govern.standards.disputesLost.limit: got 2; govern.standards.disputesLost.limit must be between 0 and 1',
        '  - key govern.standards.disputesLost.minCases: got 0; govern.standards.disputesLost.minCases must be at least 1',
        '  - unknown key "noSuchStandard" under govern.standards: remove it or check the spelling',
        '  - key govern.ladder.rectificationPoints: ladder points must rise with the level: warningPoints <= rectificationPoints <= demotionPoints <= pointDeductionPoints <= suspensionPoints <= closurePoints; reorder them',
        '  - key govern.spotCheck.riskShare: got -0.1; govern.spotCheck.riskShare must be between 0 and 1',
      ].join('\n'),
    );
  });
});
