import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { storageConfig } from '@app/config';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3/s3-storage.driver';
import { StorageDriver } from './storage.driver';

export function createStorageDriver(config: ConfigType<typeof storageConfig>): StorageDriver {
  return config.type === 's3' ? new S3StorageDriver(config.s3) : new LocalStorageDriver(config.dir);
}

/** Binds the StorageDriver port to the adapter STORAGE_TYPE selects. */
@Module({
  providers: [
    { provide: StorageDriver, inject: [storageConfig.KEY], useFactory: createStorageDriver },
  ],
  exports: [StorageDriver],
})
export class StorageModule {}
