import type { Int } from './schema.ts';

/**
 * The append-only, hash-chained log (issue 3). One chain per organisation (`organisation` is ''
 * for entries tied to none), numbered from 1 by `seq`. The repository has no UPDATE or DELETE
 * path, and triggers on both dialects reject them.
 */
export interface LogEntryTable {
  organisation: string;
  seq: Int;
  kind: string;
  subject_id: string;
  /** RFC 8785 canonical JSON text. */
  content: string;
  content_hash: string;
  previous_hash: string;
  entry_hash: string;
  recorded_at: string;
}

/** An organisation's Ed25519 key: the public half as base64 of its 32 bytes, the private half sealed. */
export interface OrgSigningKeyTable {
  organisation: string;
  public_key: string;
  /** AES-256-GCM sealed PKCS#8 bytes (app/src/log/org-signing-key.ts). */
  sealed_private_key: string;
  /** What the sealing key was derived from: `instance` (the instance secret) or `db-key` (CIVIC_DB_KEY). */
  sealed_with: string;
  created_at: string;
}

/** The organisation's signature (hex) of the head of its chain at `seq`. */
export interface LogSignatureTable {
  organisation: string;
  seq: Int;
  signature: string;
}

/** An RFC 3161 timestamp of the head at `seq` (base64 DER token, hex nonce; `stamped_at` its time). */
export interface LogTimestampTable {
  organisation: string;
  seq: Int;
  entry_hash: string;
  token: string;
  nonce: string;
  /** The authority named in the token's certificate. */
  authority: string;
  /** The time the authority vouches for, ISO 8601 UTC. */
  stamped_at: string;
}

export interface LogTables {
  log_entry: LogEntryTable;
  org_signing_key: OrgSigningKeyTable;
  log_signature: LogSignatureTable;
  log_timestamp: LogTimestampTable;
}
