package procedure

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/qmuntal/stateless"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
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
	d *Definition
	c *Case
	// e is the event being fired: ev for Fire and Advance, the log's next
	// slot for Replay (see Definition.Replay).
	e     *Event
	ev    Event
	state stateless.State // the case's state, as the machine knows it: its *stateInfo
	fired int
	unmet []*guardInfo // the guards that failed, in the order tried
	// fault is why a guard could not answer: what a Go guard panicked
	// with (see askGuard), or a *countFault for a clock it read.
	fault any
	// The last payload date parsed (see payloadDate).
	dateKey       string
	date          date.Date
	dated, dateOK bool
	// stateIdx is the index in Spec.States of the state the case is
	// leaving, which a Go guard's View reports: Replay stores the case's
	// state field only once it is done (see commit). It is last, beside
	// the two flags, so that the fields pack with no padding into 256
	// bytes, one of the allocator's size classes.
	stateIdx int32
}

type firingKey struct{}

// ledgers is how Replay, which alone holds the case it builds, appends
// its clocks' entries: in place, through one builder, where Fire copies a
// clock's ledger for every entry, for a copy of the case made before (see
// enter). The builder's buffer is made at the first entry, with room for
// one entry for each of the events left to replay, up to ledgerRoom; a
// longer case's buffer grows as it fills. Replay keeps it on its stack,
// apart from the firing, which a Go guard gets a copy of.
//
// at is Replay's table of the case's clocks: for each of the first
// clockSlots clocks the definition declares, 1 + the index of its
// instance in the case's clocks, 0 if it never started. A clock that is
// not kept per payload value has one instance, named as the clock; as
// no clock's name has a colon, no instance kept per payload value
// (name:key) takes that name. Replay, which alone appends to its
// case's clocks, finds such an instance there rather than by comparing
// names; the model tests check that its cases equal Fire's.
type ledgers struct {
	b     deadline.ClockBuilder
	left  int
	grown bool
	at    [clockSlots]int32
}

// clockSlots is the room of Replay's table of clocks: the reference
// definitions declare eight at most.
const clockSlots = 16

// ledgerRoom is the most entries Replay makes room for at once: 512
// bytes, which a ten-event licence's six entries fit (a larger buffer
// takes a size class up, 640 bytes for nine entries).
const ledgerRoom = 8

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

// firings recycles the firings of Fire and Advance. Their firing is the
// context stateless fires with, so it lives on the heap; reusing it
// spares an allocation per event, and its unmet buffer with it. A firing
// is put back only once its call is over: nothing keeps it (an error
// copies what it reports, and a Guard must not keep its View).
var firings = sync.Pool{New: func() any { return new(firing) }}

// payloadDate reads the payload's date under key as [deadline.ParseDate]
// does, parsing it once per event: a renewal's "expires" is read by its
// days_before guard and by the clock it starts. The memo holds the last
// key read; the payload does not change while the event fires, so the
// key alone identifies the value.
func (f *firing) payloadDate(key string) (date.Date, bool) {
	if !f.dated || f.dateKey != key {
		f.date, f.dateOK = parseDate(f.e.Payload[key])
		f.dated, f.dateKey = true, key
	}
	return f.date, f.dateOK
}

// parseDate reads a date of the form YYYY-MM-DD as [deadline.ParseDate]
// does, saying only whether it is one. It counts the days from the civil
// date directly, where ParseDate builds a time.Time and converts it back
// to check the day, and builds no error. TestParseDate checks that both
// agree.
func parseDate(s string) (date.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(a, b int) (int, bool) {
		n := 0
		for i := a; i < b; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	m, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return date.Date(daysFromCivil(y, m, d)) + date.ZeroOffset, true
}

// daysIn returns the number of days of month m of year y, in the
// proleptic Gregorian calendar time.Date uses.
func daysIn(y, m int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + (m+m/8)%2 // 31 in January, March, May, July, August, October, December
}

// daysFromCivil returns the number of days from 1970-01-01 to day d of
// month m of year y (0 to 9999), in the proleptic Gregorian calendar: H.
// Hinnant's days_from_civil, on years that start in March, so that a
// leap day ends its year.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399 // floor division
	}
	era /= 400
	yoe := y - era*400                     // year of the era, 0 to 399
	doy := (153*((m+9)%12)+2)/5 + d - 1    // day of the year from 1 March
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the era
	return era*146097 + doe - 719468       // 719468 days from 0000-03-01 to 1970-01-01
}

// compile builds the definition's stateless machine: its states, and
// for each trigger that leads out of a state one transition whose
// destination the machine asks of choose, which evaluates the guards of
// the definition's transitions on that trigger out of that state and
// records which one passed.
//
// Guards are evaluated by choose rather than registered with stateless,
// one guard function per transition, for three reasons. Replay resolves
// events with the same function, so Fire and Replay cannot differ. Two
// transitions whose guards both hold (a Go guard may answer differently
// when asked twice) are refused with an error, where stateless panics.
// And stateless builds a list of unmet guard descriptions for every
// guarded transition it tries, an allocation on every Fire.
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
		e := &Error{Op: "Fire", State: s.(*stateInfo).spec.ID, Trigger: t.(*triggerInfo).spec.ID, Err: ErrInvalidTransition,
			Detail: "the definition allows no such step from this state"}
		if f, ok := firingOf(ctx); ok {
			e.Case = f.c.ID
		}
		return e
	})
	for _, st := range d.spec.States {
		si := d.states[st.ID]
		cfg := m.Configure(si)
		for k := range si.steps {
			step := &si.steps[k]
			cfg.PermitDynamic(step.info, func(ctx context.Context, _ ...any) (stateless.State, error) {
				f, ok := firingOf(ctx)
				if !ok {
					return nil, fmt.Errorf("%w: fired without a case", ErrInvalidEvent)
				}
				if err := d.choose(f, "Fire", step); err != nil {
					return nil, err
				}
				return d.trans[f.fired].to, nil
			})
		}
	}
	d.machine = m
}

