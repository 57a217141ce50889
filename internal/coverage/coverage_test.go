package coverage_test

import (
	"errors"
	"runtime"
	"sync"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/coverage"
)

// TestStatus: the licensing decision limit (行政许可法 Art 42 ¶1, twenty
// working days) started on 8 December 2026 falls due in January 2027,
// past the shipped calendar. About a covered day it is counted on the
// weekly pattern and says Provisional; about a later day the calendar's
// error stands.
func TestStatus(t *testing.T) {
	d := date.New
	rule, err := deadline.LookupRule("licensing-decision")
	if err != nil {
		t.Fatal(err)
	}
	clk, err := deadline.Start(rule, d(2026, 12, 8))
	if err != nil {
		t.Fatal(err)
	}
	c := coverage.New(deadline.ChinaMainland())
	if _, err := clk.Status(deadline.ChinaMainland(), d(2026, 12, 31)); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Fatalf("the shipped calendar counts it: %v", err)
	}
	st, err := c.Status(clk, d(2026, 12, 31), d(2026, 12, 31))
	if err != nil || st.Due != d(2027, 1, 5) || st.Remaining != 3 || st.Overdue != 0 || !st.Provisional {
		t.Errorf("about 31 December: %+v, %v; want due 2027-01-05, 3 left, provisional", st, err)
	}
	if _, err := c.Status(clk, d(2027, 1, 4), d(2027, 1, 4)); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Errorf("about 4 January: %v; want deadline.ErrOutOfCoverage", err)
	}

	// Stopped on 30 December, in time: about the stop, any later day.
	stopped, err := clk.Stop(d(2026, 12, 30), "准予许可")
	if err != nil {
		t.Fatal(err)
	}
	asOf := d(2027, 3, 1)
	if about := coverage.About(stopped, asOf); about != d(2026, 12, 30) {
		t.Errorf("About a stopped clock: %s", about)
	}
	if about := coverage.About(stopped, d(2026, 12, 29)); about != d(2026, 12, 29) {
		t.Errorf("About, before the stop: %s", about)
	}
	st, err = c.Status(stopped, asOf, coverage.About(stopped, asOf))
	if err != nil || !st.Stopped || st.Overdue != 0 {
		t.Errorf("stopped, as of 1 March: %+v, %v; want stopped, not overdue", st, err)
	}
	if !c.Covers(d(2026, 12, 31)) || c.Covers(d(2027, 1, 1)) || c.Covers(d(2006, 12, 31)) {
		t.Errorf("Covers does not follow the shipped coverage")
	}
}

// TestLight: a renewal limit (行政许可法 Art 50) running to the licence's
// expiry on 20 February 2027, a limit of days that does not roll, is
// counted without the calendar, but its light counts working days. As of
// 31 December 2026 those lie past the shipped calendar: Light counts them
// on the weekly pattern and says Provisional. As of 4 January 2027 the
// light is refused. A status that knows its working days is kept.
func TestLight(t *testing.T) {
	d := date.New
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		t.Fatal(err)
	}
	term, err := deadline.NewTemplate(rule)
	if err != nil {
		t.Fatal(err)
	}
	if term, err = term.Term(62); err != nil {
		t.Fatal(err)
	}
	clk, err := term.Start(d(2026, 12, 20))
	if err != nil {
		t.Fatal(err)
	}
	shipped := deadline.ChinaMainland()
	c := coverage.New(shipped)
	st, err := clk.Status(shipped, d(2026, 12, 31))
	if err != nil || st.WorkingDaysKnown || st.Due != d(2027, 2, 20) {
		t.Fatalf("on the shipped calendar: %+v, %v", st, err)
	}
	lit, err := c.Light(clk, st, d(2026, 12, 31))
	if err != nil || !lit.WorkingDaysKnown || !lit.Provisional || lit.WorkingDaysLeft < 30 || lit.Remaining != st.Remaining {
		t.Errorf("Light as of 31 December: %+v, %v; want the working days counted, provisionally", lit, err)
	}
	late, err := clk.Status(shipped, d(2027, 1, 4))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Light(clk, late, d(2027, 1, 4)); !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Errorf("Light as of 4 January: %v; want deadline.ErrOutOfCoverage", err)
	}
	known, err := clk.Status(shipped, d(2027, 2, 21))
	if err != nil || !known.WorkingDaysKnown {
		t.Fatalf("past the due day: %+v, %v", known, err)
	}
	if got, err := c.Light(clk, known, d(2027, 2, 21)); err != nil || got != known {
		t.Errorf("Light of a status that knows its working days: %+v, %v", got, err)
	}
}

// TestNil: a nil Calendar, that of a zero value, covers nothing and
// counts as the empty calendar does.
func TestNil(t *testing.T) {
	var c *coverage.Calendar
	rule, err := deadline.LookupRule("licensing-decision")
	if err != nil {
		t.Fatal(err)
	}
	clk, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		t.Fatal(err)
	}
	if c.Covers(date.New(2025, 9, 26)) || c.Widens(deadline.ErrOutOfCoverage, date.New(2025, 9, 26)) {
		t.Error("a nil Calendar covers a day")
	}
	_, want := clk.Status(nil, date.New(2025, 10, 1))
	if _, err := c.Status(clk, date.New(2025, 10, 1), date.New(2025, 10, 1)); err == nil || err.Error() != want.Error() {
		t.Errorf("Status: %v; want %v", err, want)
	}
}

// TestShared: every Calendar of one calendar, from any goroutine, counts
// on one extension, built once; another calendar has its own, and the
// extension of a calendar no longer in use is let go.
func TestShared(t *testing.T) {
	cal := deadline.ChinaMainland()
	const n = 8
	wides := make(chan *deadline.Calendar, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { wides <- coverage.New(cal).Wide() })
	}
	wg.Wait()
	close(wides)
	first := <-wides
	for w := range wides {
		if w != first {
			t.Fatal("two extensions of one calendar")
		}
	}
	if _, to := first.Coverage(); to < date.New(2056, 1, 1) {
		t.Errorf("the extension ends on %s", to)
	}

	// A calendar of its own (make-up days counted as rest days), used
	// and dropped.
	other, err := cal.With(deadline.CountMakeUpDays(false))
	if err != nil {
		t.Fatal(err)
	}
	if coverage.New(other).Wide() == first {
		t.Fatal("another calendar shares the national calendar's extension")
	}
	if !coverage.Shared(other) {
		t.Fatal("the extension of the other calendar is not held")
	}
	held := coverage.SharedLen()
	other = nil
	// The entry goes once the calendar has been collected and its
	// cleanup has run, on another goroutine.
	for i := 0; i < 1000 && coverage.SharedLen() >= held; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if coverage.SharedLen() >= held {
		t.Error("the extension of a collected calendar is still held")
	}
	if !coverage.Shared(cal) {
		t.Error("the national calendar's extension was let go while in use")
	}
	runtime.KeepAlive(cal)
}
