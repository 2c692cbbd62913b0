// The plain data objects the report pages render; loadReportData fills them from the warehouse, tests write them
// literally.
import type { QueueSummary } from '../data/warehouse/tables/queueSummary.ts';
import { CONFIG_DEFAULTS, type TrustlensConfig } from '../data/config/configSchema.ts';
import type { SimResultRow } from '../data/warehouse/tables/simResultRow.ts';
import type { ArtifactSummary, ModelName } from '../models/artifactSchema.ts';
import type { ScoredModel } from './html/modelNotice.ts';

/** Activity of one week [weekStart, weekEnd): orders by created_at, refund requests by requested_at. */
export interface WeekStats {
  weekStart: string;
  /** Exclusive end: the as-of date of the week. */
  weekEnd: string;
  orders: number;
  gmv: number;
  refundRequests: number;
  refundOnlyRequests: number;
  /** refundRequests / orders; null without orders. */
  refundRequestRate: number | null;
  /** refundOnlyRequests / refundRequests; null without requests. */
  refundOnlyShare: number | null;
  /**
   * Σ approved refund-only amount × buyer's latest calibrated risk scored on or before weekEnd; null when no scores
   * exist.
   */
  estimatedAbuseLoss: number | null;
}

/**
 * Whether a week holds the data a report needs. `future`: the warehouse's data ends before the week starts; `empty`: no
 * order in the week although later data exists (a missing delivery); `partial`: the data stops inside the week, or the
 * week has far fewer orders than the weeks before it.
 */
/** `before`: the week ends before the warehouse's first order (the data starts later: nothing is missing). */
export type WeekStatus = 'complete' | 'partial' | 'empty' | 'future' | 'before';

export interface WeekCoverage {
  weekStart: string;
  weekEnd: string;
  status: WeekStatus;
  orders: number;
  /** Why a week is not complete, one sentence. */
  cause: string | null;
}

/**
 * The data behind the report week and the week it is compared with; every page shows a notice when either is not
 * complete.
 */
export interface DataCoverage {
  asOf: string;
  /** Latest order time in the warehouse, "YYYY-MM-DD HH:MM" UTC; null without orders. */
  dataEnd: string | null;
  current: WeekCoverage;
  previous: WeekCoverage;
}

export interface CategoryStats {
  category: string;
  current: WeekStats;
  previous: WeekStats;
}

export interface MerchantMove {
  merchantId: string;
  name: string;
  category: string;
  trustBefore: number;
  trustNow: number;
  tierBefore: string;
  tierNow: string;
  /**
   * What moved the score: for a faller the features that worsened most, for a riser those that improved most, with last
   * week's value.
   */
  reasons: string[];
  /**
   * For a tier move: model when the retrained trust model moved it (last week's model kept its tier), data otherwise.
   */
  moveCause?: 'model' | 'data' | null;
}

/** Tier moves of the week by cause, when the trust model changed since the previous score. */
export interface ModelChangeMoves {
  previousModelDate: string;
  modelDate: string;
  byModel: number;
  byData: number;
}

export interface TierCount {
  tier: string;
  current: number;
  /** Last week under this week's model (rescored when the model changed): the comparable count. */
  previous: number | null;
  /** Last week as published, under last week's model; equals `previous` when the model did not change. */
  previousPublished?: number | null;
}

/** A model whose date differs between last week's published scores and this week's. */
export interface ModelChange {
  model: ModelName;
  /** Model date behind last week's published scores. */
  before: string | null;
  /** Model date behind this week's scores. */
  now: string | null;
}

/**
 * How this week is compared with the last: against which week, and whether last week was rescored with this week's
 * models.
 */
export interface WeekComparison {
  /** Latest scored week before the as-of date (normally as-of − 7), null without one. */
  previousAsOf: string | null;
  /** Models that changed since last week (empty when none did). */
  changed: ModelChange[];
  /** True when last week's scores were recomputed with this week's models for every comparison on the page. */
  rescored: boolean;
  /** Why a changed model could not be applied to last week (artifact missing…); null otherwise. */
  rescoreProblem: string | null;
}

export interface FlaggedCount {
  current: number;
  /** Comparable: last week under this week's model. */
  previous: number | null;
  /** Last week as published (old model when it changed). */
  previousPublished?: number | null;
}

export interface MoversData {
  previousAsOf: string;
  fallers: MerchantMove[];
  risers: MerchantMove[];
  /** Orders in the trust window a merchant needed, this week and last (config report.moverMinOrders). */
  minOrders: number;
  /** Merchants left out: inactive (no orders in the window) and active with fewer than minOrders. */
  excludedInactive: number;
  excludedFewOrders: number;
  /**
   * Reasons come from TreeSHAP of both weeks under this week's model; false when the model artifact was not readable.
   */
  reasonsExplained: boolean;
}

