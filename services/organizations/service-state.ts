import type { DataSource } from 'typeorm';
import { inTransaction } from '../kit/transaction';
import { badInput } from '../platform/errors';
import { OrganizationChangeKind } from './entities/organization-change.entity';
import { placeKeys, Service, ServiceType } from './entities/service.entity';
import { Shelter } from './entities/shelter.entity';
import { recordServiceChange } from './service-history';
import { assertNotArchived, Editor, editableService } from './service-writes';

/**
 * Archives or restores a service. An archived service leaves every public list and search; its members and
 * the Secretariat still see it (archived: true). Asking for the state it is already in changes nothing.
 */
export async function setArchived(db: DataSource, id: string, archived: boolean, editor: Editor): Promise<Service> {
  return inTransaction(db, async (manager) => {
    const { row, organization } = await editableService(manager, id, editor);
    if (row.archived === archived) return row;
    const next = Object.assign(new Service(), row, { archived, updatedAt: new Date() });
    Object.assign(next, placeKeys(next.city, next.updatedAt));
    await manager.update(Service, { id: row.id }, { archived, updatedAt: next.updatedAt, recency: next.recency });
    const kind = archived ? OrganizationChangeKind.SERVICE_ARCHIVED : OrganizationChangeKind.SERVICE_RESTORED;
    const fields = [{ field: 'archived', oldValue: String(row.archived), newValue: String(archived) }];
    await recordServiceChange(manager, kind, next, organization, editor.userId, next.updatedAt, fields);
    return next;
  });
}

/**
 * Sets a shelter's free beds, 0 to its capacity, and nothing else: not even updatedAt, which the public sees
 * (the free beds are confidential). The shelter as it now is, knowing its organization (ShelterResolver).
 */
export async function setAvailableBeds(db: DataSource, serviceId: string, availableBeds: number, editor: Editor): Promise<Shelter> {
  return inTransaction(db, async (manager) => {
    const { row, organization } = await editableService(manager, serviceId, editor);
    assertNotArchived(row, 'serviceId');
    const shelter = row.type === ServiceType.SHELTER ? await manager.findOneBy(Shelter, { serviceId: row.id }) : null;
    if (!shelter) throw badInput(`Only a SHELTER service has beds; this one is ${row.type}.`, 'serviceId');
    if (!Number.isInteger(availableBeds) || availableBeds < 0 || availableBeds > shelter.capacity) {
      throw badInput(
        `availableBeds must be a whole number from 0 to the capacity (${shelter.capacity}), got ${availableBeds}.`,
        'availableBeds',
      );
    }
    const next = Object.assign(new Shelter(), shelter, { availableBeds, organizationId: organization.id });
    if (shelter.availableBeds === availableBeds) return next;
    await manager.update(Shelter, { serviceId: row.id }, { availableBeds });
    const fields = [
      {
        field: 'shelter.availableBeds',
        oldValue: shelter.availableBeds === null ? null : String(shelter.availableBeds),
        newValue: String(availableBeds),
      },
    ];
    await recordServiceChange(manager, OrganizationChangeKind.BEDS_CHANGED, row, organization, editor.userId, new Date(), fields);
    return next;
  });
}
