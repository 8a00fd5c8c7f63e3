export {
  canonicalJson,
  canonicalJsonOf,
  compareUtf16,
  withDerivedMember,
  withDerivedMemberText,
  type CanonicalValue,
} from './canonical-json.ts';
export * from './derive-member-in-place.ts';
export * from './parse-canonical-json.ts';
export * from './log-entry.ts';
