// Wall-clock arithmetic in a contact's IANA time zone with nothing but Intl.DateTimeFormat: reading
// the local date and time of an instant, and finding the instant of a local date and time, daylight
// saving included (a 09:00 step stays at 09:00 local across the change).

export type LocalDateTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** The local date and time of instant `at` (Unix ms) in `timeZone`. */
export function localDateTime(at: number, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at instant `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const local = localDateTime(at, timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a local date and time happens in `timeZone`. A time skipped by a spring-forward change
 * (02:30 on the night clocks jump to 03:00) maps to the instant just after the gap.
 */
export function instantOf(local: LocalDateTime, timeZone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return Math.max(first, second);
}

/** The local calendar date `days` after the date of `local` (month and year lengths handled by Date). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return {
    ...local,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** "HH:MM" as minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** The instant of local time `time` ("HH:MM") on the local date `days` after the date of instant `at`. */
export function localTimeAfterDays(
  at: number,
  timeZone: string,
  days: number,
  time: string,
): number {
  const minutes = minutesOfDay(time);
  const date = addLocalDays(localDateTime(at, timeZone), days);
  return instantOf({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}
