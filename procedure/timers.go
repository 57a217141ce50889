package procedure

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// ClockStatus is the status of one running clock of a case, with its
// warning light under the definition's policy.
type ClockStatus struct {
	// Name is the clock instance, Spec the clock's name in the definition.
	Name, Spec string
	// Citation is the provision of the clock's rule.
	Citation xiaoneng.Citation
	deadline.Status
	// Role says what the clock measures (see [ClockRole]).
	Role ClockRole
	// Light is the warning light under the definition's policy. Only an
	// agency's limits light up: a party's period or a minimum is always
	// green, as no limit of the agency's is at stake.
	Light deadline.Level
}

// Due lists the case's running clocks with their status as of day asOf,
// the one due first first (clocks with no known due date last). Stopped
// clocks are left out. It is the electronic-supervision view of a case:
// yellow when a limit is near, red when it has passed.
//
// A clock whose due day the calendar does not cover is an error wrapping
// [ErrCannotCount] and [deadline.ErrOutOfCoverage]: no due day is
// guessed. So is a limit whose light turns on working days the calendar
// does not cover (see [deadline.Status.KnownLevel]): the light counts the
// working days left, and a limit of calendar days that does not roll may
// fall due past the coverage. A definition built [WithCalendar] of a
// calendar extended with [deadline.ExtendThrough] answers instead, each
// such status saying Provisional.
func (d *Definition) Due(c *Case, asOf date.Date) ([]ClockStatus, error) {
	if c == nil || c.Definition != d.spec.ID || c.Version != d.spec.Version {
		return nil, &Error{Op: "Due", Err: ErrWrongDefinition, Detail: "the case is not one of this definition"}
	}
	var out []ClockStatus
	for _, cc := range c.Clocks {
		st, err := cc.Clock.Status(d.cal, asOf)
		if err != nil {
			return nil, d.countError("Due", c, "", cc.Name, err)
		}
		if st.Stopped || st.Started > asOf {
			continue
		}
		ci := d.clocks[cc.Spec]
		cs := ClockStatus{Name: cc.Name, Spec: cc.Spec, Citation: ci.citation, Status: st, Role: ci.role}
		if cs.Role == RoleLimit {
			light, err := st.KnownLevel(d.policy)
			if err != nil {
				return nil, d.countError("Due", c, "", cc.Name, err)
			}
			cs.Light = light
		}
		out = append(out, cs)
	}
	slices.SortStableFunc(out, func(a, b ClockStatus) int {
		if (a.Due == 0) != (b.Due == 0) {
			if a.Due == 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Due, b.Due)
	})
	return out, nil
}

// Advance applies the automatic outcomes the law attaches to clocks that
// ran out before asOf (视为受理, 视为准予延续, 视为放弃申请 …): for each
// timeout of the case's state whose clock ran out, it fires the timeout's
// trigger as an automatic event at the instant the due day ended, and
// repeats in the state that leads to. It returns the events it fired.
//
// Advance is idempotent: called again with the same or an earlier asOf
// it fires nothing. On error the case keeps the events fired before it.
// A clock of the case's state that cannot be counted up to asOf (the
// calendar does not cover asOf's day, and the clock has not run out
// before the coverage ends) is an error wrapping [ErrCannotCount]: the
// law's outcome is never guessed.
func (d *Definition) Advance(ctx context.Context, c *Case, asOf time.Time) ([]Event, error) {
	var fired []Event
	for range len(d.spec.States) + 1 {
		e, ok, err := d.nextTimeout(c, asOf)
		if err != nil {
			return fired, err
		}
		if !ok {
			return fired, nil
		}
		si, st, err := d.check("Advance", c, nil, &e)
		if err != nil {
			return fired, err
		}
		if err := d.apply(ctx, "Advance", c, si, st, &e); err != nil {
			return fired, err
		}
		fired = append(fired, c.Events[len(c.Events)-1])
	}
	return fired, &Error{Op: "Advance", Case: c.ID, Err: ErrInvalidDefinition, Detail: "automatic outcomes do not come to rest"}
}

// nextTimeout returns the automatic event due first in the case's state,
// if one ran out before asOf. A clock that cannot be counted up to asOf
// is an error: whether its outcome is due would be a guess.
func (d *Definition) nextTimeout(c *Case, asOf time.Time) (Event, bool, error) {
	if c == nil {
		return Event{}, false, nil
	}
	si := d.states[c.State]
	if si == nil {
		return Event{}, false, nil
	}
	t, at, found, err := d.dueTimeout("Advance", c, si, asOf)
	if err != nil {
		return Event{}, false, err
	}
	if !found {
		return Event{}, false, nil
	}
	return Event{Trigger: t.Trigger, At: at, Auto: true,
		Reason: fmt.Sprintf("依法自动生效 / by operation of law: %s", t.Citation)}, true, nil
}

// dueTimeout returns the timeout of state si whose clock ran out first,
// at or before asOf, and when it ran out.
func (d *Definition) dueTimeout(op string, c *Case, si *stateInfo, asOf time.Time) (best *Timeout, at time.Time, found bool, err error) {
	about := deadline.DateOf(asOf)
	for _, i := range si.timeouts {
		t := &d.spec.Timeouts[i]
		end, ok, cerr := d.expiry(c, t, about)
		if cerr != nil {
			return nil, at, false, d.countError(op, c, t.Trigger, t.Clock, cerr)
		}
		if !ok || end.After(asOf) || (found && !end.Before(at)) {
			continue
		}
		best, at, found = t, end, true
	}
	return best, at, found, nil
}