// choose evaluates the guards of every transition of step st (nil if the
// event's trigger does not lead out of the case's state) and records in
// f.fired the one whose guards all hold. None holding is refused with the
// guards that failed; two holding, or a Go guard that panicked, with
// ErrInvalidDefinition.
func (d *Definition) choose(f *firing, op string, st *stepInfo) error {
	if st != nil {
		for _, t := range st.trans {
			// guardsHold records the transition it passes: one recorded
			// before means two transitions hold.
			if prev := f.fired; d.guardsHold(t, f) {
				if prev >= 0 {
					return d.eventError(op, f.c, f.e.Trigger, ErrInvalidDefinition, "the guards of two transitions both hold")
				}
			} else if f.fault != nil {
				if cf, ok := f.fault.(*countFault); ok {
					return d.eventError(op, f.c, f.e.Trigger, fmt.Errorf("%w: %w", ErrCannotCount, cf.err), cf.what)
				}
				return d.eventError(op, f.c, f.e.Trigger, ErrInvalidDefinition, fmt.Sprintf("guard panicked: %v", f.fault))
			}
		}
	}
	if f.fired < 0 {
		pe := d.eventError(op, f.c, f.e.Trigger, ErrInvalidTransition, "")
		if pe.Unmet = unmetOf(st, f.unmet); len(pe.Unmet) == 0 {
			pe.Detail = "the definition allows no such step from this state"
		}
		return pe
	}
	return nil
}

// unmetOf is what a refusal reports of the guards that failed on step st:
// where the step has several transitions, those of the transitions the
// event was meant for, whose discriminators held (see
// markDiscriminators). A refusal of a licence application that gives no
// reasons and no ground is told the reasons are missing, not also that
// the matter is not outside the agency's powers and the competent agency
// is not named. Where no transition's discriminators held, or all did,
// every failed guard is reported, in the order tried.
func unmetOf(st *stepInfo, failed []*guardInfo) []string {
	if len(failed) == 0 {
		return nil
	}
	// The transitions not meant: those with a discriminator that failed.
	var notMeant []int
	for _, g := range failed {
		if g.disc && !slices.Contains(notMeant, g.trans) {
			notMeant = append(notMeant, g.trans)
		}
	}
	all := st == nil || len(notMeant) == 0 || len(notMeant) == len(st.trans)
	out := make([]string, 0, len(failed))
	for _, g := range failed {
		if (all || !slices.Contains(notMeant, g.trans)) && !slices.Contains(out, g.unmet) {
			out = append(out, g.unmet)
		}
	}
	return out
}

// guardsHold evaluates every guard of transition t, noting those that
// fail, and records t as the one that fired if all hold.
func (d *Definition) guardsHold(t *transInfo, f *firing) bool {
	pass := true
	for k := range t.guards {
		if g := &t.guards[k]; !d.holds(g, f) {
			f.unmet = append(f.unmet, g)
			pass = false
		}
	}
	if pass {
		f.fired = t.i
	}
	return pass
}

// guardKind is a GuardKind as a small number, for a switch that jumps
// rather than compares strings.
type guardKind uint8

const (
	kindPayload guardKind = iota
	kindFact
	kindClockRunning
	kindClockStopped
	kindClockExpired
	kindClocksStopped
	kindDaysBefore
	kindDateReached
	kindWithin
	kindInPeriod
	kindSinceDue
	kindAtMost
	kindAtLeast
	kindCustom
	kindOutsideRest
)

var guardKindOf = map[GuardKind]guardKind{
	GuardPayload: kindPayload, GuardFact: kindFact,
	GuardClockRunning: kindClockRunning, GuardClockStopped: kindClockStopped, GuardClockExpired: kindClockExpired,
	GuardClocksStopped: kindClocksStopped, GuardDaysBefore: kindDaysBefore,
	GuardDateReached: kindDateReached, GuardWithin: kindWithin, GuardInPeriod: kindInPeriod, GuardSinceDue: kindSinceDue,
	GuardAtMost: kindAtMost, GuardAtLeast: kindAtLeast, GuardCustom: kindCustom,
	GuardOutsideRest: kindOutsideRest,
}

