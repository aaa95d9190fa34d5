import type { DataSource } from 'typeorm';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { createUser } from './account.service';
import { Role, User } from './entities/user.entity';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { normalizeEmail, passwordWeakness } from './credentials';
import { inTransaction } from '../kit/transaction';

/**
 * The first Secretariat account, from ENLACE_ADMIN_EMAIL and ENLACE_ADMIN_PASSWORD: created when missing,
 * given the SECRETARIAT role when it exists without it; its password is never changed here.
 */
export async function ensureAdmin(db: DataSource, config: Config, log: Logger): Promise<void> {
  const { adminEmail, adminPassword } = config;
  if (!adminEmail && !adminPassword) return;
  if (!adminEmail || !adminPassword) throw new Error('Set both ENLACE_ADMIN_EMAIL and ENLACE_ADMIN_PASSWORD, or neither.');
  if (adminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`ENLACE_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const weakness = passwordWeakness(adminPassword, [adminEmail]);
  if (weakness) throw new Error(`ENLACE_ADMIN_PASSWORD ${weakness}.`);
  await inTransaction(db, async (manager) => {
    const users = manager.getRepository(User);
    const existing = await users.findOneBy({ email: normalizeEmail(adminEmail) });
    if (!existing) {
      const admin = await createUser(
        manager,
        { email: adminEmail, password: adminPassword, name: 'Secretariat' },
        { role: Role.SECRETARIAT },
      );
      log.info({ userId: admin.id }, 'first Secretariat account created');
    } else if (existing.role !== Role.SECRETARIAT) {
      await users.update({ id: existing.id }, { role: Role.SECRETARIAT, countryCode: null, authorityId: null });
      log.info({ userId: existing.id }, 'Secretariat role given to the admin account');
    }
  });
}