// Replay rebuilds a case from its stored events: a new case with the
// given ID, each event applied in order as [Definition.Fire] would, and
// each automatic event checked to be the outcome the law prescribed at
// its instant. The result equals the case the events were first applied
// to. The error names the first event refused, by its index.
//
// The case's log is a copy of events; [Definition.Rebuild] takes the
// slice itself.
func (d *Definition) Replay(ctx context.Context, id string, events []Event) (*Case, error) {
	var log []Event
	if len(events) > 0 {
		// The events are copied into the log at once: while the garbage
		// collector marks, a copy of values with pointers goes through
		// its write barrier, whose cost is per copy as well as per
		// pointer. Made and copied in one step, the copy shades only the
		// events' pointers, not the new log's.
		log = make([]Event, len(events))
		copy(log, events)
	}
	return d.rebuild(ctx, "Replay", id, log)
}

// Rebuild is [Definition.Replay] for a log the caller hands over, as one
// just read back from storage is: the case it returns keeps events as
// its log, without a copy, so that a change to either is a change to
// both. It saves the copy, the larger part of what a replay allocates.
// An event fired on the case later goes to a new array, never into spare
// room past the slice's length.
//
// Rebuild writes to the events only to put them in the form Fire stores:
// each instant in China Standard Time (the same instant), and the state
// each event led to where the log leaves it out. A log already in that
// form, as Fire left it in memory, is not written to. On error no case
// is returned, and the events up to the one refused may have been so
// written.
func (d *Definition) Rebuild(ctx context.Context, id string, events []Event) (*Case, error) {
	return d.rebuild(ctx, "Rebuild", id, events)
}

// rebuild replays log, which becomes the new case's log, for op: each
// event in turn is in the log's next slot, past its length.
func (d *Definition) rebuild(ctx context.Context, op, id string, log []Event) (*Case, error) {
	c := d.NewCase(id)
	if len(log) > 0 {
		// Clipped to the log's length: an event fired on the case later
		// appends to a new array, never into spare room of the slice
		// handed over, which another case may share.
		c.Events = log[:0:len(log)]
	}
	// One firing serves every event. It stays on the stack: nothing it is
	// handed to keeps it (see holds).
	f := firing{Context: ctx, d: d, c: c}
	var lg ledgers
	// si is the case's state, carried from one event to the next as the
	// state the last step led to, so that it is never looked up.
	si := d.initial
	for i := range log {
		// Each event is in the log's next slot: check normalises it
		// there, the guards and effects read it there, and commit takes
		// it into the log by extending the log's length. A refused event
		// is left past the end of the log of a case that is thrown away.
		e := &c.Events[:i+1][i]
		lg.left = len(log) - i
		f.stateIdx = si.i
		if err := d.replay(&f, &lg, si, e); err != nil {
			if pe, ok := err.(*Error); ok {
				// The case's state field is stored only at the end (see
				// commit): the error names the state the event found.
				pe.Op, pe.Path, pe.event, pe.State = op, fmt.Sprintf("events[%d]", i), i+1, si.spec.ID
				return nil, pe
			}
			return nil, err
		}
		si = d.trans[f.fired].to
	}
	c.State = si.spec.ID
	return c, nil
}

// replay applies the log's next event e to f's case in state si, as
// Fire would, through the definition's own transition index: re-applying
// stored events needs no stateless dispatch, which alone costs more than
// the rest of a step. The model tests check that both paths build
// identical cases. An automatic event is checked to be the outcome the
// law prescribed at its instant.
func (d *Definition) replay(f *firing, lg *ledgers, si *stateInfo, e *Event) error {
	c := f.c
	si, st, err := d.check("Replay", c, si, e)
	if err != nil {
		return err
	}
	if e.Auto {
		if err := d.dueNow(c, si, e); err != nil {
			return err
		}
	}
	if err := d.checkExpired("Replay", c, si, e); err != nil {
		return err
	}
	// Only what changes from one event to the next is set (Replay sets
	// the definition and the case once; ev and state are Fire's): f is
	// reached through a pointer, so every pointer stored here goes
	// through the garbage collector's write barrier.
	f.e, f.fired, f.dated = e, -1, false
	if len(f.unmet) > 0 {
		f.unmet = f.unmet[:0]
	}
	if err := d.choose(f, "Replay", st); err != nil {
		return err
	}
	return d.commit("Replay", f, &d.trans[f.fired], lg)
}

// dueNow refuses an automatic event that is not the outcome the law
// prescribed at its instant in state si.
func (d *Definition) dueNow(c *Case, si *stateInfo, e *Event) error {
	want, at, ok, err := d.dueTimeout("Replay", c, si, e.At)
	if err != nil {
		return err
	}
	if !ok || want.Trigger != e.Trigger || !at.Equal(e.At) {
		return d.eventError("Replay", c, e.Trigger, ErrInvalidEvent, "no automatic outcome of the law was due then")
	}
	return nil
}