// guardInfo is a guard resolved at compile time: its kind as a number,
// its value parsed, its custom function found, and the text a refusal
// reports, so that evaluating it parses nothing and builds no string.
type guardInfo struct {
	spec    *GuardSpec
	kind    guardKind
	days    int             // days_before, date_reached, within: the number of days
	working bool            // days_before: in working days ("7 working_days")
	receipt bool            // days_before: of a filing, counted from the day of receipt
	limit   decimal.Decimal // at_most, at_least: the bound, unless the fact Than is
	rule    *deadline.Rule  // in_period, since_due: the rule of the clock Value
	custom  Guard           // custom: the registered guard
	unmet   string          // Desc / DescEN
	// disc marks a guard that tells its transition apart from another of
	// the same step (see markDiscriminators); trans is the index of its
	// transition.
	disc  bool
	trans int
}

// compileGuard resolves a guard validate has accepted: its kind is
// known, its value parses and its custom guard is registered.
func (d *Definition) compileGuard(g *GuardSpec) guardInfo {
	gi := guardInfo{spec: g, kind: guardKindOf[g.Kind], unmet: g.Desc + " / " + g.DescEN}
	switch g.Kind {
	case GuardDaysBefore:
		gi.days, gi.working, _ = parseDaysBefore(g.Value)
	case GuardWithin, GuardDateReached:
		gi.days, _ = strconv.Atoi(g.Value)
	case GuardAtMost, GuardAtLeast:
		if g.Than == "" {
			gi.limit, _ = decimal.NewFromString(g.Value)
		}
	case GuardInPeriod, GuardSinceDue:
		r := d.rules[g.Value]
		gi.rule = &r
	case GuardCustom:
		gi.custom = d.goGuards[g.Key]
	}
	return gi
}

// present is the test of payload and fact guards: v is set, and equals
// want if want is set.
func present(want, v string) bool {
	if want == "" {
		return v != ""
	}
	return v == want
}

// holds evaluates one guard.
func (d *Definition) holds(g *guardInfo, f *firing) bool {
	s := g.spec
	var ok bool
	switch g.kind {
	case kindPayload:
		ok = present(s.Value, f.e.Payload[s.Key])
	case kindFact:
		ok = present(s.Value, f.c.Facts[s.Key])
	case kindClockRunning, kindClockStopped, kindClockExpired:
		clk, found := f.c.Clock(s.Key)
		if found {
			day := deadline.DateOf(f.e.At)
			st, err := d.status(clk, day, day)
			switch {
			case err != nil:
				// Neither answer would be known: the event is refused
				// with the reason (see choose), whatever Not says.
				f.fault = &countFault{"clock " + s.Key, err}
				return false
			case g.kind == kindClockRunning:
				ok = !st.Stopped
			case g.kind == kindClockStopped:
				ok = st.Stopped
			default:
				ok = st.Due != 0 && d.ended(st.Due, f.e.At)
			}
		}
	case kindClocksStopped:
		n := 0
		ok = true
		day := deadline.DateOf(f.e.At)
		for _, cc := range f.c.Clocks {
			if cc.Spec != s.Key {
				continue
			}
			n++
			st, err := d.status(cc.Clock, day, day)
			if err != nil {
				f.fault = &countFault{"clock " + cc.Name, err}
				return false
			}
			ok = ok && st.Stopped
		}
		ok = ok && n > 0
	case kindDaysBefore:
		if day, parsed := f.payloadDate(s.Key); parsed {
			from := deadline.DateOf(f.e.At)
			if g.receipt && d.hours.Defer {
				// A filing counts from the day it counts as received, as
				// its clocks do: one handed in after closing time on the
				// last day is a day late.
				var err error
				if from, err = d.cal.Received(f.e.At, d.hours); err != nil {
					f.fault = &countFault{"the day of receipt", err}
					return false
				}
			}
			if !g.working {
				ok = int64(day-from) >= int64(g.days)
				break
			}
			var err error
			if ok, err = d.workingDaysAhead(from, day, g.days); err != nil {
				// As for a clock: neither answer would be known.
				f.fault = &countFault{"payload date " + s.Key, err}
				return false
			}
		}
	case kindDateReached:
		if day, isDate := parseDate(f.c.Facts[s.Key]); isDate {
			ok = int64(deadline.DateOf(f.e.At)-day) >= int64(g.days)
		}
	case kindWithin:
		if clk, found := f.c.Clock(s.Key); found {
			ok = int64(deadline.DateOf(f.e.At)-clk.Started()) <= int64(g.days)
		}
	case kindInPeriod:
		from, fromOK := f.payloadDate(s.Key)
		on, onOK := deadline.DateOf(f.e.At), true
		if s.On != "" {
			on, onOK = parseDate(f.e.Payload[s.On])
		}
		if fromOK && onOK && from <= on && on <= deadline.DateOf(f.e.At) {
			var err error
			if ok, err = d.inPeriod(from, on, g.rule); err != nil {
				f.fault = &countFault{"the period from payload date " + s.Key, err}
				return false
			}
		}
	case kindSinceDue:
		if clk, found := f.c.Clock(s.Key); found {
			day := deadline.DateOf(f.e.At)
			st, err := d.status(clk, day, day)
			if err == nil && st.Due != 0 {
				ok, err = d.inPeriod(st.Due, day, g.rule)
			}
			if err != nil {
				f.fault = &countFault{"clock " + s.Key, err}
				return false
			}
		}
	case kindAtMost, kindAtLeast:
		limit, bounded := g.limit, true
		if s.Than != "" {
			var err error
			limit, err = decimal.NewFromString(f.c.Facts[s.Than])
			bounded = err == nil
		}
		if v, err := decimal.NewFromString(f.e.Payload[s.Key]); err == nil && bounded {
			c := v.Cmp(limit)
			ok = (g.kind == kindAtMost && c <= 0) || (g.kind == kindAtLeast && c >= 0)
		}
	case kindCustom:
		if g.custom != nil {
			ok = askGuard(g.custom, f)
		}
	case kindOutsideRest:
		if s.Key != "" && f.e.Payload[s.Key] != "" {
			ok = true // the emergency is stated
			break
		}
		rest, err := d.rest.Contains(d.cal, f.e.At)
		if err != nil {
			// As for a clock: neither answer would be known.
			f.fault = &countFault{"the day of the event", err}
			return false
		}
		ok = !rest
	}
	return ok != s.Not
}

