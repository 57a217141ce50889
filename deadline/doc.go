// Package deadline counts statutory time limits (法定时限) on working-day
// calendars with China's make-up working days (调休), and keeps legal clocks
// that suspend, restart and extend as the law says.
//
// It owns three things:
//
//   - [Calendar]: which days are worked, over a closed coverage, built from
//     plain data ([Spec], or the JSON format of [ParseCalendar]) and
//     composed with [Join] and overrides. [ChinaMainland] is the national
//     calendar from the State Council's annual notices, 2007 through 2026.
//   - Periods ([Period], [Calendar.End]) counted by the rules of 民法典
//     Art 200–204: working days, calendar days, months and years, the start
//     day never counted, the last day rolled off rest days; and receipt
//     instants turned into the day they count on ([Calendar.Received]).
//   - [Clock]: a [Rule] started on a day with a ledger of suspensions,
//     restarts, extensions and the stop, answering the due date, the days
//     elapsed, remaining (and how many of those are working days) and
//     overdue, the warning light of a [Policy], which counts the working
//     days left also for a limit of calendar days and shows no yellow
//     while a suspension runs, and
//     an [Explanation] of every day counted or skipped. [ReferenceRules]
//     are the time limits of the laws the library encodes, each with its
//     provisions.
//
// It knows nothing of cases, states or officers: the procedure package
// binds clocks to the states of a case.
//
// # Counting rules
//
// The start day is not counted (民法典 Art 201). A working-day period ends
// on the n-th working day after the start (行政许可法 Art 82, 行政处罚法 Art
// 85, 政府信息公开条例), so it never needs rolling. A calendar-day period
// ends on start + n, a month or year period on the corresponding day or
// the month's last day (Art 202), and then, if that day is a rest day, on
// the next working day (Art 203, [RollRestDays]). The last day ends at
// 24:00, or at closing time where the agency keeps business hours
// ([OfficeHours]).
//
// Two questions have no authoritative answer; both are options with the
// common practice as default. Whether a make-up working weekend counts as
// a working day: yes, unless the calendar is built with
// CountMakeUpDays(false). Whether an ordinary weekend is a 法定休假日 for
// Art 203: yes ([RollRestDays]), or no ([RollHolidays]).
//
// # Dates and zones
//
// Dates are [date.Date] values from github.com/rickb777/date/v2: civil
// dates of the proleptic Gregorian calendar. Instants are [time.Time],
// turned into dates in China Standard Time, a fixed UTC+8 zone
// ([ChinaStandardTime]): no time-zone database is needed and there is no
// daylight saving.
//
// # Coverage
//
// A calendar covers a closed range of dates. A date outside it is an
// error wrapping [ErrOutOfCoverage], never a Monday-to-Friday guess;
// [ExtendThrough] opts in to the weekly pattern past the published data,
// and every result that used such days is marked provisional.
//
// # Speed
//
// A calendar precomputes, over its coverage, each day's kind, the number
// of working days up to each day, and the date of the k-th working day.
// [Calendar.AddWorkingDays], [Calendar.WorkingDaysBetween] and
// [Calendar.IsWorkingDay] are a few array look-ups whatever n, and
// allocate nothing. A clock's status walks its ledger once, with constant
// work per entry. A Clock is immutable, so each ledger method copies the
// ledger; a [ClockBuilder] appends in place, for a caller that builds
// clocks entry by entry (a stored ledger read back, a case's clocks
// rebuilt from its events).
//
// # Errors
//
// Every error wraps one of the sentinels (ErrOutOfCoverage,
// ErrInvalidCalendar, ErrInvalidDate, ErrInvalidPeriod, ErrInvalidRule,
// ErrUnknownRule, ErrInvertedInterval, ErrOverlap, ErrExtensionRefused,
// ErrClockStopped, ErrEntryRefused) inside an [*Error] that names the
// operation, the date and the location. Loaders report every problem at
// once, joined with [errors.Join]. A refused operation changes nothing.
// No exported function panics on any input.
package deadline
