package procedure

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
	"unicode"

	"github.com/qmuntal/stateless"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// firing is one call's view of the machine: the case, the event, the
// state stateless reads and writes, and what the guards found.
//
// A firing is also the context the machine fires with: it answers
// Value(firingKey{}) with itself and passes everything else to the
// caller's context, so the machine's state accessor and the guards find
// it without a context.WithValue allocation.
type firing struct {
	context.Context
	d     *Definition
	c     *Case
	e     *Event // points to ev
	ev    Event
	state stateless.State // the case's state, boxed once by compile
	fired int
	unmet []string
}

type firingKey struct{}

// Value returns the firing itself for firingKey, and asks the caller's
// context otherwise.
func (f *firing) Value(key any) any {
	if _, ok := key.(firingKey); ok {
		return f
	}
	return f.Context.Value(key)
}

// firingOf returns the firing a context carries.
func firingOf(ctx context.Context) (*firing, bool) {
	if f, ok := ctx.(*firing); ok {
		return f, true
	}
	f, ok := ctx.Value(firingKey{}).(*firing)
	return f, ok
}

// compile builds the definition's stateless machine: states and
// transitions, each transition guarded by one function that evaluates its
// guards and records which transition passed.
func (d *Definition) compile() {
	m := stateless.NewStateMachineWithExternalStorage(
		func(ctx context.Context) (stateless.State, error) {
			f, ok := firingOf(ctx)
			if !ok {
				return nil, fmt.Errorf("%w: fired without a case", ErrInvalidEvent)
			}
			return f.state, nil
		},
		func(ctx context.Context, s stateless.State) error {
			f, ok := firingOf(ctx)
			if !ok {
				return fmt.Errorf("%w: fired without a case", ErrInvalidEvent)
			}
			f.state = s
			return nil
		},
		stateless.FiringImmediate,
	)
	m.OnUnhandledTrigger(func(ctx context.Context, s stateless.State, t stateless.Trigger, _ []string) error {
		f, _ := firingOf(ctx)
		e := &Error{Op: "Fire", State: s.(State), Trigger: t.(Trigger), Err: ErrInvalidTransition}
		if f != nil {
			e.Case, e.Unmet = f.c.ID, slices.Clone(f.unmet)
		}
		if len(e.Unmet) == 0 {
			e.Detail = "the definition allows no such step from this state"
		}
		return e
	})
	for _, st := range d.spec.States {
		m.Configure(d.states[st.ID].boxed)
	}
	d.guards = make([]stateless.GuardFunc, len(d.spec.Transitions))
	for i, t := range d.spec.Transitions {
		guard := d.guardFunc(i)
		d.guards[i] = guard
		cfg := m.Configure(t.From)
		if t.From == t.To {
			cfg.InternalTransition(t.Trigger, func(context.Context, ...any) error { return nil }, guard)
		} else {
			cfg.Permit(t.Trigger, t.To, guard)
		}
	}
	d.machine = m
}

// guardFunc returns the stateless guard of transition i.
func (d *Definition) guardFunc(i int) stateless.GuardFunc {
	t := &d.spec.Transitions[i]
	return func(ctx context.Context, _ ...any) bool {
		f, ok := firingOf(ctx)
		if !ok {
			return false
		}
		pass := true
		for _, g := range t.Guards {
			if !d.holds(ctx, g, f) {
				f.unmet = append(f.unmet, g.Desc+" / "+g.DescEN)
				pass = false
			}
		}
		if pass {
			f.fired = i
		}
		return pass
	}
}

