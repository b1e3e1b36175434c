import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { startEarlyReads } from './earlyReads';
import { routes } from './routes';

const router = createBrowserRouter(routes);
startEarlyReads(router);

export function App() {
  return <RouterProvider router={router} />;
}
