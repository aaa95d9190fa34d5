import type { EntityManager } from 'typeorm';
import type { DataSource } from 'typeorm';
import { byId } from '../kit/entity-reference';
import { engineOf, refreshSearchStems } from '../kit/full-text';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import { countryFilter } from '../kit/validation';
import type { Viewer } from '../platform/auth';
import { badInput, notFound } from '../platform/errors';
import { assertMayEdit } from './access';
import { AuthorityChangeKind } from './entities/authority-change.entity';
import { Country } from './entities/country.entity';
import { NationalAuthority } from './entities/national-authority.entity';
import { changedFields, recordChange } from './history';
import { e164 } from '../kit/phone';
import type { AuthorityInput, AuthorityUpdateInput } from './resolvers/authority.input';
import { AUTHORITIES_INDEX } from './search-indexes';

const missing = () => notFound('No national authority with this id.');

/** A trimmed text, null when blank (the inputs' validators have checked its length). */
const trimmed = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value.trim());
const phone = (value: string | null | undefined): string | null => (value == null ? null : e164(value));

/**
 * Reads an authority for a change. On MySQL the row is locked until the transaction ends, so two changes
 * of one authority (or an archive racing a designation) take turns; SQLite runs transactions one at a time.
 */
async function lockedAuthority(manager: EntityManager, id: string): Promise<NationalAuthority | null> {
  const query = manager.getRepository(NationalAuthority).createQueryBuilder('a').where('a.id = :id', { id });
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

/** Writes `changes` to an authority and records them in its history, at their updatedAt; the authority as it now is. */
async function applyChange(
  manager: EntityManager,
  row: NationalAuthority,
  changes: Partial<NationalAuthority> & { updatedAt: Date },
  kind: AuthorityChangeKind,
  userId: string,
): Promise<NationalAuthority> {
  const next = Object.assign(new NationalAuthority(), row, changes);
  await manager.update(NationalAuthority, { id: row.id }, changes);
  if ('name' in changes || 'acronym' in changes || 'countryCode' in changes) await refreshSearchStems(manager, AUTHORITIES_INDEX, [row.id]);
  await recordChange(manager, { kind, authority: next, userId, at: changes.updatedAt, fields: changedFields(row, next) });
  return next;
}

/** Adds an authority to the directory, recording its creation. */
export async function createAuthority(db: DataSource, viewer: Viewer | null, input: AuthorityInput): Promise<NationalAuthority> {
  const country = countryFilter(input.country)!;
  const editor = assertMayEdit(viewer, country);
  const authority = Object.assign(new NationalAuthority(), {
    id: newId(),
    name: input.name.trim(),
    acronym: trimmed(input.acronym),
    countryCode: country,
    competences: input.competences,
    description: trimmed(input.description),
    website: trimmed(input.website),
    email: trimmed(input.email),
    phone: phone(input.phone),
    isContactPoint: false,
    archived: false,
    isDemo: false,
    updatedAt: new Date(),
  });
  await inTransaction(db, async (manager) => {
    await manager.insert(NationalAuthority, authority);
    await refreshSearchStems(manager, AUTHORITIES_INDEX, [authority.id]);
    const fields = changedFields(null, authority);
    await recordChange(manager, { kind: AuthorityChangeKind.CREATED, authority, userId: editor.id, at: authority.updatedAt, fields });
  });
  return authority;
}

/**
 * The authority once `input` applies: a field left out (undefined) stays, null clears a nullable one,
 * and null for name or competences is refused, as they cannot be cleared.
 */
function updated(row: NationalAuthority, input: AuthorityUpdateInput): NationalAuthority {
  if (input.name === null) throw badInput('name cannot be cleared: give a new name or leave the field out.', 'name');
  if (input.competences === null) throw badInput('competences cannot be cleared: give at least one or leave the field out.', 'competences');
  const next = Object.assign(new NationalAuthority(), row);
  if (input.name !== undefined) next.name = input.name.trim();
  if (input.competences !== undefined) next.competences = input.competences;
  if (input.acronym !== undefined) next.acronym = trimmed(input.acronym);
  if (input.description !== undefined) next.description = trimmed(input.description);
  if (input.website !== undefined) next.website = trimmed(input.website);
  if (input.email !== undefined) next.email = trimmed(input.email);
  if (input.phone !== undefined) next.phone = phone(input.phone);
  return next;
}

/** Changes an authority's fields; a change that changes nothing records nothing. */
export async function updateAuthority(
  db: DataSource,
  viewer: Viewer | null,
  id: string,
  input: AuthorityUpdateInput,
): Promise<NationalAuthority> {
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const row = await lockedAuthority(manager, key);
    if (!row) throw missing();
    const editor = assertMayEdit(viewer, row.countryCode);
    if (row.archived) throw badInput('This authority is archived: it is kept as it was for the history of agreements.', 'id');
    const next = updated(row, input);
    if (changedFields(row, next).length === 0) return row;
    const { name, acronym, competences, description, website, email, phone } = next;
    const changes = { name, acronym, competences, description, website, email, phone, updatedAt: new Date() };
    return applyChange(manager, row, changes, AuthorityChangeKind.UPDATED, editor.id);
  });
}

/** Archives an authority: it leaves the lists and search, and loses its contact point status if it had it. */
export async function archiveAuthority(db: DataSource, viewer: Viewer | null, id: string): Promise<NationalAuthority> {
  const key = byId.parse(id);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const row = await lockedAuthority(manager, key);
    if (!row) throw missing();
    const editor = assertMayEdit(viewer, row.countryCode);
    if (row.archived) return row;
    const changes = { archived: true, isContactPoint: false, updatedAt: new Date() };
    return applyChange(manager, row, changes, AuthorityChangeKind.ARCHIVED, editor.id);
  });
}

/**
 * Makes an authority its country's contact point and takes the status from the previous one, in one
 * transaction. On MySQL the country row is locked first, so two designations in one country take turns
 * and never leave two contact points.
 */
export async function designateContactPoint(
  db: DataSource,
  viewer: Viewer | null,
  countryCode: string,
  authorityId: string,
): Promise<string> {
  const country = countryFilter(countryCode)!;
  const editor = assertMayEdit(viewer, country);
  const key = byId.parse(authorityId);
  if (key === null) throw missing();
  return inTransaction(db, async (manager) => {
    const lock = manager.getRepository(Country).createQueryBuilder('c').where('c.code = :country', { country });
    if (engineOf(manager.connection) === 'mysql') lock.setLock('pessimistic_write');
    await lock.getOne();
    const row = await lockedAuthority(manager, key);
    if (!row) throw missing();
    if (row.countryCode !== country) {
      throw badInput(
        `This authority is of ${row.countryCode}, not of ${country}: a contact point is one of the country's own.`,
        'authorityId',
      );
    }
    if (row.archived) throw badInput('This authority is archived: an archived authority cannot be the contact point.', 'authorityId');
    if (row.isContactPoint) return country;
    const at = new Date();
    const previous = await manager.findBy(NationalAuthority, { countryCode: country, isContactPoint: true });
    for (const old of previous) {
      await applyChange(manager, old, { isContactPoint: false, updatedAt: at }, AuthorityChangeKind.UNDESIGNATED, editor.id);
    }
    await applyChange(manager, row, { isContactPoint: true, updatedAt: at }, AuthorityChangeKind.DESIGNATED, editor.id);
    return country;
  });
}
