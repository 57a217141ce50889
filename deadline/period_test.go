package deadline_test

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

func TestEndTable(t *testing.T) {
	cal := deadline.ChinaMainland()
	wd := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.WorkingDays} }
	days := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.Days} }
	months := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.Months} }
	years := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.Years} }
	for _, tc := range []struct {
		start   date.Date
		p       deadline.Period
		roll    deadline.Roll
		nominal date.Date
		end     date.Date
		reason  string
	}{
		{d(2025, 9, 26), wd(20), deadline.RollRestDays, d(2025, 10, 30), d(2025, 10, 30), "行政许可法 Art 42 ¶1, Art 82: working days never roll"},
		{d(2025, 7, 4), days(90), deadline.RollRestDays, d(2025, 10, 2), d(2025, 10, 9), "行政处罚法 Art 60: 90 days end in the National Day break and roll to its end (民法典 Art 203)"},
		{d(2026, 2, 6), days(15), deadline.RollRestDays, d(2026, 2, 21), d(2026, 2, 24), "行政处罚法 Art 67 ¶3: 15 days end in the 2026 Spring Festival"},
		{d(2025, 2, 14), days(15), deadline.RollRestDays, d(2025, 3, 1), d(2025, 3, 3), "an ordinary Saturday rolls to Monday under the common reading"},
		{d(2025, 2, 14), days(15), deadline.RollHolidays, d(2025, 3, 1), d(2025, 3, 1), "under the narrow reading a weekend is not a 法定休假日"},
		{d(2026, 2, 6), days(15), deadline.RollHolidays, d(2026, 2, 21), d(2026, 2, 24), "both readings roll off a statutory holiday"},
		{d(2025, 2, 14), days(15), deadline.RollNone, d(2025, 3, 1), d(2025, 3, 1), "民法典 Art 204: another law may provide otherwise"},
		{d(2025, 8, 1), days(60), deadline.RollRestDays, d(2025, 9, 30), d(2025, 9, 30), "信访工作条例 Art 34: sixty days on a working day"},
		{d(2025, 1, 31), months(1), deadline.RollRestDays, d(2025, 2, 28), d(2025, 2, 28), "民法典 Art 202: no 31 February, the month's last day"},
		{d(2024, 1, 31), months(1), deadline.RollRestDays, d(2024, 2, 29), d(2024, 2, 29), "a leap February"},
		{d(2025, 8, 31), months(6), deadline.RollRestDays, d(2026, 2, 28), d(2026, 2, 28), "行政诉讼法 Art 46 ¶1: six months end on a make-up Saturday, a working day: no roll"},
		{d(2025, 5, 3), months(6), deadline.RollRestDays, d(2025, 11, 3), d(2025, 11, 3), "the corresponding day"},
		{d(2024, 2, 29), years(2), deadline.RollRestDays, d(2026, 2, 28), d(2026, 2, 28), "行政处罚法 Art 36: two years from 29 February"},
		{d(2023, 10, 1), years(2), deadline.RollRestDays, d(2025, 10, 1), d(2025, 10, 9), "two years ending on National Day"},
		{d(2025, 10, 3), days(0), deadline.RollRestDays, d(2025, 10, 3), d(2025, 10, 3), "a period of length zero ends on its start"},
	} {
		end, err := cal.End(tc.start, tc.p, tc.roll)
		if err != nil || end.Nominal != tc.nominal || end.Date != tc.end || end.Rolled() != (tc.end != tc.nominal) || end.Provisional {
			t.Errorf("End(%s, %v, %v) = %+v, %v; want nominal %s, end %s (%s)", tc.start, tc.p, tc.roll, end, err, tc.nominal, tc.end, tc.reason)
		}
	}
}

func TestEndErrors(t *testing.T) {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct {
		name  string
		start date.Date
		p     deadline.Period
		roll  deadline.Roll
		want  error
	}{
		{"no unit", d(2025, 1, 1), deadline.Period{N: 5}, deadline.RollRestDays, deadline.ErrInvalidPeriod},
		{"negative", d(2025, 1, 1), deadline.Period{N: -5, Unit: deadline.Days}, deadline.RollRestDays, deadline.ErrInvalidPeriod},
		{"unknown unit", d(2025, 1, 1), deadline.Period{N: 5, Unit: 9}, deadline.RollRestDays, deadline.ErrInvalidPeriod},
		{"too long", d(2025, 1, 1), deadline.Period{N: 1 << 40, Unit: deadline.Months}, deadline.RollRestDays, deadline.ErrInvalidPeriod},
		{"unknown roll", d(2025, 1, 1), deadline.Period{N: 5, Unit: deadline.Days}, 7, deadline.ErrInvalidPeriod},
		{"working days past coverage", d(2026, 12, 20), deadline.Period{N: 20, Unit: deadline.WorkingDays}, deadline.RollRestDays, deadline.ErrOutOfCoverage},
		{"roll past coverage", d(2026, 12, 1), deadline.Period{N: 60, Unit: deadline.Days}, deadline.RollRestDays, deadline.ErrOutOfCoverage},
	} {
		if _, err := cal.End(tc.start, tc.p, tc.roll); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	// A period that does not roll needs no coverage.
	end, err := cal.End(d(2030, 1, 1), deadline.Period{N: 10, Unit: deadline.Days}, deadline.RollNone)
	if err != nil || end.Date != d(2030, 1, 11) {
		t.Errorf("RollNone outside coverage: %+v, %v", end, err)
	}
}

func TestEndProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, o := drawCalendar(t)
		start := gen.DateIn(cal).Draw(t, "start")
		unit := rapid.SampledFrom([]deadline.Unit{deadline.WorkingDays, deadline.Days, deadline.Months, deadline.Years}).Draw(t, "unit")
		p := deadline.Period{N: rapid.IntRange(0, 100).Draw(t, "n"), Unit: unit}
		if unit == deadline.Days || unit == deadline.WorkingDays {
			p.N *= 4
		}
		roll := rapid.SampledFrom([]deadline.Roll{deadline.RollRestDays, deadline.RollHolidays, deadline.RollNone}).Draw(t, "roll")
		end, err := cal.End(start, p, roll)
		if err != nil {
			if !errors.Is(err, deadline.ErrOutOfCoverage) {
				t.Fatalf("End: %v", err)
			}
			return
		}
		switch unit {
		case deadline.WorkingDays:
			want, _ := o.add(start, p.N)
			if end.Date != want || end.Rolled() {
				t.Fatalf("End = %+v, oracle %s", end, want)
			}
			return
		case deadline.Days:
			if end.Nominal != start+date.Date(p.N) {
				t.Fatalf("nominal %s, want start + %d", end.Nominal, p.N)
			}
		default:
			months := p.N
			if unit == deadline.Years {
				months *= 12
			}
			y, m, dd := start.Date()
			first := date.New(y, m+time.Month(months), 1)
			want := first + date.Date(min(dd, first.LastDayOfMonth())-1)
			if end.Nominal != want {
				t.Fatalf("nominal %s, want %s", end.Nominal, want)
			}
		}
		if end.Date < end.Nominal {
			t.Fatalf("rolled backwards: %+v", end)
		}
		if p.N > 0 && roll == deadline.RollRestDays && !o.working(end.Date) {
			t.Fatalf("ends on a rest day: %+v", end)
		}
		// Every day passed over was a rest day.
		for day := end.Nominal; day < end.Date; day++ {
			if o.working(day) {
				t.Fatalf("rolled over the working day %s: %+v", day, end)
			}
		}
	})
}

