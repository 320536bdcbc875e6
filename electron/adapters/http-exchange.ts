// One HTTP(S) request and its whole reply as text, over node:http/https: the requests we make
// without an SDK client (IAM's Query calls, the console's federation endpoint). A stalled
// connection ends at the timeout with an error the error map reads as a network failure.

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

export interface HttpExchange {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

const MAX_REPLY_BYTES = 1024 * 1024;

export function exchange({ url, method, headers = {}, body, timeoutMs }: HttpExchange): Promise<HttpReply> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) request.destroy(Object.assign(new Error('reply larger than 1 MB'), { code: 'EPIPE' }));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end(body);
  });
}
