// The three axes of a battle as chips: task source, contenders, judging.
import type { ContenderStructure, JudgingMode, TaskSource } from '../../../src/core/axes.ts';
import { JUDGING_LABELS, STRUCTURE_LABELS, TASK_SOURCE_LABELS } from './labels.ts';

export function AxesChips({ axes }: { axes: { task_source: TaskSource; contender_structure: ContenderStructure; judging_mode: JudgingMode } }) {
  return (
    <ul className="cluster" role="list" aria-label="Battle format">
      <li className="chip">{TASK_SOURCE_LABELS[axes.task_source]?.label ?? axes.task_source}</li>
      <li className="chip">{STRUCTURE_LABELS[axes.contender_structure]?.label ?? axes.contender_structure}</li>
      <li className="chip">{JUDGING_LABELS[axes.judging_mode]?.label ?? axes.judging_mode}</li>
    </ul>
  );
}
