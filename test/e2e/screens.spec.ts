/**
 * A picture of every view, under test: each scenario in light, dark and at 200% zoom (the popup's
 * 360×520 at zoom factor 2 is 180×260 CSS pixels at device scale 2), on a fixed clock so codes and
 * seconds are the same on every run. `npm run shots` also writes them all to a folder with a contact sheet.
 */
import { test, expect } from './harness/fixtures';
import { inScenario, SCENARIOS } from './screens/scenarios';
import { SCREEN_MODES, SHOT_HARNESS, SHOT_TIME, saveShot } from './screens/modes';

test.use({ harnessOptions: SHOT_HARNESS });

for (const mode of SCREEN_MODES) {
  test.describe(mode.name, () => {
    test.use({ viewport: mode.viewport, adminViewport: mode.adminViewport, deviceScaleFactor: mode.deviceScaleFactor, colorScheme: mode.colorScheme });
    for (const scenario of SCENARIOS) {
      test(scenario.name, async ({ app, harness }) => {
        await app.page.clock.setFixedTime(SHOT_TIME);
        await inScenario(scenario, { app, harness }, async (page) => {
          // Focus rings and the caret belong to the moment, not the view.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await page.mouse.move(0, 0);
          const name = `${scenario.name}-${mode.name}.png`;
          // Written before the comparison, so `npm run shots` shows a view that changed too.
          await saveShot(page, name);
          await expect(page).toHaveScreenshot(name, { animations: 'disabled', caret: 'hide' });
        });
      });
    }
  });
}
