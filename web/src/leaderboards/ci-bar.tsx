// A rating with its 95% confidence interval, drawn on the scale shared by the whole table.
export function CiBar({ rating, low, high, min, max }: { rating: number; low: number; high: number; min: number; max: number }) {
  const span = Math.max(1, max - min);
  const x = (v: number) => 4 + ((v - min) / span) * 192;
  return (
    <svg className="ci-bar" viewBox="0 0 200 16" role="img" aria-label={`${Math.round(rating)}, 95% interval ${Math.round(low)} to ${Math.round(high)}`}>
      <line x1="4" x2="196" y1="8" y2="8" className="ci-axis" />
      <rect x={x(low)} y="4" width={Math.max(2, x(high) - x(low))} height="8" rx="4" className="ci-range" />
      <circle cx={x(rating)} cy="8" r="4.5" className="ci-point" />
    </svg>
  );
}
