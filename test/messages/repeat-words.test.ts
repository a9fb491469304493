import { describe, expect, it } from "vitest";
import { repeatWords } from "../../src/messages/words";

const words = (repeat: string, start = "2024-01-04T08:00") => ({
  vi: repeatWords({ start, repeat }, "vi"),
  en: repeatWords({ start, repeat }, "en"),
});

describe("repeatWords", () => {
  it.each([
    ["FREQ=MONTHLY;BYDAY=1TH", "T5 đầu tháng", "first Thursday of every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=7", "ngày 7 hằng tháng", "the 7th of every month"],
    ["FREQ=MONTHLY", "ngày 4 hằng tháng", "the 4th of every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "ngày cuối cùng hằng tháng", "the last day of every month"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "T6 cuối tháng", "last Friday of every month"],
    ["FREQ=MONTHLY;BYDAY=2MO;INTERVAL=3", "T2 tuần thứ 2 của tháng, 3 tháng một lần", "second Monday of every 3 months"],
    ["FREQ=WEEKLY;BYDAY=MO,WE", "T2, T4 hằng tuần", "every Monday and Wednesday"],
    ["FREQ=WEEKLY;INTERVAL=2", "T5 2 tuần một lần", "every 2 weeks on Thursday"],
    ["FREQ=DAILY", "hằng ngày", "daily"],
    ["FREQ=YEARLY", "ngày 04/01 hằng năm", "every 4 January"],
    ["RRULE:freq=monthly;byday=1th;count=10", "T5 đầu tháng", "first Thursday of every month"],
  ])("%s", (repeat, vi, en) => {
    expect(words(repeat)).toEqual({ vi, en });
  });

  it("has no short wording for rules it cannot say briefly", () => {
    for (const repeat of ["FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-2", "FREQ=HOURLY", "FREQ=YEARLY;BYWEEKNO=10", "FREQ=DAILY;BYDAY=MO"]) {
      expect(words(repeat)).toEqual({ vi: undefined, en: undefined });
    }
  });

  it("says nothing for a meeting that does not repeat", () => {
    expect(repeatWords({ start: "2024-01-04T08:00" }, "vi")).toBeUndefined();
  });
});
