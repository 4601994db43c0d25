import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { CAPTION_FONT_IDS, CAPTION_POSITIONS, CAPTION_PRESETS } from '@app/captions';

const BOOL = ['true', 'false', '1', '0'];
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Caption style and jump cuts (documented in render-fields.schema.ts). */
export class RenderFieldsDto {
  @IsOptional() @IsIn(CAPTION_PRESETS) captionStyle?: string;
  @IsOptional() @IsIn(CAPTION_FONT_IDS) captionFont?: string;
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0.5) @Max(2) captionSize?: number;
  @IsOptional() @Matches(HEX) captionColor?: string;
  @IsOptional() @Matches(HEX) captionHighlightColor?: string;
  @IsOptional() @Matches(HEX) captionEmphasisColor?: string;
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(0.3) captionOutline?: number;
  @IsOptional() @IsIn(CAPTION_POSITIONS) captionPosition?: string;
  @IsOptional() @IsIn(BOOL) captionUppercase?: string;
  @IsOptional() @IsIn(BOOL) captionEmphasis?: string;
  @IsOptional() @IsIn(BOOL) captionEmoji?: string;
  @IsOptional() @IsIn(BOOL) removeSilences?: string;
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0.2) @Max(5) silenceThreshold?: number;
  @IsOptional() @IsIn(BOOL) removeFillers?: string;
}