// askGuard calls Go guard g for f's event. The guard is the caller's code
// and may panic: the panic fails the guard and is kept in f.fault, for
// choose to refuse the event with it, so that Fire, Advance and Replay
// alike report it as an error and leave the case unchanged. So is a clock
// the guard read through its View that could not be counted.
//
// The guard gets a copy of the firing: were f itself handed to a function
// the compiler cannot see, every firing would escape to the heap,
// Replay's too.
func askGuard(g Guard, f *firing) (ok bool) {
	h := new(firing)
	*h = *f
	defer func() {
		if r := recover(); r != nil {
			f.fault, ok = r, false
		}
	}()
	if ok = g(h, View{h}); h.fault != nil {
		f.fault, ok = h.fault, false
	}
	return ok
}

// Fire applies event e to case c: it finds the transition the definition
// allows from c's state on e's trigger whose guards hold, applies the
// transition's clock effects on e's day (its instant in China Standard
// Time), records its facts, moves the case and appends e to the log.
//
// A refused event leaves c unchanged and returns an [*Error] wrapping
// [ErrInvalidTransition] (with the state, the trigger and the unmet
// guards), [ErrInvalidEvent], [ErrExpired] (the law already decided: call
// [Definition.Advance]), [ErrCannotCount] (a clock the step reads cannot
// be counted on the calendar) or [ErrWrongDefinition]. Events of one case come
// in time order; an event earlier than the last is refused. Automatic
// events (Auto) come only from Advance and Replay.
//
// ctx reaches the Go guards registered with [WithGuard].
func (d *Definition) Fire(ctx context.Context, c *Case, e Event) error {
	si, st, err := d.check("Fire", c, nil, &e)
	if err != nil {
		return err
	}
	if e.Auto {
		return d.eventError("Fire", c, e.Trigger, ErrInvalidEvent, "automatic outcomes are applied by Advance")
	}
	if err := d.checkExpired("Fire", c, si, &e); err != nil {
		return err
	}
	return d.apply(ctx, "Fire", c, si, st, &e)
}

func (d *Definition) eventError(op string, c *Case, trigger Trigger, err error, detail string) *Error {
	id := ""
	var st State
	if c != nil {
		id, st = c.ID, c.State
	}
	return &Error{Op: op, Case: id, State: st, Trigger: trigger, Err: err, Detail: detail}
}

// eventDay returns the day an event's clock effects apply on: its date in
// China Standard Time; for a filing (TransitionSpec.Receipt) under office
// hours that defer, the day it counts as received; for an automatic
// outcome, the due day that ended at its instant.
func (d *Definition) eventDay(e *Event, t *TransitionSpec) (date.Date, error) {
	switch {
	case e.Auto:
		return deadline.DateOf(e.At.Add(-time.Nanosecond)), nil
	case t.Receipt && d.hours.Defer:
		return d.cal.Received(e.At, d.hours)
	}
	return deadline.DateOf(e.At), nil
}

// check validates a case and an event before anything is fired, and
// returns the case's state and the event's step out of it (nil if its
// trigger does not lead out of the state). A caller that knows the state
// passes it as si, vouching that c is a case of d in that state: Replay,
// which builds the case itself and carries its state from one event to
// the next as the state the last step led to. Otherwise si is nil and
// check looks it up.
func (d *Definition) check(op string, c *Case, si *stateInfo, e *Event) (*stateInfo, *stepInfo, error) {
	if si == nil {
		var err error
		if si, err = d.stateOf(op, c, e.Trigger); err != nil {
			return nil, nil, err
		}
	}
	st := si.step(e.Trigger)
	switch {
	case e.Trigger == "":
		return nil, nil, d.eventError(op, c, e.Trigger, ErrInvalidEvent, "the event has no trigger")
	// Every transition's trigger is a trigger of the definition, so one
	// that leads out of the state needs no look-up.
	case st == nil && d.triggers[e.Trigger] == nil:
		return nil, nil, d.eventError(op, c, e.Trigger, ErrInvalidEvent, fmt.Sprintf("%s knows no trigger %q", d.spec.ID, e.Trigger))
	case e.At.IsZero():
		return nil, nil, d.eventError(op, c, e.Trigger, ErrInvalidEvent, "the event has no instant")
	case !e.Auto && (text.Blank(e.Actor.Officer) || text.Blank(e.Actor.Unit)):
		return nil, nil, d.eventError(op, c, e.Trigger, ErrInvalidEvent, "the event names no actor (officer and unit)")
	}
	if err := d.inOrder(op, c, e.Trigger, e.At); err != nil {
		return nil, nil, err
	}
	if st != nil {
		for _, k := range st.typed {
			if v := e.Payload[k.key]; v != "" && !k.typ.valid(v) {
				return nil, nil, d.eventError(op, c, e.Trigger, ErrInvalidEvent, fmt.Sprintf("payload %q must be %s, got %q", k.key, k.typ, v))
			}
		}
	}
	// Store the instant in China Standard Time, without a monotonic
	// reading (In drops it), so that stored and replayed cases compare
	// equal. A stored event has it so already, and is not written again:
	// a write of a pointer costs a barrier while the garbage collector
	// marks.
	if at := e.At.In(deadline.ChinaStandardTime()); at != e.At {
		e.At = at
	}
	return si, st, nil
}

