import type { Occurrence } from "../recurrence/occurrence";

/**
 * What detection's sweeps read of the occurrences, taken in one pass over the objects: times as
 * typed arrays, and each occurrence's meeting, room and attendee list as small integers. Private
 * to detection: built by {@link sortedColumns} inside `detectConflicts`.
 */
export interface Columns {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Per occurrence: its meeting's index in `meetings`. */
  readonly meeting: Int32Array;
  readonly meetings: readonly string[];
  /** Per occurrence: its room's index in `rooms`, or -1 without a room. */
  readonly room: Int32Array;
  readonly rooms: readonly string[];
  /** Per occurrence: the index of its attendee list (by identity) in `attendeeLists`. */
  readonly attendees: Int32Array;
  readonly attendeeLists: readonly (readonly string[])[];
  /** Per occurrence: its zone's index in `zones`. */
  readonly zone: Int32Array;
  readonly zones: readonly string[];
  /** Per occurrence: 1 when it is all-day. */
  readonly allDay: Uint8Array;
}

/** Numbers distinct values in order of first appearance. */
export function numbering<K>(): { readonly values: K[]; readonly of: (value: K) => number } {
  const index = new Map<K, number>();
  const values: K[] = [];
  return {
    values,
    of: (value) => {
      let found = index.get(value);
      if (found === undefined) {
        found = values.length;
        index.set(value, found);
        values.push(value);
      }
      return found;
    },
  };
}

/** The per-occurrence arrays of {@link Columns} for `n` occurrences, zeroed. */
function perOccurrence(n: number) {
  return {
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    meeting: new Int32Array(n),
    room: new Int32Array(n),
    attendees: new Int32Array(n),
    zone: new Int32Array(n),
    allDay: new Uint8Array(n),
  };
}

/**
 * The columns of a list of occurrences, in its order. `readOrder` (`readOrder[i]` is the index of
 * the i-th occurrence to read) changes only the order the objects are read in, and so the order
 * meetings, rooms, attendee lists and zones are numbered in.
 */
export function columnsOf(occurrences: readonly Occurrence[], readOrder?: Int32Array): Columns {
  const n = occurrences.length;
  const { starts, ends, meeting, room, attendees, zone, allDay } = perOccurrence(n);
  const meetings = numbering<string>();
  const zones = numbering<string>();
  const rooms = numbering<string>();
  const lists = numbering<readonly string[]>();
  // The occurrences of a meeting share its zone, room and attendee list (the same objects) unless
  // a change gives their own: one lookup by meeting id then usually does for all of them.
  const ownRoom: (string | undefined)[] = [];
  const ownRoomIndex: number[] = [];
  const ownList: (readonly string[])[] = [];
  const ownListIndex: number[] = [];
  const ownZone: string[] = [];
  const ownZoneIndex: number[] = [];
  let previousMeeting: string | undefined;
  let previousIndex = -1;
  for (let r = 0; r < n; r++) {
    const i = readOrder === undefined ? r : (readOrder[r] as number);
    const o = occurrences[i] as Occurrence;
    starts[i] = o.start;
    ends[i] = o.end;
    // Read in meeting order (see sortedColumns), the occurrences ask for each meeting once.
    const m = o.meeting === previousMeeting ? previousIndex : meetings.of(o.meeting);
    previousMeeting = o.meeting;
    previousIndex = m;
    meeting[i] = m;
    if (m === ownRoomIndex.length) {
      ownRoom.push(o.room);
      ownRoomIndex.push(o.room === undefined ? -1 : rooms.of(o.room));
      ownList.push(o.attendees);
      ownListIndex.push(lists.of(o.attendees));
      ownZone.push(o.zone);
      ownZoneIndex.push(zones.of(o.zone));
    }
    room[i] = o.room === ownRoom[m] ? (ownRoomIndex[m] as number) : o.room === undefined ? -1 : rooms.of(o.room);
    attendees[i] = o.attendees === ownList[m] ? (ownListIndex[m] as number) : lists.of(o.attendees);
    zone[i] = o.zone === ownZone[m] ? (ownZoneIndex[m] as number) : zones.of(o.zone);
    allDay[i] = o.allDay ? 1 : 0;
  }
  return {
    starts,
    ends,
    meeting,
    meetings: meetings.values,
    room,
    rooms: rooms.values,
    attendees,
    attendeeLists: lists.values,
    zone,
    zones: zones.values,
    allDay,
  };
}

/**
 * The columns of occurrences sorted by start. Given the order expansion sorted them in
 * (`order[k]` is the place of the k-th in (meeting id, original start) order, see
 * `sortOccurrences`), the objects are read in that order, the order they lie in memory, which is
 * about three times as fast at 100k occurrences as reading them in the sorted order.
 */
export function sortedColumns(sorted: readonly Occurrence[], order: Int32Array | undefined): Columns {
  if (order === undefined || order.length !== sorted.length) return columnsOf(sorted);
  const readOrder = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) readOrder[order[k] as number] = k;
  return columnsOf(sorted, readOrder);
}
