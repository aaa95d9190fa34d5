import * as fs from 'fs';
import * as path from 'path';

export type GuidelineSectionName = 'GENERAL' | 'PREVENTION' | 'PROSECUTION' | 'PROTECTION';

export interface WorkPlanData {
  principles: { number: number; text: string }[];
  objectives: { number: number; text: string }[];
  guidelines: { number: number; section: GuidelineSectionName; text: string }[];
  indicators: { id: string; guideline: number; text: string }[];
  mandates: { number: number; text: string }[];
}

export const SOURCE_TEXT_FILE = 'ii-plan-de-trabajo-trata-de-personas-2015-2018.txt';

/**
 * Path of a file in services/workplan/data. tsc copies no .json/.txt into dist/, so compiled code
 * (dist/services/workplan/data) reads the files from the source tree four levels up.
 */
export function dataFile(name: string): string {
  if (__dirname.includes(`${path.sep}dist${path.sep}`)) {
    return path.resolve(__dirname, '..', '..', '..', '..', 'services/workplan/data', name);
  }
  return path.join(__dirname, name);
}

export function loadWorkPlan(): WorkPlanData {
  return JSON.parse(fs.readFileSync(dataFile('workplan.json'), 'utf8')) as WorkPlanData;
}
