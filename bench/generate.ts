/**
 * A seeded generator of realistic synthetic schedule files (YAML text) for the benchmark.
 *
 * The shape follows a Vietnamese province and scales the way a country's schedule does: up to 34
 * provinces, each with its province-level bodies (Đoàn ĐBQH, Thường trực HĐND and its four
 * committees, UBND, Ban Thường trực UBMTTQ, the citizen-reception office, departments) and a
 * number of communes (HĐND, UBND and MTTQ of the commune), over a horizon of months to years.
 *
 * The mix: monthly rules with BYDAY and BYSETPOS, quarterly and yearly ones, weekly briefings,
 * a daily weekday reception desk, one-off meetings and multi-day all-day HĐND sessions; people
 * sitting in several bodies; shared rooms; one no-overlap rule per province between its HĐND and
 * UBND groups (so conflicts grow with the schedule, never quadratically); a tenth of the
 * recurring series in Europe/Berlin (a DST zone); `except`, `extra` and `changes` on some series;
 * some series started before the horizon (history the recurrence walk must skip).
 *
 * Usage (after `node bench/build.mjs`): `node bench/.out/generate.js 100k > big.yaml`.
 */

import { RRule } from "../test/helpers/rrule";

/** Knobs of one generated schedule. */
export interface GeneratorParams {
  /** Provinces, 1–34. */
  readonly provinces: number;
  /** Communes per province (each adds ~150 occurrences a year). */
  readonly communes: number;
  /** Departments (sở) at province level, each with a weekly and a monthly meeting. */
  readonly departments: number;
  /** Length of the horizon in months, from 2024-01-01. */
  readonly months: number;
  /** PRNG seed. */
  readonly seed: number;
}

/** The benchmark sizes: target occurrence counts and the parameters that reach them (±10 %). */
export const SIZES: ReadonlyArray<{ readonly name: string; readonly target: number; readonly params: GeneratorParams }> = [
  { name: "1k", target: 1_000, params: { provinces: 1, communes: 0, departments: 6, months: 12, seed: 1 } },
  { name: "10k", target: 10_000, params: { provinces: 2, communes: 10, departments: 8, months: 24, seed: 10 } },
  { name: "100k", target: 100_000, params: { provinces: 34, communes: 8, departments: 8, months: 16, seed: 100 } },
  { name: "1M", target: 1_000_000, params: { provinces: 34, communes: 30, departments: 10, months: 66, seed: 1000 } },
];

/** The 34 provinces and cities (2025). */
const PROVINCES = [
  "Hà Nội",
  "Huế",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Cao Bằng",
  "Tuyên Quang",
  "Lào Cai",
  "Thái Nguyên",
  "Phú Thọ",
  "Bắc Ninh",
  "Hưng Yên",
  "Hải Phòng",
  "Ninh Bình",
  "Quảng Trị",
  "Đà Nẵng",
  "Quảng Ngãi",
  "Gia Lai",
  "Khánh Hòa",
  "Lâm Đồng",
  "Đắk Lắk",
  "TP. Hồ Chí Minh",
  "Đồng Nai",
  "Tây Ninh",
  "Cần Thơ",
  "Vĩnh Long",
  "Đồng Tháp",
  "Cà Mau",
  "An Giang",
];

const DEPARTMENTS = [
  "Sở Tài chính",
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường",
  "Sở Xây dựng",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Thanh tra tỉnh",
  "Sở Dân tộc và Tôn giáo",
];

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Lương", "Nông", "Hà", "Vi", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Hữu"];
const GIVEN = ["Hậu", "Nam", "Mai", "Hùng", "Thành", "Lan", "Sơn", "Hoa", "Tuấn", "Hương", "Dũng", "Linh", "Phúc", "Yến", "Bình", "Thảo"];

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"] as const;
const DAY = 86_400_000;
const MINUTE = 60_000;

/** mulberry32: a small, fast, seedable PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");
const ymd = (wall: number): string => new Date(wall).toISOString().slice(0, 10);
const ymdhm = (wall: number): string => new Date(wall).toISOString().slice(0, 16);
const q = (text: string): string => JSON.stringify(text);
const list = (items: readonly string[]): string => `[${items.join(", ")}]`;

/** The first date at or after `day` (floating ms, midnight) that falls on weekday `index` (0 = MO). */
function onOrAfter(day: number, index: number): number {
  const js = new Date(day).getUTCDay(); // 0 = Sunday
  const mondayBased = (js + 6) % 7;
  return day + ((index - mondayBased + 7) % 7) * DAY;
}