// stateOf returns the state of case c, which must be a case of d: the
// first check of every operation on a case.
func (d *Definition) stateOf(op string, c *Case, trigger Trigger) (*stateInfo, error) {
	if c == nil {
		return nil, &Error{Op: op, Err: ErrWrongDefinition, Detail: "no case"}
	}
	if c.Definition != d.spec.ID || c.Version != d.spec.Version {
		return nil, d.eventError(op, c, trigger, ErrWrongDefinition,
			fmt.Sprintf("the case belongs to %s@%s, not %s@%s", c.Definition, c.Version, d.spec.ID, d.spec.Version))
	}
	si := d.states[c.State]
	if si == nil {
		return nil, d.eventError(op, c, trigger, ErrWrongDefinition, fmt.Sprintf("state %q is not a state of %s", c.State, d.spec.ID))
	}
	return si, nil
}

// inOrder refuses an instant before the last event of case c: events of
// one case come in time order.
func (d *Definition) inOrder(op string, c *Case, trigger Trigger, at time.Time) error {
	if n := len(c.Events); n > 0 && at.Before(c.Events[n-1].At) {
		return d.eventError(op, c, trigger, ErrInvalidEvent,
			fmt.Sprintf("the event at %s comes before the last one, at %s", at.Format("2006-01-02T15:04:05Z07:00"), c.Events[n-1].At.Format("2006-01-02T15:04:05Z07:00")))
	}
	return nil
}

// checkExpired refuses an event that comes after a clock with an
// automatic outcome ran out in the case's state si.
func (d *Definition) checkExpired(op string, c *Case, si *stateInfo, e *Event) error {
	for _, i := range si.timeouts {
		t := &d.spec.Timeouts[i]
		if t.Trigger == e.Trigger && e.Auto {
			continue
		}
		// The clock is read where it lies in the case, not copied.
		k := clockIndex(c.Clocks, t.Clock)
		if k < 0 || deadline.DateOf(e.At) < c.Clocks[k].Clock.EarliestDue() {
			// The clock cannot have run out yet, whatever its ledger:
			// its status need not be computed.
			continue
		}
		due, ok, err := d.expiryDay(c, t, deadline.DateOf(e.At))
		if err != nil {
			return d.countError(op, c, e.Trigger, t.Clock, err)
		}
		if ok && d.ended(due, e.At) {
			at := d.hours.LastMoment(due)
			return d.eventError(op, c, e.Trigger, ErrExpired,
				fmt.Sprintf("clock %s ran out at %s and %s applies by %s; advance the case first",
					t.Clock, at.Format("2006-01-02 15:04"), t.Trigger, t.Citation))
		}
	}
	return nil
}

// expiry returns when a timeout's clock runs out, if it runs, for a
// caller that compares it with day about (see expiryDay).
func (d *Definition) expiry(c *Case, t *Timeout, about date.Date) (at time.Time, ok bool, err error) {
	due, ok, err := d.expiryDay(c, t, about)
	if !ok {
		return at, false, err
	}
	return d.hours.LastMoment(due), true, nil
}

// expiryDay returns the due day of a timeout's clock, if it runs, for a
// caller that only asks whether it is on or before day about: a due day
// past about may be provisional (see status).
func (d *Definition) expiryDay(c *Case, t *Timeout, about date.Date) (due date.Date, ok bool, err error) {
	clk, found := c.Clock(t.Clock)
	if !found {
		return 0, false, nil
	}
	st, err := d.status(clk, clk.LastDay(), about)
	if err != nil {
		return 0, false, err
	}
	if st.Due == 0 || st.Stopped {
		return 0, false, nil
	}
	return st.Due, true, nil
}

// status returns clock clk's status as of day asOf, for a caller that
// draws conclusions about day about alone: whether the clock had stopped
// by then, or run out by then.
//
// Counting can need days past about: the due day of a clock that has not
// run out by about, or the rest days a calendar-day limit rolls over.
// Where the calendar does not cover those days, no such conclusion
// depends on them, as whether a limit was reached by a day is counted on
// the days up to it. The status is then counted on the calendar extended
// on the weekly pattern alone, and says Provisional. Where the calendar
// does not cover about itself, any conclusion would be a guess: the
// calendar's error stands (see package internal/coverage).
// TestCoverageNeverGuesses checks that every answer given is the one a
// calendar that goes on past the coverage, with any next year's
// arrangement, gives.
func (d *Definition) status(clk deadline.Clock, asOf, about date.Date) (deadline.Status, error) {
	return d.cov.Status(clk, asOf, about)
}

