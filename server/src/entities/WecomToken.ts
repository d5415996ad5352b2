import { Column, Entity, PrimaryColumn } from 'typeorm';
import { primaryStr, dateTime, text } from '../db/columns';

/**
 * A cached WeCom credential (access token or JS-SDK ticket), shared by every
 * server process so they do not each spend WeCom's gettoken quota.
 */
@Entity('wecom_token')
export class WecomToken {
  /** e.g. `access_token:<corpid>:<agentid>`. */
  @PrimaryColumn(primaryStr(128))
  key!: string;

  @Column(text())
  value!: string;

  @Column(dateTime({ name: 'expires_at' }))
  expiresAt!: Date;

  /** A process refreshing the token holds this until the lease ends. */
  @Column(dateTime({ name: 'refresh_lease_until', nullable: true }))
  refreshLeaseUntil!: Date | null;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;
}
