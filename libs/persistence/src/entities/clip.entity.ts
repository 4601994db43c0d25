import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { JobEntity } from './job.entity';
import type { ClipInsights } from './clip-insights';

@Entity('clips')
@Index('uq_clips_job_index', ['jobId', 'index'], { unique: true })
export class ClipEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'job_id', length: 36 })
  jobId: string;

  @ManyToOne(() => JobEntity, (job) => job.clips, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: JobEntity;

  @Column('integer', { name: 'clip_index' })
  index: number;

  @Column('float', { name: 'start_sec' })
  start: number;

  @Column('float', { name: 'end_sec' })
  end: number;

  @Column('float')
  score: number;

  @Column('varchar', { length: 255 })
  title: string;

  @Column('text')
  text: string;

  @Column('integer')
  width: number;

  @Column('integer')
  height: number;

  @Column('varchar', { name: 'video_filename', length: 255 })
  videoFilename: string;

  @Column('varchar', { name: 'srt_filename', length: 255 })
  srtFilename: string;

  @Column('varchar', { name: 'vtt_filename', length: 255 })
  vttFilename: string;

  /** Why the clip was chosen and what it is about (null for clips from before highlights v2). */
  @Column('simple-json', { nullable: true })
  insights: ClipInsights | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
