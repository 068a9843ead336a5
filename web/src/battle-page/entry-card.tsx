// One entry as a card: a position letter, a name line of fixed height (so revealing names never
// moves anything), the content, and an optional footer (vote button, rank, "your vote").
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Contender, ContentType, Entry } from '../api/battles.ts';
import { EntryContent } from '../battles/entry-content.tsx';
import { EyeOffIcon, RobotIcon } from '../ui/icons.tsx';

export function ContenderName({ contender }: { contender: Contender }) {
  return (
    <>
      {contender.handle
        ? <Link className="entry-name-text contender-link" to={`/u/${encodeURIComponent(contender.handle)}`}>{contender.display_name}</Link>
        : <span className="entry-name-text">{contender.display_name}</span>}
      {contender.contender_type !== 'human' && <span className="chip"><RobotIcon width={12} height={12} /> AI</span>}
    </>
  );
}

export function EntryCard({ entry, letter, tone, contender, revealed, contentType, footer, highlight }: {
  entry: Entry;
  letter: string;
  tone: 'a' | 'b' | 'other';
  contender: Contender | undefined;
  revealed: boolean;
  contentType: ContentType;
  footer?: ReactNode;
  highlight?: boolean;
}) {
  const headingId = `entry-${entry.id}-title`;
  return (
    <article className={`card entry-card tone-${tone}${highlight ? ' is-highlighted' : ''}`} aria-labelledby={headingId} data-testid="entry-card">
      <header className="entry-head">
        <h3 className="entry-letter" id={headingId}><span className="sr-only">Entry </span>{letter}</h3>
        <p className="entry-name" data-testid="entry-name">
          {revealed && contender ? <ContenderName contender={contender} />
            : <span className="entry-hidden"><EyeOffIcon width={16} height={16} /> Hidden until you vote</span>}
        </p>
      </header>
      <div className="entry-body"><EntryContent entry={entry} contentType={contentType} /></div>
      {footer !== undefined && <footer className="entry-foot">{footer}</footer>}
    </article>
  );
}

export function toneFor(i: number): 'a' | 'b' | 'other' {
  return i === 0 ? 'a' : i === 1 ? 'b' : 'other';
}
