/** The curl commands that do what the page just did, for scripts and integrators. */
export function curlCommands(
  origin: string,
  fields: Record<string, string>,
  fileName: string,
  jobId: string,
  firstClipUrl: string | null,
  withKey: boolean,
): string {
  const key = withKey ? ` \\\n  -H "Authorization: Bearer $CLIPGEN_KEY"` : '';
  const form = Object.entries(fields)
    .map(([k, v]) => ` \\\n  -F ${k}=${quote(v)}`)
    .join('');
  const lines = [
    `# upload (202: the job id and its status URL)`,
    `curl -sS ${origin}/api/upload-video${key}${form} \\\n  -F file=@${quote(fileName)}`,
    '',
    `# live progress (Server-Sent Events)`,
    `curl -N ${origin}/api/jobs/${jobId}/events${key}`,
    '',
    `# status, with the clips and their download URLs when completed`,
    `curl -sS ${origin}/api/status/${jobId}${key}`,
  ];
  if (firstClipUrl)
    lines.push(
      '',
      '# the first clip (a signed link: no key needed)',
      `curl -sS -o clip-01.mp4 ${quote(new URL(firstClipUrl, origin).toString())}`,
    );
  return lines.join('\n');
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
