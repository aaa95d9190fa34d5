import { ArrayMaxSize, IsInt, Max, Min } from 'class-validator';
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

/** A list of guideline numbers, 1 to GUIDELINE_COUNT, at most as many as there are (class-validator decorators). */
export function IsGuidelineNumbers(): PropertyDecorator {
  const numbers = `must be guideline numbers, 1 to ${GUIDELINE_COUNT}`;
  // In the order a stack of decorators would register them (the lowest first): the messages keep their order.
  const decorators = [
    Max(GUIDELINE_COUNT, { each: true, message: numbers }),
    Min(1, { each: true, message: numbers }),
    IsInt({ each: true, message: numbers }),
    ArrayMaxSize(GUIDELINE_COUNT, { message: `must name at most ${GUIDELINE_COUNT} guidelines` }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
