// The model specs by name: the one place to change what each model reads, predicts and is compared with.
import type { ModelName } from '../artifactSchema.ts';
import { ABUSE_RISK_SPEC } from './abuseRisk.ts';
import { MERCHANT_TRUST_SPEC } from './merchantTrust.ts';
import { REQUEST_RISK_SPEC } from './requestRisk.ts';
import type { ModelSpec } from './modelSpec.ts';

export const MODEL_SPECS: Record<ModelName, ModelSpec> = {
  'abuse-risk': ABUSE_RISK_SPEC,
  'merchant-trust': MERCHANT_TRUST_SPEC,
  'request-risk': REQUEST_RISK_SPEC,
};

export { modelSpecSchema, type ModelSpec, type RuleBaseline, type DerivedColumn } from './modelSpec.ts';