export interface WeeklyTrustData {
  asOf: string;
  current: WeekStats;
  previous: WeekStats;
  /** Oldest first, ending with `current`. */
  trend: WeekStats[];
  /** Buyers in the high risk tier at the as-of score and at the previous score; null without scores. */
  flagged: FlaggedCount | null;
  /** Merchant trust tiers at the as-of score and at the previous score; null without merchant scores. */
  merchantTiers: TierCount[] | null;
  categories: CategoryStats[];
  /**
   * Biggest trust fallers and risers between the previous and the as-of merchant score; null without two score weeks.
   */
  movers: MoversData | null;
  comparison: WeekComparison;
  /**
   * Abusive refund-only money merchants bore (the govern stage's ledger); null before `trustlens govern` ran; absent in
   * data from before the ledger existed.
   */
  compensation?: CompensationTrend | null;
}

/** One week of the compensation ledger summed over merchants; null values before the ledger's first week. */
export interface CompensationWeek {
  weekEnd: string;
  confirmed: number | null;
  expected: number | null;
}

export interface CompensationTrend {
  /** Oldest first, ending with the as-of week. */
  trend: CompensationWeek[];
}

export interface RiskQueueRow {
  rank: number;
  buyerId: string;
  risk: number;
  tier: string;
  expectedLoss: number;
  refundOnlyAmount30d: number;
  reasons: string[];
  groupId: string | null;
  groupSize: number;
  groupMembers: string[];
  groupConfirmedAbusers: number;
}

export interface RiskQueueData {
  asOf: string;
  /** Accounts the risk team reviews per week (config review.capacity). */
  capacity: number;
  /** null when the score stage has not written a queue for this week. */
  rows: RiskQueueRow[] | null;
  /**
   * Expected loss summed over every scored buyer this week, so the queue's share of it can be shown; null when unknown.
   */
  totalExpectedLoss: number | null;
  /**
   * Accounts above the floors already confirmed or under investigation: listed apart, taking no capacity; null/absent
   * when not stored.
   */
  handled?: RiskQueueHandledRow[] | null;
  /** The queue's floors and counts (why a week's queue is short); null/absent when not stored. */
  summary?: RiskQueueSummary | null;
}

export interface RiskQueueHandledRow {
  rank: number;
  buyerId: string;
  risk: number;
  tier: string;
  expectedLoss: number;
  reasons: string[];
  /** confirmed_abuse or open_investigation. */
  handledAs: string;
  handledSince: string;
  caseId: string;
}

/** The queue's floors and counts, as the score stage stores them. */
export type RiskQueueSummary = QueueSummary;

/** One stored simulation metric, exactly as the simulate stage writes it to sim_results. */
export type SimResult = SimResultRow;

/** A replayed scenario as its policy file states it, in words. */
export interface ScenarioInfo {
  name: string;
  description: string | null;
  /** The rules in order, each as one sentence ("refund-only requests with buyer risk ≥ 0.5 → manual review"). */
  rules: string[];
  /** Review capacity, deadline and cost assumptions, in words. */
  settings: string[];
  file: string;
}

export interface PolicyImpactData {
  asOf: string;
  /** The scenario others are compared with. */
  baseline: string;
  /** null when `trustlens simulate` has not run for this week. */
  results: SimResult[] | null;
  /** The configured scenarios' descriptions (from their policy files), by name. */
  scenarios: ScenarioInfo[];
  /** The replayed window [from, to) and the refund requests per replayed week, oldest first. */
  window: { from: string; to: string; weeks: { weekEnd: string; requests: number }[] } | null;
}

export type ArtifactState =
  | { status: 'ok'; file: string; summary: ArtifactSummary }
  | { status: 'missing'; dir: string }
  | { status: 'invalid'; file: string; problems: string[] };

/** How this week's scored data differs from the data the model was trained on. */
export interface TrainingComparison {
  /** Source tables with rows at training time but none now (or the reverse), e.g. "reviews". */
  sources: { table: string; training: number; now: number }[];
  /**
   * Per feature: share of unknown (null) values in training and now, and PSI of now against training; largest first.
   */
  features: { feature: string; unknownTraining: number; unknownNow: number; psi: number | null }[];
  /** Where the training distribution came from: the artifact's profile or the warehouse's training snapshots. */
  basis: string;
}

export interface ModelSection {
  model: ModelName;
  artifact: ArtifactState;
  /** null when the training data is not available to compare with (old artifact, snapshots not in this warehouse). */
  training?: TrainingComparison | null;
  /** Why `training` is null, in a sentence for the card. */
  trainingUnavailable?: string;
}

export interface DriftRow {
  feature: string;
  psi: number;
  previousMean: number | null;
  currentMean: number | null;
  /**
   * Set for features that move by construction (ages): last week's values were advanced by the days between the weeks.
   */
  adjusted?: string;
}

export interface DriftSection {
  /** e.g. "Buyer features", "Buyer risk score". */
  subject: string;
  currentAsOf: string;
  /** null when there is no earlier week to compare with. */
  previousAsOf: string | null;
  /** null when the source table is missing. */
  rows: DriftRow[] | null;
}

