// Package gen holds the rapid generators the tests of every package share:
// calendars, dates, periods, rules and clock ledgers; later packages add
// cases, event sequences and standards. Only tests import it.
package gen

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// Day returns the date of y-m-d.
func Day(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// CalendarSpec generates valid calendar specs: a coverage of one day to
// about eight years between 1990 and 2040, a weekly pattern of zero to
// three rest days, and holidays of one to ten days with make-up working
// days on weekly rest days, no date listed twice.
func CalendarSpec() *rapid.Generator[deadline.Spec] {
	return rapid.Custom(func(t *rapid.T) deadline.Spec {
		from := Day(1990, 1, 1) + date.Date(rapid.IntRange(0, 50*365).Draw(t, "from"))
		length := rapid.IntRange(1, 3000).Draw(t, "days")
		s := deadline.Spec{ID: "gen", Name: "生成日历", NameEN: "generated", From: from, To: from + date.Date(length-1)}
		days := rapid.SliceOfNDistinct(rapid.IntRange(0, 6), 0, 3, rapid.ID[int]).Draw(t, "weekend")
		slices.Sort(days)
		for _, wd := range days {
			s.Weekend = append(s.Weekend, time.Weekday(wd))
		}
		used := map[date.Date]bool{}
		years := rapid.IntRange(0, 4).Draw(t, "arrangements")
		for y := 0; y < years; y++ {
			arr := deadline.Arrangement{Year: from.Year() + y, Notices: []string{"https://example.org/notice"},
				Holidays: holidays(t, rapid.IntRange(1, 6).Draw(t, "holidays"), s.Weekend, s.From, s.To, used)}
			if len(arr.Holidays) > 0 {
				s.Arrangements = append(s.Arrangements, arr)
			}
		}
		return s
	})
}

// Calendar generates calendars from [CalendarSpec], a tenth of them
// counting make-up days as rest days.
func Calendar() *rapid.Generator[*deadline.Calendar] {
	return rapid.Custom(func(t *rapid.T) *deadline.Calendar {
		s := CalendarSpec().Draw(t, "spec")
		c, err := deadline.New(s, deadline.CountMakeUpDays(rapid.IntRange(0, 9).Draw(t, "makeup") != 0))
		if err != nil {
			t.Fatalf("generated spec is invalid: %v", err)
		}
		return c
	})
}

// DateIn generates dates in the calendar's coverage.
func DateIn(c *deadline.Calendar) *rapid.Generator[date.Date] {
	from, to := c.Coverage()
	return rapid.Custom(func(t *rapid.T) date.Date {
		return from + date.Date(rapid.IntRange(0, int(to-from)).Draw(t, "offset"))
	})
}

// DateAround generates dates in the calendar's coverage and up to margin
// days either side of it.
func DateAround(c *deadline.Calendar, margin int) *rapid.Generator[date.Date] {
	from, to := c.Coverage()
	return rapid.Custom(func(t *rapid.T) date.Date {
		return from + date.Date(rapid.IntRange(-margin, int(to-from)+margin).Draw(t, "offset"))
	})
}

// DaysIn generates sets of distinct days from lo through hi, in order,
// some dense and some sparse: each day is drawn with a chance of one in
// two to one in six. The set is empty when lo > hi.
func DaysIn(lo, hi date.Date) *rapid.Generator[[]date.Date] {
	return rapid.Custom(func(t *rapid.T) []date.Date {
		var out []date.Date
		one := rapid.IntRange(1, 5).Draw(t, "one day in")
		for d := lo; d <= hi; d++ {
			if rapid.IntRange(0, one).Draw(t, "day drawn") == 0 {
				out = append(out, d)
			}
		}
		return out
	})
}

// ReferenceRule generates one of the reference rules.
func ReferenceRule() *rapid.Generator[deadline.Rule] {
	return rapid.SampledFrom(deadline.ReferenceRules())
}

// WorkingDayRule generates a reference rule counted in working days.
func WorkingDayRule() *rapid.Generator[deadline.Rule] {
	var rules []deadline.Rule
	for _, r := range deadline.ReferenceRules() {
		if r.Period.Unit == deadline.WorkingDays {
			rules = append(rules, r)
		}
	}
	return rapid.SampledFrom(rules)
}

// Ledger draws a plausible ledger for a clock on rule r started on
// start: closed and open suspensions for causes the rule excludes,
// restarts for causes it restarts on, extensions within the rule's cap,
// and sometimes a stop, in date order. Entries go through the clock's
// own methods and those refused are dropped, so the result is always a
// clock the methods can build. It returns the clock and the day of its
// last entry.
func Ledger(t *rapid.T, cal *deadline.Calendar, r deadline.Rule, start date.Date) (deadline.Clock, date.Date) {
	clk, err := deadline.Start(r, start)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	day := start
	for i := rapid.IntRange(0, 6).Draw(t, "entries"); i > 0; i-- {
		day += date.Date(rapid.IntRange(0, 15).Draw(t, "gap"))
		next := clk
		switch rapid.IntRange(0, 5).Draw(t, "kind") {
		case 0:
			if len(r.Exclusions) > 0 {
				next, err = clk.Suspend(day, rapid.SampledFrom(r.Exclusions).Draw(t, "cause").Cause, "中止")
			}
		case 1:
			next, err = clk.Resume(day)
		case 2:
			if len(r.Exclusions) > 0 {
				through := day + date.Date(rapid.IntRange(0, 10).Draw(t, "length"))
				next, err = clk.Exclude(day, through, rapid.SampledFrom(r.Exclusions).Draw(t, "cause").Cause, "不计入")
			}
		case 3:
			if len(r.Restarts) > 0 {
				next, err = clk.Restart(day, rapid.SampledFrom(r.Restarts).Draw(t, "cause").Cause, "重新计算")
			}
		case 4:
			if r.Extension.Max > 0 {
				next, err = clk.Extend(cal, day, rapid.IntRange(1, r.Extension.Max).Draw(t, "units"), "负责人", "情况复杂")
			}
		case 5:
			if rapid.IntRange(0, 3).Draw(t, "stop") == 0 {
				next, err = clk.Stop(day, "办结")
			}
		}
		if err == nil {
			clk = next
		}
		err = nil
	}
	if l := clk.Ledger(); len(l) > 0 {
		day = l[len(l)-1].On
	}
	return clk, day
}

// holidays draws n holidays of one to ten rest days each from day lo to
// day hi, each with up to three make-up working days on weekly rest days
// in that span, no day listed twice (used holds the days listed before),
// and the holidays that got any day.
func holidays(t *rapid.T, n int, weekend []time.Weekday, lo, hi date.Date, used map[date.Date]bool) []deadline.Holiday {
	var out []deadline.Holiday
	span := int(hi - lo)
	for ; n > 0; n-- {
		hol := deadline.Holiday{Name: "节", NameEN: "festival"}
		start := lo + date.Date(rapid.IntRange(0, span).Draw(t, "start"))
		for d := start; d < start+date.Date(rapid.IntRange(1, 10).Draw(t, "len")) && d <= hi; d++ {
			if !used[d] {
				used[d] = true
				hol.Off = append(hol.Off, d)
			}
		}
		for w := rapid.IntRange(0, 3).Draw(t, "work"); w > 0 && len(weekend) > 0; w-- {
			d := lo + date.Date(rapid.IntRange(0, span).Draw(t, "workday"))
			if !used[d] && slices.Contains(weekend, d.Weekday()) {
				used[d] = true
				hol.Work = append(hol.Work, d)
			}
		}
		if len(hol.Off)+len(hol.Work) > 0 {
			out = append(out, hol)
		}
	}
	return out
}

// Future draws a calendar that agrees with c on its coverage and carries
// on past it for the given number of days, with an arrangement for each
// year it reaches into (see holidays). It stands for any notice the State
// Council may publish next, for tests that an answer given on c alone
// does not depend on the days c does not cover.
func Future(t *rapid.T, c *deadline.Calendar, days int) *deadline.Calendar {
	s := c.Spec()
	used := map[date.Date]bool{}
	for lo, end := s.To+1, s.To+date.Date(days); lo <= end; {
		y := lo.Year()
		hi := min(end, date.New(y, time.December, 31))
		arr := deadline.Arrangement{Year: y, Notices: []string{"https://example.org/notice"},
			Holidays: holidays(t, rapid.IntRange(1, 8).Draw(t, "holidays"), s.Weekend, lo, hi, used)}
		if len(arr.Holidays) > 0 {
			s.Arrangements = append(s.Arrangements, arr)
		}
		lo = hi + 1
	}
	s.To += date.Date(days)
	f, err := deadline.New(s)
	if err != nil {
		t.Fatalf("future of %s: %v", s.ID, err)
	}
	return f
}
