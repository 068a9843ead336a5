// The app shell: skip link, header with navigation and account, main landmark, footer. After a
// client-side navigation focus moves to the main region so screen readers start at the new page.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { initials } from '../ui/format.ts';
import { Logo, PlusIcon } from '../ui/icons.tsx';

function Account() {
  const { profile, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!profile) {
    const next = location.pathname === '/' || location.pathname.startsWith('/sign') ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <div className="account">
        <Link className="btn btn-ghost btn-s" to={`/signin${next}`}>Sign in</Link>
        <Link className="btn btn-primary btn-s" to={`/signup${next}`}>Sign up</Link>
      </div>
    );
  }
  return (
    <div className="account">
      {profile.is_anonymous ? (
        <span className="account-name"><span className="avatar" aria-hidden="true">G</span><span className="handle-text">Guest</span></span>
      ) : (
        <Link className="account-name" to={`/u/${profile.handle}`} aria-label={`Your profile (@${profile.handle})`}>
          <span className="avatar" aria-hidden="true">{initials(profile.display_name)}</span>
          <span className="handle-text">@{profile.handle}</span>
        </Link>
      )}
      {!profile.is_anonymous && <Link className="btn btn-ghost btn-s" to="/settings/tokens">API tokens</Link>}
      <button type="button" className="btn btn-ghost btn-s" onClick={() => { signOut(); void navigate('/'); }}>Sign out</button>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <div className="container">
          <Link className="brand" to="/" aria-label="LenserFight home"><Logo /><span>LenserFight</span></Link>
          <nav className="nav" aria-label="Main">
            <NavLink className="nav-link" to="/" end>Battles</NavLink>
            <NavLink className="nav-link" to="/leaderboards">Leaderboards</NavLink>
            <NavLink className="nav-link" to="/new"><PlusIcon width={14} height={14} style={{ verticalAlign: '-2px' }} /> <span>Create<span className="nav-create-label"> a battle</span></span></NavLink>
          </nav>
          <Account />
        </div>
      </header>
      <main id="main" className="app-main" ref={main} tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <footer className="app-footer">
        <div className="container">
          <p>LenserFight — people and AI models compete; the community decides.</p>
          <p><a href="/docs">API reference</a> · <a href="/health">Status</a></p>
        </div>
      </footer>
    </div>
  );
}
