package deadline_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

var d = gen.Day

func TestChinaMainlandDays(t *testing.T) {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct {
		day     date.Date
		kind    deadline.DayKind
		name    string
		working bool
		reason  string
	}{
		{d(2025, 1, 1), deadline.KindHoliday, "元旦", false, "New Year's Day, a Wednesday, stands alone (2025 notice)"},
		{d(2025, 1, 26), deadline.KindMakeUpWorkday, "春节", true, "Sunday worked for the 2025 Spring Festival"},
		{d(2025, 1, 28), deadline.KindHoliday, "春节", false, "2025 Spring Festival starts on New Year's Eve (除夕), 全国年节及纪念日放假办法 Art 2 as revised in 2024"},
		{d(2025, 2, 4), deadline.KindHoliday, "春节", false, "last of the eight days"},
		{d(2025, 2, 8), deadline.KindMakeUpWorkday, "春节", true, "Saturday worked for the Spring Festival"},
		{d(2025, 5, 2), deadline.KindHoliday, "劳动节", false, "Labour Day has two days from 2025"},
		{d(2025, 9, 28), deadline.KindMakeUpWorkday, "国庆节、中秋节", true, "Sunday worked for National Day and Mid-Autumn"},
		{d(2025, 10, 8), deadline.KindHoliday, "国庆节、中秋节", false, "eight days when the two festivals meet"},
		{d(2025, 10, 11), deadline.KindMakeUpWorkday, "国庆节、中秋节", true, "Saturday worked after the break"},
		{d(2025, 10, 12), deadline.KindWeekend, "", false, "an ordinary Sunday"},
		{d(2025, 10, 13), deadline.KindWorkday, "", true, "an ordinary Monday"},
		{d(2026, 2, 15), deadline.KindHoliday, "春节", false, "2026 Spring Festival starts on 腊月二十八, before New Year's Eve"},
		{d(2026, 2, 14), deadline.KindMakeUpWorkday, "春节", true, "2026 notice: Saturday 14 February worked"},
		{d(2026, 2, 28), deadline.KindMakeUpWorkday, "春节", true, "2026 notice: Saturday 28 February worked"},
		{d(2026, 10, 10), deadline.KindMakeUpWorkday, "国庆节", true, "2026 notice: Saturday 10 October worked"},
		{d(2015, 9, 3), deadline.KindHoliday, "抗日战争暨世界反法西斯战争胜利70周年纪念日", false, "the one-off 2015 Victory Day holiday"},
		{d(2020, 2, 3), deadline.KindWorkday, "", true, "the extended 2020 Spring Festival ended on Sunday 2 February"},
		{d(2007, 1, 1), deadline.KindHoliday, "元旦", false, "first day of coverage"},
		{d(2026, 12, 31), deadline.KindWorkday, "", true, "last day of coverage"},
	} {
		day, err := cal.Day(tc.day)
		if err != nil {
			t.Errorf("%s (%s): %v", tc.day, tc.reason, err)
			continue
		}
		if day.Kind != tc.kind || day.Name != tc.name || day.Working != tc.working || day.Provisional {
			t.Errorf("%s (%s): got %v %q working=%v, want %v %q working=%v", tc.day, tc.reason, day.Kind, day.Name, day.Working, tc.kind, tc.name, tc.working)
		}
		if ok, _ := cal.IsWorkingDay(tc.day); ok != tc.working {
			t.Errorf("%s: IsWorkingDay = %v, want %v", tc.day, ok, tc.working)
		}
		if tc.name != "" && day.Notice == "" {
			t.Errorf("%s: no notice recorded", tc.day)
		}
	}
}

