// The lint rule that keeps imports between top-level folders one way: a planted wrong import fails, allowed ones pass.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function directionErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'trustlens/import-direction').map((m) => m.message);
}

describe('import direction (eslint rule trustlens/import-direction)', () => {
  it('fails a models file importing from pipelines, naming both folders and the fix', async () => {
    const errors = await directionErrors(
      'models/train/planted.ts',
      "import { runLock } from '../../pipelines/cli/runLock.ts';\nexport const x = runLock;\n",
    );
    expect(errors).toEqual([
      'models/ may not import from pipelines/ ("../../pipelines/cli/runLock.ts"): imports run data ← models ← reports ← pipelines ← notebooks. Move the shared piece to the lower folder (shared infrastructure lives in data/).',
    ]);
  });

  it.each([
    ['data/warehouse/planted.ts', "import { x } from '../../models/artifactSchema.ts';"],
    ['data/synthetic/planted.ts', "export { x } from '../../reports/html/page.ts';"],
    ['reports/pages/planted.ts', "import type { x } from '../../pipelines/cli/defineCommand.ts';"],
    ['models/specs/planted.ts', "const m = await import('../../reports/psi.ts');"],
    ['pipelines/run/planted.ts', "import { x } from '../../notebooks/build.ts';"],
  ])('fails %s importing against the direction', async (file, code) => {
    expect(await directionErrors(file, `${code}\nexport const y = 1;\n`)).toHaveLength(1);
  });

  it.each([
    ['models/train/planted.ts', "import { x } from '../../data/time/isoDate.ts';"],
    ['reports/pages/planted.ts', "import { x } from '../../models/artifactSchema.ts';"],
    ['pipelines/score/planted.ts', "import { x } from '../../reports/html/page.ts';"],
    ['test/models/planted.test.ts', "import { x } from '../../pipelines/cli/runLock.ts';"],
    ['data/warehouse/planted.ts', "import { x } from './quoteIdent.ts';"],
  ])('allows %s', async (file, code) => {
    expect(await directionErrors(file, `${code}\nexport const y = x;\n`)).toEqual([]);
  });
});
