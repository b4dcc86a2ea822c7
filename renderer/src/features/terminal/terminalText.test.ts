import { describe, expect, it } from 'vitest';
import {
  contractSize,
  forgetTarget,
  hopText,
  hostKeyFingerprintLine,
  hostKeyQuestion,
  hostKeyStatusText,
  hostTargetProblem,
  isHostKeyChanged,
  keyTypeLabel,
  matchText,
  parseHostPort,
  provisionalTitle,
  secretLabel,
  sshWhy,
  takeChunk,
} from './terminalText';

// The core's own wording (main/core/ssh/hostKeyStore.ts, sshChain.ts), as it reaches the renderer.
const CHANGED_2222 =
  'Refused 127.0.0.1:2222: the host key of [127.0.0.1]:2222 has CHANGED (now SHA256:AbC; on record at /home/op/.config/fleet-console/known_hosts:3). ' +
  'This can mean someone is intercepting the connection. If the host was reinstalled, remove the old key ' +
  '(Forget host key, or ssh-keygen -R "[127.0.0.1]:2222") and connect again.';
const CHANGED_22 =
  'Refused node-07.fra1:22: the host key of node-07.fra1 has CHANGED (now SHA256:x; on record at /root/.ssh/known_hosts:12). ' +
  'This can mean someone is intercepting the connection.';

describe('host-key prompt wording', () => {
  it('says it as OpenSSH does, with the port and the key type in capitals', () => {
    const p = { host: 'bastion.fra1', port: 2222, keyType: 'ssh-ed25519', fingerprint: 'SHA256:abc' };
    expect(hostKeyQuestion(p)).toBe(
      "The authenticity of host 'bastion.fra1 (port 2222)' can't be established.",
    );
    expect(hostKeyFingerprintLine(p)).toBe('ED25519 key fingerprint is SHA256:abc.');
  });

  it('names key types the way ssh does', () => {
    expect(keyTypeLabel('ssh-ed25519')).toBe('ED25519');
    expect(keyTypeLabel('ssh-rsa')).toBe('RSA');
    expect(keyTypeLabel('ecdsa-sha2-nistp256')).toBe('ECDSA');
    expect(keyTypeLabel('ssh-dss')).toBe('DSA');
    expect(keyTypeLabel('sk-ssh-ed25519@openssh.com')).toBe('ED25519-SK');
    expect(keyTypeLabel('ssh-ed25519-cert-v01@openssh.com')).toBe('ED25519-CERT');
    expect(keyTypeLabel('x-unknown')).toBe('x-unknown');
    expect(keyTypeLabel(null)).toBe('Host');
  });

  it('labels secret inputs with the bare word, and keyboard-interactive ones with the server words', () => {
    expect(secretLabel('password', 'Password for root@10.0.0.1', 0)).toBe('Password');
    expect(secretLabel('passphrase', 'Passphrase for /home/op/.ssh/id_ed25519', 0)).toBe('Passphrase');
    expect(secretLabel('keyboard-interactive', 'Password: ', 0)).toBe('Password');
    expect(secretLabel('keyboard-interactive', 'Verification code:', 1)).toBe('Verification code');
    expect(secretLabel('keyboard-interactive', '  ', 1)).toBe('Response 2');
  });
});

describe('status line', () => {
  it('says where each host key came from', () => {
    expect(hostKeyStatusText('pinned')).toBe('pinned ✓');
    expect(hostKeyStatusText('known')).toBe('known ✓');
    expect(hostKeyStatusText('new')).toBe('new — trusted now');
  });
  it('counts hops from 1', () => {
    expect(hopText(0, 2)).toBe('hop 1/2');
    expect(hopText(1, 2)).toBe('hop 2/2');
    expect(hopText(5, 2)).toBe('hop 2/2');
  });
});

