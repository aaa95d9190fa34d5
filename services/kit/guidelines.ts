import { badInput } from '../platform/errors';

/** The II Work Plan has guidelines 1 to 67 (the workplan subgraph's data file holds them). */
export const GUIDELINE_COUNT = 67;

/** A guideline number for a filter; one the plan does not have is the client's mistake. */
export function guidelineFilter(value: number | null | undefined, field = 'guideline'): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > GUIDELINE_COUNT) {
    throw badInput(`${field} must be a Work Plan guideline number, 1 to ${GUIDELINE_COUNT}; got ${value}.`, field);
  }
  return value;
}
