import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from '../app/routes';
import { db } from '../db/database';
import type { Person, Role } from '../domain/person';
import { useViewerStore } from '../state/viewerStore';
import { aPerson } from './builders';

/** Renders the whole app at a URL, as a user would open it, with a memory history. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(<RouterProvider router={router} />);
  return { ...view, user, router };
}

/** Stores a person and makes them the one using the app. */
export async function signInAs(role: Role, overrides: Partial<Person> = {}): Promise<Person> {
  const person = aPerson(overrides);
  await db.people.add(person);
  useViewerStore.getState().setViewer(person.id, role);
  return person;
}
