import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** Runs axe-core (the context needs `bypassCSP`: the script is injected inline)'s full default rule set (WCAG 2.x A/AA and best practices) on the page as it stands. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // After the network settles the page may still be hydrating; wait for an idle main thread.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5_000 })));
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}

/** One line per failing element: rule, impact, CSS target and what to fix, so a failure is actionable. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}) at ${JSON.stringify(node.target)}: ${violation.help}` +
        `${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''} <${violation.helpUrl}>`,
    ),
  );
}
