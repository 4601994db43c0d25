import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DetectedFace } from './face.types';

/* eslint-disable @typescript-eslint/no-explicit-any -- Human ships no types for its wasm build */

/** Mouth openness from the face mesh: inner-lip gap (13–14) over mouth width (78–308). */
export function mouthOpenness(mesh: number[][]): number | null {
  if (mesh.length < 309) return null;
  const d = (a: number, b: number) => Math.hypot(mesh[a][0] - mesh[b][0], mesh[a][1] - mesh[b][1]);
  const width = d(78, 308);
  return width > 0 ? d(13, 14) / width : null;
}

/** The face's box from its mesh points (Human's own box is enlarged ~1.4×). */
export function meshBox(mesh: number[][]) {
  const xs = mesh.map((p) => p[0]);
  const ys = mesh.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Node's fetch does not read file:// URLs; Human loads its models through fetch. */
function readLocalFilesThroughFetch(): void {
  const original = globalThis.fetch;
  globalThis.fetch = (async (url: any, init?: any) => {
    const href = String(url?.url ?? url);
    if (!href.startsWith('file://')) return original(url, init);
    return new Response(await fs.promises.readFile(new URL(href)), { status: 200 });
  }) as typeof fetch;
}

/**
 * Faces and lip landmarks with @vladmandic/human (BlazeFace + face mesh) on tfjs's wasm backend,
 * from the models inside the npm package — nothing is downloaded. Runs in the analysis child
 * process, so its synchronous wasm work never blocks the service's event loop.
 */
export class HumanFaceDetector {
  private human: any;

  constructor(
    private readonly modulesDir: string,
    private readonly minConfidence = 0.5,
  ) {}

  async load(): Promise<void> {
    readLocalFilesThroughFetch();
    const pkg = path.join(this.modulesDir, '@vladmandic/human');
    const { Human } = require(path.join(pkg, 'dist/human.node-wasm.js'));
    const off = { enabled: false };
    this.human = new Human({
      backend: 'wasm',
      debug: false,
      // Every frame on its own: Human's frame cache and skipped frames blur the mouth signal.
      cacheSensitivity: 0,
      wasmPath: path.join(this.modulesDir, '@tensorflow/tfjs-backend-wasm/dist/'),
      modelBasePath: `file://${path.join(pkg, 'models')}/`,
      face: {
        enabled: true,
        detector: {
          maxDetected: 6,
          minConfidence: this.minConfidence,
          rotation: false,
          skipFrames: 0,
          skipTime: 0,
        },
        mesh: { enabled: true, skipFrames: 0 },
        ...Object.fromEntries(
          ['iris', 'description', 'emotion', 'antispoof', 'liveness', 'attention'].map((k) => [
            k,
            off,
          ]),
        ),
      },
      body: off,
      hand: off,
      object: off,
      gesture: off,
      segmentation: off,
      filter: off,
    });
    await this.human.load();
  }

  /** Faces in one RGB frame, scaled by `scale` to source pixels. */
  async detect(pixels: Uint8Array, width: number, height: number, scale: number) {
    const tensor = this.human.tf.tensor3d(pixels, [height, width, 3], 'int32');
    try {
      const result = await this.human.detect(tensor);
      return (result.face as any[]).map((f): DetectedFace => {
        const mesh: number[][] = f.mesh ?? [];
        const box = mesh.length
          ? meshBox(mesh)
          : { x: f.box[0], y: f.box[1], width: f.box[2], height: f.box[3] };
        const r = (v: number) => Math.round(v * scale);
        return {
          x: r(box.x),
          y: r(box.y),
          width: r(box.width),
          height: r(box.height),
          score: Math.round((f.score ?? 0) * 100) / 100,
          mouthOpen: mesh.length ? Math.round((mouthOpenness(mesh) ?? 0) * 1000) / 1000 : null,
        };
      });
    } finally {
      tensor.dispose();
    }
  }
}
