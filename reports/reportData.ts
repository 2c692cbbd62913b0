// The plain data objects the report pages render; loadReportData fills them from the warehouse, tests write them literally.
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
  /** Σ approved refund-only amount × buyer's latest calibrated risk scored on or before weekEnd; null when no scores exist. */
  estimatedAbuseLoss: number | null;
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
  /** Plain-language reasons from the score stage, strongest first. */
  reasons: string[];
  /** For a tier move: model when the retrained trust model moved it (last week's model kept its tier), data otherwise. */
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
  previous: number | null;
}

export interface WeeklyTrustData {
  asOf: string;
  settings: ReportSettings;
  current: WeekStats;
  previous: WeekStats;
  /** Oldest first, ending with `current`. */
  trend: WeekStats[];
  /** Buyers in the high risk tier at the as-of score and at the previous score; null without scores. */
  flagged: { current: number; previous: number | null } | null;
  /** Merchant trust tiers at the as-of score and at the previous score; null without merchant scores. */
  merchantTiers: TierCount[] | null;
  categories: CategoryStats[];
  /** Biggest trust fallers and risers between the previous and the as-of merchant score; null without two score weeks. */
  movers: { previousAsOf: string; fallers: MerchantMove[]; risers: MerchantMove[] } | null;
  /** Set when the merchant-trust model was retrained since the previous score; absent or null otherwise. */
  modelChange?: ModelChangeMoves | null;
  /** Abusive refund-only money merchants bore (the govern stage's ledger); null before `trustlens govern` ran; absent in data from before the ledger existed. */
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
  /** Expected loss summed over every scored buyer this week, so the queue's share of it can be shown; null when unknown. */
  totalExpectedLoss: number | null;
  /** Accounts above the floors already confirmed or under investigation: listed apart, taking no capacity; null/absent when not stored. */
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

export interface RiskQueueSummary {
  capacity: number;
  queued: number;
  handled: number;
  belowRiskFloor: number;
  belowLossFloor: number;
  minRisk: number;
  minExpectedLoss: number;
}

/** One stored simulation metric, exactly as the simulate stage writes it to sim_results. */
export type SimResult = SimResultRow;

export interface PolicyImpactData {
  asOf: string;
  /** The scenario others are compared with. */
  baseline: string;
  /** null when `trustlens simulate` has not run for this week. */
  results: SimResult[] | null;
}

export type ArtifactState =
  | { status: 'ok'; file: string; summary: ArtifactSummary }
  | { status: 'missing'; dir: string }
  | { status: 'invalid'; file: string; problems: string[] };

export interface ModelSection {
  model: ModelName;
  artifact: ArtifactState;
}

export interface DriftRow {
  feature: string;
  psi: number;
  previousMean: number | null;
  currentMean: number | null;
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
}

export function reportSettings(config: Pick<TrustlensConfig, 'training' | 'labels'>): ReportSettings {
  return {
    retrainIntervalDays: config.training.retrainIntervalDays,
    merchantHorizonDays: config.labels.merchantHorizonDays,
  };
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = reportSettings(CONFIG_DEFAULTS);

export interface ModelCardData {
  asOf: string;
  settings: ReportSettings;
  models: ModelSection[];
  drift: DriftSection[];
}

export interface ReportData {
  asOf: string;
  weekly: WeeklyTrustData;
  queue: RiskQueueData;
  policy: PolicyImpactData;
  modelCard: ModelCardData;
  /** The merchant-operations page's data; absent in data from before the govern stage existed (the page then says so). */
  merchantOps?: MerchantOpsData;
  /** Which models scored the week (absent before the score stage recorded it): starter models put a notice on every page. */
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
  /** This week's recommendations (with an action, or de-escalated to none); null when govern has not run for the week. */
  actions: MerchantActionRow[] | null;
  spotChecks: { population: number; riskDraws: number; randomDraws: number; rows: SpotCheckRow[] } | null;
  standards: StandardPassRate[] | null;
  /** Ledger rows up to the as-of week, newest first (the page shows this week's; the CSV has them all). */
  ledger: CompensationRow[] | null;
}
