import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agreement } from './agreement.entity';

/** A guideline an agreement serves: the reverse lookup of Agreement.guidelineNumbers (filter `guideline`, Guideline.agreements). */
@Entity('agreement_guidelines')
@Index('idx_agreement_guidelines_guideline', ['guidelineNumber'])
export class AgreementGuideline {
  @PrimaryColumn({ name: 'agreement_id', type: 'varchar', length: 36 })
  agreementId: string;

  @PrimaryColumn({ name: 'guideline_number', type: 'int' })
  guidelineNumber: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;
}
