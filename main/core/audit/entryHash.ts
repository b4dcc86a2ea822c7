import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../shared/audit';
import { canonicalJson } from './canonicalJson';

/** SHA-256 over the canonical encoding of every field but `hash` itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _omit, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
