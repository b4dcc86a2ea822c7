import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TlsFiles } from './faultHarness';

/**
 * Certificates for the TLS faults, made with the openssl CLI in `dir` (P-256 keys: fast to make):
 * - `caFile`: the site's CA, the one its profile's caFile names;
 * - `good`: a server certificate for 127.0.0.1 signed by that CA;
 * - `otherCa`: the same, signed by a CA the site's caFile does not name;
 * - `expired`: signed by the site's CA, valid only in January 2020.
 * `openssl ca` is used because it sets past dates (-startdate/-enddate), which `x509 -req` cannot
 * before OpenSSL 3.4, and faketime is not there to lie to it.
 */
export interface TestCerts {
  caFile: string;
  good: TlsFiles;
  otherCa: TlsFiles;
  expired: TlsFiles;
}

const caConf = (dir: string) => `
[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_ca
[dn]
CN = Fleet Console test CA
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ca]
default_ca = ca_default
[ca_default]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
default_days = 30
policy = policy_any
copy_extensions = none
x509_extensions = server_ext
unique_subject = no
[policy_any]
commonName = supplied
[server_ext]
subjectAltName = IP:127.0.0.1,DNS:localhost
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
`;

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function ca(dir: string): { conf: string; pem: string; key: string } {
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const conf = join(dir, 'ca.cnf');
  writeFileSync(conf, caConf(dir));
  const pem = join(dir, 'ca.pem');
  const key = join(dir, 'ca.key');
  execFileSync(
    'openssl',
    ['req', '-config', conf, '-x509', ...EC, '-keyout', key, '-out', pem, '-days', '365'],
    {
      stdio: 'pipe',
    },
  );
  return { conf, pem, key };
}

function serverCert(
  c: { conf: string; pem: string; key: string },
  dir: string,
  name: string,
  dates: string[],
): TlsFiles {
  const keyFile = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const certFile = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    ['req', '-new', ...EC, '-keyout', keyFile, '-out', csr, '-subj', `/CN=127.0.0.1 (${name})`],
    { stdio: 'pipe' },
  );
  execFileSync(
    'openssl',
    [
      'ca',
      '-batch',
      '-notext',
      '-config',
      c.conf,
      '-cert',
      c.pem,
      '-keyfile',
      c.key,
      '-in',
      csr,
      '-out',
      certFile,
      ...dates,
    ],
    { stdio: 'pipe' },
  );
  return { keyFile, certFile };
}

export function makeTestCerts(dir: string): TestCerts {
  const site = ca(join(dir, 'site-ca'));
  const other = ca(join(dir, 'other-ca'));
  return {
    caFile: site.pem,
    good: serverCert(site, dir, 'good', ['-days', '30']),
    otherCa: serverCert(other, dir, 'other-ca', ['-days', '30']),
    expired: serverCert(site, dir, 'expired', [
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
    ]),
  };
}
