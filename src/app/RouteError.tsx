import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : null;
  return (
    <main id="main" className="page">
      <h1>Something went wrong</h1>
      <p>Your records are safe on this device. Reload the page to try again.</p>
      {detail ? <p className="muted">Details: {detail}</p> : null}
      <p>
        <Link to="/pairs">Back to your pairs</Link>
      </p>
    </main>
  );
}
