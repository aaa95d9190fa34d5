import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { groupLoader, rowLoader } from '../../kit/loaders';
import { Country } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';

export function createLoaders(db: DataSource) {
  const countries = db.getRepository(Country);
  const authorities = db.getRepository(NationalAuthority);
  return {
    country: rowLoader(
      (codes: string[]) => countries.findBy({ code: In(codes) }),
      (c) => c.code,
    ),
    authority: rowLoader(
      (ids: string[]) => authorities.findBy({ id: In(ids) }),
      (a) => a.id,
    ),
    authoritiesByCountry: groupLoader(
      (codes: string[]) => authorities.find({ where: { countryCode: In(codes) }, order: { name: 'ASC', id: 'ASC' } }),
      (a) => a.countryCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
