/**
 * Extracts the OAS "II Plan de Trabajo para combatir la trata de personas 2015-2018" from its Spanish
 * source text. Run as a script it writes services/workplan/data/workplan.json; an optional argument
 * names another data directory (holding the source text, receiving the JSON).
 */
import * as fs from 'fs';
import * as path from 'path';
import { dataFile, GuidelineSectionName, SOURCE_TEXT_FILE, WorkPlanData } from '../services/workplan/data/workplan-data';
import { parseOptions } from './options';

type Item = { number: number; text: string };

const SECTIONS: { numeral: string; name: GuidelineSectionName; first: number; last: number }[] = [
  { numeral: 'II', name: 'GENERAL', first: 1, last: 17 },
  { numeral: 'III', name: 'PREVENTION', first: 18, last: 34 },
  { numeral: 'IV', name: 'PROSECUTION', first: 35, last: 44 },
  { numeral: 'V', name: 'PROTECTION', first: 45, last: 67 },
];
const MANDATE_COUNT = 17;

const HEADING = /^\s*([IVX]+)\.\s+(.*\S)\s*$/;
const ARABIC_ITEM = /^\s*(\d+)\.\s+/;
const ROMAN_ITEM = /^\s*([ivxlc]+)\.\s+/;
const ANNEX_ROW = /^\s*\d+\.\s*\((\d+)\)\s*(.*)$/;
const LETTERED = /^\s*([a-z])\)\s+/;
// The annex ends at the footnote, whose marker survived the conversion as "\uFFFD." (a symbol, not a letter).
const FOOTNOTE = /^\s*[^\p{L}\p{N}\s]\.\s/u;

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const isUpperCase = (s: string): boolean => s === s.toUpperCase() && /\p{Lu}/u.test(s);

function romanValue(numeral: string): number {
  const digit: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  const values = [...numeral.toLowerCase()].map((ch) => digit[ch]);
  return values.reduce((sum, v, i) => (v < (values[i + 1] ?? 0) ? sum - v : sum + v), 0);
}

/**
 * Splits lines into items that start with a marker numbered first, first+1, ...; any other line (a
 * sub-list such as "i." or "1)", a wrapped line) continues the current item. Lines before the first
 * item are an introduction and dropped.
 */
function numberedItems(lines: string[], marker: RegExp, value: (m: string) => number, first = 1): Item[] {
  const items: { number: number; parts: string[] }[] = [];
  for (const line of lines) {
    const m = marker.exec(line);
    const expected = (items.at(-1)?.number ?? first - 1) + 1;
    if (m && value(m[1]) === expected) items.push({ number: expected, parts: [line.slice(m[0].length)] });
    else items.at(-1)?.parts.push(line);
  }
  return items.map(({ number, parts }) => ({ number, text: collapse(parts.join(' ')) }));
}

function headingIndex(lines: string[], numeral: string): number {
  const index = lines.findIndex((line) => {
    const m = HEADING.exec(line);
    return m !== null && m[1] === numeral && isUpperCase(m[2]);
  });
  if (index < 0) throw new Error(`Work plan source: heading "${numeral}." not found`);
  return index;
}

function extractIndicators(lines: string[], guidelines: Item[]): WorkPlanData['indicators'] {
  type Row = { guideline: number; directive: string; items: { letter: string; parts: string[] }[] };
  const rows: Row[] = [];
  for (const line of lines) {
    if (FOOTNOTE.test(line)) break;
    const text = line.trim();
    const row = ANNEX_ROW.exec(line);
    const current = rows.at(-1);
    if (row) rows.push({ guideline: Number(row[1]), directive: row[2].trim(), items: [] });
    // Skip blank lines and the table's headings (PREVENCIÓN, DIRECTRIZ, COMBATE Y SANCION, ...).
    else if (!current || !text || isUpperCase(text)) continue;
    // Some rows have the number cell "4. (21)" on a line of its own, the directive on the next.
    else if (!current.directive) current.directive = text;
    else {
      const lettered = LETTERED.exec(line);
      if (lettered) current.items.push({ letter: lettered[1], parts: [line.slice(lettered[0].length)] });
      else if (current.items.length) current.items.at(-1)!.parts.push(line);
      else current.items.push({ letter: 'a', parts: [line] });
    }
  }

  const expected = guidelines.filter((g) => g.number >= 18).map((g) => g.number);
  const found = rows.map((r) => r.guideline);
  if (found.join() !== expected.join()) {
    throw new Error(
      `Work plan annex: expected indicator rows for guidelines ${expected[0]}-${expected.at(-1)} in order, found [${found.join(', ')}]`,
    );
  }
  return rows.flatMap((row) => {
    const guideline = guidelines.find((g) => g.number === row.guideline)!;
    const firstWords = (s: string) => collapse(s).split(' ').slice(0, 2).join(' ');
    if (firstWords(row.directive) !== firstWords(guideline.text)) {
      throw new Error(
        `Work plan annex: row (${row.guideline}) starts "${firstWords(row.directive)}", guideline starts "${firstWords(guideline.text)}"`,
      );
    }
    if (row.items.length === 0) throw new Error(`Work plan annex: guideline ${row.guideline} has no indicator`);
    return row.items.map(({ letter, parts }, i) => {
      if (letter !== String.fromCharCode(97 + i)) {
        throw new Error(`Work plan annex: guideline ${row.guideline} indicator "${letter})" is out of order`);
      }
      return { id: `${row.guideline}-${letter}`, guideline: row.guideline, text: collapse(parts.join(' ')) };
    });
  });
}

