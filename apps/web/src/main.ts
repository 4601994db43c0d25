import {
  ApiError,
  followEvents,
  getJson,
  JobEvent,
  savedKey,
  saveKey,
  uploadVideo,
} from './api-client.js';
import { curlCommands } from './curl.js';
import { ClipView, renderClips } from './render-clips.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface JobSummary {
  jobId: string;
  status: string;
  sourceFilename: string;
  createdAt: string;
}
interface Status {
  jobId: string;
  status: string;
  error: { code: string; message: string } | null;
  clips: ClipView[];
}

let keyRequired = false;

const formatEta = (sec: number | null) =>
  sec === null
    ? ''
    : ` · about ${sec < 60 ? `${sec} s` : `${Math.floor(sec / 60)} min ${sec % 60} s`} left`;

function showEvent(e: JobEvent): void {
  $<HTMLProgressElement>('job-bar').value = e.progress;
  const stage = e.stage ? `${e.stage} ${e.stageProgress}%` : e.status;
  $('stage-line').textContent = `${e.progress}% · ${stage}${formatEta(e.etaSeconds)}`;
}

async function showJob(jobId: string): Promise<Status> {
  const status = await getJson<Status>(`/api/status/${jobId}`);
  $('job-line').textContent = `job ${jobId}: ${status.status}`;
  if (status.error) $('job-error').textContent = `${status.error.code}: ${status.error.message}`;
  $('clips-panel').hidden = false;
  renderClips($('clips'), status.clips);
  return status;
}

/** Follows a job live to its end, then shows its clips. */
async function watch(jobId: string): Promise<Status> {
  $('progress-panel').hidden = false;
  $('job-error').textContent = '';
  $('job-line').textContent = `job ${jobId}`;
  await followEvents(jobId, (_name, e) => showEvent(e));
  return showJob(jobId);
}

async function loadJobs(): Promise<void> {
  try {
    const list = await getJson<{ items: JobSummary[] }>('/api/jobs?limit=10');
    $('jobs').replaceChildren(
      ...list.items.map((j) => {
        const button = Object.assign(document.createElement('button'), {
          type: 'button',
          textContent: `${j.sourceFilename} — ${j.status} (${new Date(j.createdAt).toLocaleString()})`,
        });
        button.addEventListener('click', () => void watch(j.jobId).catch(report));
        const li = document.createElement('li');
        li.append(button);
        return li;
      }),
    );
    $('key-panel').hidden = true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      keyRequired = true;
      $('key-panel').hidden = false;
      $('key-error').textContent = savedKey() ? 'That key was not accepted.' : '';
      return;
    }
    report(err);
  }
}

function report(err: unknown): void {
  $('progress-panel').hidden = false;
  $('job-error').textContent =
    err instanceof ApiError ? `${err.code}: ${err.message}` : String(err);
}

async function start(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const file = $<HTMLInputElement>('file').files?.[0];
  if (!file) return;
  const fields: Record<string, string> = {
    maxClips: $<HTMLInputElement>('max-clips').value,
    minDuration: $<HTMLInputElement>('min-duration').value,
    maxDuration: $<HTMLInputElement>('max-duration').value,
    aspectRatio: $<HTMLSelectElement>('aspect').value,
    captionStyle: $<HTMLSelectElement>('caption-style').value,
  };
  const form = new FormData();
  // Options first: the server checks them before it reads the file.
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  const button = $<HTMLButtonElement>('start');
  button.disabled = true;
  $('progress-panel').hidden = false;
  $('clips-panel').hidden = true;
  $('job-error').textContent = '';
  $<HTMLProgressElement>('job-bar').value = 0;
  try {
    const { jobId } = await uploadVideo(
      form,
      (f) => ($<HTMLProgressElement>('upload-bar').value = Math.round(f * 100)),
    );
    $<HTMLProgressElement>('upload-bar').value = 100;
    const status = await watch(jobId);
    $('curl-panel').hidden = false;
    $('curl').textContent = curlCommands(
      location.origin,
      fields,
      file.name,
      jobId,
      status.clips[0]?.downloadUrl ?? null,
      keyRequired,
    );
    void loadJobs();
  } catch (err) {
    report(err);
  } finally {
    button.disabled = false;
  }
}

function wireDropZone(): void {
  const zone = $('drop-zone');
  const input = $<HTMLInputElement>('file');
  const named = () => ($('file-name').textContent = input.files?.[0]?.name ?? '');
  input.addEventListener('change', named);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files.length) {
      input.files = e.dataTransfer.files;
      named();
    }
  });
}

$<HTMLFormElement>('upload-form').addEventListener('submit', (e) => void start(e));
$<HTMLFormElement>('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  saveKey($<HTMLInputElement>('api-key').value.trim());
  void loadJobs();
});
wireDropZone();
void loadJobs();