func TestReceived(t *testing.T) {
	cal := deadline.ChinaMainland()
	cst := deadline.ChinaStandardTime()
	office := deadline.OfficeHours{Close: clock.New(17, 30, 0, 0), Defer: true}
	for _, tc := range []struct {
		at     time.Time
		hours  deadline.OfficeHours
		want   date.Date
		reason string
	}{
		{time.Date(2025, 9, 30, 17, 0, 0, 0, cst), office, d(2025, 9, 30), "before closing"},
		{time.Date(2025, 9, 30, 17, 30, 0, 0, cst), office, d(2025, 10, 9), "at closing, the next working day is after the break"},
		{time.Date(2025, 9, 27, 10, 0, 0, 0, cst), office, d(2025, 9, 28), "a Saturday: the next working day is the make-up Sunday"},
		{time.Date(2025, 9, 30, 20, 0, 0, 0, time.UTC), office, d(2025, 10, 9), "20:00 UTC is 04:00 on 1 October in China"},
		{time.Date(2025, 9, 27, 10, 0, 0, 0, cst), deadline.OfficeHours{}, d(2025, 9, 27), "without business hours the day is the day"},
		{time.Date(2025, 9, 30, 23, 59, 0, 0, cst), deadline.OfficeHours{Defer: true}, d(2025, 9, 30), "no closing time: until 24:00"},
		{time.Date(2030, 1, 1, 10, 0, 0, 0, cst), deadline.OfficeHours{}, d(2030, 1, 1), "no deferral needs no coverage"},
	} {
		got, err := cal.Received(tc.at, tc.hours)
		if err != nil || got != tc.want {
			t.Errorf("Received(%s) = %s, %v; want %s (%s)", tc.at, got, err, tc.want, tc.reason)
		}
	}
	if _, err := cal.Received(time.Date(2030, 1, 1, 10, 0, 0, 0, cst), office); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Errorf("deferral outside coverage: %v", err)
	}
	if got := office.LastMoment(d(2025, 10, 30)); !got.Equal(time.Date(2025, 10, 30, 17, 30, 0, 0, cst)) {
		t.Errorf("LastMoment with business hours = %s", got)
	}
	if got := (deadline.OfficeHours{}).LastMoment(d(2025, 10, 30)); !got.Equal(time.Date(2025, 10, 31, 0, 0, 0, 0, cst)) {
		t.Errorf("LastMoment at 24:00 = %s", got)
	}
	if got := deadline.DateOf(time.Date(2025, 9, 30, 16, 0, 0, 0, time.UTC)); got != d(2025, 10, 1) {
		t.Errorf("DateOf = %s", got)
	}
}

func TestPeriodText(t *testing.T) {
	for _, tc := range []struct {
		p      deadline.Period
		en, zh string
	}{
		{deadline.Period{N: 20, Unit: deadline.WorkingDays}, "20 working days", "20个工作日"},
		{deadline.Period{N: 90, Unit: deadline.Days}, "90 days", "90日"},
		{deadline.Period{N: 6, Unit: deadline.Months}, "6 months", "6个月"},
		{deadline.Period{N: 2, Unit: deadline.Years}, "2 years", "2年"},
	} {
		if tc.p.String() != tc.en || tc.p.Chinese() != tc.zh {
			t.Errorf("%v: %q %q", tc.p, tc.p.String(), tc.p.Chinese())
		}
	}
}

func TestDateOfMatchesTimeIn(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		at := time.Unix(rapid.Int64Range(-5e10, 5e10).Draw(t, "unix"), rapid.Int64Range(0, 999999999).Draw(t, "nanos"))
		want := date.NewAt(at.In(deadline.ChinaStandardTime()))
		if got := deadline.DateOf(at); got != want {
			t.Fatalf("DateOf(%s) = %s, want %s", at, got, want)
		}
	})
}
