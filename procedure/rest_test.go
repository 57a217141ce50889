package procedure_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2/clock"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// xnAtMinute is the given minute and second of a day, China Standard
// Time.
func xnAtMinute(y int, m time.Month, d, hour, minute, second int) time.Time {
	return time.Date(y, m, d, hour, minute, second, 0, deadline.ChinaStandardTime())
}

// TestPenaltyRestTime: the agency that enforces a fine itself may not
// do so at night or on a statutory holiday, save in an emergency
// (行政强制法 Art 43 ¶1). penDemanded's fine may be enforced from Fri 27
// March 2026, once the add-on has run thirty days and the demand's time
// has passed (Art 46 ¶1, Art 37).
func TestPenaltyRestTime(t *testing.T) {
	d := xnDefinition(t, "penalty")
	urgent := with(enSelf, "urgency", "当事人正在转移财物")

	for _, tc := range []struct {
		name string
		at   time.Time
		ok   bool
	}{
		{"Fri 27 Mar 2026 at 21:59:59: daytime of a working day", xnAtMinute(2026, 3, 27, 21, 59, 59), true},
		{"Fri 27 Mar 2026 at 22:00: night begins", xnAtMinute(2026, 3, 27, 22, 0, 0), false},
		{"Mon 30 Mar 2026 at 05:59:59: still night", xnAtMinute(2026, 3, 30, 5, 59, 59), false},
		{"Mon 30 Mar 2026 at 06:00: night is over", xnAtMinute(2026, 3, 30, 6, 0, 0), true},
		// The Supreme People's Court's reply (2016)最高法行他81号, reading
		// Art 43 ¶1 with Art 69: no forced demolition on a Saturday.
		{"Sat 28 Mar 2026 at 10:00: a weekly rest day", xnDay(2026, 3, 28), false},
		{"Sat 4 Apr 2026 at 10:00: 清明节", xnDay(2026, 4, 4), false},
		{"Fri 1 May 2026 at 10:00: 劳动节", xnDay(2026, 5, 1), false},
		{"Sat 9 May 2026 at 10:00: a make-up working day", xnDay(2026, 5, 9), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := penDemanded(t, d, "RT-1")
			step := xnStep{trigger: "enforce", at: tc.at, payload: enSelf, state: "enforcement"}
			if !tc.ok {
				step = xnStep{trigger: "enforce", at: tc.at, payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"urgency"}}
			}
			xnContinue(t, d, c, []xnStep{step})
			if tc.ok {
				xnReplay(t, d, c)
				return
			}
			// Art 43 ¶1's exception: in an emergency, stated, the agency
			// may enforce all the same, and the case records why.
			xnContinue(t, d, c, []xnStep{{trigger: "enforce", at: tc.at, payload: urgent, state: "enforcement"}})
			xnFacts(t, c, map[string]string{"urgency": "当事人正在转移财物"})
			xnReplay(t, d, c)
		})
	}

	t.Run("the narrower reading: holidays only, not the weekly rest days", func(t *testing.T) {
		r := procedure.DefaultRestTime()
		r.HolidaysOnly = true
		dh, err := procedure.Reference("penalty", procedure.WithRestTime(r))
		if err != nil {
			t.Fatal(err)
		}
		xnContinue(t, dh, penDemanded(t, dh, "RT-2"), []xnStep{
			{trigger: "enforce", at: xnDay(2026, 4, 4), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"urgency"}},
			{trigger: "enforce", at: xnAt(2026, 4, 7, 23), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"urgency"}},
			{trigger: "enforce", at: xnDay(2026, 4, 11), payload: enSelf, state: "enforcement"},
		})
	})

	t.Run("a city's own night, 23:00 to 07:00", func(t *testing.T) {
		dc, err := procedure.Reference("penalty", procedure.WithRestTime(procedure.RestTime{NightFrom: clock.New(23, 0, 0, 0), NightTo: clock.New(7, 0, 0, 0)}))
		if err != nil {
			t.Fatal(err)
		}
		xnContinue(t, dc, penDemanded(t, dc, "RT-3"), []xnStep{
			{trigger: "enforce", at: xnAtMinute(2026, 3, 30, 6, 30, 0), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"urgency"}},
			{trigger: "enforce", at: xnAtMinute(2026, 3, 30, 22, 30, 0), payload: enSelf, state: "enforcement"},
		})
	})

	t.Run("Art 43 binds the agency's own enforcement, not its application to the court", func(t *testing.T) {
		// penDemanded's fine, not challenged: the court is open from 4
		// August 2026 (Art 53), a Tuesday; the application is filed at
		// night all the same.
		xnContinue(t, d, penDemanded(t, d, "RT-4"), []xnStep{
			{trigger: "enforce", at: xnAt(2026, 8, 4, 23), payload: chCourt, state: "enforcement"},
		})
	})

	t.Run("the on-the-spot procedure", func(t *testing.T) {
		ds := xnDefinition(t, "penalty-simplified")
		for _, tr := range ds.Spec().Transitions {
			if tr.Trigger != "enforce" || !hasGuard(tr, procedure.GuardPayload, "route", "self") {
				continue
			}
			if !hasGuard(tr, procedure.GuardOutsideRest, "urgency", "") {
				t.Errorf("%s -enforce-> %s (%s) does not keep Art 43 ¶1", tr.From, tr.To, tr.Citation)
			}
		}
	})
}

// hasGuard reports whether transition tr has a guard of the kind, key
// and value given.
func hasGuard(tr procedure.TransitionSpec, kind procedure.GuardKind, key, value string) bool {
	for _, g := range tr.Guards {
		if g.Kind == kind && g.Key == key && g.Value == value {
			return true
		}
	}
	return false
}

