package procedure_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// sentinels are the package's errors, for comparing two refusals.
var sentinels = []error{procedure.ErrInvalidDefinition, procedure.ErrInvalidTransition, procedure.ErrInvalidEvent,
	procedure.ErrExpired, procedure.ErrCannotCount, procedure.ErrWrongDefinition, procedure.ErrUnknownDefinition}

// sameSentinels reports whether two errors wrap the same sentinels.
func sameSentinels(a, b error) bool {
	for _, s := range sentinels {
		if errors.Is(a, s) != errors.Is(b, s) {
			return false
		}
	}
	return true
}

// cannotCount checks that err is a clock the calendar does not cover.
func cannotCount(t *rapid.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Fatalf("%s: %v, want an error wrapping ErrCannotCount and deadline.ErrOutOfCoverage", what, err)
	}
}

// TestCoverageNeverGuesses is the promise the calendar makes, kept by
// every operation on a case: an answer is never a guess about days the
// calendar does not cover. Cases run across the end of the shipped
// calendar's coverage, fired alike on a definition with that calendar
// and on one whose calendar agrees with it and goes on with any next
// year's arrangement. Every answer the first gives, Fire's, Advance's
// and Due's, is the one the second gives; every other answer is an error
// wrapping ErrCannotCount and deadline.ErrOutOfCoverage that changes
// nothing.
func TestCoverageNeverGuesses(t *testing.T) {
	ctx := context.Background()
	shipped := deadline.ChinaMainland()
	_, end := shipped.Coverage()
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.SampledFrom(procedure.ReferenceNames()).Draw(t, "definition")
		d, err := procedure.Reference(name)
		if err != nil {
			t.Fatal(err)
		}
		future := gen.Future(t, shipped, 730)
		dx, err := procedure.Reference(name, procedure.WithCalendar(future))
		if err != nil {
			t.Fatal(err)
		}
		c, cx := d.NewCase("C-1"), dx.NewCase("C-1")
		// The first event falls in the last months of the coverage.
		first := (end - gen.DayOffset(t, 0, 120)).Time(9, deadline.ChinaStandardTime()).
			Add(time.Duration(rapid.IntRange(0, 10*60).Draw(t, "minute")) * time.Minute)
		for i := range rapid.IntRange(1, 30).Draw(t, "events") {
			e := gen.Event(t, dx, cx)
			if i == 0 {
				e.At = first
			}
			at := e.At.Add(time.Duration(rapid.IntRange(0, 20*24).Draw(t, "hours")) * time.Hour)
			switch rapid.IntRange(0, 4).Draw(t, "operation") {
			case 0:
				before := c.Clone()
				fired, err := d.Advance(ctx, c, at)
				firedX, errX := dx.Advance(ctx, cx, at)
				if err != nil {
					cannotCount(t, "Advance", err)
					if len(fired) == 0 && !cmp.Equal(c, before) {
						t.Fatalf("Advance refused, yet changed the case")
					}
					return // the cases part ways
				}
				if errX != nil || !cmp.Equal(fired, firedX) {
					t.Fatalf("Advance to %s fired %v; on a calendar that goes on, %v (%v)", at, fired, firedX, errX)
				}
			case 1:
				day := deadline.DateOf(at)
				due, err := d.Due(c, day)
				dueX, errX := dx.Due(cx, day)
				if err != nil {
					cannotCount(t, "Due", err)
					continue
				}
				// A status as of a day past the coverage says Provisional;
				// on the calendar that goes on, it need not. Where the
				// calendar stops before a due day, the working days left
				// are not known, and the count says how many there are
				// at least; the light is the same.
				if errX == nil && len(due) == len(dueX) {
					for i := range due {
						st, stX := due[i].Status, dueX[i].Status
						if st.WorkingDaysKnown || !stX.WorkingDaysKnown {
							continue
						}
						if stX.WorkingDaysLeft < st.WorkingDaysLeft || stX.WorkingDaysLeft > st.Remaining {
							t.Fatalf("Due on %s: %s has at least %d working days left; on a calendar that goes on, %d",
								day, due[i].Name, st.WorkingDaysLeft, stX.WorkingDaysLeft)
						}
						due[i].WorkingDaysLeft, due[i].WorkingDaysKnown = stX.WorkingDaysLeft, true
					}
				}
				if errX != nil || !cmp.Equal(due, dueX, cmpopts.IgnoreFields(deadline.Status{}, "Provisional")) {
					t.Fatalf("Due on %s: %+v; on a calendar that goes on, %+v (%v)", day, due, dueX, errX)
				}
			default:
				before := c.Clone()
				err := d.Fire(ctx, c, e)
				errX := dx.Fire(ctx, cx, e)
				switch {
				case errors.Is(err, procedure.ErrCannotCount):
					cannotCount(t, "Fire", err)
					if !cmp.Equal(c, before) {
						t.Fatalf("Fire refused, yet changed the case")
					}
					if errX == nil {
						return // the cases part ways
					}
				case err == nil && errX != nil:
					t.Fatalf("Fire %s at %s accepted; on a calendar that goes on, refused: %v", e.Trigger, e.At, errX)
				case err != nil && !sameSentinels(err, errX):
					t.Fatalf("Fire %s at %s refused: %v; on a calendar that goes on: %v", e.Trigger, e.At, err, errX)
				}
			}
			if !cmp.Equal(c, cx) {
				t.Fatalf("the cases differ: %s", cmp.Diff(c, cx))
			}
		}
	})
}

