// Loading, empty, error and "not available yet" states, so every page fails and waits the same way.
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { AlertIcon, ChartIcon, InfoIcon, SearchIcon } from './icons.tsx';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="cluster" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="muted">{label}…</span>
    </span>
  );
}

export function PageLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="state state-compact" aria-busy="true">
      <Spinner label={label} />
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      <SearchIcon className="state-icon" />
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function ErrorState({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="state" role="alert">
      <AlertIcon className="state-icon" />
      <h2>{notFound ? 'Not found' : title}</h2>
      <p>{errorMessage(error)}</p>
      {onRetry && !notFound && (
        <button type="button" className="btn" onClick={onRetry}>Try again</button>
      )}
    </div>
  );
}

/** For features whose API is not on this server yet (the endpoint answered 404). */
export function NotAvailable({ title, children, compact }: { title: string; children?: ReactNode; compact?: boolean }) {
  return (
    <div className={`state${compact ? ' state-compact' : ''}`} data-testid="not-available">
      <ChartIcon className="state-icon" />
      <h3>{title}</h3>
      <p>{children ?? 'Not available yet on this server.'}</p>
    </div>
  );
}

export function Alert({ kind = 'info', title, children, role }: { kind?: 'info' | 'success' | 'warning' | 'error'; title?: string; children?: ReactNode; role?: 'alert' | 'status' }) {
  const Icon = kind === 'error' || kind === 'warning' ? AlertIcon : InfoIcon;
  return (
    <div className={`alert alert-${kind}`} role={role}>
      <Icon className="alert-icon" />
      <div className="stack stack-s">
        {title && <p className="alert-title">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
