import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetDatabase } from '../db/database';
import { useViewerStore } from '../state/viewerStore';

// Screens are lazy routes: on a two-core machine busy with other work, loading one in the test
// environment took over Testing Library's 1 s default for findBy/waitFor (a CI run failed on a
// form's first field that a quiet run finds in 0.3 s). Waiting longer for what should appear
// changes no assertion.
configure({ asyncUtilTimeout: 3000 });

// happy-dom has no HTMLSelectElement.size, which react-hook-form reads to tell whether the user
// changed a select before the form was ready; without it every select looks edited and loses its
// default value. Browsers default it to 0.
if (!('size' in HTMLSelectElement.prototype)) {
  Object.defineProperty(HTMLSelectElement.prototype, 'size', {
    configurable: true,
    get(this: HTMLSelectElement) {
      return Number(this.getAttribute('size') ?? 0);
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
  localStorage.clear();
  useViewerStore.setState(useViewerStore.getInitialState());
});

afterEach(() => {
  cleanup();
});
