import type { Connection } from 'ssh2';

// RFC 4254 §5.1 reason code.
const SSH_OPEN_ADMINISTRATIVELY_PROHIBITED = 1;

interface ProtocolLike {
  channelOpenFail(recipient: number, reason: number, description: string): void;
}

/**
 * Refuses a channel with a reason the operator can read. ssh2's `reject()` always answers
 * "connect failed" with an empty description; OpenSSH prints ours as
 * `open failed: administratively prohibited: <reason>` and ssh2 clients get it in the error message.
 * It swaps ssh2's (private) `channelOpenFail` for the one call `reject()` makes; if ssh2's insides
 * ever change shape, it falls back to the plain `reject()`.
 */
export function refuseChannel(conn: Connection, reject: () => void, description: string): void {
  const proto = (conn as unknown as { _protocol?: Partial<ProtocolLike> })._protocol;
  const original = proto?.channelOpenFail;
  if (!proto || typeof original !== 'function') return reject();
  proto.channelOpenFail = (recipient: number) =>
    original.call(proto, recipient, SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, description);
  try {
    reject();
  } finally {
    proto.channelOpenFail = original;
  }
}