// holds evaluates one guard.
func (d *Definition) holds(ctx context.Context, g GuardSpec, f *firing) bool {
	var ok bool
	present := func(v string) bool {
		if g.Value == "" {
			return v != ""
		}
		return v == g.Value
	}
	switch g.Kind {
	case GuardPayload:
		ok = present(f.e.Payload[g.Key])
	case GuardFact:
		ok = present(f.c.Facts[g.Key])
	case GuardClockRunning, GuardClockStopped, GuardClockExpired:
		clk, found := f.c.Clock(g.Key)
		if found {
			st, err := clk.Status(d.cal, deadline.DateOf(f.e.At))
			switch {
			case err != nil:
			case g.Kind == GuardClockRunning:
				ok = !st.Stopped
			case g.Kind == GuardClockStopped:
				ok = st.Stopped
			default:
				ok = st.Due != 0 && !f.e.At.Before(d.hours.LastMoment(st.Due))
			}
		}
	case GuardClocksStopped:
		n := 0
		ok = true
		for _, cc := range f.c.Clocks {
			if cc.Spec != g.Key {
				continue
			}
			n++
			if st, err := cc.Clock.Status(d.cal, deadline.DateOf(f.e.At)); err != nil || !st.Stopped {
				ok = false
			}
		}
		ok = ok && n > 0
	case GuardDaysBefore:
		n, _ := strconv.Atoi(g.Value)
		if day, err := deadline.ParseDate(f.e.Payload[g.Key]); err == nil {
			ok = int64(day-deadline.DateOf(f.e.At)) >= int64(n)
		}
	case GuardAtMost, GuardAtLeast:
		v, err1 := decimal.NewFromString(f.e.Payload[g.Key])
		limit, err2 := decimal.NewFromString(g.Value)
		if err1 == nil && err2 == nil {
			c := v.Cmp(limit)
			ok = (g.Kind == GuardAtMost && c <= 0) || (g.Kind == GuardAtLeast && c >= 0)
		}
	case GuardCustom:
		if fn := d.goGuards[g.Key]; fn != nil {
			ok = fn(ctx, View{f})
		}
	}
	return ok != g.Not
}

// Fire applies event e to case c: it finds the transition the definition
// allows from c's state on e's trigger whose guards hold, applies the
// transition's clock effects on e's day (its instant in China Standard
// Time), records its facts, moves the case and appends e to the log.
//
// A refused event leaves c unchanged and returns an [*Error] wrapping
// [ErrInvalidTransition] (with the state, the trigger and the unmet
// guards), [ErrInvalidEvent], [ErrExpired] (the law already decided: call
// [Definition.Advance]) or [ErrWrongDefinition]. Events of one case come
// in time order; an event earlier than the last is refused. Automatic
// events (Auto) come only from Advance and Replay.
//
// ctx reaches the Go guards registered with [WithGuard].
func (d *Definition) Fire(ctx context.Context, c *Case, e Event) error {
	if err := d.check("Fire", c, &e); err != nil {
		return err
	}
	if e.Auto {
		return d.eventError("Fire", c, e, ErrInvalidEvent, "automatic outcomes are applied by Advance")
	}
	if err := d.checkExpired("Fire", c, e); err != nil {
		return err
	}
	return d.apply(ctx, "Fire", c, e)
}

func (d *Definition) eventError(op string, c *Case, e Event, err error, detail string) *Error {
	id := ""
	var st State
	if c != nil {
		id, st = c.ID, c.State
	}
	return &Error{Op: op, Case: id, State: st, Trigger: e.Trigger, Err: err, Detail: detail}
}

// eventDay returns the day an event's clock effects apply on: its date in
// China Standard Time; for a filing (TransitionSpec.Receipt) under office
// hours that defer, the day it counts as received; for an automatic
// outcome, the due day that ended at its instant.
func (d *Definition) eventDay(e Event, t *TransitionSpec) (date.Date, error) {
	switch {
	case e.Auto:
		return deadline.DateOf(e.At.Add(-time.Nanosecond)), nil
	case t.Receipt && d.hours.Defer:
		return d.cal.Received(e.At, d.hours)
	}
	return deadline.DateOf(e.At), nil
}

