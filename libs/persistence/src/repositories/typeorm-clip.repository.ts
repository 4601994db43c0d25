import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { ArtifactEntity, ArtifactKind } from '../entities/artifact.entity';
import { ClipEntity } from '../entities/clip.entity';
import { ClipRepository, NewArtifact, NewClip } from './clip.repository';

const CLIP_KINDS = [
  ArtifactKind.ClipVideo,
  ArtifactKind.ClipCaptions,
  ArtifactKind.ClipFraming,
  ArtifactKind.ClipThumbnail,
];

@Injectable()
export class TypeOrmClipRepository extends ClipRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ClipEntity) private readonly clips: Repository<ClipEntity>,
    @InjectRepository(ArtifactEntity) private readonly artifacts: Repository<ArtifactEntity>,
  ) {
    super();
  }

  async replaceForJob(jobId: string, clips: NewClip[], artifacts: NewArtifact[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(ClipEntity, { jobId });
      await tx.delete(ArtifactEntity, { jobId, kind: In(CLIP_KINDS) });
      if (clips.length) await tx.insert(ClipEntity, clips);
      if (artifacts.length) await tx.insert(ArtifactEntity, artifacts);
    });
  }

  async addClip(clip: NewClip, artifacts: NewArtifact[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.insert(ClipEntity, clip);
      if (artifacts.length) await tx.insert(ArtifactEntity, artifacts);
    });
  }

  listByJob(jobId: string): Promise<ClipEntity[]> {
    return this.clips.find({ where: { jobId }, order: { index: 'ASC' } });
  }

  async saveArtifact(artifact: NewArtifact): Promise<void> {
    // Same (job, filename) means a retried stage rewrote the file: keep one row.
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(ArtifactEntity, { jobId: artifact.jobId, filename: artifact.filename });
      await tx.insert(ArtifactEntity, artifact);
    });
  }

  findArtifact(jobId: string, filename: string): Promise<ArtifactEntity | null> {
    return this.artifacts.findOne({ where: { jobId, filename } });
  }

  async deleteForJob(jobId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(ClipEntity, { jobId });
      await tx.delete(ArtifactEntity, { jobId });
    });
  }

  listArtifacts(jobId: string): Promise<ArtifactEntity[]> {
    return this.artifacts.find({ where: { jobId }, order: { filename: 'ASC' } });
  }
}