// countFault is a clock, or a payload date, a guard read that could
// not be counted; what names it ("clock hearing_request").
type countFault struct {
	what string
	err  error
}

// workingDaysAhead reports whether day lies at least n working days
// after from on the definition's calendar: on or after the nth working
// day after from. Where that working day lies past the calendar's
// coverage, the answer is known only when day is covered (it comes
// before); otherwise the calendar's error stands, and nothing is
// guessed.
func (d *Definition) workingDaysAhead(from, day date.Date, n int) (bool, error) {
	if day < from {
		return false, nil
	}
	due, err := d.cal.AddWorkingDays(from, n)
	switch {
	case err == nil:
		return day >= due, nil
	case d.cov.Widens(err, day) && d.cov.Covers(from):
		// The nth working day lies past the coverage, after day.
		return false, nil
	}
	return false, err
}

// inPeriod reports whether day on falls no later than the last day of
// the period of rule r counted from from. A day on or before the period's
// nominal end is within it whatever the roll, and needs no calendar;
// where the rolled end, or the last of a number of working days, lies
// past the calendar's coverage, a covered day is within it too.
func (d *Definition) inPeriod(from, on date.Date, r *deadline.Rule) (bool, error) {
	if r.Period.Unit != deadline.WorkingDays {
		// RollNone consults no calendar and cannot fail on a valid period.
		if nominal, err := d.cal.End(from, r.Period, deadline.RollNone); err == nil && on <= nominal.Date {
			return true, nil
		}
	}
	end, err := d.cal.End(from, r.Period, r.Roll)
	switch {
	case err == nil:
		return on <= end.Date, nil
	case d.cov.Widens(err, on) && d.cov.Covers(from):
		return true, nil
	}
	return false, err
}

// countError is the error of a clock that cannot be counted: it wraps
// ErrCannotCount and the deadline package's error, so that errors.Is
// finds deadline.ErrOutOfCoverage too.
func (d *Definition) countError(op string, c *Case, trigger Trigger, clock string, err error) *Error {
	return d.eventError(op, c, trigger, fmt.Errorf("%w: %w", ErrCannotCount, err), "clock "+clock)
}

// ended reports whether day due has ended by instant at: whether at is
// not before d.hours.LastMoment(due). A day that ends at 24:00 (no
// closing time) has ended when at falls on a later day in China Standard
// Time, which DateOf tells without building an instant: LastMoment is
// then the midnight that starts the next day, a whole second, and China
// Standard Time has no daylight saving. TestEnded checks it against
// LastMoment.
func (d *Definition) ended(due date.Date, at time.Time) bool {
	if d.hours.Close == 0 {
		return deadline.DateOf(at) > due
	}
	return !at.Before(d.hours.LastMoment(due))
}

// apply fires e, in state si on step st (nil if its trigger does not
// lead out of si), through the stateless machine and commits the result.
func (d *Definition) apply(ctx context.Context, op string, c *Case, si *stateInfo, st *stepInfo, e *Event) (err error) {
	// A pooled firing is zero but for its unmet buffer (see below), so
	// only the fields that differ from zero are set.
	f := firings.Get().(*firing)
	f.Context, f.d, f.c, f.ev, f.state, f.stateIdx, f.fired = ctx, d, c, *e, si, si.i, -1
	f.e = &f.ev
	defer func() {
		// A Go guard's panic is caught where the guard is called (see
		// askGuard). Should anything else below panic, the panic is
		// reported as an error all the same, and the case is left
		// unchanged.
		if r := recover(); r != nil {
			// The firing is dropped, not reused: the panic may have
			// left it anywhere.
			err = d.eventError(op, c, e.Trigger, ErrInvalidDefinition, fmt.Sprint(r))
			return
		}
		clear(f.unmet)
		*f = firing{unmet: f.unmet[:0]}
		firings.Put(f)
	}()
	var trigger *triggerInfo
	if st != nil {
		trigger = st.info
	} else {
		// The trigger does not lead out of the case's state: stateless
		// refuses it. Only then is the trigger map needed.
		trigger = d.triggers[e.Trigger]
	}
	if ferr := d.machine.FireCtx(f, trigger); ferr != nil {
		if pe, ok := ferr.(*Error); ok {
			pe.Op = op
			return pe
		}
		return d.eventError(op, c, e.Trigger, ErrInvalidTransition, ferr.Error())
	}
	if f.fired < 0 {
		return d.eventError(op, c, e.Trigger, ErrInvalidTransition, "no transition fired")
	}
	return d.commit(op, f, &d.trans[f.fired], nil)
}