// blank reports whether s holds nothing but white space. It stops at the
// first other character, so a name costs a rune or two, where
// strings.TrimSpace would decode it from both ends.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// check validates a case and an event before anything is fired.
func (d *Definition) check(op string, c *Case, e *Event) error {
	switch {
	case c == nil:
		return &Error{Op: op, Err: ErrWrongDefinition, Detail: "no case"}
	case c.Definition != d.spec.ID || c.Version != d.spec.Version:
		return d.eventError(op, c, *e, ErrWrongDefinition,
			fmt.Sprintf("the case belongs to %s@%s, not %s@%s", c.Definition, c.Version, d.spec.ID, d.spec.Version))
	case d.states[c.State] == nil:
		return d.eventError(op, c, *e, ErrWrongDefinition, fmt.Sprintf("state %q is not a state of %s", c.State, d.spec.ID))
	case e.Trigger == "":
		return d.eventError(op, c, *e, ErrInvalidEvent, "the event has no trigger")
	case d.triggers[e.Trigger] == nil:
		return d.eventError(op, c, *e, ErrInvalidEvent, fmt.Sprintf("%s knows no trigger %q", d.spec.ID, e.Trigger))
	case e.At.IsZero():
		return d.eventError(op, c, *e, ErrInvalidEvent, "the event has no instant")
	case !e.Auto && (blank(e.Actor.Officer) || blank(e.Actor.Unit)):
		return d.eventError(op, c, *e, ErrInvalidEvent, "the event names no actor (officer and unit)")
	}
	if n := len(c.Events); n > 0 && e.At.Before(c.Events[n-1].At) {
		return d.eventError(op, c, *e, ErrInvalidEvent,
			fmt.Sprintf("the event at %s comes before the last one, at %s", e.At.Format("2006-01-02T15:04:05Z07:00"), c.Events[n-1].At.Format("2006-01-02T15:04:05Z07:00")))
	}
	// Store the instant in China Standard Time, without a monotonic
	// reading, so that stored and replayed cases compare equal.
	e.At = e.At.In(deadline.ChinaStandardTime()).Round(0)
	return nil
}

// checkExpired refuses an event that comes after a clock with an
// automatic outcome ran out in the case's state.
func (d *Definition) checkExpired(op string, c *Case, e Event) error {
	for _, i := range d.states[c.State].timeouts {
		t := d.spec.Timeouts[i]
		if t.Trigger == e.Trigger && e.Auto {
			continue
		}
		if at, ok := d.expiry(c, t); ok && !e.At.Before(at) {
			return d.eventError(op, c, e, ErrExpired,
				fmt.Sprintf("clock %s ran out at %s and %s applies by %s; advance the case first",
					t.Clock, at.Format("2006-01-02 15:04"), t.Trigger, t.Citation))
		}
	}
	return nil
}

// expiry returns when a timeout's clock runs out, if it runs.
func (d *Definition) expiry(c *Case, t Timeout) (at time.Time, ok bool) {
	clk, found := c.Clock(t.Clock)
	if !found {
		return at, false
	}
	st, err := clk.Status(d.cal, clk.LastDay())
	if err != nil || st.Due == 0 || st.Stopped {
		return at, false
	}
	return d.hours.LastMoment(st.Due), true
}

// apply fires e through the stateless machine and commits the result.
func (d *Definition) apply(ctx context.Context, op string, c *Case, e Event) (err error) {
	f := &firing{Context: ctx, d: d, c: c, ev: e, state: d.states[c.State].boxed, fired: -1}
	f.e = &f.ev
	defer func() {
		// stateless panics when two guarded transitions both pass; New
		// proves the guards exclusive, but a Go guard may not be.
		if r := recover(); r != nil {
			err = d.eventError(op, c, e, ErrInvalidDefinition, fmt.Sprint(r))
		}
	}()
	if ferr := d.machine.FireCtx(f, d.triggers[e.Trigger].boxed); ferr != nil {
		if pe, ok := ferr.(*Error); ok {
			pe.Op = op
			return pe
		}
		return d.eventError(op, c, e, ErrInvalidTransition, ferr.Error())
	}
	if f.fired < 0 {
		return d.eventError(op, c, e, ErrInvalidTransition, "no transition fired")
	}
	return d.commit(op, c, e, f.fired, false)
}

