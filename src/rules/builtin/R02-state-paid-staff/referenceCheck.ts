import type { DatasetRows } from '../../../demo/demoCounty.js';
import { groupBy, inOffice, type ReferenceCheck } from '../../../demo/referenceCounty.js';

function statePaid(official: DatasetRows): boolean {
  if (official.state_paid === '是') return true;
  if (official.state_paid === '否') return false;
  return official.category === '公务员' || official.category === '事业人员';
}

/**
 * R02 read plainly: a means-tested payment while someone of the household is on the payroll
 * or a state-paid official in office that month.
 */
export const R02ReferenceCheck: ReferenceCheck = (county, hit) => {
  const officials = groupBy(county.rows.officials!, (r) => r.id_number!);
  const payrollPeriods = new Map<string, Set<string>>();
  for (const r of county.rows.payroll!) {
    if (!payrollPeriods.has(r.id_number!)) payrollPeriods.set(r.id_number!, new Set());
    payrollPeriods.get(r.id_number!)!.add(r.period!);
  }
  for (const p of county.payments) {
    if (!p.meansTested) continue;
    for (const m of p.household) {
      const onPayroll = payrollPeriods.get(m)?.has(p.period) ?? false;
      const paidOfficial = (officials.get(m) ?? []).some(
        (o) => statePaid(o) && inOffice(o, p.period),
      );
      if (onPayroll || paidOfficial) hit(p.id, p.code);
    }
  }
};
