/** Dates as the reports print them (2023年1月6日), in China time. */
export function chineseDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The China-time calendar day of an instant. */
export function chinaDayOf(instant: string): string {
  return new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
