import { Module } from '@nestjs/common';
import { ApiRedis } from './api-redis';

@Module({ providers: [ApiRedis], exports: [ApiRedis] })
export class ApiRedisModule {}
