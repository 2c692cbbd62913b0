// Test runner settings: UTC clock, two projects — `unit` (fast, one process per worker) and `e2e` (browsers, whole
// pipeline, stages re-run many times).
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

/**
 * The e2e project: suites that launch Chromium or a child process, run the whole weekly pipeline, or re-run a whole
 * stage many times (properties, multi-batch histories). Add a suite here when it does one of those; everything else
 * under test/ is a unit suite and should finish in a second or two.
 */
export const E2E_SUITES = [
  'test/reports/browser.test.ts', // Chromium: every report page
  'test/notebooks/notebooks.test.ts', // Chromium: exports the sample, builds and opens the notebooks
  'test/pipelines/run/runWeekly.test.ts', // generate → every stage, two weeks, reruns
  'test/pipelines/run/identicalRuns.test.ts', // generate → two whole runs, every table compared
  'test/pipelines/run/leftovers.test.ts', // writers killed in child processes at every file operation
  'test/pipelines/run/shortHistory.test.ts', // three whole runs on 0, 1 and 3 weeks of data
  'test/pipelines/run/foreignLayout.test.ts', // a whole run on a foreign export through its mapping
  'test/pipelines/features/knownAt.test.ts', // ingests corrections and rebuilds features four times
  'test/models/forest/reference.test.ts', // trains ml-random-forest next to the engine
  'test/pipelines/features/buildFeatures.test.ts', // the features stage: weekly history, rebuilds, failed builds
  'test/pipelines/features/pointInTime.test.ts', // property: 13 feature builds
  'test/pipelines/features/onePassSnapshots.test.ts', // generate, two deliveries, six dates in one pass and one by one
  'test/pipelines/ingest/atomicity.test.ts', // kills a child process mid-ingest, file warehouses
  'test/pipelines/ingest/reingest.test.ts', // the ingest stage batch after batch
  'test/pipelines/ingest/reconciliation.property.test.ts', // property: 20 ingests
  'test/pipelines/ingest/damage.property.test.ts', // property: 90 ingests of damaged files
  'test/pipelines/cli/runLock.test.ts', // child processes holding the lock, one in a PID namespace
  'test/pipelines/cli/failureCauses.test.ts', // the CLI in child processes, on tiny and read-only mounts
  'test/pipelines/simulate/pointInTime.test.ts', // property: 27 request-context builds
  'test/pipelines/simulate/riskThresholdMonotone.test.ts', // property: 25 context builds and 50 replays
  'test/pipelines/train/retrainStability.test.ts', // the default marketplace: generated, ingested, trained twice
  'test/reports/pageLayout.test.ts', // Chromium: every report page at two widths, layout checks
  'test/reports/reasonStrings.test.ts', // generate → two weekly runs with a retrain, every reason string, the rescored report
  'test/pipelines/cli/cliExplains.test.ts', // the CLI end to end, a weekly run that fails after ingest
  'test/pipelines/govern/incremental.test.ts', // generate, three deliveries, the govern stage 20 times
  'test/pipelines/features/planRequestWeeks.test.ts', // generate, four deliveries, request weeks built ten times
];

export default defineConfig({
  test: {
    // No include here: project arrays extend the root's rather than replace them.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Files share a process (and its loaded modules) per worker: isolating each file cost more CPU than its tests.
        // A unit suite must therefore restore what it changes (spies, globals) and must not rely on vi.mock of a module
        // another file may have loaded first (see test/models/forest/explainParallel.test.ts).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E_SUITES, isolate: false },
      },
      // On two cores shared with other work a property re-running a stage takes minutes, and the weekly run's setup
      // (generate, then two whole runs) more: the timeouts catch hangs, set here once instead of per test.
      { extends: true, test: { name: 'e2e', include: E2E_SUITES, testTimeout: 300_000, hookTimeout: 600_000 } },
    ],
  },
});
