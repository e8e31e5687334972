/**
 * EventBridge rules read cron expressions in UTC only (Scheduler takes a time zone). Where rules stand in for
 * Scheduler, a declared schedule is shifted to UTC here. Only zones without daylight saving time can be shifted
 * once for the whole year; China's (Asia/Shanghai, UTC+8) is one.
 */
const FIXED_OFFSET_HOURS: Readonly<Record<string, number>> = {
  UTC: 0,
  'Etc/UTC': 0,
  'Asia/Shanghai': 8,
  'Asia/Chongqing': 8,
  'Asia/Urumqi': 6,
  'Asia/Hong_Kong': 8,
  'Asia/Macau': 8,
  'Asia/Taipei': 8,
};

/** `cron(m h dom mon dow y)` in `timezone` → the same instants as a UTC `cron(…)`; throws when it cannot. */
export function utcCron(cron: string, timezone: string): string {
  const offset = FIXED_OFFSET_HOURS[timezone];
  if (offset === undefined) {
    throw new Error(`Schedules in ${timezone} cannot become UTC rules: only zones without daylight saving can.`);
  }
  const fields = cron
    .trim()
    .replace(/^cron\((.*)\)$/, '$1')
    .split(/\s+/);
  if (fields.length !== 6) throw new Error(`"${cron}" is not a six-field cron expression.`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (offset === 0 || !/^\d+(,\d+)*$/.test(hours)) {
    // `*`, `0/5`, ranges: every hour already, or shifting them would need more than one rule.
    if (offset !== 0 && hours !== '*') throw new Error(`Cannot shift the hours "${hours}" of "${cron}" to UTC.`);
    return `cron(${fields.join(' ')})`;
  }
  const shifted = hours.split(',').map((hour) => Number(hour) - offset);
  const previousDay = shifted.some((hour) => hour < 0);
  if (previousDay && !(isEveryDay(dayOfMonth) && isEveryDay(dayOfWeek))) {
    throw new Error(`"${cron}" falls on the previous day in UTC, and its day fields cannot be shifted.`);
  }
  const utcHours = [...new Set(shifted.map((hour) => (hour + 24) % 24))].sort((a, b) => a - b).join(',');
  return `cron(${[minutes, utcHours, dayOfMonth, month, dayOfWeek, year].join(' ')})`;
}

function isEveryDay(field: string): boolean {
  return field === '*' || field === '?';
}
