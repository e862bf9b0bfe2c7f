import { describe, expect, it } from 'vitest';
import { mayOpen, pageAt } from './routes';

describe('console routes', () => {
  it('finds the page at a path, home for the console root', () => {
    expect(pageAt('/console')?.key).toBe('home');
    expect(pageAt('/console/')?.key).toBe('home');
    expect(pageAt('/console/index.html')?.key).toBe('home');
    expect(pageAt('/console/users')?.key).toBe('users');
    expect(pageAt('/console/audit/')?.key).toBe('audit');
    expect(pageAt('/console/nowhere')).toBeNull();
  });

  it('opens users to admins only and the audit trail to admins and inspectors', () => {
    const users = pageAt('/console/users')!;
    const audit = pageAt('/console/audit')!;
    const home = pageAt('/console/')!;
    expect(mayOpen(users, 'admin')).toBe(true);
    expect(mayOpen(users, 'inspector')).toBe(false);
    expect(mayOpen(audit, 'inspector')).toBe(true);
    expect(mayOpen(audit, 'clerk')).toBe(false);
    expect(mayOpen(home, 'clerk')).toBe(true);
  });
});