/** Config values the pages quote, so the text follows the settings the run used. */
export interface ReportSettings {
  retrainIntervalDays: number;
  merchantHorizonDays: number;
  /** ISO 4217 code shown with money (config report.currency); null: plain numbers with a note. */
  currency: string | null;
  tiers: {
    buyerHigh: number;
    buyerElevated: number;
    merchantTopRated: number;
    merchantStandard: number;
    merchantWatch: number;
    merchantBy: 'quantile' | 'trust';
    merchantStickiness: number;
  };
  /** Base URL of the investigate-buyer notebook; the queue links `<url>?buyer=<id>`; null: no links. */
  notebookUrl: string | null;
  /** The governance numbers the merchant-operations page states (config govern.windowDays and govern.ladder). */
  govern: {
    windowDays: number;
    confidence: number;
    ladder: Pick<
      TrustlensConfig['govern']['ladder'],
      | 'warningPoints'
      | 'rectificationPoints'
      | 'demotionPoints'
      | 'pointDeductionPoints'
      | 'suspensionPoints'
      | 'closurePoints'
      | 'decayWeeks'
      | 'repeatWindowWeeks'
      | 'repeatMultiplier'
      | 'maxStepsPerWeek'
    >;
  };
}

/** The settings a run with `config` reports with. */
export function reportSettings(
  config: Pick<TrustlensConfig, 'training' | 'labels' | 'tiers' | 'report' | 'govern'>,
): ReportSettings {
  const l = config.govern.ladder;
  return {
    retrainIntervalDays: config.training.retrainIntervalDays,
    merchantHorizonDays: config.labels.merchantHorizonDays,
    currency: config.report.currency,
    tiers: { ...config.tiers },
    notebookUrl: config.report.notebookUrl,
    govern: {
      windowDays: config.govern.windowDays,
      confidence: config.govern.confidence,
      ladder: {
        warningPoints: l.warningPoints,
        rectificationPoints: l.rectificationPoints,
        demotionPoints: l.demotionPoints,
        pointDeductionPoints: l.pointDeductionPoints,
        suspensionPoints: l.suspensionPoints,
        closurePoints: l.closurePoints,
        decayWeeks: l.decayWeeks,
        repeatWindowWeeks: l.repeatWindowWeeks,
        repeatMultiplier: l.repeatMultiplier,
        maxStepsPerWeek: l.maxStepsPerWeek,
      },
    },
  };
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = reportSettings(CONFIG_DEFAULTS);

export interface ModelCardData {
  asOf: string;
  models: ModelSection[];
  drift: DriftSection[];
}

export interface ReportData {
  asOf: string;
  settings: ReportSettings;
  coverage: DataCoverage;
  weekly: WeeklyTrustData;
  queue: RiskQueueData;
  policy: PolicyImpactData;
  modelCard: ModelCardData;
  /**
   * The merchant-operations page's data; absent in data from before the govern stage existed (the page then says so).
   */
  merchantOps?: MerchantOpsData;
  /**
   * Which models scored the week (absent before the score stage recorded it): starter models put a notice on every
   * page.
   */
  scoredBy?: ScoredModel[];
}

/** One merchant's recommended action this week (penalty ladder). */
export interface MerchantActionRow {
  merchantId: string;
  name: string;
  category: string;
  level: number;
  action: string;
  previousAction: string;
  /** What the active points alone support before the weekly step limit. */
  targetAction: string;
  change: string;
  pointsWeek: number;
  pointsActive: number;
  /** Violations behind the active points, newest first, in plain words with numbers. */
  violations: string[];
  deadline: string | null;
}

export interface SpotCheckRow {
  merchantId: string;
  name: string;
  category: string;
  stratum: string;
  inclusionProbability: number;
  risk: number;
  trust: number | null;
  failedStandards: string[];
}

/** Pass rate of one standard among merchants of one main category ('all' = every merchant) with a verdict. */
export interface StandardPassRate {
  standard: string;
  category: string;
  direction: string;
  limit: number;
  minCases: number;
  judged: number;
  passed: number;
  /** Past the limit, but not beyond what so few cases could show by chance (govern.confidence): no points. */
  withinChance: number;
  tooFew: number;
}

export interface CompensationRow {
  /** Week end (as-of date) of the ledger row. */
  asOf: string;
  merchantId: string;
  name: string;
  confirmedAmount: number;
  confirmedRequests: number;
  confirmedRequestIds: string[];
  expectedAmount: number;
  expectedRequests: number;
  expectedRequestIds: string[];
  cumulativeConfirmed: number;
  cumulativeExpected: number;
}

export interface MerchantOpsData {
  asOf: string;
  /**
   * This week's recommendations (with an action, or de-escalated to none); null when govern has not run for the week.
   */
  actions: MerchantActionRow[] | null;
  spotChecks: { population: number; riskDraws: number; randomDraws: number; rows: SpotCheckRow[] } | null;
  standards: StandardPassRate[] | null;
  /** Ledger rows up to the as-of week, newest first (the page shows this week's; the CSV has them all). */
  ledger: CompensationRow[] | null;
}
