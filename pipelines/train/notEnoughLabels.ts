// The error `train` gives when a model cannot learn yet: which labels it needs, over which snapshots, and how many it
// found.
import type { ModelName } from '../../models/artifactSchema.ts';
import { UserError } from '../../data/validation/errors.ts';

export class NotEnoughLabels extends UserError {
  constructor(
    readonly model: ModelName,
    /** What the model needs and what was found, one sentence without the model name. */
    readonly explanation: string,
  ) {
    super(`${model} cannot be trained yet: ${explanation}`);
    this.name = 'NotEnoughLabels';
  }
}
