import { describe, expect, it } from 'vitest';
import { capabilities, can, rolesWith, type Capability } from './capabilities.js';
import { roles } from './roles.js';

describe('the role → capability map', () => {
  it('names only known roles, each at most once, and no capability is empty', () => {
    for (const [capability, holders] of Object.entries(capabilities)) {
      expect(holders.length, capability).toBeGreaterThan(0);
      expect(new Set(holders).size, capability).toBe(holders.length);
      for (const role of holders) expect(roles, capability).toContain(role);
    }
  });

  it('answers can() from the same table as rolesWith()', () => {
    for (const capability of Object.keys(capabilities) as Capability[]) {
      for (const role of roles) {
        expect(can(role, capability), `${role} ${capability}`).toBe(
          rolesWith(capability).includes(role),
        );
      }
    }
    expect(can('nobody', 'warnings.read')).toBe(false);
  });

  it('keeps full ID numbers from leaders and handlers', () => {
    expect(can('leader', 'warnings.read')).toBe(true);
    expect(can('leader', 'warnings.reveal')).toBe(false);
    expect(can('handler', 'warnings.reveal')).toBe(false);
  });
});
