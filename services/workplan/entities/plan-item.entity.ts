import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

export type PlanItemKind = 'principle' | 'objective';

@ObjectType({ description: 'A numbered principle or objective of the Work Plan.' })
@Entity('plan_items')
export class PlanItem {
  /** Which list of the plan the item belongs to; not a field, the root query names it. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: PlanItemKind;

  @Field(() => Int, { description: 'Number of the item within its list, from 1.' })
  @PrimaryColumn({ type: 'int' })
  number: number;

  @Field(() => String, { description: 'The original Spanish text, verbatim.' })
  @Column({ type: 'text' })
  text: string;
}
