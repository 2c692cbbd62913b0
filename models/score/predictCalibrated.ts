// Calibrated probabilities of a fitted model for new rows: the forest's vote share mapped through the artifact's
// calibration.
import type { Forest } from '../forest/index.ts';
import type { ArtifactFile } from '../registry/artifactFile.ts';
import { applyCalibrator } from '../calibration/calibrator.ts';

/**
 * Calibrated probabilities of a fitted model for new rows; large batches are predicted on `threads` threads (same
 * values).
 */
export async function predictCalibrated(
  forest: Forest,
  artifact: ArtifactFile,
  columns: Float32Array[],
  threads = 1,
): Promise<{ raw: Float64Array; probability: Float64Array }> {
  const raw = await forest.predictProbaAsync(columns, { threads });
  return { raw, probability: applyCalibrator(artifact.calibration, raw) };
}
