import { expect, test } from '@playwright/test';
import { createPairWithNewMentee, startAs } from './journey';

type CountingWindow = Window & { dexieTasks: number };
type TaskConsole = Console & { createTask?: (name: string) => unknown };

// These tests serve the built app from localhost, as `npm start` and `npm run server` do. Dexie
// turns its debug mode on for any such page unless the app turns it off (src/db/database.ts); in it,
// every table access makes a DevTools task (console.createTask), which is how this test sees it.
test('the built app, served from localhost, reads and writes without Dexie’s debug mode', async ({ page }) => {
  await page.addInitScript(() => {
    const counting = window as unknown as CountingWindow;
    const tasks = console as TaskConsole;
    counting.dexieTasks = 0;
    const createTask = tasks.createTask?.bind(console);
    if (createTask)
      tasks.createTask = (name: string) => {
        if (name.startsWith('Dexie:')) counting.dexieTasks += 1;
        return createTask(name);
      };
  });
  await startAs(page, 'Ada Mentor', 'Mentor');
  await createPairWithNewMentee(page, 'Ben Mentee');

  // Without it, the count below would say nothing.
  expect(await page.evaluate(() => typeof (console as TaskConsole).createTask)).toBe('function');
  expect(await page.evaluate(() => (window as unknown as CountingWindow).dexieTasks)).toBe(0);
});
