import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { app as realApp } from '../../infra/app.ts';
import { fixtureApp } from './fixtures/app.ts';
import { FIXTURE_UPLOAD_PAGE, withPolicyChecks } from './synthesized.ts';

describe('cdk-nag AwsSolutions checks', () => {
  it('leave no unacknowledged finding in the deployment of infra/app.ts', () => {
    const { app } = withPolicyChecks(realApp);
    expect(() => app.synth()).not.toThrow();
  });

  it('leave no unacknowledged finding in the deployment of the fixture declaration, upload page included', () => {
    const { app } = withPolicyChecks(fixtureApp, { uploadPageFolder: FIXTURE_UPLOAD_PAGE });
    expect(() => app.synth()).not.toThrow();
  });

  it('still fail synth for an unlogged bucket or a wildcard grant nobody acknowledged', () => {
    const { app, deployment } = withPolicyChecks(fixtureApp);
    new Bucket(deployment.stateful, 'Unlogged', {
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(1) }],
    });
    const role = deployment.service.node
      .findAll()
      .find((construct) => construct.node.path.endsWith('Functions/Health/Role'));
    if (!(role instanceof Role)) throw new Error('the health function has no role');
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::elsewhere/*'] }),
    );

    let failure = '';
    try {
      app.synth();
    } catch (error) {
      failure = String(error);
    }
    expect(failure).toMatch(/AwsSolutions-S1'[\s\S]*AwsSolutions-IAM5\[Resource::arn:aws:s3:::elsewhere\/\*\]/);
    expect(failure).toContain('Stateful/Unlogged/Resource');
    expect(failure).toContain('Service/Functions/Health/Role/DefaultPolicy/Resource');
  });
});
