import fs from 'node:fs';
import { projectPath } from '../../platform/paths';

export type GuidelineSectionName = 'GENERAL' | 'PREVENTION' | 'PROSECUTION' | 'PROTECTION';

export interface WorkPlanData {
  principles: { number: number; text: string }[];
  objectives: { number: number; text: string }[];
  guidelines: { number: number; section: GuidelineSectionName; text: string }[];
  indicators: { id: string; guideline: number; text: string }[];
  mandates: { number: number; text: string }[];
}

export const SOURCE_TEXT_FILE = 'ii-plan-de-trabajo-trata-de-personas-2015-2018.txt';

/** Path of a file in services/workplan/data; tsc copies no .json/.txt into dist/, so always the source tree. */
export function dataFile(name: string): string {
  return projectPath('services', 'workplan', 'data', name);
}

export function loadWorkPlan(): WorkPlanData {
  return JSON.parse(fs.readFileSync(dataFile('workplan.json'), 'utf8')) as WorkPlanData;
}
