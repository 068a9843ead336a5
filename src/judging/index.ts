// Judging modes beyond community votes: ai_judge, rubric_score, auto_score. Re-exports only.
export { runJudgePair } from './ai-judge.ts';
export { runJudgeRubric } from './rubric-score.ts';
export { runAutoScore } from './auto-score.ts';
export { pairwiseRequest, rubricRequest, criterionKeys, type JudgeCriterion, type JudgeEntry } from './judge-prompt.ts';
export { parseRubricGrade, rubricGradeSchema, type RubricGrade } from './rubric-grade.ts';
