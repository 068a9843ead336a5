// Filters by the three axes; values live in the URL so a filtered feed can be shared.
import { useState } from 'react';
import { CONTENDER_STRUCTURES, JUDGING_MODES, TASK_SOURCES } from '../../../src/core/axes.ts';
import type { FeedFilters } from '../api/battles.ts';
import { JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from '../battles/labels.ts';

const FILTERS = [
  { key: 'task_source', label: 'Task', values: TASK_SOURCES, labels: TASK_SOURCE_LABELS },
  { key: 'contender_structure', label: 'Contenders', values: CONTENDER_STRUCTURES, labels: STRUCTURE_LABELS },
  { key: 'judging_mode', label: 'Judging', values: JUDGING_MODES, labels: JUDGING_LABELS },
] as const;

export function FeedFiltersBar({ filters, onChange }: { filters: FeedFilters; onChange: (f: FeedFilters) => void }) {
  const active = Object.values(filters).filter(Boolean).length;
  // On phones the filters fold away behind a toggle; wider screens always show them.
  const [open, setOpen] = useState(false);
  return (
    <div className="feed-filters-wrap">
      <button type="button" className="btn feed-filters-toggle" aria-expanded={open} aria-controls="feed-filters" onClick={() => setOpen((o) => !o)}>
        Filters{active ? ` (${active})` : ''}
      </button>
    <form id="feed-filters" className="feed-filters" data-open={open} aria-label="Filter battles" onSubmit={(e) => e.preventDefault()}>
      {FILTERS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`filter-${f.key}`}>{f.label}</label>
          <select id={`filter-${f.key}`} className="select" value={filters[f.key] ?? ''}
            onChange={(e) => onChange({ ...filters, [f.key]: e.target.value || undefined })}>
            <option value="">Any</option>
            {f.values.map((v) => <option key={v} value={v}>{(f.labels as Record<string, { label: string }>)[v].label}</option>)}
          </select>
        </div>
      ))}
      <button type="button" className="btn btn-ghost feed-filters-clear" onClick={() => onChange({})} disabled={!active}>Clear filters</button>
    </form>
    </div>
  );
}
