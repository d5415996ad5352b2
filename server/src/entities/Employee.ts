import { Column, Entity, PrimaryColumn } from 'typeorm';
import { primaryStr, dateTime, int, json, str } from '../db/columns';

/** A member mirrored from the WeCom directory. */
@Entity('employee')
export class Employee {
  /** WeCom userid: a string, case-sensitive as WeCom keeps it. */
  @PrimaryColumn(primaryStr(64))
  userid!: string;

  @Column(str(64))
  name!: string;

  @Column(str(128, { default: '' }))
  position!: string;

  @Column(json({ name: 'department_ids' }))
  departmentIds!: number[];

  @Column(int({ name: 'main_department', nullable: true }))
  mainDepartment!: number | null;

  @Column(json({ name: 'direct_leader' }))
  directLeader!: string[];

  /** WeCom status: 1 active, 2 disabled, 4 not activated, 5 left. */
  @Column(int({ default: 1 }))
  status!: number;

  /** Set when WeCom says the member was deleted (they left). */
  @Column(dateTime({ name: 'departed_at', nullable: true }))
  departedAt!: Date | null;

  @Column(dateTime({ name: 'synced_at' }))
  syncedAt!: Date;
}
