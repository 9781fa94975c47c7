import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  monthName,
  monthOf,
  periodOf,
  previousAsOf,
  toUtc,
  todayIn,
  trailingMonths,
} from '../../src/analysis/dates.js';

describe('periodOf', () => {
  it('is the month for a monthly report', () => {
    expect(periodOf('monthly', '2026-11-15')).toBe('2026-11');
    expect(periodOf('monthly', '2027-01-01')).toBe('2027-01');
  });

  it('is the ISO week for a weekly report', () => {
    // 2026-11-16 is a Monday; Thursday 2026-11-19 is day 323 of 2026: floor(322 / 7) + 1 = 47
    expect(periodOf('weekly', '2026-11-16')).toBe('2026-W47');
    // the Sunday before belongs to the previous week
    expect(periodOf('weekly', '2026-11-15')).toBe('2026-W46');
  });

  it('gives late-December days to week 1 of the next year when that Thursday is in January', () => {
    // 2024-12-30 is a Monday; its Thursday is 2025-01-02, so the week is 2025-W01
    expect(periodOf('weekly', '2024-12-30')).toBe('2025-W01');
    // 2025-12-29 (Monday) .. 2026-01-04 (Sunday): Thursday 2026-01-01 -> 2026-W01
    expect(periodOf('weekly', '2025-12-29')).toBe('2026-W01');
    expect(periodOf('weekly', '2026-01-01')).toBe('2026-W01');
    expect(periodOf('weekly', '2026-01-04')).toBe('2026-W01');
    // the Sunday before, 2025-12-28, is still the last week of 2025 (W52)
    expect(periodOf('weekly', '2025-12-28')).toBe('2025-W52');
  });

  it('gives early-January days to week 52/53 of the previous year when that Thursday is in December', () => {
    // 2021-01-03 is a Sunday; its Thursday is 2020-12-31, and 2020 had 53 ISO weeks
    expect(periodOf('weekly', '2021-01-03')).toBe('2020-W53');
    expect(periodOf('weekly', '2021-01-04')).toBe('2021-W01');
    // 2026 starts on a Thursday, so it has 53 weeks: 2027-01-01 (Friday) -> Thursday 2026-12-31
    expect(periodOf('weekly', '2027-01-01')).toBe('2026-W53');
    expect(periodOf('weekly', '2027-01-03')).toBe('2026-W53');
    expect(periodOf('weekly', '2027-01-04')).toBe('2027-W01');
  });
});

describe('months', () => {
  it('trailingMonths lists the full months before the as-of month, oldest first', () => {
    expect(trailingMonths('2026-11-15')).toEqual(['2026-08', '2026-09', '2026-10']);
    // the as-of month itself is never part of the window, even on its last day
    expect(trailingMonths('2026-11-30')).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(trailingMonths('2026-11-01')).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('trailingMonths crosses a year boundary', () => {
    expect(trailingMonths('2026-01-15')).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(trailingMonths('2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(trailingMonths('2026-03-10', 2)).toEqual(['2026-01', '2026-02']);
    expect(trailingMonths('2026-03-10', 1)).toEqual(['2026-02']);
  });

  it('addMonths, monthOf and monthName', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-06', -18)).toBe('2024-12');
    expect(addMonths('2026-06', 0)).toBe('2026-06');
    expect(monthOf('2026-11-15')).toBe('2026-11');
    expect(monthName('2026-08')).toBe('August 2026');
    expect(monthName('2027-01')).toBe('January 2027');
  });
});

// Date.UTC reads a year 0–99 as 1900–1999, and a year under 1000 printed with String() loses its
// leading zeros. A report as of 0100-01-01 (the earliest --as-of) looks back into year 99.
describe('years before 1000', () => {
  it('addMonths writes four-digit years across year 100 and year 0', () => {
    expect(addMonths('0100-01', -1)).toBe('0099-12');
    expect(addMonths('0001-01', -1)).toBe('0000-12');
    expect(addMonths('0999-12', 1)).toBe('1000-01');
    expect(trailingMonths('0100-02-10', 3)).toEqual(['0099-11', '0099-12', '0100-01']);
  });

  it('toUtc reads a year 0–99 as itself, as ISO date text does', () => {
    for (const date of ['0099-12-31', '0000-02-29', '0004-07-04', '0050-01-01', '0100-01-01'])
      expect(toUtc(date)).toBe(new Date(`${date}T00:00:00Z`).getTime());
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
  });

  it('previousAsOf keeps year 0 a leap year (1900, which Date.UTC reads for it, is not)', () => {
    expect(previousAsOf('monthly', '0000-03-31')).toBe('0000-02-29');
    expect(previousAsOf('monthly', '0100-03-31')).toBe('0100-02-28');
    expect(previousAsOf('monthly', '0100-01-15')).toBe('0099-12-15');
  });

  it('periodOf names a week of year 0–99 as the same week 400 years later (the calendar repeats)', () => {
    for (let day = 0; day < 800; day += 3) {
      // Written by Date's own ISO reading and writing, not by the code under test.
      const date = new Date(Date.parse('0098-11-20T00:00:00Z') + day * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const later = `${String(Number(date.slice(0, 4)) + 400).padStart(4, '0')}${date.slice(4)}`;
      const [year, week] = periodOf('weekly', later).split('-W');
      expect(periodOf('weekly', date)).toBe(
        `${String(Number(year) - 400).padStart(4, '0')}-W${week}`,
      );
    }
    expect(periodOf('monthly', '0099-12-31')).toBe('0099-12');
  });
});

describe('addDays and daysBetween', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-11-15', 7)).toBe('2026-11-22');
    expect(addDays('2026-11-15', 30)).toBe('2026-12-15');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01'); // 2026 is not
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // a US DST change day is still one day
    expect(addDays('2026-11-15', 0)).toBe('2026-11-15');
  });

  it('daysBetween counts whole days and is negative backwards', () => {
    // January 31 + February 28 = 59
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    // 2024: January 31 + February 29 = 60
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-11-15', '2026-11-15')).toBe(0);
    // a year of 365 days
    expect(daysBetween('2025-11-15', '2026-11-15')).toBe(365);
  });

  it('addDays and daysBetween are inverses', () => {
    for (const days of [-400, -31, -1, 0, 1, 29, 366]) {
      expect(daysBetween('2026-02-10', addDays('2026-02-10', days))).toBe(days);
    }
  });
});

describe('todayIn', () => {
  it('is the calendar date in the given time zone', () => {
    // 2026-11-16 03:00 UTC is still the evening of November 15 in Los Angeles (UTC-8)
    const now = new Date(Date.UTC(2026, 10, 16, 3, 0));
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-15');
    expect(todayIn('UTC', now)).toBe('2026-11-16');
  });
});
