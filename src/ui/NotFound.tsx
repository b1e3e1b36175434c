import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been deleted, or the link may be mistyped.</p>
      <p>
        <Link to="/pairs">Go to your pairs</Link>
      </p>
    </section>
  );
}
