import fs from 'node:fs';
import { once } from 'node:events';
import { composeIdNumber } from '../../src/core/idNumber.js';
import { divisionsUnder } from '../../src/jurisdiction/nationalDivisions.js';

/**
 * A large, valid disbursement CSV (UTF-8 with BOM, Chinese headers), written in streaming
 * fashion: the benchmark's million rows and the crash test's file. Deterministic.
 */
export async function writeBulkPayments(
  file: string,
  rows: number,
  options: { prefix?: string } = {},
): Promise<void> {
  const prefix = options.prefix ?? 'MZ';
  const out = fs.createWriteStream(file);
  out.write(
    '\ufeff发放记录号,项目代码,身份证号,姓名,村（社区）代码,户号,保障人数,发放期间,发放日期,发放金额,收款账号,账户户名,账户身份证号,经办人身份证号\n',
  );
  const people = 90_000;
  const ids: string[] = [];
  for (let p = 0; p < Math.min(people, rows); p += 1) {
    const year = 1940 + (p % 60);
    const birth = `${year}-${String(1 + (p % 12)).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}`;
    ids.push(composeIdNumber('431226', birth, p % 1000));
  }
  const villages = [...divisionsUnder('431226000000')]
    .filter((d) => d.level === 5)
    .map((d) => d.code);
  let buffer = '';
  for (let i = 0; i < rows; i += 1) {
    const id = ids[i % ids.length]!;
    const month = String((i % 12) + 1).padStart(2, '0');
    const village = villages[i % villages.length]!;
    buffer += `${prefix}-2024-${String(i).padStart(8, '0')},DB,${id},测试${i % 100},${village},H${i % 40000},${1 + (i % 3)},2024-${month},2024-${month}-15,${300 + (i % 200)}.00,622202${String(i).padStart(13, '0')},测试${i % 100},${id},\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
