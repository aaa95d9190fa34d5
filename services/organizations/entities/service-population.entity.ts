import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Population } from '../../kit/enums';

/** A population a service is meant for: the join table the population filter reads. */
@Entity('service_populations')
@Index('idx_service_populations_population', ['population'])
@Index('idx_service_populations_population_service', ['population', 'serviceId'])
export class ServicePopulation {
  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  population: Population;
}
