#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildClipgenApp } from '../lib/clipgen-app';

buildClipgenApp(new App());
