/** Types for scripts/smoke.mjs (its tests are TypeScript). */
export declare const defaultMaxMb: number;
/** One process in the app's report. */
export interface SmokeProcess {
  type: string;
  pid?: number;
  workingSetKb: number;
  privateKb?: number | null;
}
/** What the app writes with --smoke-test=<file>. */
export interface SmokeReport {
  error?: string;
  trayReadyAt?: number;
  windowLoadedAt?: number;
  processes?: SmokeProcess[];
}
/** The figures CI shows. */
export interface SmokeFigures {
  trayReadyMs: number;
  windowLoadedMs: number;
  totalMb: number;
  processCount: number;
  byType: string[];
}
/** The outcome of one smoke run. */
export type SmokeResult = { ok: true; figures: SmokeFigures } | { ok: false; problem: string; figures?: SmokeFigures };
export declare function packagedAppCandidates(
  releaseDir: string,
  platform: string,
  arch: string,
  productName: string,
  name: string,
): string[];
export declare function summarize(report: SmokeReport, spawnedAt: number, maxMb?: number): SmokeResult;
export declare function summaryMarkdown(label: string, result: SmokeResult, maxMb?: number): string;
