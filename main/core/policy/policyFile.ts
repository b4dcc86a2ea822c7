import { createHash } from 'node:crypto';
import { PolicyFileSchema } from '../../../shared/policy';
import { parseYamlWith } from '../config/parseYaml';
import { compilePolicy, type CompiledPolicy } from './compilePolicy';

/**
 * policies.yaml from the config directory: YAML, checked against the schema (errors name the line
 * and field), then compiled (errors name the rule or group). Its SHA-256 goes into reports, so an
 * auditor can tell which policies were in force.
 */
export function parsePolicyYaml(
  text: string,
): { ok: true; value: CompiledPolicy; sha256: string } | { ok: false; errors: string[] } {
  const parsed = parseYamlWith(PolicyFileSchema, text);
  if (!parsed.ok) return parsed;
  const compiled = compilePolicy(parsed.value);
  if (!compiled.ok) return { ok: false, errors: [compiled.error.message] };
  return { ok: true, value: compiled.value, sha256: createHash('sha256').update(text).digest('hex') };
}
