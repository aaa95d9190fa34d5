import fs from 'node:fs';
import { projectPath } from '../platform/paths';

/*
 * The result indicators of Annex I, read from the Work Plan's data file that the workplan subgraph seeds
 * from (services/workplan/data/workplan.json): a subgraph that names an indicator (a country report's
 * entry) checks it here rather than asking the workplan subgraph, as guideline numbers are checked in
 * guidelines.ts. The file is reference data of the project, the same in every process; it is read here
 * rather than imported from services/workplan, as kit depends on platform only (the Dockerfile copies it).
 */

const plan = JSON.parse(fs.readFileSync(projectPath('services', 'workplan', 'data', 'workplan.json'), 'utf8')) as {
  indicators: { id: string }[];
};

/** The indicators' ids in Annex I order ("18-a", "19-a", "19-b", ...). */
export const INDICATOR_IDS: readonly string[] = plan.indicators.map((indicator) => indicator.id);

const KNOWN = new Set(INDICATOR_IDS);

/** Whether the Work Plan has an indicator of this id (e.g. "51-a"). */
export const isIndicatorId = (value: unknown): boolean => typeof value === 'string' && KNOWN.has(value);
