import { describe, expect, it } from 'vitest';
import { canSeeRecord, isRole, PERMISSIONS, roleAllows, ROLES } from './roles.ts';

describe('roles', () => {
  it('gives the admin every permission and only the admin the members and audit rights', () => {
    for (const p of PERMISSIONS) expect(roleAllows('admin', p)).toBe(true);
    for (const r of ROLES.filter((x) => x !== 'admin')) {
      expect(roleAllows(r, 'members:manage')).toBe(false);
      expect(roleAllows(r, 'audit:read')).toBe(false);
      expect(roleAllows(r, 'org:read')).toBe(true);
    }
  });

  it.each([
    ['accountant', 'ledger:write', true],
    ['viewer', 'ledger:write', false],
    ['viewer', 'ledger:read', true],
    ['monitor', 'ledger:read', false],
    ['monitor', 'incidents:publish', true],
    ['lawyer', 'cases:write', true],
    ['accountant', 'cases:write', false],
  ] as const)('%s %s → %s', (role, permission, expected) => {
    expect(roleAllows(role, permission)).toBe(expected);
  });

  it('recognises roles', () => {
    expect(isRole('lawyer')).toBe(true);
    expect(isRole('owner')).toBe(false);
  });

  it('shows private records to members, network ones to peers, public ones to all', () => {
    const v = { organisationIds: ['a'], networkOrganisationIds: ['a', 'b'] };
    expect(canSeeRecord(v, 'a', 'private')).toBe(true);
    expect(canSeeRecord(v, 'b', 'private')).toBe(false);
    expect(canSeeRecord(v, 'b', 'network')).toBe(true);
    expect(canSeeRecord(v, 'c', 'network')).toBe(false);
    expect(canSeeRecord(v, 'c', 'public')).toBe(true);
    expect(canSeeRecord(v, null, 'public')).toBe(true);
    expect(canSeeRecord(v, null, 'network')).toBe(false);
  });
});
