// The outbox transport: each message becomes an .eml file, the MIME SES would have been given.
// It is what runs with no credentials and no network (npm start, local trials).
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeMime } from './mime.js';
import type { OutgoingMessage } from './plan.js';
import type { Transport } from './transport.js';

export class OutboxTransport implements Transport {
  readonly name = 'outbox';

  constructor(
    private readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: OutgoingMessage): Promise<string> {
    const messageId = `<${randomUUID()}@boardroom.invalid>`;
    const mime = await composeMime(message, messageId, this.now());
    await mkdir(this.folder, { recursive: true });
    await writeFile(path.join(this.folder, `${message.key}.eml`), mime);
    return messageId;
  }
}
