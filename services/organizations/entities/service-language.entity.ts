import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ServiceType } from './service.entity';

/**
 * A language a service is offered in (ISO 639-3): the join table the language filter reads. The
 * service's type is copied here (a service's type never changes: ServiceUpdateInput has none), so that
 * language + type is answered from idx_service_languages_language_type without reading a service row
 * for each service in the language.
 */
@Entity('service_languages')
@Index('idx_service_languages_language', ['language'])
@Index('idx_service_languages_language_service', ['language', 'serviceId'])
@Index('idx_service_languages_language_type', ['language', 'serviceType', 'serviceId'])
export class ServiceLanguage {
  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  language: string;

  @Column({ name: 'service_type', type: 'varchar', length: 30 })
  serviceType: ServiceType;
}
