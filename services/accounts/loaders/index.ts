import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { rowLoader } from '../../kit/loaders';
import { User } from '../entities/user.entity';

export function createLoaders(db: DataSource) {
  const users = db.getRepository(User);
  return {
    user: rowLoader(
      (ids: string[]) => users.findBy({ id: In(ids) }),
      (u) => u.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
