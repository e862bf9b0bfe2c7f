import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { csvLine } from '../core/csv.js';
import { JianduError } from '../core/errors.js';
import { findBatch } from '../ingest/batchesRepository.js';
import { fixTableCsv, writeFixTableXlsx } from '../ingest/quarantineExport.js';
import { listQuarantine } from '../ingest/quarantineRepository.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const quarantineHelp = {
  zh: `jiandu quarantine 批次号 [--format table|jsonl|csv] [--export 文件.xlsx|文件.csv] [--all]
  列出批次的隔离行：行号、列、值、原因。--export 写出修正文件（原表头 + 原行号 + 问题原因），改好后用 jiandu import 数据集 文件 --fixes 批次号 重新导入。`,
  en: `jiandu quarantine BATCH [--format table|jsonl|csv] [--export FILE.xlsx|FILE.csv] [--all]
  Lists a batch's quarantined rows: row number, column, value, reason. --export writes a fix file (original headers + row + reason); import it again with --fixes BATCH.`,
};

export async function quarantineCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        format: { type: 'string' },
        export: { type: 'string' },
        all: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const batchId = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(batchId)) {
    throw new JianduError('INVALID_ARGUMENT', { detail: 'usage: jiandu quarantine BATCH' });
  }
  const format = values.format ?? 'table';
  if (!['table', 'jsonl', 'csv'].includes(format)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `--format ${format}: table, jsonl or csv`,
    });
  }
  const ctx = await openContext(values.db);
  try {
    const { scope } = await resolveActor(ctx, values.as);
    const batch = await findBatch(ctx.handle.db, scope, batchId);
    if (!batch) throw new JianduError('BATCH_NOT_FOUND', { batch: batchId });
    const rows = await listQuarantine(ctx.handle.db, batchId, { unresolvedOnly: !values.all });
    if (values.export) {
      if (values.export.toLowerCase().endsWith('.xlsx'))
        await writeFixTableXlsx(rows, values.export);
      else fs.writeFileSync(values.export, fixTableCsv(rows));
      out.say(
        out.t(
          `已写出 ${rows.length} 行隔离数据到 ${values.export}`,
          `Wrote ${rows.length} quarantined rows to ${values.export}`,
        ),
      );
      return 0;
    }
    const lines = rows.flatMap((row) =>
      row.problems.map((p) => ({
        row: row.rowNumber,
        column: p.header ?? '',
        value: p.value,
        reason: p.zh,
        code: p.code,
      })),
    );
    if (format === 'jsonl') {
      for (const line of lines) out.say(JSON.stringify(line));
    } else if (format === 'csv') {
      out.say(csvLine(['row', 'column', 'value', 'reason']));
      for (const l of lines) out.say(csvLine([l.row, l.column, l.value, l.reason]));
    } else {
      if (lines.length === 0)
        out.say(out.t(`批次 ${batchId} 没有隔离行`, `Batch ${batchId} has no quarantined rows`));
      for (const l of lines)
        out.say(`${out.t(`第 ${l.row} 行`, `row ${l.row}`)}\t${l.column}\t${l.value}\t${l.reason}`);
    }
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