// applyIndexed resolves e through the definition's own transition index,
// with the same guards as the machine, and commits the result. Replay
// uses it: re-applying stored events needs no stateless dispatch, which
// alone costs more than the rest of a step. The model tests check that
// both paths build identical cases.
//
// f is reused across the events of one replay, to spare an allocation per
// event.
func (d *Definition) applyIndexed(f *firing, op string, c *Case, e Event) error {
	*f = firing{Context: f.Context, d: d, c: c, ev: e, fired: -1, unmet: f.unmet[:0]}
	f.e = &f.ev
	for _, i := range d.index[step{c.State, e.Trigger}] {
		if d.guards[i](f) && f.fired != i {
			return d.eventError(op, c, e, ErrInvalidDefinition, "the guards of two transitions both hold")
		}
	}
	if f.fired < 0 {
		pe := d.eventError(op, c, e, ErrInvalidTransition, "")
		if pe.Unmet = slices.Clone(f.unmet); len(f.unmet) == 0 {
			pe.Detail = "the definition allows no such step from this state"
		}
		return pe
	}
	return d.commit(op, c, e, f.fired, true)
}

// commit applies transition i to the case. Unless the caller owns the
// case's slices and maps (Replay builds its case afresh), they are copied
// before they change, so that a copy of the case made before keeps what
// it had.
func (d *Definition) commit(op string, c *Case, e Event, i int, owned bool) error {
	t := &d.spec.Transitions[i]
	clocks, err := d.effects(c, e, t, owned)
	if err != nil {
		return err
	}
	facts := c.Facts
	if len(t.Set) > 0 || len(t.Record) > 0 {
		if !owned {
			facts = maps.Clone(c.Facts)
		}
		if facts == nil {
			facts = map[string]string{}
		}
		maps.Copy(facts, t.Set)
		for _, k := range t.Record {
			if v, ok := e.Payload[k]; ok {
				facts[k] = v
			}
		}
	}
	if e.To != "" && e.To != t.To {
		return d.eventError(op, c, e, ErrInvalidEvent,
			fmt.Sprintf("the log says the event led to %q, the definition leads it to %q", e.To, t.To))
	}
	e.To = t.To
	c.State = t.To
	c.Clocks = clocks
	c.Facts = facts
	c.Events = append(c.Events, e)
	return nil
}

