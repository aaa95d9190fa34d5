import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { groupLoader, rowLoader } from '../../kit/loaders';
import { Guideline } from '../entities/guideline.entity';
import { Indicator } from '../entities/indicator.entity';

export function createLoaders(db: DataSource) {
  const guidelines = db.getRepository(Guideline);
  const indicators = db.getRepository(Indicator);
  return {
    guideline: rowLoader(
      (numbers: number[]) => guidelines.findBy({ number: In(numbers) }),
      (g) => g.number,
    ),
    indicator: rowLoader(
      (ids: string[]) => indicators.findBy({ id: In(ids) }),
      (i) => i.id,
    ),
    indicatorsByGuideline: groupLoader(
      (numbers: number[]) => indicators.find({ where: { guidelineNumber: In(numbers) }, order: { position: 'ASC', id: 'ASC' } }),
      (i) => i.guidelineNumber,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
