import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Like, Repository } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { ApiKeyRepository, NewApiKey } from './api-key.repository';

/** LIKE wildcards in user input are taken literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {
    super();
  }

  create(key: NewApiKey): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create({ ...key, lastUsedAt: null, revokedAt: null }));
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  findByHash(secretHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { secretHash } });
  }

  async findByIdOrPrefix(idOrPrefix: string): Promise<ApiKeyEntity[]> {
    const pattern = `${escapeLike(idOrPrefix)}%`;
    return this.keys.find({ where: [{ id: Like(pattern) }, { prefix: Like(pattern) }] });
  }

  async markRevoked(id: string): Promise<void> {
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }
}