export function extractWorkPlan(text: string): WorkPlanData {
  const lines = text.split(/\r?\n/);
  const objectivesIntro = lines.findIndex((line) => /objetivos del Plan de Trabajo/i.test(line));
  const principlesStart = headingIndex(lines, 'I');
  if (objectivesIntro < 0 || objectivesIntro > principlesStart) {
    throw new Error('Work plan source: objectives list not found before "I. PRINCIPIOS"');
  }
  const sectionStarts = SECTIONS.map((s) => headingIndex(lines, s.numeral));
  const mandatesStart = headingIndex(lines, 'VI');
  const annexStart = lines.findIndex((line, i) => i > mandatesStart && /^\s*ANEXO\b/.test(line));
  if (annexStart < 0) throw new Error('Work plan source: annex (ANEXO) not found after the mandates');

  const objectives = numberedItems(lines.slice(objectivesIntro + 1, principlesStart), ROMAN_ITEM, romanValue);
  const principles = numberedItems(lines.slice(principlesStart + 1, sectionStarts[0]), ROMAN_ITEM, romanValue);
  if (objectives.length === 0 || principles.length === 0) {
    throw new Error(`Work plan source: found ${objectives.length} objectives and ${principles.length} principles`);
  }

  const guidelines = SECTIONS.flatMap((section, i) => {
    const end = sectionStarts[i + 1] ?? mandatesStart;
    const items = numberedItems(lines.slice(sectionStarts[i] + 1, end), ARABIC_ITEM, Number, section.first);
    if (items.length !== section.last - section.first + 1) {
      throw new Error(
        `Work plan source: section ${section.numeral} (${section.name}) should hold guidelines ${section.first}-${section.last}, found ${items.length}`,
      );
    }
    return items.map((item) => ({ number: item.number, section: section.name, text: item.text }));
  });

  const mandates = numberedItems(lines.slice(mandatesStart + 1, annexStart), ARABIC_ITEM, Number);
  if (mandates.length !== MANDATE_COUNT) {
    throw new Error(`Work plan source: expected ${MANDATE_COUNT} mandates, found ${mandates.length}`);
  }

  const indicators = extractIndicators(lines.slice(annexStart + 1), guidelines);
  return { principles, objectives, guidelines, indicators, mandates };
}

if (require.main === module) {
  const { positionals } = parseOptions(
    {
      command: 'npm run extract-workplan --',
      positionals: {
        usage: '[directory]',
        help: `holds ${SOURCE_TEXT_FILE} and receives workplan.json (default: services/workplan/data)`,
        max: 1,
      },
    },
    {},
  );
  const dir = positionals[0] ? path.resolve(positionals[0]) : path.dirname(dataFile(SOURCE_TEXT_FILE));
  const data = extractWorkPlan(fs.readFileSync(path.join(dir, SOURCE_TEXT_FILE), 'utf8'));
  const out = path.join(dir, 'workplan.json');
  fs.writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  console.log(
    `${out}: ${data.guidelines.length} guidelines, ${data.indicators.length} indicators, ${data.mandates.length} mandates, ` +
      `${data.principles.length} principles, ${data.objectives.length} objectives`,
  );
}
