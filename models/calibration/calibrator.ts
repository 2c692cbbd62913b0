// A fitted probability calibration (isotonic or Platt): one type to store in artifacts, fit on held-out rows, and
// apply.
import { z } from 'zod';
import type { Scores } from '../metrics/index.ts';
import { applyIsotonic, fitIsotonic, type IsotonicMap } from './isotonic.ts';
import { applyPlatt, fitPlatt, type PlattMap } from './platt.ts';

export const CALIBRATION_METHODS = ['isotonic', 'platt'] as const;
export type CalibrationMethod = (typeof CALIBRATION_METHODS)[number];
export type Calibrator = IsotonicMap | PlattMap;

export const calibratorSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('isotonic'),
      x: z.array(z.number()).min(1),
      y: z.array(z.number().min(0).max(1)).min(1),
    })
    .refine((m) => m.x.length === m.y.length, { message: 'x and y must have the same length' }),
  z.object({ method: z.literal('platt'), a: z.number(), b: z.number() }),
]);

export function fitCalibrator(method: CalibrationMethod, scores: Scores, labels: Uint8Array): Calibrator {
  return method === 'isotonic' ? fitIsotonic(scores, labels) : fitPlatt(scores, labels);
}

export function applyCalibrator(calibrator: Calibrator, scores: Scores): Float64Array {
  return calibrator.method === 'isotonic' ? applyIsotonic(calibrator, scores) : applyPlatt(calibrator, scores);
}
