/** Dates as reports and official letters print them: 2023-01-06 → 2023年1月6日 (no leading zeros). */
export function chineseDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
