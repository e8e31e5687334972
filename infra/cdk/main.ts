import { App } from 'aws-cdk-lib';
import { app as declaration } from '../app.ts';
import { addPolicyChecks, defineDeployment } from './deployment.ts';

const app = new App();
defineDeployment(app, declaration);
addPolicyChecks(app);
app.synth();
