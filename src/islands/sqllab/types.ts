import type { SqlLabId } from '../../lib/sql/challenges.ts';

/** A challenge as the SQL lab shows it (its rule is the lab's challenge set, in src/lib/sql). */
export interface SqlChallengeInfo {
  id: string;
  title: string;
  goal: string;
  hint: string;
}

/** What the SQL lab's shell hands its workbench. */
export interface WorkbenchProps {
  labId: SqlLabId;
  challenges: SqlChallengeInfo[];
  /** Ids of the challenges already passed (from the light progress reader). */
  passed: string[];
}
