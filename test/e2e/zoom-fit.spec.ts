/**
 * At 200% zoom the popup is 180 CSS pixels wide: every card's content still fits inside its card,
 * so nothing is clipped at the right edge.
 */
import { test, expect } from './harness/fixtures';
import { openSection } from './harness/popup';

test.use({ viewport: { width: 180, height: 260 }, deviceScaleFactor: 2 });

test('every card in Settings (Sync included) fits the popup at 200% zoom', async ({ app }) => {
  await app.open();
  await openSection(app.page, 'Settings');
  await app.page.getByRole('heading', { name: 'Sync' }).waitFor();
  const spilling = await app.page.locator('.view .card').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const edge = card.getBoundingClientRect().right;
      return Array.from(card.querySelectorAll<HTMLElement>('*'))
        .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').slice(0, 40)}`);
    }),
  );
  expect(spilling).toEqual([]);
});