// effects applies a transition's clock effects to a copy of the case's
// clocks.
func (d *Definition) effects(c *Case, e Event, t *TransitionSpec, owned bool) ([]CaseClock, error) {
	if len(t.Effects) == 0 {
		return c.Clocks, nil
	}
	clocks := c.Clocks
	if !owned {
		// One copy, with room for the clocks the step starts.
		starts := 0
		for _, ef := range t.Effects {
			if ef.Op == OpStart {
				starts++
			}
		}
		clocks = append(make([]CaseClock, 0, len(c.Clocks)+starts), c.Clocks...)
	}
	day, err := d.eventDay(e, t)
	if err != nil {
		return nil, d.eventError("Fire", c, e, fmt.Errorf("%w: %w", ErrInvalidEvent, err), "the day of receipt")
	}
	fail := func(err error, format string, args ...any) ([]CaseClock, error) {
		pe := d.eventError("Fire", c, e, err, fmt.Sprintf(format, args...))
		return nil, pe
	}
	// failClock keeps the deadline package's error in the chain, so that
	// errors.Is finds both ErrInvalidTransition and, say,
	// deadline.ErrExtensionRefused.
	failClock := func(name string, err error) ([]CaseClock, error) {
		pe := d.eventError("Fire", c, e, fmt.Errorf("%w: %w", ErrInvalidTransition, err), "clock "+name)
		return nil, pe
	}
	for _, ef := range t.Effects {
		name := ef.Clock
		if ef.Per != "" {
			key := e.Payload[ef.Per]
			if key == "" {
				return fail(ErrInvalidEvent, "the payload needs %q to tell the clocks %q apart", ef.Per, ef.Clock)
			}
			name += ":" + key
		}
		idx := slices.IndexFunc(clocks, func(cc CaseClock) bool { return cc.Name == name })
		if ef.Op == OpStart {
			start := day
			if ef.From != "" {
				from, ok := c.Clock(ef.From)
				if !ok {
					return fail(ErrInvalidTransition, "clock %q, to start %q from, never started", ef.From, name)
				}
				start = from.Started()
			}
			tmpl := d.starts[ef.Clock]
			if ef.Until != "" {
				until, err := deadline.ParseDate(e.Payload[ef.Until])
				if err != nil || until <= day {
					return fail(ErrInvalidEvent, "payload %q must be a date after %s, got %q", ef.Until, day, e.Payload[ef.Until])
				}
				if tmpl, err = tmpl.Term(int(until - day)); err != nil {
					return failClock(name, err)
				}
			}
			clk, err := tmpl.Start(start)
			if err != nil {
				return failClock(name, err)
			}
			if idx >= 0 {
				if st, err := clocks[idx].Clock.Status(d.cal, day); err == nil && !st.Stopped {
					return fail(ErrInvalidTransition, "clock %q is already running", name)
				}
				clocks[idx].Clock = clk
			} else {
				if cap(clocks) == 0 {
					// A case's first clock: room for one of each.
					clocks = make([]CaseClock, 0, len(d.spec.Clocks))
				}
				clocks = append(clocks, CaseClock{Name: name, Spec: ef.Clock, Clock: clk})
			}
			continue
		}
		targets := []int{idx}
		if ef.All {
			targets = targets[:0]
			for i, cc := range clocks {
				if cc.Spec == ef.Clock {
					if st, err := cc.Clock.Status(d.cal, day); err == nil && !st.Stopped {
						targets = append(targets, i)
					}
				}
			}
		} else if idx < 0 {
			return fail(ErrInvalidTransition, "clock %q never started", name)
		}
		for _, i := range targets {
			entry, detail := d.entry(ef, e, day)
			if detail != "" {
				return fail(ErrInvalidEvent, "%s", detail)
			}
			clk, err := clocks[i].Clock.Apply(d.cal, entry)
			if err != nil {
				return failClock(clocks[i].Name, err)
			}
			clocks[i].Clock = clk
		}
	}
	return clocks, nil
}

// entry turns an effect into a ledger entry on day; a non-empty detail
// says what the payload lacks. An extension's approver is the payload's
// "approver", or else the event's officer; its reason, and any entry's,
// is the payload's "reasons", or else the event's reason.
func (d *Definition) entry(ef Effect, e Event, day date.Date) (deadline.Entry, string) {
	reason := e.Payload["reasons"]
	if reason == "" {
		reason = e.Reason
	}
	x := deadline.Entry{On: day, Cause: ef.Cause, Reason: reason}
	if x.Cause == 0 && (ef.Op == OpSuspend || ef.Op == OpRestart) {
		if err := x.Cause.UnmarshalText([]byte(e.Payload["cause"])); err != nil {
			return x, fmt.Sprintf("the payload needs a cause (e.g. cause=expert_review), got %q", e.Payload["cause"])
		}
	}
	switch ef.Op {
	case OpSuspend:
		x.Kind = deadline.EntrySuspend
	case OpResume:
		x.Kind = deadline.EntryResume
	case OpRestart:
		x.Kind = deadline.EntryRestart
	case OpStop:
		x.Kind, x.Cause = deadline.EntryStop, 0
	case OpExtend:
		x.Kind, x.Cause = deadline.EntryExtend, 0
		x.Units = ef.Units
		if x.Units == 0 {
			n, err := strconv.Atoi(e.Payload["units"])
			if err != nil {
				return x, fmt.Sprintf("an extension needs a whole number of units in the payload, got %q", e.Payload["units"])
			}
			x.Units = n
		}
		x.Approver = e.Payload["approver"]
		if x.Approver == "" {
			x.Approver = e.Actor.Officer
		}
	}
	return x, ""
}
