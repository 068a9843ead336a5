// Rating over time for one entity, drawn with uPlot and resized with its container.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface RatingPoint {
  at: string;
  rating: number;
}

export function RatingHistoryChart({ points, label }: { points: RatingPoint[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !points.length) return;
    const data: uPlot.AlignedData = [points.map((p) => Date.parse(p.at) / 1000), points.map((p) => p.rating)];
    const text = cssVar('--text-muted', '#4f5470');
    const grid = cssVar('--border', '#dfe2ec');
    const plot = new uPlot({
      width: el.clientWidth || 600,
      height: 260,
      legend: { show: false },
      scales: { x: { time: true } },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 56 },
      ],
      series: [{}, { label, stroke: cssVar('--accent', '#4338ca'), width: 2, points: { show: points.length < 60, size: 6 } }],
    }, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 260 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [points, label]);
  const first = points[0]?.rating;
  const last = points[points.length - 1]?.rating;
  return (
    <figure className="history-chart">
      <div ref={box} aria-hidden="true" />
      <figcaption className="subtle">
        {points.length ? `${label}: ${points.length - 1} rated ${points.length === 2 ? 'battle' : 'battles'}, from ${Math.round(first!)} to ${Math.round(last!)}.` : `${label} has no rated battles yet.`}
      </figcaption>
    </figure>
  );
}
