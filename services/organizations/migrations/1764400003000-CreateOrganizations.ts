import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

const id = (name: string, isPrimary = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary });

/** Join and detail rows go with their service or organization; a service keeps its organization. */
const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class CreateOrganizations1764400003000 implements MigrationInterface {
  name = 'CreateOrganizations1764400003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          id('id', true),
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'website', type: 'varchar', length: '500', isNullable: true },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'phone', type: 'varchar', length: '50', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'is_demo', type: 'boolean', default: false },
        ],
        indices: [
          { name: 'idx_organizations_name', columnNames: ['name'] },
          { name: 'idx_organizations_country_name', columnNames: ['country_code', 'name'] },
          { name: 'idx_organizations_status_name', columnNames: ['status', 'name'] },
          { name: 'idx_organizations_kind', columnNames: ['kind'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'organization_countries',
        columns: [id('organization_id', true), { name: 'country_code', type: 'varchar', length: '2', isPrimary: true }],
        indices: [{ name: 'idx_organization_countries_country', columnNames: ['country_code'] }],
        foreignKeys: [cascade('organization_id', 'organizations')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'services',
        columns: [
          id('id', true),
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'type', type: 'varchar', length: '30' },
          { name: 'description', type: 'text', isNullable: true },
          id('organization_id'),
          { name: 'country_code', type: 'varchar', length: '2' },
          { name: 'city', type: 'varchar', length: '100', isNullable: true },
          { name: 'languages', type: 'text' },
          { name: 'populations', type: 'text' },
          { name: 'free', type: 'boolean', default: true },
          { name: 'phone', type: 'varchar', length: '50', isNullable: true },
          { name: 'hours', type: 'varchar', length: '200', isNullable: true },
          { name: 'latitude', type: 'double', isNullable: true },
          { name: 'longitude', type: 'double', isNullable: true },
          { name: 'is_demo', type: 'boolean', default: false },
        ],
        indices: [
          { name: 'idx_services_name', columnNames: ['name'] },
          { name: 'idx_services_country_type', columnNames: ['country_code', 'type'] },
          { name: 'idx_services_type', columnNames: ['type'] },
          { name: 'idx_services_organization', columnNames: ['organization_id', 'name'] },
          { name: 'idx_services_lat_lon', columnNames: ['latitude', 'longitude'] },
        ],
        foreignKeys: [{ columnNames: ['organization_id'], referencedTableName: 'organizations', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_languages',
        columns: [id('service_id', true), { name: 'language', type: 'varchar', length: '3', isPrimary: true }],
        indices: [{ name: 'idx_service_languages_language', columnNames: ['language'] }],
        foreignKeys: [cascade('service_id', 'services')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_populations',
        columns: [id('service_id', true), { name: 'population', type: 'varchar', length: '30', isPrimary: true }],
        indices: [{ name: 'idx_service_populations_population', columnNames: ['population'] }],
        foreignKeys: [cascade('service_id', 'services')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shelters',
        columns: [
          id('service_id', true),
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'capacity', type: 'int' },
          { name: 'min_age', type: 'int', isNullable: true },
          { name: 'max_age', type: 'int', isNullable: true },
          { name: 'address', type: 'varchar', length: '500', isNullable: true },
          { name: 'available_beds', type: 'int', isNullable: true },
        ],
        foreignKeys: [cascade('service_id', 'services')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [id('user_id', true), id('organization_id', true), { name: 'created_at', type: 'datetime' }],
        indices: [{ name: 'idx_memberships_organization', columnNames: ['organization_id'] }],
        foreignKeys: [cascade('organization_id', 'organizations')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = ['memberships', 'shelters', 'service_populations', 'service_languages', 'services', 'organization_countries'];
    for (const table of [...tables, 'organizations']) await queryRunner.dropTable(table);
  }
}
