/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate and the two obsolete forms a recipient must accept,
 * RFC 850 and asctime, all in UTC. Anything else is not a date (no Date.parse fallback: it reads
 * local time, offsets and ISO dates the field does not allow). Returns epoch ms, or null.
 */
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DAY_LONG = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${DAY_LONG}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Epoch ms of a calendar date and time, or null when it does not exist (31 Feb, 25:00). */
function utc(year: number, month: string, day: number, h: string, m: string, s: string): number | null {
  const mon = MONTHS.indexOf(month);
  const [hh, mm, ss] = [Number(h), Number(m), Number(s)];
  // 60 is a leap second (RFC 9110 allows it); it is read as the next second.
  if (hh > 23 || mm > 59 || ss > 60) return null;
  const ms = Date.UTC(year, mon, day, hh, mm, 0) + ss * 1000;
  const check = new Date(Date.UTC(year, mon, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === mon && check.getUTCDate() === day ? ms : null;
}

/** RFC 850's two-digit year: one that would be more than 50 years ahead is in the past century (RFC 9110). */
function fullYear(twoDigits: number, nowMs: number): number {
  const current = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(current / 100) * 100 + twoDigits;
  if (year > current + 50) year -= 100;
  return year;
}

export function parseHttpDate(value: string, nowMs: number): number | null {
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(Number(m[4]), m[3]!, Number(m[2]), m[5]!, m[6]!, m[7]!);
  m = RFC_850.exec(value);
  if (m) return utc(fullYear(Number(m[4]), nowMs), m[3]!, Number(m[2]), m[5]!, m[6]!, m[7]!);
  m = ASCTIME.exec(value);
  if (m) return utc(Number(m[7]), m[2]!, Number(m[3]!.trim()), m[4]!, m[5]!, m[6]!);
  return null;
}