interface MeetingSpec {
  id: string;
  title: string;
  bodies: string[];
  /** Floating wall start (ms). */
  start: number;
  /** Minutes; ignored when `allDayDays` is set. */
  minutes: number;
  allDayDays?: number;
  repeat?: string;
  except?: string[];
  extra?: string[];
  changes?: string[];
  attendees: string[];
  room?: string;
  timezone?: string;
  tags?: string[];
  onDayOff?: string;
}

/** Generates one schedule file as YAML text. Same parameters, same bytes. */
export function generateSchedule(params: GeneratorParams): { text: string; meetings: number; from: string; to: string } {
  const random = mulberry32(params.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const personName = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;

  const from = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2024, params.months, 1); // exclusive
  const to = end - DAY;
  const fromText = ymd(from);
  const toText = ymd(to);

  const bodies: string[] = [];
  const people: string[] = [];
  const rooms: string[] = [];
  const meetings: string[] = [];
  const rules: string[] = [];

  const MORNING = [7 * 60 + 30, 8 * 60, 8 * 60 + 30, 9 * 60, 10 * 60];
  const AFTERNOON = [13 * 60 + 30, 14 * 60, 14 * 60 + 30, 15 * 60];
  const slot = () => (chance(0.6) ? pick(MORNING) : pick(AFTERNOON));
  const length = () => pick([60, 90, 120, 120, 180]);

  /** A start date for a recurring series: mostly at the horizon's start, some years earlier. */
  const seriesStartDay = () => {
    if (chance(0.3)) return Date.UTC(2024 - int(1, 3), int(0, 11), 1);
    return from + int(0, 20) * DAY;
  };

  /** The occurrences of a weekly-aligned series (every 7 days from `first`) inside the horizon. */
  const weeklyInHorizon = (first: number): number[] => {
    const k0 = Math.max(0, Math.ceil((from - first) / (7 * DAY)));
    const k1 = Math.floor((to - first) / (7 * DAY));
    const out: number[] = [];
    for (let k = k0; k <= k1; k++) out.push(first + k * 7 * DAY);
    return out;
  };

  /** Adds `except` and `changes` to a series whose occurrences include every 7th day from `firstWall`. */
  const decorate = (spec: MeetingSpec, firstWall: number) => {
    const dates = weeklyInHorizon(firstWall);
    if (dates.length < 6) return;
    const used = new Set<number>();
    const take = () => {
      for (let tries = 0; tries < 10; tries++) {
        const index = int(0, dates.length - 1);
        if (!used.has(index)) {
          used.add(index);
          return dates[index] as number;
        }
      }
      return undefined;
    };
    if (chance(0.3)) {
      const except: string[] = [];
      for (let n = int(1, 2); n > 0; n--) {
        const d = take();
        if (d !== undefined) except.push(ymd(d));
      }
      if (except.length > 0) spec.except = except;
    }
    if (chance(0.2)) {
      const changes: string[] = [];
      const moved = take();
      if (moved !== undefined) {
        const newStart = moved + DAY + (14 * 60 + int(0, 2) * 30) * MINUTE - (moved % DAY);
        changes.push(`{ occurrence: ${ymd(moved)}, start: ${ymdhm(newStart)}, duration: PT${int(1, 3)}H }`);
      }
      const cancelled = take();
      if (cancelled !== undefined) changes.push(`{ occurrence: ${ymd(cancelled)}, cancelled: true }`);
      if (chance(0.3)) {
        const retitled = take();
        if (retitled !== undefined) changes.push(`{ occurrence: ${ymd(retitled)}, title: ${q(`${spec.title} (mở rộng)`)} }`);
      }
      if (changes.length > 0) spec.changes = changes;
    }
  };

  const emit = (spec: MeetingSpec) => {
    const lines = [`  - id: ${spec.id}`, `    title: ${q(spec.title)}`];
    if (spec.bodies.length === 1) lines.push(`    body: ${spec.bodies[0]}`);
    else lines.push(`    bodies: ${list(spec.bodies)}`);
    if (spec.allDayDays !== undefined) {
      lines.push(`    start: ${ymd(spec.start)}`, `    end: ${ymd(spec.start + (spec.allDayDays - 1) * DAY)}`);
    } else {
      lines.push(`    start: ${ymdhm(spec.start)}`);
      const h = Math.floor(spec.minutes / 60);
      const m = spec.minutes % 60;
      if (chance(0.5)) lines.push(`    end: ${ymdhm(spec.start + spec.minutes * MINUTE)}`);
      else lines.push(`    duration: PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}`);
    }
    if (spec.repeat) lines.push(`    repeat: ${spec.repeat}`);
    if (spec.except) lines.push(`    except: ${list(spec.except)}`);
    if (spec.extra) lines.push(`    extra: ${list(spec.extra)}`);
    if (spec.changes) {
      lines.push("    changes:");
      for (const change of spec.changes) lines.push(`      - ${change}`);
    }
    if (spec.attendees.length > 0) lines.push(`    attendees: ${list(spec.attendees)}`);
    if (spec.room) lines.push(`    room: ${spec.room}`);
    if (spec.timezone) lines.push(`    timezone: ${spec.timezone}`);
    if (spec.tags) lines.push(`    tags: ${list(spec.tags)}`);
    if (spec.onDayOff) lines.push(`    onDayOff: ${spec.onDayOff}`);
    meetings.push(lines.join("\n"));
  };

  /** A recurring series with the DST zone on a tenth of them. */
  const series = (spec: MeetingSpec) => {
    if (chance(0.1)) spec.timezone = "Europe/Berlin";
    emit(spec);
  };

  const weekly = (base: Omit<MeetingSpec, "start" | "repeat">, weekday: number, minuteOfDay: number, interval = 1) => {
    const first = onOrAfter(seriesStartDay(), weekday) + minuteOfDay * MINUTE;
    const spec: MeetingSpec = {
      ...base,
      start: first,
      repeat: `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ""};BYDAY=${WEEKDAYS[weekday]}`,
    };
    if (interval === 1) decorate(spec, first);
    series(spec);
  };

  const monthly = (base: Omit<MeetingSpec, "start" | "repeat">, repeat: string, minuteOfDay: number) => {
    const day = seriesStartDay();
    const monthStart = Date.UTC(new Date(day).getUTCFullYear(), new Date(day).getUTCMonth(), 1) + minuteOfDay * MINUTE;
    // A series starts on its rule's first occurrence (lichhop rejects a start outside the rule).
    const rule = new RRule({ ...RRule.parseString(repeat), dtstart: new Date(monthStart), tzid: null });
    const first = rule.after(new Date(monthStart), true);
    if (!first) throw new Error(`no occurrence of ${repeat}`);
    const spec: MeetingSpec = { ...base, start: first.getTime(), repeat };
    if (base.allDayDays === undefined && chance(0.15)) {
      const extraDay = from + int(0, Math.max(0, Math.floor((to - from) / DAY))) * DAY;
      spec.extra = [ymdhm(extraDay + minuteOfDay * MINUTE)];
    }
    series(spec);
  };

  const MONTHLY_RULES = [
    "FREQ=MONTHLY;BYDAY=1TH",
    "FREQ=MONTHLY;BYDAY=2TU",
    "FREQ=MONTHLY;BYDAY=3WE",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;BYMONTHDAY=20",
  ];

  const oneOffs = (prefix: string, bodyIds: string[], attendees: () => string[], roomIds: string[], perYear: number) => {
    const count = Math.max(1, Math.round((perYear * params.months) / 12));
    for (let n = 0; n < count; n++) {
      const day = from + int(0, Math.floor((to - from) / DAY)) * DAY;
      emit({
        id: `${prefix}-hop-${n + 1}`,
        title: pick(["Hội nghị sơ kết", "Làm việc với đoàn công tác", "Họp chuyên đề", "Hội nghị triển khai", "Tiếp xúc cử tri"]),
        bodies: [pick(bodyIds)],
        start: day + slot() * MINUTE,
        minutes: length(),
        attendees: attendees(),
        room: pick(roomIds),
      });
    }
  };

  for (let p = 0; p < params.provinces; p++) {
    const province = PROVINCES[p % PROVINCES.length] as string;
    const P = `p${pad(p + 1)}`;
    const hdndGroup = `hdnd-${P}`;
    const ubndGroup = `ubnd-${P}`;

    // Province level.
    const pb = (slug: string) => `${P}-${slug}`;
    const bans = [
      ["ban-phap-che", "Ban Pháp chế"],
      ["ban-kt-ns", "Ban Kinh tế - Ngân sách"],
      ["ban-vh-xh", "Ban Văn hóa - Xã hội"],
      ["ban-dan-toc", "Ban Dân tộc"],
    ] as const;
    bodies.push(
      `  - { id: ${pb("doan-dbqh")}, name: ${q(`Đoàn ĐBQH tỉnh ${province}`)}, groups: [dbqh] }`,
      `  - { id: ${pb("tt-hdnd")}, name: ${q(`Thường trực HĐND tỉnh ${province}`)}, groups: [hdnd, ${hdndGroup}] }`,
      ...bans.map(
        ([slug, name]) => `  - { id: ${pb(slug)}, name: ${q(`${name} HĐND tỉnh ${province}`)}, groups: [hdnd, ban-hdnd, ${hdndGroup}] }`,
      ),
      `  - { id: ${pb("ubnd")}, name: ${q(`UBND tỉnh ${province}`)}, groups: [ubnd, ${ubndGroup}] }`,
      `  - { id: ${pb("ubmttq")}, name: ${q(`Ban Thường trực UBMTTQ tỉnh ${province}`)}, groups: [mttq] }`,
      `  - { id: ${pb("tcd")}, name: ${q(`Ban Tiếp công dân tỉnh ${province}`)}, groups: [tcd] }`,
    );
    const person = (slug: string, title: string, inBodies: string[]) => {
      const id = pb(slug);
      const email = chance(0.5) ? `, email: ${slug}@${P}.example` : "";
      people.push(`  - { id: ${id}, name: ${q(personName())}, title: ${q(title)}, bodies: ${list(inBodies)}${email} }`);
      return id;
    };
    const ctHdnd = person("chu-tich-hdnd", "Chủ tịch HĐND tỉnh", [pb("tt-hdnd"), pb("doan-dbqh")]);
    const pctHdnd = [
      person("pct-hdnd-1", "Phó Chủ tịch HĐND tỉnh", [pb("tt-hdnd")]),
      person("pct-hdnd-2", "Phó Chủ tịch HĐND tỉnh", [pb("tt-hdnd")]),
    ];
    const dbqh = person("pho-truong-doan", "Phó Trưởng Đoàn ĐBQH", [pb("doan-dbqh")]);
    const banHeads = bans.map(([slug, name]) => person(`truong-${slug}`, `Trưởng ${name}`, [pb(slug), pb("tt-hdnd")]));
    const ctUbnd = person("chu-tich-ubnd", "Chủ tịch UBND tỉnh", [pb("ubnd"), pb("tcd")]);
    const pctUbnd = [1, 2, 3].map((n) => person(`pct-ubnd-${n}`, "Phó Chủ tịch UBND tỉnh", [pb("ubnd")]));
    const ctMttq = person("chu-tich-ubmttq", "Chủ tịch UBMTTQ tỉnh", [pb("ubmttq"), pb("doan-dbqh")]);
    const tcdHead = person("truong-ban-tcd", "Trưởng Ban Tiếp công dân", [pb("tcd")]);

    const roomIds = [pb("phong-hop-1"), pb("phong-hop-2"), pb("phong-hop-ubnd"), pb("hoi-truong")];
    rooms.push(
      `  - { id: ${pb("phong-hop-1")}, name: ${q(`Phòng họp số 1 - HĐND tỉnh ${province}`)} }`,
      `  - { id: ${pb("phong-hop-2")}, name: ${q(`Phòng họp số 2 - HĐND tỉnh ${province}`)} }`,
      `  - { id: ${pb("phong-hop-ubnd")}, name: ${q(`Phòng họp UBND tỉnh ${province}`)} }`,
      `  - { id: ${pb("hoi-truong")}, name: ${q(`Hội trường tỉnh ${province}`)} }`,
      `  - { id: ${pb("tru-so-tcd")}, name: ${q(`Trụ sở Tiếp công dân tỉnh ${province}`)} }`,
    );

    monthly(
      {
        id: pb("tt-hdnd-thuong-ky"),
        title: "Phiên họp thường kỳ Thường trực HĐND tỉnh",
        bodies: [pb("tt-hdnd")],
        minutes: 210,
        attendees: [ctHdnd, ...pctHdnd],
        room: pb("phong-hop-1"),
        tags: ["thuong-ky"],
        onDayOff: "next-working-day",
      },
      "FREQ=MONTHLY;BYDAY=1TH",
      8 * 60,
    );
    weekly(
      {
        id: pb("tt-hdnd-giao-ban"),
        title: "Giao ban Thường trực HĐND tỉnh",
        bodies: [pb("tt-hdnd")],
        minutes: 90,
        attendees: [ctHdnd, ...pctHdnd, ...banHeads.slice(0, 2)],
        room: pb("phong-hop-1"),
      },
      0,
      14 * 60,
    );
    bans.forEach(([slug, name], index) => {
      monthly(
        {
          id: pb(`${slug}-thang`),
          title: `Họp ${name} hằng tháng`,
          bodies: [pb(slug)],
          minutes: 120,
          attendees: [banHeads[index] as string],
          room: pick(roomIds.slice(0, 2)),
        },
        pick(MONTHLY_RULES),
        slot(),
      );
    });
    monthly(
      {
        id: pb("ubnd-thuong-ky"),
        title: "Phiên họp UBND tỉnh thường kỳ",
        bodies: [pb("ubnd")],
        minutes: 180,
        attendees: [ctUbnd, ...pctUbnd],
        room: pb("phong-hop-ubnd"),
        tags: ["thuong-ky"],
        onDayOff: "previous-working-day",
      },
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
      14 * 60,
    );
    weekly(
      {
        id: pb("ubnd-giao-ban"),
        title: "Giao ban lãnh đạo UBND tỉnh",
        bodies: [pb("ubnd")],
        minutes: 120,
        attendees: [ctUbnd, ...pctUbnd],
        room: pb("phong-hop-ubnd"),
      },
      0,
      8 * 60,
    );
    monthly(
      {
        id: pb("ubnd-quy"),
        title: "UBND tỉnh họp đánh giá quý",
        bodies: [pb("ubnd")],
        minutes: 240,
        attendees: [ctUbnd, ...pctUbnd],
        room: pb("hoi-truong"),
      },
      "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
      8 * 60,
    );
    monthly(
      {
        id: pb("ubmttq-thang"),
        title: "Hội nghị Ban Thường trực UBMTTQ tỉnh",
        bodies: [pb("ubmttq")],
        minutes: 120,
        attendees: [ctMttq],
        room: pick(roomIds),
      },
      pick(MONTHLY_RULES),
      slot(),
    );
    weekly(
      {
        id: pb("ubmttq-giao-ban"),
        title: "Giao ban Ban Thường trực UBMTTQ tỉnh",
        bodies: [pb("ubmttq")],
        minutes: 60,
        attendees: [ctMttq],
        room: pick(roomIds),
      },
      int(0, 4),
      slot(),
    );
    monthly(
      {
        id: pb("doan-dbqh-thang"),
        title: "Họp Đoàn ĐBQH tỉnh",
        bodies: [pb("doan-dbqh")],
        minutes: 150,
        attendees: [ctHdnd, dbqh, ctMttq],
        room: pick(roomIds),
      },
      pick(MONTHLY_RULES),
      slot(),
    );
    emit({
      id: pb("tcd-thuong-xuyen"),
      title: "Tiếp công dân thường xuyên",
      bodies: [pb("tcd")],
      start: onOrAfter(seriesStartDay(), 0) + (7 * 60 + 30) * MINUTE,
      minutes: 240,
      repeat: "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
      attendees: [tcdHead],
      room: pb("tru-so-tcd"),
      onDayOff: "skip",
    });
    monthly(
      {
        id: pb("tcd-chu-tich-ubnd"),
        title: "Chủ tịch UBND tỉnh tiếp công dân định kỳ",
        bodies: [pb("tcd"), pb("ubnd")],
        minutes: 240,
        attendees: [ctUbnd, tcdHead],
        room: pb("tru-so-tcd"),
        onDayOff: "next-working-day",
      },
      "FREQ=MONTHLY;BYMONTHDAY=15",
      7 * 60 + 30,
    );
    monthly(
      {
        id: pb("tcd-chu-tich-hdnd"),
        title: "Thường trực HĐND tỉnh tiếp công dân",
        bodies: [pb("tcd"), pb("tt-hdnd")],
        minutes: 240,
        attendees: [ctHdnd, tcdHead],
        room: pb("tru-so-tcd"),
      },
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      7 * 60 + 30,
    );
    monthly(
      {
        id: pb("hdnd-ky-hop-giua-nam"),
        title: "Kỳ họp thường lệ giữa năm của HĐND tỉnh",
        bodies: [pb("tt-hdnd")],
        minutes: 0,
        allDayDays: 3,
        attendees: [ctHdnd, ...pctHdnd, ...banHeads, ctUbnd],
        room: pb("hoi-truong"),
        tags: ["ky-hop"],
      },
      "FREQ=YEARLY;BYMONTH=7;BYDAY=2TU",
      0,
    );

    for (let d = 0; d < params.departments; d++) {
      const slug = `so-${d + 1}`;
      const name = `${DEPARTMENTS[d % DEPARTMENTS.length] as string} tỉnh ${province}`;
      bodies.push(`  - { id: ${pb(slug)}, name: ${q(name)}, groups: [so] }`);
      const director = person(`giam-doc-${slug}`, `Giám đốc ${name}`, [pb(slug), pb("ubnd")]);
      const deputy = person(`pho-giam-doc-${slug}`, `Phó Giám đốc ${name}`, [pb(slug)]);
      const room = pb(`phong-hop-${slug}`);
      rooms.push(`  - { id: ${room}, name: ${q(`Phòng họp ${name}`)} }`);
      weekly(
        {
          id: pb(`${slug}-giao-ban`),
          title: `Giao ban ${name}`,
          bodies: [pb(slug)],
          minutes: length(),
          attendees: [director, deputy],
          room: chance(0.8) ? room : pick(roomIds),
        },
        int(0, 4),
        slot(),
      );
      monthly(
        {
          id: pb(`${slug}-thang`),
          title: `Họp ${name} hằng tháng`,
          bodies: [pb(slug)],
          minutes: length(),
          attendees: [director, deputy],
          room,
        },
        pick(MONTHLY_RULES),
        slot(),
      );
      if (chance(0.3)) {
        weekly(
          {
            id: pb(`${slug}-lam-viec-ubnd`),
            title: `UBND tỉnh làm việc với ${name}`,
            bodies: [pb("ubnd"), pb(slug)],
            minutes: 120,
            attendees: [pick(pctUbnd), director],
            room: pb("phong-hop-ubnd"),
          },
          int(0, 4),
          slot(),
          2,
        );
      }
    }
    oneOffs(
      pb("tinh"),
      [pb("ubnd"), pb("tt-hdnd"), pb("ubmttq"), pb("doan-dbqh")],
      () => [pick([ctUbnd, ctHdnd, ctMttq, ...pctUbnd]), pick(pctHdnd)],
      roomIds,
      12,
    );

    rules.push(
      [
        `  - id: ${P}-hdnd-khong-trung-ubnd`,
        `    title: ${q(`Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh ${province}`)}`,
        "    kind: no-overlap",
        `    between: [{ groups: [${hdndGroup}] }, { groups: [${ubndGroup}] }]`,
        ...(p % 3 === 0 ? ["    scope: half-day"] : ["    minGap: PT30M"]),
      ].join("\n"),
    );

    // Communes.
    for (let c = 0; c < params.communes; c++) {
      const C = `${P}-x${pad(c + 1)}`;
      const cb = (slug: string) => `${C}-${slug}`;
      const commune = `xã ${pick(["Tân", "Hòa", "Phú", "An", "Bình", "Thạnh", "Đông", "Tây"])} ${pick(["Lập", "Hưng", "Thịnh", "Phước", "Lợi", "Thành", "Sơn", "Lạc"])} ${c + 1}`;
      bodies.push(
        `  - { id: ${cb("hdnd")}, name: ${q(`Thường trực HĐND ${commune}`)}, groups: [hdnd-xa] }`,
        `  - { id: ${cb("ubnd")}, name: ${q(`UBND ${commune}`)}, groups: [ubnd-xa] }`,
        `  - { id: ${cb("mttq")}, name: ${q(`Ban Thường trực UBMTTQ ${commune}`)}, groups: [mttq-xa] }`,
      );
      const cperson = (slug: string, title: string, inBodies: string[]) => {
        const id = cb(slug);
        people.push(`  - { id: ${id}, name: ${q(personName())}, title: ${q(`${title} ${commune}`)}, bodies: ${list(inBodies)} }`);
        return id;
      };
      // The commune's party secretary chairs the HĐND and sits in the MTTQ's meetings.
      const ct = cperson("chu-tich-hdnd", "Chủ tịch HĐND", [cb("hdnd"), cb("mttq")]);
      const cu = cperson("chu-tich-ubnd", "Chủ tịch UBND", [cb("ubnd")]);
      const pu = cperson("pct-ubnd", "Phó Chủ tịch UBND", [cb("ubnd")]);
      const cm = cperson("chu-tich-mttq", "Chủ tịch UBMTTQ", [cb("mttq")]);
      const room = cb("hoi-truong");
      const office = cb("phong-hop");
      rooms.push(`  - { id: ${room}, name: ${q(`Hội trường ${commune}`)} }`, `  - { id: ${office}, name: ${q(`Phòng họp ${commune}`)} }`);
      monthly(
        { id: cb("hdnd-thang"), title: "Họp Thường trực HĐND xã", bodies: [cb("hdnd")], minutes: 120, attendees: [ct], room: office },
        pick(MONTHLY_RULES),
        slot(),
      );
      weekly(
        { id: cb("ubnd-giao-ban"), title: "Giao ban UBND xã", bodies: [cb("ubnd")], minutes: 90, attendees: [cu, pu], room: office },
        0,
        7 * 60 + 30,
      );
      monthly(
        {
          id: cb("ubnd-thang"),
          title: "Phiên họp UBND xã thường kỳ",
          bodies: [cb("ubnd")],
          minutes: 180,
          attendees: [cu, pu],
          room: office,
          onDayOff: "previous-working-day",
        },
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        14 * 60,
      );
      monthly(
        {
          id: cb("mttq-thang"),
          title: "Họp Ban Thường trực UBMTTQ xã",
          bodies: [cb("mttq")],
          minutes: 120,
          attendees: [cm, ct],
          room: pick([room, office]),
        },
        pick(MONTHLY_RULES),
        slot(),
      );
      weekly(
        {
          id: cb("tiep-cong-dan"),
          title: "Chủ tịch UBND xã tiếp công dân",
          bodies: [cb("ubnd")],
          minutes: 240,
          attendees: [cu],
          room,
          onDayOff: "next-working-day",
        },
        3,
        7 * 60 + 30,
      );
      oneOffs(cb("xa"), [cb("ubnd"), cb("hdnd"), cb("mttq")], () => [pick([cu, pu, ct, cm])], [room, office], 4);
    }
  }

  const text = [
    "# Synthetic schedule generated by bench/generate.ts (lichhop benchmark).",
    `# provinces=${params.provinces} communes=${params.communes} departments=${params.departments} months=${params.months} seed=${params.seed}`,
    "version: 1",
    "timezone: Asia/Ho_Chi_Minh",
    "locale: vi",
    `horizon: { from: ${fromText}, to: ${toText} }`,
    "calendar:",
    "  holidays: vn",
    '  workingHours: { days: [MO, TU, WE, TH, FR], periods: ["07:30-11:30", "13:30-17:00"] }',
    "bodies:",
    ...bodies,
    "people:",
    ...people,
    "rooms:",
    ...rooms,
    "meetings:",
    ...meetings,
    "rules:",
    ...rules,
    "",
  ].join("\n");
  return { text, meetings: meetings.length, from: fromText, to: toText };
}

/** Parameters for a size name (`1k`, `10k`, `100k`, `1M`), case-insensitive. */
export function sizeParams(name: string): GeneratorParams | undefined {
  return SIZES.find((size) => size.name.toLowerCase() === name.toLowerCase())?.params;
}
