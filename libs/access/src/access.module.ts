import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { ApiKeyService } from './api-keys/api-key.service';
import { LinkSigner } from './links/link-signer';

/** API keys and signed links, for the API (checking) and the CLI (managing keys). */
@Module({
  imports: [PersistenceModule],
  providers: [ApiKeyService, LinkSigner],
  exports: [ApiKeyService, LinkSigner],
})
export class AccessModule {}
