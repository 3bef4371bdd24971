/** The shape of a bench run's JSON (bench-results/latest.json), part by part. */
import type { PrecacheSizes, Sizes } from '../first-screen';
import type { AnswerLatency } from './answer-latency';
import type { FirstInputResult } from './first-input';
import type { LighthouseResult } from './lighthouse';
import type { BrowserPlanItem, BrowserSize } from './national-browser';
import type { NodeNationalOutput } from './national-node';

export const PARTS = ['sizes', 'lighthouse', 'firstinput', 'latency', 'node', 'browser'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  build: boolean;
  only: Set<Part>;
  lighthouseRuns: number;
  /** The Lighthouse runs again with one core kept busy (--lighthouse-loaded). */
  lighthouseLoaded?: boolean;
  firstInputRuns: number;
  nodeRuns: number;
  sizes: number[];
  browserPlan: BrowserPlanItem[];
  keepData: boolean;
  strict: boolean;
}

export interface SizesResult extends Sizes {
  /** A minimal SurveyJS form, gzip: a constant (see sizes in run.ts). */
  surveyJsKB: number;
  ratioToSurveyJs: number;
  /** What the service worker precaches (a delegate's app), gzip. */
  precache?: PrecacheSizes;
}

export interface NodeNationalResult extends Omit<NodeNationalOutput, 'files' | 'bundles'> {
  files: number;
  bundles: number;
}

/** One line of the report table; `pass: null` is information only. */
export interface Row {
  section: string;
  id: string;
  label: string;
  target: string;
  measured: string;
  value: number | null;
  pass: boolean | null;
}

export interface BenchResult {
  startedAt: string;
  machine: {
    node: string;
    cpus: number;
    cpuModel: string | null;
    loadavgAtStart: number[];
    loadavgByPart: Record<string, number>;
    chromium?: string | null;
    loadavgAtEnd?: number[];
  };
  options: Omit<BenchOptions, 'only'> & { only: Part[] };
  errors: { part: string; message: string }[];
  sizes?: SizesResult;
  lighthouse?: LighthouseResult;
  /** The same runs while another process keeps one core busy. */
  lighthouseLoaded?: LighthouseResult;
  firstInput?: FirstInputResult;
  answers?: AnswerLatency;
  nodeNational?: NodeNationalResult;
  browserNational?: BrowserSize[];
  server?: { pids: number[]; restarts: number };
  targets?: Omit<Row, 'section'>[];
  rows?: Row[];
  finishedAt?: string;
  durationS?: number;
  pass?: boolean;
  exitCode?: number;
}