// commit applies transition t to f's case. Unless the caller owns the
// case's slices and maps (Replay builds its case afresh, and passes the
// ledgers its clocks' entries go through), they are copied before they
// change, so that a copy of the case made before keeps what it had.
func (d *Definition) commit(op string, f *firing, t *transInfo, lg *ledgers) error {
	c, e, ts := f.c, f.e, t.spec
	owned := lg != nil
	clocks, err := d.effects(f, t, lg)
	if err != nil {
		return err
	}
	facts := c.Facts
	setsFacts := len(t.set) > 0 || len(ts.Record) > 0
	if setsFacts {
		if !owned {
			facts = maps.Clone(c.Facts)
		}
		if facts == nil {
			// Made for as many facts as the definition records, up to a
			// map of one group (see New).
			facts = make(map[string]string, d.facts)
		}
		for _, kv := range t.set {
			facts[kv.key] = kv.value
		}
		for _, k := range ts.Record {
			if v, ok := e.Payload[k]; ok {
				facts[k] = v
			}
		}
	}
	if e.To != "" && e.To != ts.To {
		return d.eventError(op, c, e.Trigger, ErrInvalidEvent,
			fmt.Sprintf("the log says the event led to %q, the definition leads it to %q", e.To, ts.To))
	}
	if e.To == "" {
		e.To = ts.To
	}
	// Replay, which owns the case, stores its state once, at the end,
	// rather than a pointer for every event, each of which costs a write
	// barrier while the garbage collector marks.
	if !owned {
		c.State = ts.To
	}
	// The clocks and facts are stored only if the step changed them, and
	// in a case the caller owns only if they moved: every pointer stored
	// costs a write barrier while the garbage collector marks, and
	// reslicing a slice of the same array stores only its length.
	if len(ts.Effects) > 0 {
		if owned && cap(c.Clocks) > 0 && cap(clocks) > 0 && &c.Clocks[:1][0] == &clocks[:1][0] {
			c.Clocks = c.Clocks[:len(clocks)]
		} else {
			c.Clocks = clocks
		}
	}
	if setsFacts && (!owned || c.Facts == nil) {
		c.Facts = facts
	}
	if n := len(c.Events); n < cap(c.Events) && e == &c.Events[:n+1][n] {
		// Replay built the event in the log's next slot: extending the
		// log takes it in.
		c.Events = c.Events[:n+1]
	} else {
		c.Events = append(c.Events, *e)
	}
	return nil
}

// effects applies transition t's clock effects to a copy of the case's
// clocks (to the clocks themselves if the caller owns them, appending
// their entries through lg).
func (d *Definition) effects(f *firing, t *transInfo, lg *ledgers) ([]CaseClock, error) {
	c, e, ts := f.c, f.e, t.spec
	if len(ts.Effects) == 0 {
		return c.Clocks, nil
	}
	clocks := c.Clocks
	if n := len(c.Clocks) + t.starts; lg == nil && n > 0 {
		// One copy, with room for the clocks the step starts. A case
		// with no clocks, on a step that starts none (a stop of every
		// instance of a clock that never started), keeps its nil slice,
		// as Replay leaves it.
		clocks = append(make([]CaseClock, 0, n), c.Clocks...)
	}
	day, err := d.eventDay(e, ts)
	if err != nil {
		return nil, d.eventError("Fire", c, e.Trigger, deadlineError(ErrInvalidEvent, err), "the day of receipt")
	}
	for k := range t.effects {
		ef := &t.effects[k]
		spec := ef.spec
		name := spec.Clock
		if spec.Per != "" {
			key := e.Payload[spec.Per]
			if key == "" {
				return nil, d.effectError(c, e, ErrInvalidEvent, fmt.Sprintf("the payload needs %q to tell the clocks %q apart", spec.Per, spec.Clock))
			}
			name += ":" + key
		}
		var idx int
		if lg != nil && ef.slot >= 0 {
			idx = int(lg.at[ef.slot]) - 1
		} else {
			idx = clockIndex(clocks, name)
		}
		if ef.start {
			start := day
			if spec.From != "" {
				from, ok := c.Clock(spec.From)
				if !ok {
					return nil, d.effectError(c, e, ErrInvalidTransition, fmt.Sprintf("clock %q, to start %q from, never started", spec.From, name))
				}
				start = from.Started()
			}
			tmpl := ef.tmpl
			if ef.term != nil {
				until, ok := f.payloadDate(spec.Until)
				if !ok || until <= day {
					return nil, d.effectError(c, e, ErrInvalidEvent, fmt.Sprintf("payload %q must be a date after %s, got %q", spec.Until, day, e.Payload[spec.Until]))
				}
				if tmpl, err = ef.term.term(tmpl, int(until-day)); err != nil {
					return nil, d.clockError(c, e, name, err)
				}
			}
			clk, err := tmpl.Start(start)
			if err != nil {
				return nil, d.clockError(c, e, name, err)
			}
			if idx >= 0 {
				st, err := d.status(clocks[idx].Clock, day, day)
				if err != nil {
					return nil, d.countError("Fire", c, e.Trigger, name, err)
				}
				if !st.Stopped {
					return nil, d.effectError(c, e, ErrInvalidTransition, fmt.Sprintf("clock %q is already running", name))
				}
				clocks[idx].Clock = clk
			} else {
				if cap(clocks) == 0 {
					// A case's first clock: room for one of each.
					clocks = make([]CaseClock, 0, len(d.spec.Clocks))
				}
				clocks = append(clocks, CaseClock{Name: name, Spec: spec.Clock, Clock: clk})
				if lg != nil && ef.slot >= 0 {
					lg.at[ef.slot] = int32(len(clocks))
				}
			}
			continue
		}
		if !spec.All {
			if idx < 0 {
				return nil, d.effectError(c, e, ErrInvalidTransition, fmt.Sprintf("clock %q never started", name))
			}
			if err := d.enter(f, ef, day, &clocks[idx], lg); err != nil {
				return nil, err
			}
			continue
		}
		// Every running instance. Entering one changes no other, so
		// each can be tested just before it is entered.
		for i := range clocks {
			if clocks[i].Spec != spec.Clock {
				continue
			}
			st, err := d.status(clocks[i].Clock, day, day)
			if err != nil {
				return nil, d.countError("Fire", c, e.Trigger, clocks[i].Name, err)
			}
			if st.Stopped {
				continue
			}
			if err := d.enter(f, ef, day, &clocks[i], lg); err != nil {
				return nil, err
			}
		}
	}
	return clocks, nil
}

