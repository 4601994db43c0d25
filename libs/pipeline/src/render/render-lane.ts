import type { CropPath } from '@app/detection';

/**
 * Renders clips one at a time in the background as soon as each is framed, so that the next clip
 * is framed while this one encodes (bench:render: 13 % faster than one after the other on 2
 * cores). The first failure stops the lane and is thrown by `drain`.
 */
export class RenderLane {
  private chain: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly render: (index: number, crops: CropPath[]) => Promise<void>) {}

  push(index: number, crops: CropPath[]): void {
    this.chain = this.chain
      .then(() => (this.failure ? undefined : this.render(index, crops)))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
  }

  /** Waits for every pushed clip; throws the first failure. */
  async drain(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure.error;
  }
}
