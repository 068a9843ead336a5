// Where to go after signing in: the ?next= path when it is one of ours, else the feed.
import { useSearchParams } from 'react-router';

export function useNextPath(): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
