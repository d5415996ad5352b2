import { Column, Entity, PrimaryColumn } from 'typeorm';
import { primaryStr, dateTime, str } from '../db/columns';

/**
 * An H5 login. The cookie holds a random token; only its SHA-256 is kept
 * here, so a leaked table cannot be replayed as cookies.
 */
@Entity('session')
export class Session {
  /** hex SHA-256 of the cookie token. */
  @PrimaryColumn(primaryStr(64, 'token_hash'))
  tokenHash!: string;

  @Column(str(64))
  userid!: string;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'expires_at' }))
  expiresAt!: Date;

  @Column(dateTime({ name: 'last_seen_at' }))
  lastSeenAt!: Date;

  @Column(dateTime({ name: 'revoked_at', nullable: true }))
  revokedAt!: Date | null;
}
