// ical-generator writes a zoned DTSTART from the date's local getters (getHours(), ...). A plain Date's are
// the server's own zone, which is rarely the organisation's; this Date reads its getters in the zone it
// is given, with the shape ical-generator recognises for @date-fns/tz's TZDate (internal, withTimeZone,
// tzComponents), so the instant stays exact and the written wall-clock time is the organisation's.
import { wallClock, type WallClock } from "./zoned-time";

export class ZonedDate extends Date {
  readonly internal: Date;
  readonly timeZone: string;
  private parts: WallClock;

  constructor(instant: Date | number, timeZone: string) {
    super(typeof instant === "number" ? instant : instant.getTime());
    this.internal = new Date(this.getTime());
    this.timeZone = timeZone;
    this.parts = wallClock(timeZone, this.internal);
  }

  withTimeZone(timeZone: string): ZonedDate {
    return new ZonedDate(this.getTime(), timeZone);
  }

  tzComponents(): WallClock {
    return this.parts;
  }

  override getFullYear() {
    return this.parts.year;
  }
  override getMonth() {
    return this.parts.month - 1;
  }
  override getDate() {
    return this.parts.day;
  }
  override getHours() {
    return this.parts.hour;
  }
  override getMinutes() {
    return this.parts.minute;
  }
  override getSeconds() {
    return this.parts.second;
  }
}