func TestAddWorkingDaysTable(t *testing.T) {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct {
		from   date.Date
		n      int
		want   date.Date
		reason string
	}{
		{d(2025, 9, 26), 20, d(2025, 10, 30), "行政许可法 Art 42 ¶1 across the 2025 National Day week: counts Sun 28 Sep and Sat 11 Oct, skips 1–8 Oct"},
		{d(2025, 9, 26), 1, d(2025, 9, 28), "the next working day after a Friday is the make-up Sunday"},
		{d(2025, 9, 30), 1, d(2025, 10, 9), "the day after the break"},
		{d(2025, 1, 24), 5, d(2025, 2, 7), "行政许可法 Art 32 ¶1(4): five working days across the 2025 Spring Festival"},
		{d(2025, 10, 1), 0, d(2025, 10, 1), "n = 0 is the day itself, even a holiday"},
		{d(2025, 10, 9), -1, d(2025, 9, 30), "the working day before the break"},
		{d(2025, 10, 5), -1, d(2025, 9, 30), "counting back from inside a holiday"},
		{d(2025, 10, 5), 1, d(2025, 10, 9), "counting on from inside a holiday: the start day is not counted"},
		{d(2026, 9, 30), 5, d(2026, 10, 13), "行政处罚法 Art 64 ¶1(1): five working days across the 2026 National Day week"},
		{d(2026, 1, 30), 20, d(2026, 3, 5), "政府信息公开条例 Art 33 ¶2: twenty working days across the 2026 Spring Festival"},
		{d(2025, 10, 30), 10, d(2025, 11, 13), "行政许可法 Art 42 ¶1: the ten-day extension"},
	} {
		got, err := cal.AddWorkingDays(tc.from, tc.n)
		if err != nil || got != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, %v; want %s (%s)", tc.from, tc.n, got, err, tc.want, tc.reason)
		}
		back, err := cal.WorkingDaysBetween(tc.from, got)
		if err != nil || back != tc.n {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, %v; want %d", tc.from, got, back, err, tc.n)
		}
	}
}

func TestOutOfCoverage(t *testing.T) {
	cal := deadline.ChinaMainland()
	var nilCal *deadline.Calendar
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"IsWorkingDay after coverage", func() error { _, err := cal.IsWorkingDay(d(2027, 1, 4)); return err }},
		{"IsWorkingDay before coverage", func() error { _, err := cal.IsWorkingDay(d(2006, 12, 29)); return err }},
		{"AddWorkingDays runs past the end", func() error { _, err := cal.AddWorkingDays(d(2026, 12, 30), 5); return err }},
		{"AddWorkingDays runs past the start", func() error { _, err := cal.AddWorkingDays(d(2007, 1, 5), -5); return err }},
		{"AddWorkingDays huge n", func() error { _, err := cal.AddWorkingDays(d(2020, 1, 1), int(^uint(0)>>1)); return err }},
		{"AddWorkingDays huge negative n", func() error { _, err := cal.AddWorkingDays(d(2020, 1, 1), -int(^uint(0)>>1)-1); return err }},
		{"AddWorkingDays n = 0 outside", func() error { _, err := cal.AddWorkingDays(d(2030, 1, 1), 0); return err }},
		{"WorkingDaysBetween", func() error { _, err := cal.WorkingDaysBetween(d(2026, 1, 1), d(2027, 1, 1)); return err }},
		{"Day of the extreme date", func() error { _, err := cal.Day(date.Date(-1 << 63)); return err }},
		{"nil calendar", func() error { _, err := nilCal.AddWorkingDays(d(2025, 1, 1), 1); return err }},
		{"zero calendar", func() error { _, err := new(deadline.Calendar).IsWorkingDay(d(2025, 1, 1)); return err }},
	} {
		err := tc.call()
		if !errors.Is(err, deadline.ErrOutOfCoverage) {
			t.Errorf("%s: error %v, want ErrOutOfCoverage", tc.name, err)
		}
		var de *deadline.Error
		if !errors.As(err, &de) || de.Op == "" {
			t.Errorf("%s: error %v is not a *deadline.Error with an Op", tc.name, err)
		}
	}
}

// drawCalendar draws a spec and builds its calendar, returning both and
// the oracle.
func drawCalendar(t *rapid.T) (*deadline.Calendar, oracle) {
	spec := gen.CalendarSpec().Draw(t, "spec")
	count := rapid.IntRange(0, 9).Draw(t, "countMakeUp") != 0
	cal, err := deadline.New(spec, deadline.CountMakeUpDays(count))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return cal, newOracle(spec, count)
}

func TestIsWorkingDayMatchesOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, o := drawCalendar(t)
		for day := o.from - 3; day <= o.to+3; day++ {
			got, err := cal.IsWorkingDay(day)
			if !o.covers(day) {
				if !errors.Is(err, deadline.ErrOutOfCoverage) {
					t.Fatalf("%s outside coverage: err %v", day, err)
				}
				continue
			}
			if err != nil || got != o.working(day) {
				t.Fatalf("IsWorkingDay(%s) = %v, %v; oracle %v", day, got, err, o.working(day))
			}
		}
	})
}

// checkAgainstOracle checks AddWorkingDays and WorkingDaysBetween at one
// point against the day-by-day oracle, with the properties of the
// contract.
func checkAgainstOracle(t *rapid.T, cal *deadline.Calendar, o oracle, day date.Date, n int) {
	got, err := cal.AddWorkingDays(day, n)
	want, ok := o.add(day, n)
	if !ok {
		if !errors.Is(err, deadline.ErrOutOfCoverage) {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; oracle says out of coverage", day, n, got, err)
		}
		return
	}
	if err != nil || got != want {
		t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; oracle %s", day, n, got, err, want)
	}
	if n != 0 {
		if w, _ := cal.IsWorkingDay(got); !w {
			t.Fatalf("AddWorkingDays(%s, %d) = %s is not a working day", day, n, got)
		}
	}
	k, err := cal.WorkingDaysBetween(day, got)
	if err != nil || k != n {
		t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; want %d", day, got, k, err, n)
	}
	if ko, _ := o.between(day, got); ko != k {
		t.Fatalf("WorkingDaysBetween(%s, %s) = %d; oracle %d", day, got, k, ko)
	}
}

func TestAddWorkingDaysMatchesOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, o := drawCalendar(t)
		day := gen.DateAround(cal, 5).Draw(t, "day")
		n := rapid.IntRange(-5000, 5000).Draw(t, "n")
		checkAgainstOracle(t, cal, o, day, n)
	})
}

func TestChinaMainlandMatchesOracle(t *testing.T) {
	cal := deadline.ChinaMainland()
	o := newOracle(cal.Spec(), true)
	rapid.Check(t, func(t *rapid.T) {
		day := gen.DateAround(cal, 5).Draw(t, "day")
		n := rapid.IntRange(-5000, 5000).Draw(t, "n")
		checkAgainstOracle(t, cal, o, day, n)
	})
}

func TestWorkingDaysBetweenMatchesOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cal, o := drawCalendar(t)
		a := gen.DateAround(cal, 3).Draw(t, "a")
		b := gen.DateAround(cal, 3).Draw(t, "b")
		got, err := cal.WorkingDaysBetween(a, b)
		want, ok := o.between(a, b)
		if !ok {
			if !errors.Is(err, deadline.ErrOutOfCoverage) {
				t.Fatalf("WorkingDaysBetween(%s, %s): err %v, want out of coverage", a, b, err)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; oracle %d", a, b, got, err, want)
		}
		// Between two working days the count is antisymmetric.
		wa, _ := cal.IsWorkingDay(a)
		wb, _ := cal.IsWorkingDay(b)
		if back, _ := cal.WorkingDaysBetween(b, a); wa && wb && back != -got {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d but the reverse is %d", a, b, got, back)
		}
	})
}

func TestAddWorkingDaysMonotone(t *testing.T) {
	cal := deadline.ChinaMainland()
	rapid.Check(t, func(t *rapid.T) {
		day := gen.DateIn(cal).Draw(t, "day")
		n1 := rapid.IntRange(-2500, 2500).Draw(t, "n1")
		n2 := rapid.IntRange(-2500, 2500).Draw(t, "n2")
		a, err1 := cal.AddWorkingDays(day, n1)
		b, err2 := cal.AddWorkingDays(day, n2)
		if err1 != nil || err2 != nil {
			return
		}
		if (n1 < n2) != (a < b) || (n1 == n2) != (a == b) {
			t.Fatalf("not monotone in n: %d -> %s, %d -> %s", n1, a, n2, b)
		}
		later := day + date.Date(rapid.IntRange(0, 400).Draw(t, "later"))
		c, err := cal.AddWorkingDays(later, n1)
		if err == nil && c < a {
			t.Fatalf("not monotone in the start: AddWorkingDays(%s, %d) = %s < AddWorkingDays(%s, %d) = %s", later, n1, c, day, n1, a)
		}
		k1, _ := cal.WorkingDaysBetween(day, a)
		if k2, err := cal.WorkingDaysBetween(day, max(a, b)); err == nil && k2 < k1 {
			t.Fatalf("WorkingDaysBetween not monotone in the end")
		}
	})
}

