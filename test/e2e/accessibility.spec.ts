/**
 * axe-core over every view in light and dark: no serious or critical violations (WCAG AA contrast for
 * text, controls and focus rings included). The views are the screenshot scenarios.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './harness/fixtures';
import { inScenario, SCENARIOS } from './screens/scenarios';
import { SHOT_HARNESS, SHOT_TIME } from './screens/modes';

test.use({ harnessOptions: SHOT_HARNESS });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme, viewport: { width: 360, height: 520 } });
    for (const scenario of SCENARIOS) {
      test(scenario.name, async ({ app, harness }) => {
        await app.page.clock.setFixedTime(SHOT_TIME);
        await inScenario(scenario, { app, harness }, async (page) => {
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
          const serious = results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
          expect(serious).toEqual([]);
        });
      });
    }
  });
}
