// What every page needs besides its own data: the settings the run used and the week's data coverage.
import type { DataCoverage, ReportSettings } from '../reportData.ts';

export interface PageContext {
  settings: ReportSettings;
  coverage: DataCoverage;
}