// TestCoverageEnd reproduces 行政许可法 Art 32 at the end of the shipped
// calendar: an application received on Friday 25 December 2026 is deemed
// accepted unless a 补正 notice comes within five working days. On 31
// December four of them have passed, whatever the next notice says of
// January: nothing is due. On 5 January it depends on the notice: the
// outcome is not guessed. A calendar extended with ExtendThrough answers,
// provisionally.
func TestCoverageEnd(t *testing.T) {
	ctx := context.Background()
	d := licDefinition(t)
	c := d.NewCase("XK-2026-1225")
	if err := d.Fire(ctx, c, procedure.Event{Trigger: "receive", At: licAt(2026, 12, 25), Actor: licClerk,
		Payload: map[string]string{"voucher": "收件"}}); err != nil {
		t.Fatal(err)
	}
	before := c.Clone()
	if fired, err := d.Advance(ctx, c, licAt(2026, 12, 31).Add(8*time.Hour)); err != nil || len(fired) != 0 {
		t.Fatalf("Advance to 31 December: %v, %v; want nothing due", fired, err)
	}
	fired, err := d.Advance(ctx, c, licAt(2027, 1, 5))
	if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) || len(fired) != 0 {
		t.Fatalf("Advance to 5 January: %v, %v; want ErrCannotCount and deadline.ErrOutOfCoverage", fired, err)
	}
	if diff := cmp.Diff(before, c); diff != "" {
		t.Fatalf("a refused Advance changed the case: %s", diff)
	}
	if _, err := d.Due(c, date.New(2026, 12, 28)); !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Fatalf("Due: %v; want ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}

	dw := extendedLicensing(t)
	due, err := dw.Due(c, date.New(2026, 12, 28))
	if err != nil || len(due) != 1 || !due[0].Provisional || due[0].Due != date.New(2027, 1, 1) {
		t.Fatalf("Due on an extended calendar: %+v, %v; want the notice clock due 2027-01-01, provisional", due, err)
	}
	fired, err = dw.Advance(ctx, c, licAt(2027, 1, 5))
	if err != nil || len(fired) != 1 || fired[0].Trigger != "deem_accepted" {
		t.Fatalf("Advance on an extended calendar: %v, %v; want deem_accepted", fired, err)
	}
}

