const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An ISO time as local `YYYY-MM-DD HH:mm:ss`; the input unchanged when it is not a time. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: 1234567 → 1,234,567 (the same in Chinese). */
export function formatCount(value: number): string {
  return counts.format(value);
}
