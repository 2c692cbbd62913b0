// The request-risk model as decide uses it, built from its artifact: by the week's loader and again by each decide
// worker thread (a Forest does not cross threads, its artifact does).
import { PathExplainer } from '../../models/explain/pathContributions.ts';
import { Forest } from '../../models/forest/index.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import type { CatalogueEntry } from '../../models/specs/specCatalogue.ts';
import { featureEntries } from '../score/explainRows.ts';
import { REQUEST_FEATURES } from './requestFeatures.ts';

export interface RequestModel {
  artifact: ArtifactFile;
  forest: Forest;
  explainer: PathExplainer;
  /** Catalogue entries of the model's features, in the model's order. */
  entries: CatalogueEntry[];
  /**
   * Median of each model feature over the requests of the newest built week (the "typical" of reasons); NaN when
   * unknown.
   */
  typical: Float64Array;
  /** For each model feature, its index in REQUEST_FEATURES. */
  gather: Int32Array;
}

/** The model of an artifact whose features are all among REQUEST_FEATURES (checked by the caller). */
export function requestModelOf(artifact: ArtifactFile, typical: Float64Array): RequestModel {
  const features = artifact.spec.features;
  const forest = Forest.fromJSON(artifact.forest);
  return {
    artifact,
    forest,
    explainer: new PathExplainer(forest.trees, features.length),
    entries: featureEntries(features, artifact.catalogue),
    typical,
    gather: Int32Array.from(features, (f) => (REQUEST_FEATURES as readonly string[]).indexOf(f)),
  };
}
