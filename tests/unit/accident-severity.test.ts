/** The severity an injury's accident figures set (法释〔2015〕22号 art. 6), and the form's yuan read as fen. */
import { describe, expect, it } from 'vitest';
import { injurySeverity, severityOfFigures } from '../../server/intake/accident.js';
import { yuanToFen } from '../../web/intake/form.js';

const none = { deaths: 0, seriouslyInjured: 0, injured: 0 };

describe('severityOfFigures', () => {
  it.each([
    [{ ...none, deaths: 1 }, 'fatal'],
    [{ ...none, deaths: 3, seriouslyInjured: 10 }, 'fatal'],
    [{ ...none, seriouslyInjured: 3 }, 'serious'],
    [{ ...none, seriouslyInjured: 2, injured: 40 }, 'minor'],
    [{ ...none, directLossFen: 100_000_000 }, 'serious'],
    [{ ...none, directLossFen: 99_999_999 }, 'minor'],
    [none, 'minor'],
  ] as const)('%j is %s', (figures, severity) => {
    expect(severityOfFigures(figures)).toBe(severity);
  });
});

describe('injurySeverity', () => {
  it('takes the higher of the severity given and the figures\' one', () => {
    expect(injurySeverity('minor', { ...none, deaths: 1 })).toBe('fatal');
    expect(injurySeverity('fatal', none)).toBe('fatal');
    expect(injurySeverity('serious', { ...none, seriouslyInjured: 1 })).toBe('serious');
    expect(injurySeverity(undefined, none)).toBe('minor');
    expect(injurySeverity('serious', undefined)).toBe('serious');
  });
});

describe('yuanToFen', () => {
  it.each([
    ['1200000', 120_000_000], ['1,200,000.5', 120_000_050], ['3500.05', 350_005], ['０.９９', 99], ['12 元', 1200], ['-3', -300],
  ] as const)('reads %j as %i fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen);
  });

  it('leaves nothing typed undefined and anything else as typed, for the schema to refuse', () => {
    expect(yuanToFen('  ')).toBeUndefined();
    expect(yuanToFen('一百万')).toBe('一百万');
    expect(yuanToFen('1.005')).toBe('1.005');
  });
});
