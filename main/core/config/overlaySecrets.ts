import type { SecretStore } from './secretStore';

/** A read-through layer: values typed into a form are used for a test without being stored. */
export function overlaySecrets(base: SecretStore, extra: Record<string, string>): SecretStore {
  return {
    get: async (name) => extra[name] ?? (await base.get(name)),
    set: () => Promise.reject(new Error('overlay secrets are read-only')),
    delete: () => Promise.reject(new Error('overlay secrets are read-only')),
    names: async () => [...new Set([...(await base.names()), ...Object.keys(extra)])],
  };
}
