import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DetectedFace } from './face.types';
import { mergeFaceLists, needsSecondLook } from './second-look';

/* eslint-disable @typescript-eslint/no-explicit-any -- Human ships no types for its wasm build */

/** Mouth openness from the face mesh: inner-lip gap (13–14) over mouth width (78–308). */
export function mouthOpenness(mesh: number[][]): number | null {
  if (mesh.length < 309) return null;
  const d = (a: number, b: number) => Math.hypot(mesh[a][0] - mesh[b][0], mesh[a][1] - mesh[b][1]);
  const width = d(78, 308);
  return width > 0 ? d(13, 14) / width : null;
}

/**
 * Eye openness from the face mesh: lid gap over eye width, averaged over both eyes (upper/lower
 * lids 159/145 and 386/374, corners 33/133 and 362/263): ≈0.05 shut, 0.2–0.35 open.
 */
export function eyeOpenness(mesh: number[][]): number | null {
  if (mesh.length < 387) return null;
  const d = (a: number, b: number) => Math.hypot(mesh[a][0] - mesh[b][0], mesh[a][1] - mesh[b][1]);
  const left = d(33, 133) > 0 ? d(159, 145) / d(33, 133) : 0;
  const right = d(362, 263) > 0 ? d(386, 374) / d(362, 263) : 0;
  return (left + right) / 2;
}

/** The face's box from its mesh points (Human's own box is enlarged ~1.4×). */
export function meshBox(mesh: number[][]) {
  const xs = mesh.map((p) => p[0]);
  const ys = mesh.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Whether the optional native TensorFlow binding installed (it needs a download at install). */
export function hasTfjsNode(modulesDir: string): boolean {
  try {
    require.resolve(path.join(modulesDir, '@tensorflow/tfjs-node'));
    return true;
  } catch {
    return false;
  }
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
 * or on @tensorflow/tfjs-node when that optional dependency installed, from the models inside
 * the npm package — nothing is downloaded. Runs in the analysis child
 * process, so its synchronous wasm work never blocks the service's event loop.
 */
export class HumanFaceDetector {
  private human: any;

  constructor(
    private readonly modulesDir: string,
    private readonly minConfidence = 0.5,
  ) {}

  /** 'tensorflow' when the optional native binding is installed (faster), else 'wasm'. */
  backend = 'wasm';

  async load(): Promise<void> {
    readLocalFilesThroughFetch();
    const pkg = path.join(this.modulesDir, '@vladmandic/human');
    const native = hasTfjsNode(this.modulesDir);
    this.backend = native ? 'tensorflow' : 'wasm';
    const { Human } = require(
      path.join(pkg, native ? 'dist/human.node.js' : 'dist/human.node-wasm.js'),
    );
    const off = { enabled: false };
    this.human = new Human({
      backend: this.backend,
      debug: false,
      // Every frame on its own: Human's frame cache and skipped frames blur the mouth signal.
      cacheSensitivity: 0,
      wasmPath: path.join(this.modulesDir, '@tensorflow/tfjs-backend-wasm/dist/'),
      modelBasePath: `file://${path.join(pkg, 'models')}/`,
      face: {
        enabled: true,
        detector: {
          maxDetected: 10,
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

  /**
   * Faces in one RGB frame, scaled by `scale` to source pixels. A frame with none, or only small
   * ones (under 12 % of its height), is searched again at twice the size, where small, far faces
   * are found (on the dlib photos given at twice their size, recall is .94 against .83), at a
   * cost paid only for such frames.
   */
  async detect(pixels: Uint8Array, width: number, height: number, scale: number) {
    const tf = this.human.tf;
    const tensor = tf.tensor3d(pixels, [height, width, 3], 'int32');
    try {
      const faces = await this.facesIn(tensor, scale);
      if (!needsSecondLook(faces, height * scale)) return faces;
      // Pixel centres kept in place (halfPixelCenters): tfjs's default shifts the picture half a
      // pixel and found one face fewer of the dlib photos' six small ones.
      const bigger = tf.tidy(() =>
        tf.cast(tf.image.resizeBilinear(tensor, [height * 2, width * 2], false, true), 'int32'),
      );
      try {
        return mergeFaceLists(faces, await this.facesIn(bigger, scale / 2));
      } finally {
        bigger.dispose();
      }
    } finally {
      tensor.dispose();
    }
  }

  private async facesIn(tensor: unknown, scale: number): Promise<DetectedFace[]> {
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
        eyesOpen: mesh.length ? Math.round((eyeOpenness(mesh) ?? 0) * 1000) / 1000 : null,
      };
    });
  }
}
