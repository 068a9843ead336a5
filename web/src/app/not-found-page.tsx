// Any path the app does not know.
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="state">
      <h1 className="section-title">Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link is mistyped.</p>
      <Link className="btn btn-primary" to="/">Go to the battles</Link>
    </div>
  );
}
