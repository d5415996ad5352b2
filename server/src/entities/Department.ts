import { Column, Entity, PrimaryColumn } from 'typeorm';
import { primaryInt, dateTime, int, str } from '../db/columns';

/** A department mirrored from the WeCom directory. */
@Entity('department')
export class Department {
  /** WeCom's department id. */
  @PrimaryColumn(primaryInt())
  id!: number;

  @Column(str(64))
  name!: string;

  @Column(int({ name: 'parent_id', nullable: true }))
  parentId!: number | null;

  @Column(int({ default: 0 }))
  order!: number;

  @Column(dateTime({ name: 'synced_at' }))
  syncedAt!: Date;
}
