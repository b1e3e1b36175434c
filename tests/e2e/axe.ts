import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA: the bar every screen must clear. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core's own types, reached through AxeBuilder so that we import only our direct dependency.
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const NODES_SHOWN = 5;

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.slice(0, NODES_SHOWN).map((node) => {
    const summary = (node.failureSummary ?? '')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `      ${line.trimEnd()}`);
    return [`    - ${node.target.join(' ')}`, `      ${node.html}`, ...summary].join('\n');
  });
  const more = violation.nodes.length - NODES_SHOWN;
  if (more > 0) nodes.push(`    … and ${more} more`);
  return [
    `  [${violation.impact ?? 'unknown impact'}] ${violation.id}: ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
  ].join('\n');
}

/**
 * Runs axe-core over the page as it is now and fails with a readable list of what is wrong.
 * @param context names the screen or state being checked, for the failure message
 */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const where = context ?? page.url();
  const message =
    `${violations.length} accessibility violation(s) on ${where}:\n` + violations.map(describeViolation).join('\n\n');
  expect(violations.length, message).toBe(0);
}
