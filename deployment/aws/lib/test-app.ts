import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildClipgenApp } from './clipgen-app';

/** The stacks as `cdk synth` would make them for a domain, with extra context for a test. */
export function synthesize(context: Record<string, unknown> = {}) {
  const app = new App({
    context: { domainName: 'clips.example.com', githubRepository: 'example/clipgen', ...context },
  });
  const built = buildClipgenApp(app);
  return {
    ...built,
    foundation: Template.fromStack(built.foundation),
    services: Template.fromStack(built.services),
    deployAccess: Template.fromStack(built.deployAccess!),
  };
}

/** Template JSON: CloudFormation properties have no TypeScript types to check against. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Properties = Record<string, any>;

/** Every resource of one type in a template, as [logicalId, properties]. */
export function resourcesOf(template: Template, type: string): [string, Properties][] {
  return Object.entries(template.findResources(type)).map(([id, r]) => [id, r.Properties ?? {}]);
}
