import { describe, expect, it } from 'vitest';
import {
  batchIdAt,
  batchPath,
  importPath,
  importPrefill,
  mayOpen,
  pageAt,
  pages,
  warningIdAt,
} from './routes';

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

  it('finds the data-collection pages, with the batch number from the path', () => {
    expect(pageAt('/console/imports')?.key).toBe('imports');
    expect(pageAt('/console/batches')?.key).toBe('batches');
    expect(pageAt('/console/batches/12')?.key).toBe('batch');
    expect(pageAt('/console/batches/12/')?.key).toBe('batch');
    expect(pageAt('/console/batches/abc')).toBeNull();
    expect(pageAt('/console/batches/12/more')).toBeNull();
    expect(batchIdAt('/console/batches/12')).toBe(12);
    expect(batchIdAt('/console/batches')).toBeNull();
    expect(batchPath(7)).toBe('/console/batches/7');
    // The batch page highlights the batch list in the menu.
    expect(pageAt('/console/batches/12')?.menuKey).toBe('batches');
  });

  it('opens imports to importers, batches to everyone who works with data', () => {
    const imports = pageAt('/console/imports')!;
    const batches = pageAt('/console/batches')!;
    const batch = pageAt('/console/batches/3')!;
    for (const role of ['clerk', 'reviewer', 'admin']) expect(mayOpen(imports, role)).toBe(true);
    for (const role of ['inspector', 'leader', 'handler'])
      expect(mayOpen(imports, role)).toBe(false);
    for (const role of ['clerk', 'reviewer', 'admin', 'inspector', 'leader']) {
      expect(mayOpen(batches, role)).toBe(true);
      expect(mayOpen(batch, role)).toBe(true);
    }
    expect(mayOpen(batches, 'handler')).toBe(false);
  });

  it('prefills the import page for a fix file, and ignores junk in the address', () => {
    expect(importPath()).toBe('/console/imports');
    const path = importPath({ dataset: 'disbursements', fixes: 12 });
    expect(path).toBe('/console/imports?dataset=disbursements&fixes=12');
    expect(importPrefill(path.slice(path.indexOf('?')))).toEqual({
      dataset: 'disbursements',
      fixes: 12,
    });
    expect(importPrefill('')).toEqual({ dataset: null, fixes: null });
    expect(importPrefill('?dataset=<script>&fixes=-1')).toEqual({ dataset: null, fixes: null });
    expect(importPrefill('?fixes=0')).toEqual({ dataset: null, fixes: null });
  });

  it('finds the warning pages, open to inspectors, leaders and administrators', () => {
    const list = pageAt('/console/warnings')!;
    const one = pageAt('/console/warnings/42')!;
    expect(list.key).toBe('warnings');
    expect(one.key).toBe('warning');
    expect(pageAt('/console/warnings/42/')?.key).toBe('warning');
    expect(pageAt('/console/warnings/x')).toBeNull();
    expect(warningIdAt('/console/warnings/42')).toBe(42);
    expect(warningIdAt('/console/warnings')).toBeNull();
    // The warning page highlights the list in the menu, and is not in the menu itself.
    expect(one.menuKey).toBe('warnings');
    expect(pages.filter((p) => p.inMenu).map((p) => p.key)).toContain('warnings');
    expect(pages.filter((p) => p.inMenu).map((p) => p.key)).not.toContain('warning');
    for (const role of ['inspector', 'leader', 'admin']) {
      expect(mayOpen(list, role)).toBe(true);
      expect(mayOpen(one, role)).toBe(true);
    }
    for (const role of ['clerk', 'reviewer', 'handler']) {
      expect(mayOpen(list, role)).toBe(false);
      expect(mayOpen(one, role)).toBe(false);
    }
  });
});
