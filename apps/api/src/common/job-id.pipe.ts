import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiProblem } from './api-problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects malformed job ids with 400 before any lookup. */
@Injectable()
export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value))
      throw ApiProblem.badRequest(
        'INVALID_JOB_ID',
        `"${value.slice(0, 64)}" is not a job id (UUID)`,
      );
    return value.toLowerCase();
  }
}