// restSpec is a definition with one step guarded by outside_rest, with
// the exception key "urgency".
func restSpec(t *testing.T) *procedure.Definition {
	t.Helper()
	cite := xiaoneng.Citation{Law: "行政强制法", Article: 43, Paragraph: 1}
	spec := procedure.Spec{
		ID: "rest", Version: "1", Name: "强制执行", NameEN: "enforcement", Initial: "open",
		States: []procedure.StateSpec{
			{ID: "open", Name: "待执行", NameEN: "open"},
			{ID: "done", Name: "已执行", NameEN: "done", Terminal: true},
		},
		Triggers: []procedure.TriggerSpec{{ID: "enforce", Name: "强制执行", NameEN: "enforce"}},
		Transitions: []procedure.TransitionSpec{{From: "open", Trigger: "enforce", To: "done", Citation: cite,
			Guards: []procedure.GuardSpec{{Kind: procedure.GuardOutsideRest, Key: "urgency", Desc: "不得在夜间或者法定节假日实施", DescEN: "not at night or on a holiday", Citation: cite}}}},
	}
	d, err := procedure.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestOutsideRestCoverage: the guard needs the calendar only for the
// day of an event by daytime. On a day the calendar does not cover, an
// event by daytime is refused with ErrCannotCount, as whether the day is
// a rest day is not known; one at night, or in a stated emergency, is
// answered.
func TestOutsideRestCoverage(t *testing.T) {
	d := restSpec(t)
	ctx := context.Background()
	fire := func(at time.Time, payload map[string]string) error {
		return d.Fire(ctx, d.NewCase("R-1"), procedure.Event{Trigger: "enforce", At: at, Actor: xnOfficer, Payload: payload})
	}
	// 10:00 on the day after the calendar's last.
	_, last := d.Calendar().Coverage()
	past := (last + 1).Time(0, deadline.ChinaStandardTime()).Add(10 * time.Hour)

	err := fire(past, nil)
	var pe *procedure.Error
	if !errors.Is(err, procedure.ErrCannotCount) || !errors.Is(err, deadline.ErrOutOfCoverage) || !errors.As(err, &pe) || !strings.Contains(pe.Detail, "day of the event") {
		t.Errorf("by day past the coverage: %v, want ErrCannotCount naming the day of the event", err)
	}
	if err := fire(past.Add(13*time.Hour), nil); !errors.Is(err, procedure.ErrInvalidTransition) || !errors.As(err, &pe) || len(pe.Unmet) != 1 {
		t.Errorf("at night past the coverage: %v, want ErrInvalidTransition with the guard unmet", err)
	}
	if err := fire(past, map[string]string{"urgency": "危及公共安全"}); err != nil {
		t.Errorf("an emergency past the coverage: %v", err)
	}
}

// TestWithRestTimeRejectsBounds: a bound of the night that is not a time
// of day is a problem of the definition, named.
func TestWithRestTimeRejectsBounds(t *testing.T) {
	for _, r := range []procedure.RestTime{
		{NightFrom: clock.New(24, 0, 0, 0), NightTo: clock.New(6, 0, 0, 0)},
		{NightFrom: clock.New(22, 0, 0, 0), NightTo: -clock.Minute},
	} {
		_, err := procedure.Reference("penalty", procedure.WithRestTime(r))
		if !errors.Is(err, procedure.ErrInvalidDefinition) || !strings.Contains(err.Error(), "rest time: Night") {
			t.Errorf("%+v: %v, want ErrInvalidDefinition naming the bound", r, err)
		}
	}
	if _, err := procedure.DefaultRestTime().Contains(nil, time.Now()); !errors.Is(err, deadline.ErrInvalidCalendar) {
		t.Errorf("no calendar: %v, want ErrInvalidCalendar", err)
	}
}

// TestRestTimeContains checks RestTime.Contains against the plain way,
// for any night (across midnight or not, or none), either reading of
// the rest days, and instants in any zone, near the bounds of the night
// as often as not: the time of day counted from the instant's Unix
// seconds shifted to UTC+8, and the calendar's word on its day.
func TestRestTimeContains(t *testing.T) {
	cal := deadline.ChinaMainland()
	from, to := cal.Coverage()
	rapid.Check(t, func(t *rapid.T) {
		r := gen.RestTime(t)
		at := gen.InstantNear(t, from, to, r.NightFrom, r.NightTo)
		got, err := r.Contains(cal, at)
		if err != nil {
			t.Fatal(err)
		}
		secs := (at.Unix() + 8*3600) % 86400
		if secs < 0 {
			secs += 86400
		}
		tod := time.Duration(secs)*time.Second + time.Duration(at.Nanosecond())
		lo, hi := time.Duration(r.NightFrom), time.Duration(r.NightTo)
		night := false
		switch {
		case lo < hi:
			night = lo <= tod && tod < hi
		case lo > hi:
			night = !(hi <= tod && tod < lo)
		}
		day, err := cal.Day(deadline.DateOf(at))
		if err != nil {
			t.Fatal(err)
		}
		rest := !day.Working
		if r.HolidaysOnly {
			rest = day.Kind == deadline.KindHoliday
		}
		if want := night || rest; got != want {
			t.Fatalf("%s (%s, %s): Contains %v, want %v (night %v, rest day %v)", at, tod, day.Kind, got, want, night, rest)
		}
		if r.IsNight(at) != night {
			t.Fatalf("%s: IsNight %v, want %v", at, !night, night)
		}
	})
}
