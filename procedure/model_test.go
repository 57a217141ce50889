package procedure_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// oracleHolds evaluates a guard the plain way.
func oracleHolds(d *procedure.Definition, c *procedure.Case, e procedure.Event, g procedure.GuardSpec) bool {
	present := func(v string) bool {
		if g.Value == "" {
			return v != ""
		}
		return v == g.Value
	}
	var ok bool
	status := func(name string) (deadline.Status, bool) {
		clk, found := c.Clock(name)
		if !found {
			return deadline.Status{}, false
		}
		st, err := clk.Status(d.Calendar(), deadline.DateOf(e.At))
		return st, err == nil
	}
	switch g.Kind {
	case procedure.GuardPayload:
		ok = present(e.Payload[g.Key])
	case procedure.GuardFact:
		ok = present(c.Facts[g.Key])
	case procedure.GuardClockRunning:
		st, found := status(g.Key)
		ok = found && !st.Stopped
	case procedure.GuardClockStopped:
		st, found := status(g.Key)
		ok = found && st.Stopped
	case procedure.GuardClockExpired:
		st, found := status(g.Key)
		ok = found && st.Due != 0 && !e.At.Before((deadline.OfficeHours{}).LastMoment(st.Due))
	case procedure.GuardClocksStopped:
		n := 0
		ok = true
		for _, cc := range c.Clocks {
			if cc.Spec == g.Key {
				n++
				if st, err := cc.Clock.Status(d.Calendar(), deadline.DateOf(e.At)); err != nil || !st.Stopped {
					ok = false
				}
			}
		}
		ok = ok && n > 0
	case procedure.GuardAtMost, procedure.GuardAtLeast:
		// Compare as exact decimals, the plain way: by big.Rat.
		bound := g.Value
		if g.Than != "" {
			bound = c.Facts[g.Than]
		}
		v, ok1 := new(big.Rat).SetString(e.Payload[g.Key])
		limit, ok2 := new(big.Rat).SetString(bound)
		if ok1 && ok2 {
			c := v.Cmp(limit)
			ok = (g.Kind == procedure.GuardAtMost && c <= 0) || (g.Kind == procedure.GuardAtLeast && c >= 0)
		}
	case procedure.GuardDateReached:
		day, err := deadline.ParseDate(c.Facts[g.Key])
		n, _ := strconv.Atoi(g.Value)
		ok = err == nil && int(deadline.DateOf(e.At)-day) >= n
	case procedure.GuardWithin:
		n, _ := strconv.Atoi(g.Value)
		for _, cc := range c.Clocks {
			if cc.Name == g.Key {
				ok = int(deadline.DateOf(e.At)-cc.Clock.Started()) <= n
			}
		}
	case procedure.GuardInPeriod:
		// The period's last day, rolled as the rule says, on the calendar
		// extended past its coverage by the weekly pattern: an end past
		// the coverage lies after any covered day tested, whatever the
		// unknown holidays. The day tested is the payload's On, or the
		// event's.
		event := deadline.DateOf(e.At)
		from, err := deadline.ParseDate(e.Payload[g.Key])
		on := event
		if g.On != "" && err == nil {
			on, err = deadline.ParseDate(e.Payload[g.On])
		}
		r, _ := d.Rule(g.Value)
		if err == nil && from <= on && on <= event {
			end, err := wideCalendar(d).End(from, r.Period, r.Roll)
			ok = err == nil && on <= end.Date
		}
	case procedure.GuardSinceDue:
		// The period from the due day of clock Key, counted as for
		// in_period.
		st, found := status(g.Key)
		r, _ := d.Rule(g.Value)
		if found && st.Due != 0 {
			end, err := wideCalendar(d).End(st.Due, r.Period, r.Roll)
			ok = err == nil && deadline.DateOf(e.At) <= end.Date
		}
	case procedure.GuardOutsideRest:
		// The plain way: the event's time of day in China Standard Time
		// against the night, and what the calendar says of its day.
		if g.Key != "" && e.Payload[g.Key] != "" {
			ok = true
			break
		}
		r := d.RestTime()
		at := e.At.In(deadline.ChinaStandardTime())
		tod := time.Duration(at.Hour())*time.Hour + time.Duration(at.Minute())*time.Minute +
			time.Duration(at.Second())*time.Second + time.Duration(at.Nanosecond())
		from, to := time.Duration(r.NightFrom), time.Duration(r.NightTo)
		night := from < to && from <= tod && tod < to || from > to && (tod >= from || tod < to)
		day, err := d.Calendar().Day(deadline.DateOf(at))
		restDay := err == nil && (r.HolidaysOnly && day.Kind == deadline.KindHoliday || !r.HolidaysOnly && !day.Working)
		ok = !night && err == nil && !restDay
	case procedure.GuardDaysBefore:
		num, unit, _ := strings.Cut(g.Value, " ")
		n, _ := strconv.Atoi(num)
		day, err := deadline.ParseDate(e.Payload[g.Key])
		from := deadline.DateOf(e.At)
		if err != nil {
			break
		}
		if unit != "working_days" {
			ok = int(day-from) >= n
			break
		}
		// Count the working days after the event's day up to the date,
		// one day at a time.
		k := 0
		for x := from + 1; x <= day && k < n; x++ {
			if w, err := d.Calendar().IsWorkingDay(x); err == nil && w {
				k++
			}
		}
		ok = day >= from && k >= n
	}
	return ok != g.Not
}

