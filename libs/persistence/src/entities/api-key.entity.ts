import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An API key. Only a hash of the secret is kept: a leaked database gives no usable key. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  name: string;

  /** The key's first characters, shown in lists so people can tell their keys apart. */
  @Column('varchar', { length: 24 })
  prefix: string;

  /** SHA-256 of the whole key, hex; unique. */
  @Column('varchar', { name: 'secret_hash', length: 64, unique: true })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;
}
