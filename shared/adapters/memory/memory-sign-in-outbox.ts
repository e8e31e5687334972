import {
  mailSignInCode,
  type SignInCodeMail,
  type SignInCodeOutbox,
  type SignInMailPorts,
} from '#shared/auth/sign-in-mail.ts';

/** The sign-in mail queue in memory: what is posted waits, as on SQS, until `deliver` hands it to the consumer. */
export class MemorySignInOutbox implements SignInCodeOutbox {
  readonly posted: SignInCodeMail[] = [];
  #waiting: SignInCodeMail[] = [];

  async post(mail: SignInCodeMail): Promise<void> {
    this.posted.push(structuredClone(mail));
    this.#waiting.push(structuredClone(mail));
  }

  async deliver(ports: SignInMailPorts): Promise<void> {
    for (const mail of this.#waiting.splice(0)) await mailSignInCode(ports, mail);
  }
}