func TestAddWorkingDaysComposes(t *testing.T) {
	cal := deadline.ChinaMainland()
	rapid.Check(t, func(t *rapid.T) {
		day := gen.DateIn(cal).Draw(t, "day")
		sign := rapid.SampledFrom([]int{-1, 1}).Draw(t, "sign")
		a := sign * rapid.IntRange(0, 2500).Draw(t, "a")
		b := sign * rapid.IntRange(0, 2500).Draw(t, "b")
		mid, err := cal.AddWorkingDays(day, a)
		if err != nil {
			return
		}
		two, err2 := cal.AddWorkingDays(mid, b)
		one, err1 := cal.AddWorkingDays(day, a+b)
		if (err1 == nil) != (err2 == nil) || one != two {
			t.Fatalf("AddWorkingDays(AddWorkingDays(%s, %d), %d) = %s, %v; AddWorkingDays(%s, %d) = %s, %v", day, a, b, two, err2, day, a+b, one, err1)
		}
	})
}

func TestNextPreviousWorkingDay(t *testing.T) {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct{ day, next, prev date.Date }{
		{d(2025, 9, 30), d(2025, 10, 9), d(2025, 9, 29)},
		{d(2025, 10, 4), d(2025, 10, 9), d(2025, 9, 30)},
		{d(2025, 9, 27), d(2025, 9, 28), d(2025, 9, 26)},
	} {
		next, err1 := cal.NextWorkingDay(tc.day)
		prev, err2 := cal.PreviousWorkingDay(tc.day)
		if err1 != nil || err2 != nil || next != tc.next || prev != tc.prev {
			t.Errorf("%s: next %s %v, previous %s %v; want %s, %s", tc.day, next, err1, prev, err2, tc.next, tc.prev)
		}
	}
}

func TestCountMakeUpDaysOption(t *testing.T) {
	// [U] in LEGAL.md: no text settles whether 调休上班日 count; the option
	// flips them to rest days.
	cal, err := deadline.ChinaMainland().With(deadline.CountMakeUpDays(false))
	if err != nil {
		t.Fatal(err)
	}
	got, err := cal.AddWorkingDays(d(2025, 9, 26), 20)
	if err != nil || got != d(2025, 11, 3) {
		t.Errorf("without make-up days: %s, %v; want 2025-11-03 (Sun 28 Sep and Sat 11 Oct no longer count)", got, err)
	}
	if cal.CountsMakeUpDays() || !deadline.ChinaMainland().CountsMakeUpDays() {
		t.Errorf("CountsMakeUpDays does not follow the option")
	}
}

