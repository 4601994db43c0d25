import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ScoreFeatureDto {
  @ApiProperty({
    enum: ['hook', 'standalone', 'payoff', 'coherence', 'delivery', 'density', 'keywords'],
  })
  name: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'how well the clip does on this feature' })
  value: number;
  @ApiProperty({ description: 'the most it can add' }) weight: number;
  @ApiProperty({ description: 'points it added to the 0–100 score' }) contribution: number;
  @ApiProperty({ example: 'opens with a question: “Why does bread rise…”' }) reason: string;
}

/** What the status says about why a clip was chosen and what it is about. */
export class ClipInsightsDto {
  @ApiProperty({ example: 'Yeast eats the sugar in the dough and breathes out gas.' })
  description: string;
  @ApiProperty({ type: [String], example: ['#Yeast', '#BreadDough'] }) hashtags: string[];
  @ApiProperty({ description: 'topic index, 0-based in time order, the clip starts in' })
  topic: number;
  @ApiProperty({ type: [ScoreFeatureDto], description: 'the score, feature by feature' })
  features: ScoreFeatureDto[];
  @ApiProperty({ enum: ['auto', 'request'], description: 'picked by selection, or asked for' })
  origin: string;
  @ApiPropertyOptional({
    example: 'llm:llama3.1',
    description: 'set when an LLM ordered the clips',
  })
  rankedBy?: string;
}