// wideCalendars holds, by calendar, the calendar extended through 2100
// by the weekly pattern.
var wideCalendars sync.Map

// wideCalendar is d's calendar extended through 2100 by the weekly
// pattern.
func wideCalendar(d *procedure.Definition) *deadline.Calendar {
	if wide, ok := wideCalendars.Load(d.Calendar()); ok {
		return wide.(*deadline.Calendar)
	}
	wide, err := d.Calendar().With(deadline.ExtendThrough(date.New(2100, 12, 31)))
	if err != nil {
		panic(err)
	}
	wideCalendars.Store(d.Calendar(), wide)
	return wide
}

// oracleStep is the switch-based transition table: the one transition
// from the case's state on the event's trigger whose guards all hold.
func oracleStep(d *procedure.Definition, c *procedure.Case, e procedure.Event) (procedure.TransitionSpec, bool) {
	var found []procedure.TransitionSpec
	for _, t := range gen.SpecOf(d).Transitions {
		if t.From != c.State || t.Trigger != e.Trigger {
			continue
		}
		if !slices.ContainsFunc(t.Guards, func(g procedure.GuardSpec) bool { return !oracleHolds(d, c, e, g) }) {
			found = append(found, t)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return procedure.TransitionSpec{}, false
}

// oracleUnmet is what a refusal reports, the plain way: the failed
// guards of the transitions out of the case's state on the event's
// trigger, in the order declared, narrowed to the transitions whose
// discriminators all held when some but not all did. A discriminator is
// a guard that cannot hold together with some guard of another of those
// transitions: the same test negated, two different values of one
// payload or fact key, a key absent and a value of it, or bounds on one
// number that do not overlap.
func oracleUnmet(d *procedure.Definition, c *procedure.Case, e procedure.Event) []string {
	var cands []procedure.TransitionSpec
	for _, t := range gen.SpecOf(d).Transitions {
		if t.From == c.State && t.Trigger == e.Trigger {
			cands = append(cands, t)
		}
	}
	disjoint := func(x, y procedure.GuardSpec) bool {
		if x.Key != y.Key || x.Than != y.Than {
			return false
		}
		if x.Kind == y.Kind && x.Value == y.Value && x.Not != y.Not {
			return true
		}
		if x.Kind == y.Kind && (x.Kind == procedure.GuardPayload || x.Kind == procedure.GuardFact) &&
			!x.Not && !y.Not && x.Value != "" && y.Value != "" && x.Value != y.Value {
			return true
		}
		if x.Kind == y.Kind && (x.Kind == procedure.GuardPayload || x.Kind == procedure.GuardFact) &&
			(x.Not && x.Value == "" && !y.Not && y.Value != "" || y.Not && y.Value == "" && !x.Not && x.Value != "") {
			return true
		}
		if x.Not || y.Not || x.Kind == y.Kind {
			return false
		}
		lo, hi := x, y // at_least lo, at_most hi
		if lo.Kind == procedure.GuardAtMost {
			lo, hi = y, x
		}
		if lo.Kind != procedure.GuardAtLeast || hi.Kind != procedure.GuardAtMost {
			return false
		}
		l, ok1 := new(big.Rat).SetString(lo.Value)
		h, ok2 := new(big.Rat).SetString(hi.Value)
		return ok1 && ok2 && l.Cmp(h) > 0
	}
	type failure struct {
		t    int
		desc string
	}
	var failed []failure
	meant := make([]bool, len(cands))
	n := 0
	for i, t := range cands {
		meant[i] = true
		for _, g := range t.Guards {
			if oracleHolds(d, c, e, g) {
				continue
			}
			failed = append(failed, failure{i, g.Desc + " / " + g.DescEN})
			for j, u := range cands {
				if j != i && slices.ContainsFunc(u.Guards, func(y procedure.GuardSpec) bool { return disjoint(g, y) }) {
					meant[i] = false
				}
			}
		}
		if meant[i] {
			n++
		}
	}
	var out []string
	for _, f := range failed {
		if (n == 0 || n == len(cands) || meant[f.t]) && !slices.Contains(out, f.desc) {
			out = append(out, f.desc)
		}
	}
	return out
}

// oracleValid says whether the event passes the checks before any
// transition: a known trigger, an instant, an actor, time order, and no
// automatic outcome already due.
func oracleValid(d *procedure.Definition, c *procedure.Case, e procedure.Event) error {
	spec := gen.SpecOf(d)
	if e.Trigger == "" || !slices.ContainsFunc(spec.Triggers, func(t procedure.TriggerSpec) bool { return t.ID == e.Trigger }) ||
		e.At.IsZero() || e.Actor.Officer == "" || e.Actor.Unit == "" ||
		(len(c.Events) > 0 && e.At.Before(c.Events[len(c.Events)-1].At)) {
		return procedure.ErrInvalidEvent
	}
	if malformedPayload(d, c, e) {
		return procedure.ErrInvalidEvent
	}
	for _, t := range spec.Timeouts {
		if !slices.Contains(t.States, c.State) {
			continue
		}
		clk, ok := c.Clock(t.Clock)
		if !ok {
			continue
		}
		due, err := clk.Due(d.Calendar())
		if err != nil || due == 0 {
			continue
		}
		if st, _ := clk.Status(d.Calendar(), due); st.Stopped {
			continue
		}
		if !e.At.Before((deadline.OfficeHours{}).LastMoment(due)) {
			return procedure.ErrExpired
		}
	}
	return nil
}

// number is the form of a decimal number, as at_most and at_least read
// one.
var number = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// malformedPayload says whether the event gives, for a step out of the
// case's state, a payload value a guard of the step reads as a flag, a
// number or a date, or that it records as a fact a guard reads so, in
// another form.
func malformedPayload(d *procedure.Definition, c *procedure.Case, e procedure.Event) bool {
	spec, kinds := gen.SpecOf(d), gen.KindsOf(d)
	bad := func(key, kind string) bool {
		v := e.Payload[key]
		if v == "" {
			return false
		}
		switch kind {
		case "flag":
			return v != "true" && v != "false"
		case "number":
			return !number.MatchString(v)
		case "date":
			_, err := deadline.ParseDate(v)
			return err != nil
		}
		return false
	}
	for _, t := range spec.Transitions {
		if t.From != c.State || t.Trigger != e.Trigger {
			continue
		}
		for _, g := range t.Guards {
			switch g.Kind {
			case procedure.GuardPayload:
				if (g.Value == "true" || g.Value == "false") && bad(g.Key, "flag") {
					return true
				}
			case procedure.GuardAtMost, procedure.GuardAtLeast:
				if bad(g.Key, "number") {
					return true
				}
			case procedure.GuardDaysBefore, procedure.GuardInPeriod:
				if bad(g.Key, "date") || (g.On != "" && bad(g.On, "date")) {
					return true
				}
			}
		}
		for _, k := range t.Record {
			if bad(k, kinds[k]) {
				return true
			}
		}
	}
	return false
}

// sameCase compares cases, instants by Equal and clocks by Equal, and
// describes the difference.
func sameCase(a, b *procedure.Case) string {
	return cmp.Diff(a, b)
}

// equalCases is sameCase without reflection, for checks run after every
// step: field by field, instants by Equal, clocks by Equal.
func equalCases(a, b *procedure.Case) bool {
	if a.ID != b.ID || a.Definition != b.Definition || a.Version != b.Version || a.State != b.State ||
		len(a.Events) != len(b.Events) || len(a.Clocks) != len(b.Clocks) || !maps.Equal(a.Facts, b.Facts) {
		return false
	}
	for i, e := range a.Events {
		f := b.Events[i]
		if e.Trigger != f.Trigger || !e.At.Equal(f.At) || e.Actor != f.Actor || e.Reason != f.Reason || e.Auto != f.Auto || !maps.Equal(e.Payload, f.Payload) {
			return false
		}
	}
	for i, c := range a.Clocks {
		o := b.Clocks[i]
		if c.Name != o.Name || c.Spec != o.Spec || !c.Clock.Equal(o.Clock) {
			return false
		}
	}
	return true
}

// rebuiltClock replays a clock's ledger with the deadline package
// directly.
func rebuiltClock(d *procedure.Definition, cc procedure.CaseClock) (deadline.Clock, error) {
	clk, err := deadline.Start(cc.Clock.Rule(), cc.Clock.Started())
	if err != nil {
		return clk, err
	}
	for _, e := range cc.Clock.Ledger() {
		if clk, err = clk.Apply(d.Calendar(), e); err != nil {
			return clk, err
		}
	}
	return clk, nil
}

// TestReferenceModels runs random event sequences through every
// reference definition against the switch-based table and the
// invariants of a case.
func TestReferenceModels(t *testing.T) {
	for _, name := range procedure.ReferenceNames() {
		t.Run(name, func(t *testing.T) {
			d, err := procedure.Reference(name)
			if err != nil {
				t.Fatal(err)
			}
			rapid.Check(t, func(t *rapid.T) { runModel(t, d, d.NewCase("M-1")) })
		})
	}
}

var modelSeen func(procedure.State)

// runModel fires random events and advances on a copy of case start,
// checking each against the table, and the whole log at the end.
func runModel(t *rapid.T, d *procedure.Definition, start *procedure.Case) {
	ctx := context.Background()
	c := start.Clone()
	accepted := 0
	var states []procedure.State
	for _, st := range gen.SpecOf(d).States {
		states = append(states, st.ID)
	}
	t.Repeat(map[string]func(*rapid.T){
		"fire": func(t *rapid.T) {
			e := gen.Event(t, d, c)
			if rapid.Bool().Draw(t, "a step meant to be allowed") {
				e = gen.Step(t, d, c)
			}
			before := c.Clone()
			wantErr := oracleValid(d, c, e)
			step, ok := oracleStep(d, c, e)
			err := d.Fire(ctx, c, e)
			switch {
			case wantErr != nil:
				if !errors.Is(err, wantErr) {
					t.Fatalf("event %+v: error %v, want %v", e, err, wantErr)
				}
			case !ok:
				if !errors.Is(err, procedure.ErrInvalidTransition) {
					t.Fatalf("event %+v in %s: the table allows no step, Fire said %v", e, before.State, err)
				}
				var pe *procedure.Error
				if errors.As(err, &pe) && !errors.Is(err, procedure.ErrInvalidDefinition) {
					if want := oracleUnmet(d, before, e); !slices.Equal(pe.Unmet, want) {
						t.Fatalf("event %+v in %s: unmet %q, the table says %q", e, before.State, pe.Unmet, want)
					}
				}
			case err != nil:
				// The table allows the step; only a clock effect may refuse it.
				if !errors.Is(err, procedure.ErrInvalidTransition) && !errors.Is(err, procedure.ErrInvalidEvent) {
					t.Fatalf("event %+v in %s: the table allows %s -> %s, Fire said %v", e, before.State, step.From, step.To, err)
				}
			default:
				if c.State != step.To {
					t.Fatalf("event %+v: moved to %s, the table says %s", e, c.State, step.To)
				}
				accepted++
			}
			if err != nil {
				if !equalCases(before, c) {
					t.Fatalf("a refused event changed the case: %v\n%s", err, sameCase(before, c))
				}
				var pe *procedure.Error
				if !errors.As(err, &pe) {
					t.Fatalf("%T is not a *procedure.Error", err)
				}
			}
			if d.IsTerminal(before.State) && c.State != before.State {
				t.Fatalf("left terminal state %s", before.State)
			}
		},
		"advance": func(t *rapid.T) {
			if len(c.Events) == 0 {
				return
			}
			asOf := c.Events[len(c.Events)-1].At.Add(time.Duration(rapid.IntRange(0, 40).Draw(t, "days")) * 24 * time.Hour)
			once := c.Clone()
			if _, err := d.Advance(ctx, c, asOf); err != nil {
				if !errors.Is(err, procedure.ErrInvalidTransition) && !errors.Is(err, procedure.ErrInvalidEvent) {
					t.Fatalf("Advance: %v", err)
				}
				*c = *once
				return
			}
			again := c.Clone()
			if more, err := d.Advance(ctx, again, asOf); err != nil || len(more) != 0 || !equalCases(c, again) {
				t.Fatalf("Advance is not idempotent: %d more events, %v", len(more), err)
			}
			if more, err := d.Advance(ctx, again, once.Events[len(once.Events)-1].At); err != nil || len(more) != 0 {
				t.Fatalf("Advance to an earlier instant fired %d events, %v", len(more), err)
			}
		},
		"": func(t *rapid.T) {
			if !slices.Contains(states, c.State) {
				t.Fatalf("undefined state %q", c.State)
			}
			if modelSeen != nil {
				modelSeen(c.State)
			}
		},
	})
	// The whole log at the end: the replay covers every event, so these
	// checks need not run after each step.
	{
		{
			replayed, err := d.Replay(ctx, c.ID, c.Events)
			if err != nil {
				t.Fatalf("Replay: %v", err)
			}
			if diff := sameCase(c, replayed); diff != "" {
				t.Fatalf("replay differs (-live +replay):\n%s", diff)
			}
			// Rebuild, handed a copy of the log, builds the same case on
			// it.
			handed := c.Clone().Events
			rebuilt, err := d.Rebuild(ctx, c.ID, handed)
			if err != nil {
				t.Fatalf("Rebuild: %v", err)
			}
			if diff := sameCase(c, rebuilt); diff != "" {
				t.Fatalf("rebuild differs (-live +rebuilt):\n%s", diff)
			}
			if len(handed) > 0 && &rebuilt.Events[0] != &handed[0] {
				t.Fatalf("Rebuild copied the log it was handed")
			}
			for _, cc := range c.Clocks {
				direct, err := rebuiltClock(d, cc)
				if err != nil || !direct.Equal(cc.Clock) {
					t.Fatalf("clock %s differs from its ledger replayed with deadline: %v", cc.Name, err)
				}
			}
			data, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var back procedure.Case
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("case JSON: %v", err)
			}
			if diff := sameCase(c, &back); diff != "" {
				t.Fatalf("case JSON round trip differs:\n%s", diff)
			}
		}
	}
}