func TestExtendThrough(t *testing.T) {
	cal, err := deadline.ChinaMainland().With(deadline.ExtendThrough(d(2027, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	from, to := cal.Coverage()
	pubFrom, pubTo := cal.Published()
	if from != d(2007, 1, 1) || to != d(2027, 12, 31) || pubFrom != from || pubTo != d(2026, 12, 31) {
		t.Fatalf("coverage %s–%s, published %s–%s", from, to, pubFrom, pubTo)
	}
	day, err := cal.Day(d(2027, 1, 1))
	if err != nil || !day.Provisional || day.Kind != deadline.KindWorkday {
		t.Errorf("2027-01-01 in the extension: %+v, %v; want a provisional workday (the weekly pattern knows no holidays)", day, err)
	}
	end, err := cal.End(d(2026, 12, 25), deadline.Period{N: 20, Unit: deadline.WorkingDays}, deadline.RollRestDays)
	if err != nil || !end.Provisional {
		t.Errorf("a period running into 2027 must be provisional: %+v, %v", end, err)
	}
	end, err = cal.End(d(2026, 1, 5), deadline.Period{N: 20, Unit: deadline.WorkingDays}, deadline.RollRestDays)
	if err != nil || end.Provisional {
		t.Errorf("a period inside the published data is not provisional: %+v, %v", end, err)
	}
	if !cal.Provisional(d(2026, 12, 1), d(2027, 1, 1)) || cal.Provisional(d(2026, 1, 1), d(2026, 12, 31)) {
		t.Errorf("Provisional does not follow the published coverage")
	}
	// An extension never shortens.
	same, err := cal.With(deadline.ExtendThrough(d(2027, 6, 1)))
	if _, to2 := same.Coverage(); err != nil || to2 != to {
		t.Errorf("a shorter extension changed the coverage to %s, %v", to2, err)
	}
	if _, err := cal.With(deadline.ExtendThrough(d(2300, 1, 1))); !errors.Is(err, deadline.ErrInvalidCalendar) {
		t.Errorf("an extension past the size limit: %v", err)
	}
}

func TestOverrides(t *testing.T) {
	cal, err := deadline.ChinaMainland().With(deadline.WithOverrides(
		deadline.Override{Date: d(2025, 11, 3), Name: "办公场所搬迁闭馆", NameEN: "office move"},
		deadline.Override{Date: d(2025, 11, 8), Working: true, Name: "集中攻坚办公日", NameEN: "campaign Saturday"},
	))
	if err != nil {
		t.Fatal(err)
	}
	mon, _ := cal.Day(d(2025, 11, 3))
	sat, _ := cal.Day(d(2025, 11, 8))
	if mon.Kind != deadline.KindHoliday || mon.Working || mon.Name != "办公场所搬迁闭馆" {
		t.Errorf("closure: %+v", mon)
	}
	if sat.Kind != deadline.KindMakeUpWorkday || !sat.Working {
		t.Errorf("worked Saturday: %+v", sat)
	}
	// The national calendar itself is unchanged.
	if ok, _ := deadline.ChinaMainland().IsWorkingDay(d(2025, 11, 3)); !ok {
		t.Errorf("With changed the calendar it was called on")
	}
	_, err = deadline.ChinaMainland().With(deadline.WithOverrides(
		deadline.Override{Date: d(2030, 1, 1), Name: "x"},
		deadline.Override{Date: d(2025, 1, 2)},
		deadline.Override{Date: d(2025, 1, 3), Name: "a"},
		deadline.Override{Date: d(2025, 1, 3), Name: "b"},
	))
	var all []error
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		all = u.Unwrap()
	}
	if len(all) != 3 || !errors.Is(err, deadline.ErrOutOfCoverage) || !errors.Is(err, deadline.ErrInvalidCalendar) {
		t.Errorf("bad overrides: want 3 problems (outside coverage, no name, duplicate), got %d: %v", len(all), err)
	}
}

func TestJoinMatchesDefinition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, _ := drawCalendar(t)
		b, _ := drawCalendar(t)
		j, err := deadline.Join("joined", a, b)
		af, at := a.Coverage()
		bf, bt := b.Coverage()
		if max(af, bf) > min(at, bt) {
			if !errors.Is(err, deadline.ErrOutOfCoverage) {
				t.Fatalf("disjoint coverage joined: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Join: %v", err)
		}
		from, to := j.Coverage()
		if from != max(af, bf) || to != min(at, bt) {
			t.Fatalf("coverage %s–%s, want the intersection", from, to)
		}
		for day := from; day <= to; day++ {
			wa, _ := a.IsWorkingDay(day)
			wb, _ := b.IsWorkingDay(day)
			wj, err := j.IsWorkingDay(day)
			if err != nil || wj != (wa && wb) {
				t.Fatalf("%s: joined %v, %v; calendars %v and %v", day, wj, err, wa, wb)
			}
		}
		// The joined calendar survives its own spec.
		again, err := deadline.New(j.Spec(), deadline.CountMakeUpDays(j.CountsMakeUpDays()))
		if err != nil {
			t.Fatalf("New(Join.Spec()): %v", err)
		}
		sameDays(t, j, again)
	})
}

