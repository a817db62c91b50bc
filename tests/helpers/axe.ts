/** axe-core in a page: the serious and critical findings, described so a failure says where and why. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.js';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
export interface Violation { id: string; impact: Impact | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }

/** Runs axe in the page; the context must bypass the CSP (script-src 'self') so the inline script may run. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id, impact: (v.impact ?? null) as Impact | null, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target as unknown[], html: n.html, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })),
    }));
  });
}

export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.slice(0, 5)
    .map((n) => `  ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}

/** No serious or critical finding on the page as it stands (a screenshot is kept under test-results/). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `a11y-${name}`);
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name} (${page.url()}):\n${describeViolations(serious)}`).toEqual([]);
}
