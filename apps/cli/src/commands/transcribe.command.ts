import { NestFactory } from '@nestjs/core';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { TranscriptionEngine, transcriptWords } from '@app/transcription';
import { TranscribeModule } from '../transcribe.module';
import { transcribeFile } from './transcribe-file';

export async function transcribeCommand(
  media: string,
  opts: { json?: boolean; language?: string },
): Promise<void> {
  const app = await NestFactory.createApplicationContext(TranscribeModule, { logger: ['error'] });
  try {
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort());
    const transcript = await transcribeFile(
      app.get(TranscriptionEngine),
      app.get<MediaBinaries>(MEDIA_BINARIES),
      media,
      {
        language: opts.language ?? 'auto',
        signal: abort.signal,
      },
    );
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify(
          {
            language: transcript.language,
            model: transcript.model,
            durationSec: transcript.durationSec,
            speechDetection: transcript.speechDetection,
            wordTiming: transcript.wordTiming,
            words: transcriptWords(transcript),
            segments: transcript.segments,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const s of transcript.segments)
        process.stdout.write(`[${s.start.toFixed(2)} → ${s.end.toFixed(2)}] ${s.text}\n`);
    }
  } finally {
    await app.close();
  }
}
