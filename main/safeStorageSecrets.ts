/**
 * The desktop app's secret store: each value encrypted with Electron safeStorage (the OS keychain:
 * Keychain, DPAPI, libsecret/kwallet) and kept as base64 in a 0600 file in userData. If the OS
 * offers no encryption (a bare Linux session without a keyring), it refuses to store rather than
 * silently writing plain text.
 */
import { safeStorage } from 'electron';
import { FileSecretStore } from './core/config/secretStore';

export function safeStorageSecrets(userData: string): FileSecretStore {
  return new FileSecretStore(userData, 'secrets.safe.json', {
    encode: (v) => {
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('This system offers no secure storage (no keyring): the secret was not saved.');
      return safeStorage.encryptString(v).toString('base64');
    },
    decode: (v) => safeStorage.decryptString(Buffer.from(v, 'base64')),
  });
}