describe('a changed host key', () => {
  it('is told apart from other refusals', () => {
    expect(isHostKeyChanged(CHANGED_2222)).toBe(true);
    expect(isHostKeyChanged('Refused 10.0.0.1:22: the key SHA256:x is marked @revoked in f:1')).toBe(false);
    expect(
      isHostKeyChanged(
        "[10.0.0.1]:2222 presented SHA256:x, which is not among the fingerprints pinned in the site's inventory",
      ),
    ).toBe(false);
    expect(isHostKeyChanged(null)).toBe(false);
  });

  it('names host:port in every form the core writes it', () => {
    expect(parseHostPort(CHANGED_2222)).toEqual({ host: '127.0.0.1', port: 2222 });
    expect(parseHostPort(CHANGED_22)).toEqual({ host: 'node-07.fra1', port: 22 });
    expect(parseHostPort('root@10.1.2.3:2201')).toEqual({ host: '10.1.2.3', port: 2201 });
    expect(parseHostPort('ops@[::1]:22')).toEqual({ host: '::1', port: 22 });
    expect(parseHostPort('Refused ::1:2222: the host key of [::1]:2222 has CHANGED (now …)')).toEqual({
      host: '::1',
      port: 2222,
    });
    expect(parseHostPort('the host key of [h.example]:2022 has CHANGED')).toEqual({
      host: 'h.example',
      port: 2022,
    });
    expect(parseHostPort('the host key of h.example has CHANGED')).toEqual({ host: 'h.example', port: 22 });
    expect(parseHostPort('something else entirely')).toBeNull();
    expect(parseHostPort('host:99999')).toBeNull();
    expect(parseHostPort(null)).toBeNull();
  });

  it('forgets the failing hop first, then what the message says, then the last prompt', () => {
    const hops = [
      { host: 'bastion', port: 22 },
      { host: '10.0.0.7', port: 2222 },
    ];
    expect(forgetTarget(1, hops, { host: 'bastion', port: 22 }, CHANGED_22)).toEqual({
      host: '10.0.0.7',
      port: 2222,
    });
    expect(forgetTarget(1, [hops[0]!], null, CHANGED_22)).toEqual({ host: 'node-07.fra1', port: 22 });
    expect(forgetTarget(0, [], { host: 'p', port: 2 }, 'no address here')).toEqual({ host: 'p', port: 2 });
    expect(forgetTarget(0, [], null, 'no address here')).toBeNull();
  });
});

describe('tabs and sizes', () => {
  it('titles a tab before the core names it', () => {
    expect(provisionalTitle({ kind: 'node', siteId: 'fra1', hostname: 'gpu-01' }, 'Frankfurt 1')).toBe(
      'Frankfurt 1 / gpu-01',
    );
    expect(provisionalTitle({ kind: 'node', siteId: 'fra1', hostname: 'gpu-01' }, null)).toBe(
      'fra1 / gpu-01',
    );
    expect(provisionalTitle({ kind: 'host', host: 'lab', user: 'ops', port: 2222 }, null)).toBe(
      'ops@lab:2222',
    );
    expect(provisionalTitle({ kind: 'host', host: 'lab', port: 22 }, null)).toBe('lab');
  });

  it('keeps sizes within the contract, and counts an unmeasured screen as 80 × 24', () => {
    expect(contractSize(120, 40)).toEqual({ cols: 120, rows: 40 });
    expect(contractSize(4, 1)).toEqual({ cols: 10, rows: 3 });
    expect(contractSize(5000, 900)).toEqual({ cols: 1000, rows: 500 });
    expect(contractSize(NaN, 0)).toEqual({ cols: 80, rows: 24 });
  });

  it('splits big pastes at the contract limit without breaking a surrogate pair', () => {
    expect(takeChunk('abc', 10)).toEqual(['abc', '']);
    expect(takeChunk('abcdef', 4)).toEqual(['abcd', 'ef']);
    const emoji = 'ab😀cd'; // 😀 is two UTF-16 units at index 2-3
    expect(takeChunk(emoji, 3)).toEqual(['ab', '😀cd']);
    const [head, rest] = takeChunk('x'.repeat(70_000));
    expect(head.length).toBe(65_536);
    expect(rest.length).toBe(70_000 - 65_536);
  });
});

describe('forms and words', () => {
  it('checks a typed host target', () => {
    expect(hostTargetProblem('', '', '')).toMatch(/Enter a host/);
    expect(hostTargetProblem('a b', '', '')).toMatch(/no spaces/);
    expect(hostTargetProblem('lab', '0', '')).toMatch(/port/);
    expect(hostTargetProblem('lab', '70000', '')).toMatch(/port/);
    expect(hostTargetProblem('lab', '22x', '')).toMatch(/port/);
    expect(hostTargetProblem('lab', '', 'o ps')).toMatch(/user/);
    expect(hostTargetProblem('lab', '2222', 'ops')).toBeNull();
    expect(hostTargetProblem('lab', '', '')).toBeNull();
  });

  it('counts find matches', () => {
    expect(matchText('', -1, 0)).toBe('');
    expect(matchText('x', -1, 0)).toBe('No matches');
    expect(matchText('x', 2, 12)).toBe('3 of 12');
    expect(matchText('x', -1, 1000)).toBe('More than 1000 matches');
  });

  it('says why SSH controls are off', () => {
    expect(sshWhy(true, true)).toBeUndefined();
    expect(sshWhy(false, true)).toMatch(/operator or Admin/);
    expect(sshWhy(false, false)).toMatch(/Waiting/);
  });
});
