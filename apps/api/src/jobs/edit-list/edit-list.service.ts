import { Injectable } from '@nestjs/common';
import { ArtifactEntity, ArtifactKind, ClipRepository, JobEntity } from '@app/persistence';
import { readObject, StorageDriver } from '@app/storage';
import type { Transcript } from '@app/transcription';
import { ApiProblem } from '../../common/api-problem';
import { DownloadLinks } from '../../download/download-links';
import { downloadPath } from '../../status/job-status.mapper';
import { buildEditList, StoredFraming } from './clip-edit-list';

/** Reads what a finished job stored (clips, framings, transcript) into one clip's edit list. */
@Injectable()
export class EditListService {
  constructor(
    private readonly clips: ClipRepository,
    private readonly storage: StorageDriver,
    private readonly links: DownloadLinks,
  ) {}

  async build(job: JobEntity, index: number) {
    const [clips, artifacts] = await Promise.all([
      this.clips.listByJob(job.id),
      this.clips.listArtifacts(job.id),
    ]);
    const clip = clips.find((c) => c.index === index);
    if (!clip) throw ApiProblem.notFound(`job ${job.id} has no clip ${index}`);
    const stem = clip.videoFilename.replace(/\.mp4$/, '');
    const videos = artifacts.filter(
      (a) =>
        a.kind === ArtifactKind.ClipVideo &&
        (a.filename === clip.videoFilename || a.filename.startsWith(`${stem}.`)),
    );
    // The main rendition first, as in the status.
    videos.sort(
      (a, b) =>
        Number(b.filename === clip.videoFilename) - Number(a.filename === clip.videoFilename),
    );
    const { link } = await this.links.forJob(job.id, artifacts);
    const framings = await Promise.all(
      videos.map(async (v) => ({
        videoUrl: link(downloadPath(job.id, ArtifactKind.ClipVideo, v.filename)),
        framing: await this.readJson<StoredFraming>(
          artifacts,
          ArtifactKind.ClipFraming,
          v.filename.replace(/\.mp4$/, '.framing.json'),
        ),
      })),
    );
    const transcriptName = artifacts.find(
      (a) => a.kind === ArtifactKind.Transcript && a.filename.endsWith('.json'),
    )?.filename;
    const transcript = transcriptName
      ? await this.readJson<Transcript>(artifacts, ArtifactKind.Transcript, transcriptName)
      : null;
    return buildEditList(job, clip, transcript, framings);
  }

  private async readJson<T>(
    artifacts: ArtifactEntity[],
    kind: ArtifactKind,
    filename: string,
  ): Promise<T | null> {
    const artifact = artifacts.find((a) => a.kind === kind && a.filename === filename);
    if (!artifact) return null;
    const bytes = await readObject(this.storage, artifact.storageKey);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : null;
  }
}
