// README tables that restate config or policy values come from the config schema and the policy files: they cannot
// drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../../data/config/configSchema.ts';
import { GENERATED_FILES, renderReadme } from '../../../../pipelines/cli/docs/updateReadme.ts';
import { policyDocsMarkdown } from '../../../../pipelines/cli/docs/policyDocs.ts';
import { tierDocsMarkdown } from '../../../../pipelines/cli/docs/tierDocs.ts';
import { loadPolicies } from '../../../../pipelines/simulate/policy/loadPolicy.ts';

describe('generated README tables', () => {
  it.each(Object.entries(GENERATED_FILES))(
    '%s matches its sources (run: npx tsx pipelines/cli/docs/updateReadme.ts)',
    (file, sections) => {
      const text = readFileSync(file, 'utf8');
      expect(renderReadme(text, sections)).toBe(text);
    },
  );

  it('states the tier thresholds of the config defaults', () => {
    const t = configSchema.parse({}).tiers;
    const table = tierDocsMarkdown();
    // Default tiers are shares of the shops (tiers.merchantBy: quantile); fixed trust thresholds go with 'trust'.
    expect(table).toContain(`| merchant | \`at-risk\` | lowest ${Math.round(t.merchantAtRiskShare * 100)}% of trust |`);
    expect(table).toContain('| merchant | `inactive` |');
    expect(table).toContain(`| buyer | \`high\` | calibrated abuse risk ≥ ${t.buyerHigh} |`);
  });

  it("states the shipped policies' own thresholds (risk-gated asks for a return from the file's value)", () => {
    const [riskGated] = loadPolicies(['data/policies/risk-gated.yaml']);
    const threshold = riskGated!.rules
      .flatMap((r) => r.when)
      .filter((c) => c.field === 'buyer_risk' && actionOf(riskGated!, c) === 'refund_after_return')[0]!.value as number;
    expect(policyDocsMarkdown()).toContain(
      `when buyer risk is at least ${threshold * 100}%: refund after the goods come back.`,
    );
    expect(readFileSync('README.md', 'utf8')).not.toMatch(
      /top-rated ≥ 85|standard ≥ 65|buyer risk < 0\.2 \(or unscored\)/,
    );
  });
});

function actionOf(p: ReturnType<typeof loadPolicies>[number], c: unknown): string | undefined {
  return p.rules.find((r) => r.when.includes(c as never))?.action;
}
