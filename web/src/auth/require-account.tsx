// Pages that need a signed-in account send visitors to sign in first and bring them back after.
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { PageLoading } from '../ui/states.tsx';
import { useSession } from './session.tsx';

export function RequireAccount({ children, noGuests, why }: { children: ReactNode; noGuests?: boolean; why?: string }) {
  const { profile, ready } = useSession();
  const location = useLocation();
  if (!ready) return <PageLoading label="Checking your session" />;
  const next = encodeURIComponent(location.pathname + location.search);
  if (!profile) return <Navigate to={`/signin?next=${next}`} replace />;
  if (noGuests && profile.is_anonymous) {
    return (
      <div className="state">
        <h1 className="section-title">Create an account first</h1>
        <p>{why ?? 'Guest sessions can vote but cannot do this.'}</p>
        <Link className="btn btn-primary" to={`/signup?next=${next}`}>Sign up</Link>
      </div>
    );
  }
  return <>{children}</>;
}
