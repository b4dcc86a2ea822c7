import type { SecretStore } from './secretStore';

/**
 * Reads check `extra` first, then the store; writes go to the store. Used for values typed into a
 * form (tested before anything is stored) and for the demo fleet's in-memory tokens.
 */
export function overlaySecrets(base: SecretStore, extra: Record<string, string>): SecretStore {
  return {
    get: async (name) => extra[name] ?? (await base.get(name)),
    set: (name, value) => base.set(name, value),
    delete: (name) => base.delete(name),
    names: () => base.names(),
  };
}
