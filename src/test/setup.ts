import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetDatabase } from '../db/database';
import { useViewerStore } from '../state/viewerStore';

beforeEach(async () => {
  await resetDatabase();
  localStorage.clear();
  useViewerStore.setState(useViewerStore.getInitialState());
});

afterEach(() => {
  cleanup();
});
