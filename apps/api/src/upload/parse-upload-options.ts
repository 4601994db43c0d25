import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ClipOptions, clipOptionErrors, withDefaults } from '@app/jobs';
import { languageError } from '@app/transcription';
import { ApiProblem } from '../common/api-problem';
import { UPLOAD_OPTION_FIELDS, UploadOptionsDto } from './upload-options.dto';

const invalid = (messages: string[]) =>
  ApiProblem.badRequest('INVALID_OPTIONS', messages.join('; '), { errors: messages });

/**
 * Each field on its own — unknown names, types, ranges, a language the model knows — which is all
 * that can be judged before the fields sent after the file arrive.
 */
export function checkUploadFields(fields: Record<string, string>, model: string): UploadOptionsDto {
  const unknown = Object.keys(fields).filter((k) => !UPLOAD_OPTION_FIELDS.includes(k));
  if (unknown.length)
    throw invalid([`unknown field(s): ${unknown.map((k) => k.slice(0, 40)).join(', ')}`]);
  const dto = plainToInstance(UploadOptionsDto, fields);
  const errors = validateSync(dto, { forbidUnknownValues: false });
  if (errors.length) throw invalid(errors.flatMap((e) => Object.values(e.constraints ?? {})));
  const language = dto.language && languageError(dto.language, model);
  if (language) throw invalid([language]);
  return dto;
}

/** All fields with defaults filled in, including the rules between fields. */
export function parseUploadOptions(fields: Record<string, string>, model: string): ClipOptions {
  const dto = checkUploadFields(fields, model);
  const options = withDefaults(dto);
  const rules = clipOptionErrors(options);
  if (rules.length) throw invalid(rules);
  return options;
}
