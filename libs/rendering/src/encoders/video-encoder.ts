/** An H.264 encoder ffmpeg can use, with the settings every clip is made with. */
export interface VideoEncoder {
  name: string;
  args: string[];
}

/** CPU: x264 `veryfast` at CRF 21 — the quality of the first version, at a third of `medium`'s time. */
export const X264: VideoEncoder = {
  name: 'libx264',
  args: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-profile:v', 'high'],
};

/** Hardware encoders, in order of preference, when the ffmpeg in use has them. */
export const HARDWARE_ENCODERS: VideoEncoder[] = [
  {
    name: 'h264_nvenc',
    args: ['-c:v', 'h264_nvenc', '-preset', 'p4', '-cq', '23', '-profile:v', 'high'],
  },
  {
    name: 'h264_qsv',
    args: ['-c:v', 'h264_qsv', '-global_quality', '23', '-profile:v', 'high'],
  },
  {
    name: 'h264_videotoolbox',
    args: ['-c:v', 'h264_videotoolbox', '-q:v', '60', '-profile:v', 'high'],
  },
];
