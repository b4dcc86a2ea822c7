import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

/**
 * Host keys for the simulated bastions and nodes. They are derived from the fleet seed and a label
 * rather than drawn at random, so a restarted simulator presents the same keys: the console's
 * known-hosts store (keyed by host, and every simulated node is `<name>:22` behind its bastion)
 * would otherwise report a changed key for every node after each restart. They protect nothing —
 * anyone with the seed can derive them — which is fine for a loopback simulator and nothing else.
 *
 * ssh2 reads ed25519 private keys only in the OpenSSH format (PROTOCOL.key), and neither ssh2 nor
 * node:crypto can build one from a seed, so `opensshPrivate` writes that format by hand.
 */
export interface SimHostKey {
  /** `-----BEGIN OPENSSH PRIVATE KEY-----` text, for ssh2's `hostKeys`. */
  privateKey: string;
  /** The known_hosts / authorized_keys form: `ssh-ed25519 AAAA… comment`. */
  publicLine: string;
  /** The wire blob (string "ssh-ed25519" + string key), what ssh2's hostVerifier receives. */
  publicBlob: Buffer;
  /** As OpenSSH prints it: `SHA256:` + unpadded base64 of SHA-256 over the blob. */
  fingerprint: string;
}

// RFC 8410 PKCS#8 prefix for an Ed25519 private key; the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function sshString(b: Buffer | string): Buffer {
  const data = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function opensshPrivate(seed: Buffer, pub: Buffer, blob: Buffer, comment: string): string {
  const check = seed.readUInt32BE(0);
  const body = Buffer.concat([
    uint32(check),
    uint32(check),
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  // The private section is padded with 1, 2, 3, … to the cipher block size (8 for "none").
  const padLen = (8 - (body.length % 8)) % 8;
  const padding = Buffer.from(Array.from({ length: padLen }, (_, i) => i + 1));
  const file = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(blob),
    sshString(Buffer.concat([body, padding])),
  ]);
  const lines = file.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** The same (seed, label) always gives the same key. `label` names the host, e.g. `eu-fra-1/fra1-gpu-001`. */
export function deriveHostKey(seed: number, label: string): SimHostKey {
  const secret = createHash('sha256').update(`fleet-console-sim-host-key/${seed}/${label}`).digest();
  const priv = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, secret]),
    format: 'der',
    type: 'pkcs8',
  });
  // An SPKI Ed25519 key ends with the 32 raw public-key bytes.
  const pub = createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(-32);
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const comment = `sim:${label}`;
  return {
    privateKey: opensshPrivate(secret, pub, blob, comment),
    publicLine: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
    publicBlob: blob,
    fingerprint: fingerprintOf(blob),
  };
}
