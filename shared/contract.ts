import { z } from 'zod';
import type { CallName, EventName } from './channels';
import type { ErrorCode } from './result';
import {
  AppInfoSchema,
  FleetSnapshotSchema,
  FleetTotalsSchema,
  SeriesPointSchema,
  SeriesSchema,
  SiteDetailSchema,
  SiteSummarySchema,
} from './domain';

/**
 * The one API contract (STYLE.md rule 2). Each call declares its request and response schema and the
 * error codes its handler may return besides the transport's own (INVALID_REQUEST, INTERNAL, TIMEOUT…).
 * Both transports — Electron IPC and the served WebSocket — are driven from this table.
 */
interface CallSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  errors: readonly ErrorCode[];
  summary: string;
}
const call = <Req extends z.ZodType, Res extends z.ZodType>(spec: CallSpec<Req, Res>) => spec;

const SiteIdSchema = z.string().min(1).max(128);

export const calls = {
  'app.info': call({
    summary: 'Version, shell and where the fleet definition came from.',
    request: z.object({}).strict(),
    response: AppInfoSchema,
    errors: [],
  }),
  'fleet.snapshot': call({
    summary: 'Fleet totals and one summary per site, as of the last tick.',
    request: z.object({}).strict(),
    response: FleetSnapshotSchema,
    errors: [],
  }),
  'fleet.history': call({
    summary: 'Fleet utilisation and power over a window, downsampled to at most maxPoints.',
    request: z
      .object({
        windowS: z.number().int().min(60).max(86_400).default(900),
        maxPoints: z.number().int().min(10).max(500).default(500),
      })
      .strict(),
    response: SeriesSchema,
    errors: [],
  }),
  'site.detail': call({
    summary: "One site's summary, its nodes and its history.",
    request: z
      .object({
        siteId: SiteIdSchema,
        windowS: z.number().int().min(60).max(86_400).default(900),
      })
      .strict(),
    response: SiteDetailSchema,
    errors: ['NOT_FOUND'],
  }),
} as const;

export const FleetTickSchema = z.object({
  totals: FleetTotalsSchema,
  sites: z.array(SiteSummarySchema),
  /** The fleet's new history point, so charts append without re-fetching. */
  point: SeriesPointSchema,
});
export type FleetTick = z.infer<typeof FleetTickSchema>;

export const events = {
  'fleet.tick': FleetTickSchema,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>;
export type CallRequestParsed<N extends CallName> = z.output<Calls[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// Compile-time proof that channels.ts and this table name the same entries.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callsAgree: Same<keyof Calls, CallName> = true;
const eventsAgree: Same<keyof Events, EventName> = true;
void callsAgree;
void eventsAgree;
