export * from './backup-keys.ts';
export * from './backup-archive.ts';
export * from './create-backup.ts';
export * from './restore-backup.ts';
export type { TarEntry } from './tar-archive.ts';
export * from './scheduled-backup.ts';
export { readBackupFile, verifyBackup, type PartSink } from './backup-stream-read.ts';
