// Who is signed in. The access token lives in localStorage and goes out as Bearer (api/client.ts);
// the profile is cached beside it so the header renders at once, then checked with GET /api/auth/me.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, type Profile, type Session } from '../api/auth.ts';
import { ApiError, setSessionExpiredHandler, storedToken, storeToken } from '../api/client.ts';

const PROFILE_KEY = 'lf.profile';

interface SessionValue {
  profile: Profile | null;
  /** False until a stored token has been checked (or there was none). */
  ready: boolean;
  signIn: (session: Session) => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

function cachedProfile(): Profile | null {
  if (!storedToken()) return null;
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    return raw ? (JSON.parse(raw) as Profile) : null;
  } catch {
    return null;
  }
}

function cacheProfile(profile: Profile | null): void {
  try {
    if (profile) localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    else localStorage.removeItem(PROFILE_KEY);
  } catch {
    // Storage unavailable: nothing to cache.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null>(cachedProfile);
  const [ready, setReady] = useState(() => !storedToken() || cachedProfile() !== null);

  const signOut = useCallback(() => {
    storeToken(null);
    cacheProfile(null);
    setProfile(null);
  }, []);

  const signIn = useCallback((session: Session) => {
    storeToken(session.access_token);
    cacheProfile(session.profile);
    setProfile(session.profile);
    setReady(true);
  }, []);

  useEffect(() => {
    setSessionExpiredHandler(() => {
      cacheProfile(null);
      setProfile(null);
    });
    if (!storedToken()) return () => setSessionExpiredHandler(null);
    const ac = new AbortController();
    authApi.me(ac.signal).then(
      (p) => {
        cacheProfile(p);
        setProfile(p);
        setReady(true);
      },
      (err: unknown) => {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && (err.status === 401 || err.status === 404)) signOut();
        setReady(true);
      },
    );
    return () => {
      ac.abort();
      setSessionExpiredHandler(null);
    };
  }, [signOut]);

  // Another tab signed in or out.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === PROFILE_KEY) setProfile(cachedProfile());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo(() => ({ profile, ready, signIn, signOut }), [profile, ready, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
