import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openDeviceDatabase } from './data/databaseConnection';
import { prefetchScreens } from './app/routes';
import { db } from './db/database';
import { firstScreenShown } from './ui/firstScreen';
import { useViewerStore } from './state/viewerStore';
import './app/styles.css';

// Open the database while React renders the first frame, rather than at the first screen's first
// read; a failure to open (storage refused) is told by the layout in place of the screens.
void openDeviceDatabase(db);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Once the first screen shows its data (or after a few seconds on a screen that does not say),
// warm the code of the screens this user is likely to open next.
const FIRST_SCREEN_WAIT_MS = 3_000;
// Sync starts then too, and loads its engine only on a device with an account (src/app/syncRunner.ts).
void Promise.race([firstScreenShown, new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]).then(() => {
  prefetchScreens(useViewerStore.getState().role);
  void import('./app/startSyncRunner');
});
