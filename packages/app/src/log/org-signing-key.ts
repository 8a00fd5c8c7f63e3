import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson, domainError, err, ok, type Result } from '@civic/core';
import { fingerprintOf, ORG_KEY_KIND, orgKeyLogContent, rawPublicKeyOf, signHead } from '@civic/formats';
import {
  appendLogEntryRow,
  findOrganisation,
  findOrgSigningKey,
  inTransaction,
  insertLogSignatures,
  insertOrgSigningKey,
  instanceSecret,
  listUnsignedHeads,
  type OrgSigningKeyRow,
  type StoreConnection,
} from '@civic/store';
import type { AppContext } from '../context.ts';

/**
 * Each organisation's Ed25519 signing key (issue 12, defect 5; docs/security.md, "Proof bundles").
 * The private key is stored sealed: AES-256-GCM under a key derived (HKDF-SHA256, salt naming the
 * purpose, info the organisation's id) from `CIVIC_DB_KEY` when it is set, else from the
 * instance's own random secret kept in the `setting` table. The row says which, so a key sealed
 * under CIVIC_DB_KEY cannot be used without it.
 */
export interface OrgSigningKey {
  readonly organisation: string;
  /** Base64 of the raw 32-byte public key. */
  readonly publicKey: string;
  /** SHA-256 of the raw public key, hex in groups of four. */
  readonly fingerprint: string;
  readonly privateKey: KeyObject;
}

const INSTANCE_SECRET = 'instance:org-key-seal-secret';
const SEAL_SALT = 'civicledger-org-key-seal/1';
const SEAL_FORMAT = 'v1';

type SealedWith = 'instance' | 'db-key';

async function sealingKey(store: StoreConnection, org: string, how: SealedWith): Promise<Buffer | undefined> {
  const dbKey = process.env['CIVIC_DB_KEY'];
  let ikm: string;
  if (how === 'db-key') {
    if (!dbKey) return undefined;
    ikm = dbKey;
  } else ikm = await instanceSecret(store.db, INSTANCE_SECRET, () => randomBytes(32).toString('base64'));
  return Buffer.from(hkdfSync('sha256', ikm, SEAL_SALT, org, 32));
}

function seal(key: Buffer, org: string, plain: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(org, 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return [SEAL_FORMAT, iv, c.getAuthTag(), body]
    .map((x) => (typeof x === 'string' ? x : x.toString('base64')))
    .join('.');
}

function unseal(key: Buffer, org: string, sealed: string): Buffer | undefined {
  const [format, iv, tag, body] = sealed.split('.');
  if (format !== SEAL_FORMAT || !iv || !tag || !body) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64')).setAAD(
      Buffer.from(org, 'utf8'),
    );
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]);
  } catch {
    return undefined;
  }
}

// Unsealed keys by organisation and sealed text: the row is still read each time (so a database
// swapped under the process is noticed), but the key derivation and decryption run once.
const unsealed = new Map<string, OrgSigningKey>();

async function openKey(store: StoreConnection, row: OrgSigningKeyRow): Promise<Result<OrgSigningKey>> {
  const how: SealedWith = row.sealed_with === 'db-key' ? 'db-key' : 'instance';
  const dbKey = how === 'db-key' ? (process.env['CIVIC_DB_KEY'] ?? '') : '';
  const cacheKey = `${row.organisation}\n${row.sealed_private_key}\n${dbKey}`;
  const cached = unsealed.get(cacheKey);
  if (cached) return ok(cached);
  const key = await sealingKey(store, row.organisation, how);
  const der = key ? unseal(key, row.organisation, row.sealed_private_key) : undefined;
  if (!der)
    return err(
      domainError(
        'ORG_KEY_SEALED',
        how === 'db-key'
          ? "the organisation's signing key is sealed with CIVIC_DB_KEY, which is not set or not the same"
          : "the organisation's signing key cannot be unsealed with this instance's secret",
        { field: 'org' },
      ),
    );
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const opened = {
    organisation: row.organisation,
    publicKey: row.public_key,
    fingerprint: fingerprintOf(Buffer.from(row.public_key, 'base64')),
    privateKey,
  };
  if (unsealed.size > 1000) unsealed.clear();
  unsealed.set(cacheKey, opened);
  return ok(opened);
}

/**
 * The organisation's signing key, made on first need: a new key pair is sealed and stored, an
 * `organisation.key` entry (who the organisation is, its public key) joins its chain, and every
 * head of the chain not signed yet is signed — all in one transaction.
 */
export async function ensureOrgSigningKey(ctx: AppContext, orgId: string): Promise<Result<OrgSigningKey>> {
  const existing = await findOrgSigningKey(ctx.store.db, orgId);
  if (existing) return openKey(ctx.store, existing);
  return inTransaction(ctx.store, async (store) => {
    const org = await findOrganisation(store.db, orgId);
    if (!org) return err(domainError('ORG_NOT_FOUND', `no organisation "${orgId}"`, { field: 'org' }));
    const pair = generateKeyPairSync('ed25519');
    const how: SealedWith = process.env['CIVIC_DB_KEY'] ? 'db-key' : 'instance';
    const sealKey = await sealingKey(store, org.id, how);
    if (!sealKey) throw new Error('a sealing key is derivable when CIVIC_DB_KEY is set');
    const raw = rawPublicKeyOf(pair.publicKey);
    const inserted = await insertOrgSigningKey(store.db, {
      organisation: org.id,
      public_key: raw.toString('base64'),
      sealed_private_key: seal(sealKey, org.id, pair.privateKey.export({ format: 'der', type: 'pkcs8' })),
      sealed_with: how,
      created_at: ctx.now().toISOString(),
    });
    const row = await findOrgSigningKey(store.db, org.id);
    if (!row) throw new Error('signing key vanished after insert');
    const key = await openKey(store, row);
    if (!key.ok || !inserted) return key;
    const sign = (h: string) => signHead(key.value.privateKey, h);
    await appendLogEntryRow(
      store.db,
      {
        organisation: org.id,
        kind: ORG_KEY_KIND,
        subjectId: org.id,
        content: canonicalJson(
          orgKeyLogContent({ organisation: { id: org.id, name: org.name, bin: org.bin }, rawPublicKey: raw }),
        ),
        recordedAt: ctx.now().toISOString(),
      },
      sign,
    );
    await signUnsignedHeads(store, org.id, key.value);
    return key;
  });
}

/** Signs every head of an organisation's chain that has no signature yet (entries written before its key). */
export async function signUnsignedHeads(
  store: StoreConnection,
  orgId: string,
  key: OrgSigningKey,
): Promise<number> {
  const heads = await listUnsignedHeads(store.db, orgId);
  await insertLogSignatures(
    store.db,
    orgId,
    heads.map((h) => ({ seq: h.seq, signature: signHead(key.privateKey, h.entryHash) })),
  );
  return heads.length;
}
