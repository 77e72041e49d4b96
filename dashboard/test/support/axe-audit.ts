// axe-core run inside a page of the browser suite (injected through playwright-core, which
// @axe-core/playwright does not support), reporting the violations a person would be stopped by.
import axe from "axe-core";
import type { Page } from "playwright-core";

/** The impacts the suite refuses: a "serious" or "critical" barrier for someone. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe-core on `page` (open shadow roots included) and returns one line per serious or critical
 * violation and element: where, the rule's id and impact, the element and what to do.
 */
export async function auditPage(page: Page, where: string): Promise<string[]> {
  // Evaluated rather than added as a <script>: the page's CSP may refuse inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ["violations"],
    }),
  );
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .flatMap((v) =>
      v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${n.target.join(" > ")} — ${v.help}`),
    );
}
