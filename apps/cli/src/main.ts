import 'reflect-metadata';
import { Command } from 'commander';
import { clipCommand } from './commands/clip.command';
import { doctorCommand } from './commands/doctor.command';
import { createKeyCommand, listKeysCommand, revokeKeyCommand } from './commands/keys.command';
import { s3ListCommand, s3SetupCommand } from './commands/s3.command';
import { processCommand } from './commands/process.command';
import { transcribeCommand } from './commands/transcribe.command';
import { benchAsrCommand } from './bench/bench-asr.command';

const program = new Command()
  .name('clipgen')
  .description('Turn long videos into short, captioned, vertical clips — locally.')
  .showHelpAfterError();

program
  .command('process')
  .description('run the whole pipeline in this process (SQLite + local storage, no Redis)')
  .argument('<video>', 'input video file')
  .requiredOption('-o, --out <dir>', 'folder for the clips, captions and transcript')
  .option('-n, --max-clips <n>', 'most clips to make', '5')
  .option('--min-duration <seconds>', 'shortest clip', '15')
  .option('--max-duration <seconds>', 'longest clip', '60')
  .option('-a, --aspect <ratios>', "9:16 | 1:1 | 4:5 | 16:9, or several: '9:16,1:1'", '9:16')
  .option('-l, --language <code>', "spoken language, or 'auto'", 'auto')
  .option('-q, --quality <profile>', "transcription: 'fast' or 'accurate' (default ASR_PROFILE)")
  .option(
    '--layout <layout>',
    "framing: 'auto', 'follow', 'split' (two people stacked) or 'fit'",
    'auto',
  )
  .option('-k, --keywords <list>', "boost clips about these topics: 'printing,gutenberg'")
  .option('--caption-style <style>', 'karaoke | bold-pop | minimal | boxed | none', 'karaoke')
  .option('--caption-font <font>', 'montserrat | montserrat-black | montserrat-semibold | dejavu')
  .option('--caption-size <x>', "× the style's text size (0.5–2)")
  .option('--caption-color <#RRGGBB>', 'text colour')
  .option('--caption-highlight-color <#RRGGBB>', 'colour of the spoken word')
  .option('--caption-emphasis-color <#RRGGBB>', "colour of the clip's key terms")
  .option('--caption-outline <x>', 'outline, × the text size (0–0.3)')
  .option('--caption-position <where>', 'bottom | middle | top')
  .option('--caption-uppercase <bool>', 'upper-case captions (true/false)')
  .option('--caption-emphasis <bool>', 'key terms in the emphasis colour (true/false)')
  .option('--caption-emoji <bool>', 'an emoji after emphasised words (true/false)')
  .option('--remove-silences', 'jump cuts: shorten pauses longer than --silence-threshold')
  .option('--silence-threshold <seconds>', 'pause length that --remove-silences cuts')
  .option('--remove-fillers', 'jump cuts: drop "um", "uh" and filler "like"/"you know"')
  .action(processCommand);

program
  .command('clip')
  .description('one more clip on a finished job, by words that were said or by time range')
  .argument('<jobId>', 'the job (as printed by `clipgen process`)')
  .option('-q, --query <words>', 'words that were said (found fuzzily in the transcript)')
  .option('--start <seconds>', 'start of the range (with --end)')
  .option('--end <seconds>', 'end of the range (with --start)')
  .option('-o, --out <dir>', "copy the new clip's files here")
  .action(clipCommand);

const keys = program
  .command('keys')
  .description('API keys for the REST API (stored as hashes in DATABASE_URL)');
keys
  .command('create')
  .description('make a key; it is printed once')
  .requiredOption('--name <name>', 'who or what the key is for')
  .action(createKeyCommand);
keys
  .command('list')
  .description('every key: id, prefix, name, created, last used, revoked')
  .option('--json', 'as JSON')
  .action(listKeysCommand);
keys
  .command('revoke')
  .description('revoke a key at once (by id or the prefix `keys list` shows)')
  .argument('<idOrPrefix>', 'at least 4 characters of the id or prefix')
  .action(revokeKeyCommand);

const s3 = program
  .command('s3')
  .description('the object store: bucket set-up (STORAGE_TYPE=s3) and what each job stored');
s3.command('setup')
  .description(
    'create or update the bucket: public access blocked, default encryption, TLS-only policy, lifecycle',
  )
  .option('--bucket <name>', 'instead of S3_BUCKET')
  .option('--uploads-days <n>', 'expire uploads/ after n days (S3_UPLOADS_EXPIRE_DAYS)')
  .option('--processing-days <n>', 'expire processing/ after n days (S3_PROCESSING_EXPIRE_DAYS)')
  .option('--results-days <n>', 'expire results/ after n days, 0 = keep (S3_RESULTS_EXPIRE_DAYS)')
  .action(s3SetupCommand);
s3.command('ls')
  .description("a job's objects with sizes, or every job's bytes per area")
  .argument('[jobId]', 'one job')
  .option('--json', 'as JSON')
  .action(s3ListCommand);

program
  .command('transcribe')
  .description('transcribe any audio or video file with Whisper')
  .argument('<media>', 'input audio or video file')
  .option('--json', 'print words with timings as JSON')
  .option('-l, --language <code>', "spoken language, or 'auto'", 'auto')
  .action(transcribeCommand);

program
  .command('bench-asr')
  .description('WER of the installed Whisper model on the corpus references (JSON + table)')
  .option('--corpus <dir>', 'corpus folder', '../shared/corpus')
  .option('--out <file>', 'where to write the JSON report', 'bench-results/asr.json')
  .option('--models <list>', 'comma-separated models (default: every installed one)')
  .option('--profile <name>', 'fast | accurate (default: ASR_PROFILE)')
  .option('--beam <n>', "beam width, overriding the profile's (1 = greedy)")
  .option('--gain-db <dB>', 'change every file level first, e.g. -25 for level independence')
  .option('--parts <list>', 'wer,timing,overhead,retention (default: all)')
  .option('--retention-min-sec <s>', 'loop the conversation input to at least this long', '600')
  .action(benchAsrCommand);

program
  .command('doctor')
  .description('check this install: ffmpeg, models, database, Redis, storage, disk, workers')
  .option('--json', 'as JSON')
  .action(doctorCommand);

program.parseAsync().catch((err: Error) => {
  console.error(`clipgen: ${err.message}`);
  process.exit(1);
});
