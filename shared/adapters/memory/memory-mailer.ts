import type { Mailer, MailMessage } from '#shared/ports.ts';

/** Keeps what was sent; `failNext(n)` makes the next n sends throw, as SES does when throttled. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  #failures = 0;

  failNext(times: number): void {
    this.#failures = times;
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (this.#failures > 0) {
      this.#failures -= 1;
      throw new Error('mail service unavailable');
    }
    this.sent.push(structuredClone(message));
    return { messageId: `memory-${this.sent.length}` };
  }
}