// clockIndex returns the index of the clock instance with the given name,
// or -1.
func clockIndex(clocks []CaseClock, name string) int {
	for i := range clocks {
		if clocks[i].Name == name {
			return i
		}
	}
	return -1
}

// enter applies effect ef of f's event on day to clock cc of f's case,
// as a ledger entry. An extension's approver is the payload's
// "approver", or else the event's officer; its reason, and any entry's,
// is the payload's "reasons", or else the event's reason. Unless the
// caller owns the case (Replay, which passes its ledgers), the clock's
// ledger is copied, so that a copy of the case made before keeps what it
// had.
func (d *Definition) enter(f *firing, ef *effectInfo, day date.Date, cc *CaseClock, lg *ledgers) error {
	c, e := f.c, f.e
	x := ef.entry
	x.On = day
	if x.Reason = e.Payload["reasons"]; x.Reason == "" {
		x.Reason = e.Reason
	}
	if ef.causeOf {
		cause, ok := parseCause(e.Payload["cause"])
		if !ok {
			return d.effectError(c, e, ErrInvalidEvent, fmt.Sprintf("the payload needs a cause (e.g. cause=expert_review), got %q", e.Payload["cause"]))
		}
		x.Cause = cause
	}
	if x.Kind == deadline.EntryExtend {
		if ef.unitsOf {
			n, err := strconv.Atoi(e.Payload["units"])
			if err != nil {
				return d.effectError(c, e, ErrInvalidEvent, fmt.Sprintf("an extension needs a whole number of units in the payload, got %q", e.Payload["units"]))
			}
			x.Units = n
		}
		if x.Approver = e.Payload["approver"]; x.Approver == "" {
			x.Approver = e.Actor.Officer
		}
	}
	if lg == nil {
		clk, err := cc.Clock.Apply(d.cal, x)
		if err != nil && d.cov.Widens(err, day) {
			clk, err = cc.Clock.Apply(d.cov.Wide(), x)
		}
		if err != nil {
			return d.clockError(c, e, cc.Name, err)
		}
		cc.Clock = clk
		return nil
	}
	b := &lg.b
	if !lg.grown {
		b.Grow(min(lg.left, ledgerRoom))
		lg.grown = true
	}
	err := b.ApplyTo(d.cal, &cc.Clock, x)
	if err != nil && d.cov.Widens(err, day) {
		// A refused entry left the clock as it was.
		err = b.ApplyTo(d.cov.Wide(), &cc.Clock, x)
	}
	if err != nil {
		return d.clockError(c, e, cc.Name, err)
	}
	return nil
}

// effectError is the error of an effect the event or the case does not
// allow.
func (d *Definition) effectError(c *Case, e *Event, err error, detail string) *Error {
	return d.eventError("Fire", c, e.Trigger, err, detail)
}

// clockError keeps the deadline package's error in the chain, so that
// errors.Is finds both ErrInvalidTransition and, say,
// deadline.ErrExtensionRefused (see deadlineError).
func (d *Definition) clockError(c *Case, e *Event, name string, err error) *Error {
	return d.eventError("Fire", c, e.Trigger, deadlineError(ErrInvalidTransition, err), "clock "+name)
}

// deadlineError wraps an error of the deadline package with the
// package's sentinel: ErrCannotCount when the calendar does not cover the
// days it needed, sentinel otherwise.
func deadlineError(sentinel, err error) error {
	if errors.Is(err, deadline.ErrOutOfCoverage) {
		sentinel = ErrCannotCount
	}
	return fmt.Errorf("%w: %w", sentinel, err)
}

// causeName is a cause and its name.
type causeName struct {
	name  string
	cause deadline.Cause
}

// causeNames lists the causes by name, in the order of the Cause values,
// each name once, with the first value that has it: "unknown", the name
// of every value without one of its own, is CauseUnknown's. That is the
// order in which Cause.UnmarshalText searches.
var causeNames = func() []causeName {
	var out []causeName
	for i := range 256 {
		c := deadline.Cause(i)
		n := c.String()
		if !slices.ContainsFunc(out, func(x causeName) bool { return x.name == n }) {
			out = append(out, causeName{n, c})
		}
	}
	return out
}()

// parseCause reads a cause as [deadline.Cause.UnmarshalText] does, without
// converting s to bytes: the conversion escapes to the heap (through the
// error UnmarshalText builds), an allocation for every suspension.
// TestParseCause checks that both agree.
func parseCause(s string) (deadline.Cause, bool) {
	for _, c := range causeNames {
		if c.name == s {
			return c.cause, true
		}
	}
	return 0, false
}
