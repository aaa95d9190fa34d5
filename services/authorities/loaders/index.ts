import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { firstOfEachLoader, groupLoader, rowLoader } from '../../kit/loaders';
import { firstOfEach } from '../../kit/pagination';
import { Country } from '../entities/country.entity';
import { NationalAuthority } from '../entities/national-authority.entity';

/** Country.authorities: by name, then id. */
const COUNTRY_AUTHORITIES = { parent: 'a.country_code', id: 'a.id', order: ['a.name', 'a.id'] };

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
    /** The first authorities of each country that are not archived, by name. */
    authoritiesByCountry: firstOfEachLoader(
      (codes: string[], first) =>
        firstOfEach(
          authorities
            .createQueryBuilder('a')
            .where('a.country_code IN (:...codes)', { codes })
            .andWhere('a.archived = :archived', { archived: false }),
          COUNTRY_AUTHORITIES,
          first,
        ).getMany(),
      (a) => a.countryCode,
    ),
    /** The contact points of each country (one, or none), by name. */
    contactPointsByCountry: groupLoader(
      (codes: string[]) => authorities.find({ where: { countryCode: In(codes), isContactPoint: true }, order: { name: 'ASC', id: 'ASC' } }),
      (a) => a.countryCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
