export class StorageObjectNotFoundError extends Error {
  readonly code = 'STORAGE_NOT_FOUND';
  constructor(readonly key: string) {
    super(`stored object not found: ${key}`);
  }
}

export class StorageLimitExceededError extends Error {
  readonly code = 'UPLOAD_TOO_LARGE';
  constructor(readonly limitBytes: number) {
    super(`upload exceeds the limit of ${limitBytes} bytes`);
  }
}