// TestCoverageEndLight: a renewal applied for on 20 December 2026, the
// licence expiring on 20 February 2027 (行政许可法 Art 50), runs a limit
// of calendar days that does not roll. Its warning light counts the
// working days left (see deadline.Status.Level). On 28 December three
// working days of 2026 are still to come: green, whatever January holds.
// On 31 December none is, and the light turns on the next notice: Due
// does not guess. A calendar extended with ExtendThrough answers,
// provisionally.
func TestCoverageEndLight(t *testing.T) {
	ctx := context.Background()
	d := licDefinition(t)
	events := benchEvents()[:9]
	c, err := d.Replay(ctx, "XK-2026-1220", events)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Fire(ctx, c, procedure.Event{Trigger: "apply_renewal", At: licAt(2026, 12, 20), Actor: licClerk,
		Payload: map[string]string{"expires": "2027-02-20"}}); err != nil {
		t.Fatal(err)
	}
	due, err := d.Due(c, date.New(2026, 12, 28))
	if err != nil || len(due) != 1 || due[0].Name != "term" || due[0].Light != deadline.LevelGreen ||
		due[0].WorkingDaysKnown || due[0].WorkingDaysLeft != 3 || due[0].Remaining != 54 {
		t.Fatalf("Due on 28 December: %+v, %v; want the term green, at least 3 of 54 days working days", due, err)
	}
	_, err = d.Due(c, date.New(2026, 12, 31))
	if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) {
		t.Fatalf("Due on 31 December: %v; want ErrCannotCount and deadline.ErrOutOfCoverage", err)
	}
	dw := extendedLicensing(t)
	due, err = dw.Due(c, date.New(2026, 12, 31))
	if err != nil || len(due) != 1 || !due[0].Provisional || !due[0].WorkingDaysKnown || due[0].Light != deadline.LevelGreen {
		t.Fatalf("Due on an extended calendar: %+v, %v; want the term green, provisional", due, err)
	}
}

// extendedLicensing is the licensing definition on the shipped calendar
// extended through 2027 on the weekly pattern alone.
func extendedLicensing(t *testing.T) *procedure.Definition {
	t.Helper()
	wide, err := deadline.ChinaMainland().With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := procedure.Reference("licensing", procedure.WithCalendar(wide))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestViewClockCoverage: a Go guard reading a clock the calendar cannot
// count on the event's day does not decide the event: it is refused
// with ErrCannotCount, whatever the guard answers.
func TestViewClockCoverage(t *testing.T) {
	ctx := context.Background()
	for _, answer := range []bool{true, false} {
		d, err := procedure.New(guardedSpec(t), procedure.WithGuard("notice_running", func(_ context.Context, v procedure.View) bool {
			st, ok := v.Clock("notice")
			return ok && !st.Stopped && answer
		}))
		if err != nil {
			t.Fatal(err)
		}
		c := d.NewCase("G-1")
		if err := d.Fire(ctx, c, procedure.Event{Trigger: "receive", At: licAt(2026, 12, 25), Actor: licClerk,
			Payload: map[string]string{"voucher": "收件"}}); err != nil {
			t.Fatal(err)
		}
		// On 30 December the notice clock's due day is past the coverage,
		// but it is running: the guard decides.
		c30 := c.Clone()
		err = d.Fire(ctx, c30, procedure.Event{Trigger: "accept", At: licAt(2026, 12, 30), Actor: licClerk, Payload: licVoucher})
		if answer != (err == nil) || errors.Is(err, procedure.ErrCannotCount) {
			t.Errorf("guard answering %v on 30 December: %v", answer, err)
		}
		// On 4 January the calendar cannot count it.
		before := c.Clone()
		err = d.Fire(ctx, c, procedure.Event{Trigger: "accept", At: licAt(2027, 1, 4), Actor: licClerk, Payload: licVoucher})
		if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) {
			t.Errorf("guard answering %v on 4 January: %v; want ErrCannotCount", answer, err)
		}
		if diff := cmp.Diff(before, c); diff != "" {
			t.Errorf("a refused event changed the case: %s", diff)
		}
	}
}

// guardedSpec is the licensing definition with a Go guard,
// notice_running, on acceptance.
func guardedSpec(t *testing.T) procedure.Spec {
	s := licDefinition(t).Spec()
	for i := range s.Transitions {
		if s.Transitions[i].Trigger == "accept" {
			s.Transitions[i].Guards = append(s.Transitions[i].Guards,
				procedure.GuardSpec{Kind: procedure.GuardCustom, Key: "notice_running", Desc: "补正告知期限未届满", DescEN: "the notice period is running"})
		}
	}
	return s
}
