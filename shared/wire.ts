import { z } from 'zod';
import { CALL_NAMES, EVENT_NAMES } from './channels';

/**
 * Frames of the served transport (WebSocket). Both ends parse every frame with these schemas;
 * the payload inside is then parsed again by the contract entry it names.
 */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    name: z.enum(CALL_NAMES),
    payload: z.unknown(),
  }),
  z.object({ type: z.literal('subscribe'), name: z.enum(EVENT_NAMES) }),
  z.object({ type: z.literal('unsubscribe'), name: z.enum(EVENT_NAMES) }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.enum(EVENT_NAMES), payload: z.unknown() }),
  /** A frame the server could not read; the connection stays open. */
  z.object({ type: z.literal('protocol-error'), message: z.string() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;

/** Lines and field paths from a zod error, e.g. "siteId: expected string". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
