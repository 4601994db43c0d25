/** A clip's explanation as stored: the selection's features and metadata (see @app/selection). */
export interface ClipInsights {
  description: string;
  hashtags: string[];
  /** Topic index (0-based, in time order) the clip starts in. */
  topic: number;
  features: {
    name: string;
    value: number;
    weight: number;
    contribution: number;
    reason: string;
  }[];
  origin: 'auto' | 'request';
  rankedBy?: string;
}
