import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchScreens } from './app/routes';
import { useViewerStore } from './state/viewerStore';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// After the first screen, warm the code of the screens this user is likely to open next.
window.addEventListener('load', () => prefetchScreens(useViewerStore.getState().role), { once: true });
