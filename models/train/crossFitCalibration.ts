// Calibration on held-out snapshots: the shipped map uses them all; metrics use maps fitted without the week they
// score.
import { applyCalibrator, fitCalibrator, type CalibrationMethod, type Calibrator } from '../calibration/calibrator.ts';

export interface HeldOutCalibration {
  calibrator: Calibrator;
  /**
   * Calibrated probability of each held-out row from a map that did not see that row's snapshot (in-sample if only one
   * snapshot).
   */
  outOfFold: Float64Array;
  note: string;
}

export function crossFitCalibration(
  method: CalibrationMethod,
  raw: Float64Array,
  labels: Uint8Array,
  snapshotIndex: Int32Array,
): HeldOutCalibration {
  const calibrator = fitCalibrator(method, raw, labels);
  const weeks = [...new Set(snapshotIndex)].sort((a, b) => a - b);
  if (weeks.length < 2) {
    return {
      calibrator,
      outOfFold: applyCalibrator(calibrator, raw),
      note: `${method} fitted on the one held-out snapshot; Brier and the reliability table are in-sample for the calibration.`,
    };
  }
  const outOfFold = new Float64Array(raw.length);
  for (const w of weeks) {
    const fitRows: number[] = [];
    const scoreRows: number[] = [];
    for (let i = 0; i < raw.length; i++) (snapshotIndex[i] === w ? scoreRows : fitRows).push(i);
    const fold = fitCalibrator(
      method,
      Float64Array.from(fitRows, (i) => raw[i]!),
      Uint8Array.from(fitRows, (i) => labels[i]!),
    );
    const p = applyCalibrator(
      fold,
      Float64Array.from(scoreRows, (i) => raw[i]!),
    );
    scoreRows.forEach((row, j) => (outOfFold[row] = p[j]!));
  }
  return {
    calibrator,
    outOfFold,
    note:
      `${method} fitted on the forest's predictions for all ${weeks.length} held-out snapshots (never on training rows). ` +
      'Brier score and the reliability table use leave-one-snapshot-out maps, so no row is scored by a map fitted on it.',
  };
}