func TestJoinRegionalFestival(t *testing.T) {
	// A region's own festival, as a calendar with no weekly rest days of
	// its own, joined with the national one.
	region, err := deadline.New(deadline.Spec{
		ID: "xz-extra", Name: "自治区补充节日", From: d(2025, 1, 1), To: d(2025, 12, 31),
		Arrangements: []deadline.Arrangement{{Year: 2025, Holidays: []deadline.Holiday{
			{Name: "雪顿节", NameEN: "Shoton Festival", Off: []date.Date{d(2025, 8, 22), d(2025, 8, 23)}},
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	j, err := deadline.Join("cn-xz", deadline.ChinaMainland(), region)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day     date.Date
		working bool
		kind    deadline.DayKind
	}{
		{d(2025, 8, 22), false, deadline.KindHoliday},      // regional festival on a Friday
		{d(2025, 9, 28), true, deadline.KindMakeUpWorkday}, // national make-up Sunday still worked
		{d(2025, 10, 1), false, deadline.KindHoliday},      // national holiday
		{d(2025, 10, 12), false, deadline.KindWeekend},     // ordinary Sunday
		{d(2025, 10, 13), true, deadline.KindWorkday},      // ordinary Monday
	} {
		day, err := j.Day(tc.day)
		if err != nil || day.Working != tc.working || day.Kind != tc.kind {
			t.Errorf("%s: %+v, %v; want working=%v %v", tc.day, day, err, tc.working, tc.kind)
		}
	}
	if _, err := deadline.Join("x"); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Errorf("Join of nothing: %v", err)
	}
	if _, err := deadline.Join("", region); !errors.Is(err, deadline.ErrInvalidCalendar) {
		t.Errorf("Join without an id: %v", err)
	}
	if _, err := deadline.Join("x", region, nil); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Errorf("Join with a nil calendar: %v", err)
	}
}

// sameDays fails unless the two calendars agree on every day.
func sameDays(t interface{ Fatalf(string, ...any) }, a, b *deadline.Calendar) {
	af, at := a.Coverage()
	bf, bt := b.Coverage()
	if af != bf || at != bt {
		t.Fatalf("coverage %s–%s vs %s–%s", af, at, bf, bt)
	}
	da, _ := a.Days(af, at)
	db, _ := b.Days(bf, bt)
	for i := range da {
		if da[i] != db[i] {
			t.Fatalf("days differ (-a +b):\n%s", cmp.Diff(da[i], db[i]))
		}
	}
}

func TestDays(t *testing.T) {
	cal := deadline.ChinaMainland()
	days, err := cal.Days(d(2025, 9, 27), d(2025, 10, 12))
	if err != nil || len(days) != 16 {
		t.Fatalf("Days: %d days, %v", len(days), err)
	}
	working := 0
	for _, day := range days {
		if day.Working {
			working++
		}
	}
	// Sun 28, Mon 29, Tue 30 September; Thu 9, Fri 10, Sat 11 October.
	if n, _ := cal.WorkingDaysBetween(d(2025, 9, 26), d(2025, 10, 12)); working != 6 || n != 6 {
		t.Errorf("Days counts %d working days, WorkingDaysBetween %d; want 6", working, n)
	}
	if _, err := cal.Days(d(2025, 2, 1), d(2025, 1, 1)); !errors.Is(err, deadline.ErrInvertedInterval) {
		t.Errorf("inverted interval: %v", err)
	}
	if got := cal.Weekend(); !cmp.Equal(got, []time.Weekday{time.Sunday, time.Saturday}) {
		t.Errorf("Weekend = %v", got)
	}
}

func TestDayKindText(t *testing.T) {
	for k := deadline.KindUnknown; k <= deadline.KindMakeUpWorkday; k++ {
		b, err := k.MarshalText()
		var back deadline.DayKind
		if err != nil || back.UnmarshalText(b) != nil || back != k || k.Chinese() == "" || k.English() == "" {
			t.Errorf("%d: %q %v → %v", k, b, err, back)
		}
	}
	var k deadline.DayKind
	if err := k.UnmarshalText([]byte("调休")); err == nil {
		t.Error("an unknown kind was read")
	}
}
