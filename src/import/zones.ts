import ICAL from "ical.js";
import { isValidZone, zoneClocks } from "../time/zone";
import type { IcsComponent } from "./content";
import { WINDOWS_ZONES } from "./windows-zones";

/** How a TZID became an IANA zone; `approximate` when a VTIMEZONE's offsets matched no zone exactly. */
export interface ResolvedZone {
  readonly zone: string;
  readonly how: "iana" | "windows" | "vtimezone" | "city";
  readonly approximate?: boolean;
}

/**
 * A TZID as written, quotes removed and RFC 5545 escapes undone: Exchange escapes the commas of
 * `(UTC+07:00) Bangkok\, Hanoi\, Jakarta` in its VTIMEZONE and quotes them in DTSTART.
 */
export function normalizeTzid(tzid: string): string {
  return tzid
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .replace(/\\([,;\\])/g, "$1")
    .trim();
}

const WINDOWS_LOWER: ReadonlyMap<string, string> = new Map(Object.entries(WINDOWS_ZONES).map(([name, zone]) => [name.toLowerCase(), zone]));

/** Every IANA zone the runtime lists (Node 20 lists `Asia/Saigon`, not `Asia/Ho_Chi_Minh`). */
function runtimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : [];
}

/** The IANA name itself, or the zone at the end of a prefixed one (`/mozilla.org/20050126_1/America/New_York`). */
function ianaName(name: string): string | undefined {
  if (isValidZone(name) && name.includes("/")) return name;
  if (name === "UTC" || name === "GMT" || name === "Etc/UTC") return "UTC";
  const parts = name.split("/").filter(Boolean);
  for (let i = 1; i < parts.length - 1; i++) {
    const tail = parts.slice(i).join("/");
    if (isValidZone(tail)) return tail;
  }
  return undefined;
}

/** The UTC offsets (minutes) a VTIMEZONE gives at local noon on days 5 and 20 of every month of two years. */
function vtimezoneSamples(component: IcsComponent, year: number): { instants: number[]; offsets: number[] } | undefined {
  const jcal = (c: IcsComponent): unknown[] => [
    c.name,
    c.properties.map((p) => [p.name, p.params, p.type, ...p.values]),
    c.components.map(jcal),
  ];
  try {
    const timezone = new ICAL.Timezone(new ICAL.Component(jcal(component) as never));
    const instants: number[] = [];
    const offsets: number[] = [];
    for (const y of [year, year + 1]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [5, 20]) {
          const offset = timezone.utcOffset(ICAL.Time.fromData({ year: y, month, day, hour: 12, minute: 0, second: 0 })) / 60;
          if (!Number.isFinite(offset)) return undefined;
          offsets.push(offset);
          instants.push(Date.UTC(y, month - 1, day, 12) - offset * 60_000);
        }
      }
    }
    return { instants, offsets };
  } catch {
    return undefined;
  }
}

/** `Etc/GMT-7` for a fixed +07:00 (the tz database's signs are inverted), undefined for a part-hour offset. */
function fixedZone(offset: number): string | undefined {
  if (offset === 0) return "UTC";
  if (offset % 60 !== 0 || Math.abs(offset) > 14 * 60) return undefined;
  const zone = `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset) / 60}`;
  return isValidZone(zone) ? zone : undefined;
}

/**
 * Resolves the TZIDs of one .ics file to IANA zones: an IANA name as it is; a Windows name
 * (Outlook, Exchange) through CLDR's table; else the file's VTIMEZONE of that name, matched to the
 * IANA zone whose offsets agree over the event's year and the next (the `preferred` zones first,
 * so a +07:00 "Customized Time Zone" becomes the schedule's Asia/Ho_Chi_Minh); else a city the
 * name lists (`(UTC+07:00) Bangkok, Hanoi, Jakarta`). Undefined when none applies.
 */
export function zoneResolver(
  vtimezones: readonly IcsComponent[],
  preferred: readonly string[],
): (tzid: string, year: number) => ResolvedZone | undefined {
  const clockFor = zoneClocks();
  const byName = new Map<string, IcsComponent>();
  for (const component of vtimezones) {
    const tzid = component.properties.find((p) => p.name === "tzid")?.values[0];
    if (typeof tzid === "string") byName.set(normalizeTzid(tzid).toLowerCase(), component);
  }
  const cache = new Map<string, ResolvedZone | undefined>();
  let candidates: string[] | undefined;
  let cities: Map<string, string> | undefined;

  const candidateZones = (): string[] => {
    if (!candidates) {
      const seen = new Set<string>();
      candidates = [...preferred, ...Object.values(WINDOWS_ZONES), ...runtimeZones()].filter((zone) => {
        if (seen.has(zone) || !isValidZone(zone)) return false;
        seen.add(zone);
        return true;
      });
    }
    return candidates;
  };

  const fromVtimezone = (component: IcsComponent, year: number): ResolvedZone | undefined => {
    const samples = vtimezoneSamples(component, Math.min(Math.max(year, 1902), 2036));
    if (!samples) return undefined;
    const { instants, offsets } = samples;
    let best: string | undefined;
    let bestScore = -1;
    for (const zone of candidateZones()) {
      const clock = clockFor(zone);
      let score = 0;
      for (let i = 0; i < instants.length; i++) if (clock.offsetAt(instants[i] as number) === offsets[i]) score++;
      if (score === instants.length) return { zone, how: "vtimezone" };
      if (score > bestScore) {
        best = zone;
        bestScore = score;
      }
    }
    // Old or home-made rules (a 1987 US rule in 2020) agree most of the year with one zone.
    if (best !== undefined && bestScore >= instants.length * 0.75) return { zone: best, how: "vtimezone", approximate: true };
    const fixed = new Set(offsets).size === 1 ? fixedZone(offsets[0] as number) : undefined;
    return fixed === undefined ? undefined : { zone: fixed, how: "vtimezone" };
  };

  const fromCities = (name: string): ResolvedZone | undefined => {
    if (!cities) {
      cities = new Map();
      for (const zone of runtimeZones()) {
        const city = zone.split("/").pop()?.replace(/_/g, " ").toLowerCase();
        if (city && !cities.has(city)) cities.set(city, zone);
      }
    }
    for (const part of name.replace(/\(UTC[^)]*\)/gi, "").split(/[,;()/]/)) {
      const zone = cities.get(part.trim().toLowerCase());
      if (zone) return { zone, how: "city" };
    }
    return undefined;
  };

  return (tzid, year) => {
    const name = normalizeTzid(tzid);
    const key = `${name}\u0000${year}`;
    if (cache.has(key)) return cache.get(key);
    const iana = ianaName(name);
    const windows = WINDOWS_LOWER.get(name.toLowerCase());
    const component = byName.get(name.toLowerCase());
    const resolved: ResolvedZone | undefined =
      iana !== undefined
        ? { zone: iana, how: "iana" }
        : windows !== undefined
          ? { zone: windows, how: "windows" }
          : ((component && fromVtimezone(component, year)) ?? fromCities(name));
    cache.set(key, resolved);
    return resolved;
  };
}
