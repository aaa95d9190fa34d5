import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A language a service is offered in (ISO 639-3): the join table the language filter reads. */
@Entity('service_languages')
@Index('idx_service_languages_language', ['language'])
@Index('idx_service_languages_language_service', ['language', 'serviceId'])
export class ServiceLanguage {
  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  language: string;
}
