// The reliability guarantees the README states (issue 21), each with the tests that prove it: the README's Reliability
// section is rendered from this list and the bad-input counts `npm run reliability` measures.

export interface Proof {
  /** Test file, relative to the repository. */
  file: string;
  /** The start of the test's title as written in the file (an `it.each` title keeps its %s). */
  test: string;
}

export interface Guarantee {
  title: string;
  statement: string;
  proofs: Proof[];
}

const ingest = (f: string) => `test/pipelines/ingest/${f}.test.ts`;

export const GUARANTEES: Guarantee[] = [
  {
    title: 'No row lost to a damaged file',
    statement:
      'A stray quote, a wrong field count, invalid UTF-8, a lone CR or line breaks of both kinds cost only the damaged ' +
      'lines: every other row loads ' +
      'or is quarantined alone with its physical line, and rows read = loaded + quarantined. Random damage to CSV, NDJSON ' +
      'and Parquet files never loses a row or merges two.',
    proofs: [
      { file: ingest('damagedFiles'), test: 'one stray quote in row 2 of 1,000 costs row 2 only' },
      { file: ingest('damagedFiles'), test: 'quarantines each line of a wrong field count alone' },
      { file: ingest('damagedFiles'), test: 'reads lines one by one when a quoted field runs over lines' },
      { file: ingest('damagedFiles'), test: 'quarantines a line with invalid UTF-8 and reads a file with a lone CR' },
      { file: ingest('damagedFiles'), test: 'quarantines a line of invalid UTF-8 alone' },
      { file: ingest('damagedFiles'), test: 'loads every row of %s (DuckDB refused the whole file and the batch)' },
      { file: ingest('contractRules'), test: 'quarantines CSV lines that cannot be parsed and NDJSON lines' },
      { file: ingest('damage.property'), test: '%s: every undamaged row loads exactly' },
      { file: ingest('damage.property'), test: 'parquet: a damaged file loads all of its rows or is refused whole' },
      {
        file: ingest('reconciliation.property'),
        test: 'holds for random mixes of good and bad rows across two batches',
      },
    ],
  },
  {
    title: 'No statement run from a mapping',
    statement:
      "Each `sql`, `sources` entry and `expr` of a mapping is one read-only SELECT, checked by DuckDB's parser before " +
      'anything runs; it runs in a sandbox that reads only files under `--from` and never sees the warehouse. Several ' +
      'statements, DDL, DML, COPY, ATTACH, PRAGMA, SET and reads outside `--from` are refused with their key, all at once.',
    proofs: [
      { file: ingest('mappingSandbox'), test: 'refuses several statements, DDL, DML, COPY, ATTACH, PRAGMA and SET' },
      { file: ingest('mappingSandbox'), test: 'refuses reads outside --from' },
      { file: ingest('mappingSandbox'), test: 'reports every problem of a mapping against its files at once' },
      { file: ingest('mapping'), test: 'reports every problem with its key, the value and the rule' },
      { file: ingest('mapping'), test: 'names the mapping key and the line when a mapped expression' },
    ],
  },
  {
    title: 'No week blocked by one value',
    statement:
      'A bad value quarantines its row, never the batch: odd column names (`rowid`, internal names, a name again in another case), ' +
      'timestamps outside the plausible range or not ISO 8601, `infinity` and other special words, money in any form ' +
      'but plain decimals, timestamps out of order within a row, text of any script. A 0-byte file is reported and skipped.',
    proofs: [
      { file: ingest('damagedFiles'), test: 'loads a CSV with columns named rowid' },
      { file: ingest('damagedFiles'), test: 'loads an NDJSON file whose objects hold keys named __row' },
      { file: ingest('plausibleValues'), test: 'quarantines infinity, epoch, year 1 and 294247' },
      { file: ingest('plausibleValues'), test: 'checks native Parquet timestamps and dates against the same range' },
      { file: ingest('plausibleValues'), test: 'quarantines 1e3, 1_000, 12.5e-1, +5 and padded numbers' },
      { file: ingest('plausibleValues'), test: 'quarantines a refund decided before it was requested' },
      { file: ingest('plausibleValues'), test: 'is reported and skipped: the good files of the week load' },
      { file: ingest('plausibleValues'), test: 'counts as delivered on a first load' },
      { file: ingest('contractRules'), test: 'writes one quarantine row per violation' },
      { file: ingest('contractRules'), test: 'pins the exact quarantine row of a bad refund' },
      { file: ingest('reingest'), test: 'keeps text byte for byte' },
    ],
  },
  {
    title: 'A killed or failed load changes nothing',
    statement:
      'A load is one transaction: a process killed mid-load, a corrupt file, a first load without every table or a ' +
      'file without a required column leave the warehouse as it was, and the error names the file.',
    proofs: [
      { file: ingest('atomicity'), test: 'survives the process being killed after orders were loaded' },
      { file: ingest('atomicity'), test: 'rolls back and names the file when a Parquet file' },
      { file: ingest('atomicity'), test: 'refuses a first load without all eight tables' },
      { file: ingest('atomicity'), test: 'rejects a CSV file missing a required column' },
    ],
  },
  {
    title: 'The run lock cannot go stale',
    statement:
      'A holder counts as alive only with the same pid, start time and boot, or while it holds DuckDB’s lock on the ' +
      'warehouse (released by the OS when it dies): a run killed in a PID namespace (pid 1 there) does not block the next.',
    proofs: [
      { file: 'test/pipelines/cli/runLock.test.ts', test: 'is taken over after a run in a PID namespace' },
      { file: 'test/pipelines/cli/runLock.test.ts', test: 'refuses a second writer while the holder runs' },
      { file: 'test/pipelines/cli/runLock.test.ts', test: 'counts a holder dead when its pid now belongs' },
      { file: 'test/pipelines/cli/runLock.test.ts', test: 'refuses a second writer in the same process' },
    ],
  },
  {
    title: 'Every failure names its cause and the fix',
    statement:
      'A memory limit too small, a full disk at the commit, a read-only warehouse or reports folder, a missing folder ' +
      '(created when safe), a delivery of misnamed files: each message names the cause and what to do. Read-only ' +
      'commands work on a read-only warehouse.',
    proofs: [
      { file: 'test/pipelines/cli/failureCauses.test.ts', test: 'names memoryLimit when it is too small for DuckDB' },
      { file: 'test/pipelines/cli/failureCauses.test.ts', test: 'does not call a good file unreadable' },
      {
        file: 'test/pipelines/cli/failureCauses.test.ts',
        test: 'shows the cause when the disk fills at the ingest commit',
      },
      { file: 'test/pipelines/cli/failureCauses.test.ts', test: 'reads a read-only warehouse for report' },
      { file: 'test/pipelines/cli/runLock.test.ts', test: 'creates a missing warehouse folder' },
      { file: ingest('fileNames'), test: 'refuses a delivery of misnamed files only' },
      {
        file: 'test/pipelines/export/runExport.test.ts',
        test: 'refuses an --out folder holding files of something else',
      },
    ],
  },
  {
    title: 'No leftovers, no drift',
    statement:
      'The next writing command cleans what a killed run left (build tables, temp folders, half-swapped reports and ' +
      'exports, unpublished artifacts), also of a run killed in a container; a writer killed at any file operation leaves ' +
      'the previous output or the whole new one; the models of one training run are published together or not at all; ' +
      'two runs of a week on the same rows write identical bytes in every table.',
    proofs: [
      { file: 'test/pipelines/run/leftovers.test.ts', test: "leaves a week's reports old or new" },
      { file: 'test/pipelines/run/leftovers.test.ts', test: 'leaves the previous export or the new one' },
      { file: 'test/pipelines/run/leftovers.test.ts', test: "publishes a training run's artifacts all together" },
      { file: 'test/pipelines/run/leftovers.test.ts', test: 'removes build tables, the ingest temp folder' },
      {
        file: 'test/pipelines/train/trainModels.test.ts',
        test: 'publishes nothing when a later model of the same run',
      },
      { file: 'test/pipelines/run/identicalRuns.test.ts', test: 'write identical bytes in every table' },
      { file: 'test/pipelines/run/identicalRuns.test.ts', test: 'publish byte-identical model artifacts' },
      { file: ingest('fileNames'), test: '%s belongs to %s' },
      { file: ingest('fileNames'), test: 'loads a weekly file named `orders w1.csv`' },
    ],
  },
  {
    title: 'Every quarantined row can be found and loaded again',
    statement:
      'Quarantine rows carry the file, the physical line and the row’s key when it could be read; `trustlens ' +
      'quarantine` counts them by batch, table and reason and lists one reason’s rows as a table or CSV; fixed rows ' +
      'delivered again load and are counted as loaded since.',
    proofs: [
      { file: 'test/pipelines/cli/quarantineCommand.test.ts', test: 'counts quarantined rows by batch, table' },
      { file: 'test/pipelines/cli/quarantineCommand.test.ts', test: 'lists the rows of one reason as CSV' },
      { file: 'test/pipelines/cli/quarantineCommand.test.ts', test: 'loads fixed rows delivered again' },
    ],
  },
];
