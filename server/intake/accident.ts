/**
 * An injury's accident figures and the severity they set (pure). The thresholds are those at which
 * Chinese law counts a safety accident as having "serious consequences" (法释〔2015〕22号, the
 * Supreme People's Court and Procuratorate's interpretation on crimes endangering production
 * safety, art. 6): one death, or three or more seriously injured, or a direct economic loss of
 * 1,000,000 yuan or more. docs/lifecycle.md lists them.
 */
import { SEVERITIES, type Severity } from '../../domain/vocabulary.js';

export interface AccidentFigures {
  deaths: number;
  seriouslyInjured: number;
  /** Other injured (轻伤), not counting the seriously injured. */
  injured: number;
  /** Undefined: not yet assessed. */
  directLossFen?: number | undefined;
}

export const ACCIDENT_THRESHOLDS = {
  deaths: 1,
  seriouslyInjured: 3,
  /** 1,000,000 yuan. */
  directLossFen: 100_000_000,
} as const;

/** The severity the figures alone set: a death is fatal; three seriously injured or the loss threshold, serious. */
export function severityOfFigures(f: AccidentFigures): Severity {
  if (f.deaths >= ACCIDENT_THRESHOLDS.deaths) return 'fatal';
  if (f.seriouslyInjured >= ACCIDENT_THRESHOLDS.seriouslyInjured) return 'serious';
  if ((f.directLossFen ?? 0) >= ACCIDENT_THRESHOLDS.directLossFen) return 'serious';
  return 'minor';
}

/**
 * An injury's severity: the higher of what the reporter chose and what the figures set, so figures
 * can raise a severity (and with it the 24-hour clock and the provincial co-handler) but never lower it.
 */
export function injurySeverity(given: Severity | undefined, figures: AccidentFigures | undefined): Severity {
  const fromFigures = figures ? severityOfFigures(figures) : 'minor';
  if (!given) return fromFigures;
  return SEVERITIES.indexOf(given) >= SEVERITIES.indexOf(fromFigures) ? given : fromFigures;
}
