import { z } from 'zod';
import type { ErrorCode } from './result';
import type { Permission } from './roles';

/**
 * One contract entry (STYLE.md rule 2): its request and response schema, the error codes its handler
 * may return besides the transport's own (INVALID_REQUEST, INTERNAL, TIMEOUT…), and the permission
 * the caller's role must hold. The contract's tables are built from these, one file per area.
 */
export interface CallSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  errors: readonly ErrorCode[];
  summary: string;
  /** What the caller's role must allow; the core's dispatcher enforces it (issue 9). */
  permission: Permission;
}
export const call = <Req extends z.ZodType, Res extends z.ZodType>(spec: CallSpec<Req, Res>) => spec;

export const SiteIdSchema = z.string().min(1).max(128);
