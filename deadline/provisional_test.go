package deadline_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// TestStatusProvisionalIsHonest: a status that does not say Provisional
// is the one any arrangement of the days past the published coverage
// gives. Clocks of every reference rule start near the end of the shipped
// coverage, on a calendar extended past it with ExtendThrough; their
// status is counted again on a calendar that agrees with the shipped one
// and goes on with a drawn next year's arrangement.
func TestStatusProvisionalIsHonest(t *testing.T) {
	shipped := deadline.ChinaMainland()
	_, end := shipped.Coverage()
	extended, err := shipped.With(deadline.ExtendThrough(end + 730))
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		future := gen.Future(t, shipped, 730)
		r := gen.ReferenceRule().Draw(t, "rule")
		start := end - gen.DayOffset(t, 0, 90)
		clk, last := gen.Ledger(t, extended, r, start)
		asOf := last + gen.DayOffset(t, 0, 120)
		st, err := clk.Status(extended, asOf)
		if err != nil || st.Provisional {
			return
		}
		other, err := clk.Status(future, asOf)
		if err != nil {
			t.Fatalf("as of %s: %+v, not provisional; on another arrangement: %v", asOf, st, err)
		}
		if diff := cmp.Diff(st, other); diff != "" {
			t.Fatalf("as of %s, not provisional, yet another arrangement counts otherwise (-extended +other):\n%s", asOf, diff)
		}
	})
}

// TestCalendarDaysNeedNoCalendar: a count of calendar days that does not
// roll its due day asks nothing of the calendar, so a status past the
// published coverage is not provisional; one whose due day rolls over a
// day past it is.
func TestCalendarDaysNeedNoCalendar(t *testing.T) {
	d := gen.Day
	cal, err := deadline.ChinaMainland().With(deadline.ExtendThrough(d(2027, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	// 行政处罚法 Art 67: a fine is paid within fifteen days of delivery.
	rule, err := deadline.LookupRule("penalty-payment")
	if err != nil {
		t.Fatal(err)
	}
	// Delivered on 1 December 2026, due Wednesday 16 December: on 4
	// January 2027 it is 19 days overdue, whatever January holds.
	clk, err := deadline.Start(rule, d(2026, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	st, err := clk.Status(cal, d(2027, 1, 4))
	if err != nil || st.Due != d(2026, 12, 16) || st.Overdue != 19 || st.Provisional {
		t.Errorf("as of 4 January: %+v, %v; want due 16 December, 19 days overdue, not provisional", st, err)
	}
	// Delivered on 14 December, due Tuesday 29 December, not rolled: not
	// provisional either.
	if clk, err = deadline.Start(rule, d(2026, 12, 14)); err != nil {
		t.Fatal(err)
	}
	if st, err = clk.Status(cal, d(2027, 1, 4)); err != nil || st.Due != d(2026, 12, 29) || st.Provisional {
		t.Errorf("due 29 December, as of 4 January: %+v, %v; want not provisional", st, err)
	}
	// Delivered on 20 December, nominally due Monday 4 January 2027:
	// whether that day is a rest day is the next notice's to say.
	if clk, err = deadline.Start(rule, d(2026, 12, 20)); err != nil {
		t.Fatal(err)
	}
	if st, err = clk.Status(cal, d(2026, 12, 28)); err != nil || !st.Provisional {
		t.Errorf("due in January: %+v, %v; want provisional", st, err)
	}
}
