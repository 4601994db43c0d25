import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPTION_FONT_IDS, CAPTION_POSITIONS, CAPTION_PRESETS } from '@app/captions';

export class CaptionOptionsDto {
  @ApiProperty({ enum: CAPTION_PRESETS }) style: string;
  @ApiPropertyOptional({ enum: CAPTION_FONT_IDS }) font?: string;
  @ApiPropertyOptional() size?: number;
  @ApiPropertyOptional({ example: '#FFFFFF' }) color?: string;
  @ApiPropertyOptional({ example: '#FFD400' }) highlightColor?: string;
  @ApiPropertyOptional({ example: '#3BE8B0' }) emphasisColor?: string;
  @ApiPropertyOptional() outline?: number;
  @ApiPropertyOptional({ enum: CAPTION_POSITIONS }) position?: string;
  @ApiPropertyOptional() uppercase?: boolean;
  @ApiPropertyOptional() emphasis?: boolean;
  @ApiPropertyOptional() emoji?: boolean;
}

export class CutOptionsDto {
  @ApiProperty() removeSilences: boolean;
  @ApiProperty({ description: 'seconds' }) silenceThreshold: number;
  @ApiProperty() removeFillers: boolean;
}
