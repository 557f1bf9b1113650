export { auc } from './auc.js';
export { evaluateModel, type Evaluation } from './evaluate-model.js';
export { FeatureSpec, type FeatureDefinition, type LeadRow, type LeadValue } from './feature-spec.js';
export { holdoutSplit, idBucket } from './holdout-split.js';
export { MODEL_FORMAT, Model, parseModel } from './model.js';
export { sigmoid } from './logistic-regression.js';
export { leadScorer, scoreLead, type Contribution, type LeadScore } from './score-lead.js';
export { topFactors, type Factor } from './top-factors.js';
export { DEFAULT_TRAIN_OPTIONS, trainModel, type TrainOptions } from './train-model.js';
