import { httpRequest, type HttpGetOptions, type HttpOutcome } from './httpRequest';

export type { HttpGetOptions, HttpOutcome } from './httpRequest';

/** A GET through httpRequest: the read every telemetry and scheduler adapter makes. */
export function httpGet(url: string, opts: HttpGetOptions): Promise<HttpOutcome> {
  return httpRequest('GET', url, opts);
}
