import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { containsPattern, LIKE_ESCAPE, searchTerm } from '../kit/validation';
import { Role, User } from './entities/user.entity';
import type { UserFilter } from './resolvers/user.args';

/** A validated UserFilter. */
export interface UserCriteria {
  search: string | null;
  role: Role | null;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function userCriteria(filter: UserFilter | null | undefined): UserCriteria {
  return { search: searchTerm(filter?.search), role: filter?.role ?? null };
}

/** The accounts that meet the criteria, by name: a search is part of the name or the e-mail. */
export function usersQuery(db: DataSource, criteria: UserCriteria): ListQuery<User> {
  const query = db.getRepository(User).createQueryBuilder('u');
  if (criteria.search) {
    query.andWhere(`(LOWER(u.name) LIKE :search ${LIKE_ESCAPE} OR u.email LIKE :search ${LIKE_ESCAPE})`, {
      search: containsPattern(criteria.search),
    });
  }
  if (criteria.role) query.andWhere('u.role = :role', { role: criteria.role });
  return { query, keys: [columnKey(query.alias, 'name')] };
}
