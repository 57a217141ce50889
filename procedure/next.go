package procedure

import (
	"fmt"
	"slices"
	"time"

	"github.com/xiaoneng/xiaoneng"
)

// NextStep is a step the definition has out of a case's state, as the
// case stands at an instant: what an integrator shows an officer as the
// actions open to them, and what each still lacks.
type NextStep struct {
	// Trigger is the event that takes the step, To the state it leads
	// to, Citation the provision it rests on. A trigger with several
	// routes (a penalty enforced by the agency or by the court) has a
	// NextStep for each, in definition order.
	Trigger  Trigger
	To       State
	Citation xiaoneng.Citation
	// Blocked lists the step's guards that the case and the instant
	// decide — its facts, its clocks, the days it recorded, the rest
	// time — and that fail, each as Error.Unmet reports it: while one
	// does, no event takes the step at that instant. A step none block
	// is open.
	Blocked []string
	// Needs lists the guards the event itself decides: the keys, values,
	// numbers and dates its payload must give (or must not), an
	// emergency it may state, and the Go guards registered with
	// [WithGuard], which are asked only when an event is fired. Fire
	// checks them; Next does not.
	Needs []string
}

// Open reports whether no guard the case and the instant decide blocks
// the step.
func (n NextStep) Open() bool { return len(n.Blocked) == 0 }

// Next lists the steps out of case c's state at instant at, the
// automatic outcomes Advance applies left out (Due lists their clocks),
// each with the guards that block it and those its event must satisfy.
// A case in a terminal state has none. Next changes nothing.
//
// An instant Fire would refuse every event at is an error, as Fire
// reports it: one before the case's last event ([ErrInvalidEvent]), or
// after an automatic outcome took effect ([ErrExpired]: advance the
// case first). A clock a guard reads that the calendar cannot count at
// that instant is [ErrCannotCount].
func (d *Definition) Next(c *Case, at time.Time) ([]NextStep, error) {
	const op = "Next"
	si, err := d.stateOf(op, c, "")
	if err != nil {
		return nil, err
	}
	if at.IsZero() {
		return nil, d.eventError(op, c, "", ErrInvalidEvent, "no instant")
	}
	if err := d.inOrder(op, c, "", at); err != nil {
		return nil, err
	}
	e := Event{At: at}
	if err := d.checkExpired(op, c, si, &e); err != nil {
		return nil, err
	}
	f := &firing{d: d, c: c, e: &e, fired: -1}
	// One buffer holds every step's lists: each guard is listed once,
	// blocking or needed, so a step's two lists are cut from the guards'
	// room, Blocked from the front and Needs from the back.
	steps, guards := 0, 0
	for k := range si.steps {
		for _, t := range si.steps[k].trans {
			steps++
			guards += len(t.guards)
		}
	}
	out := make([]NextStep, 0, steps)
	buf := make([]string, guards)
	for k := range si.steps {
		st := &si.steps[k]
		if d.automatic(si, st.trigger) {
			continue
		}
		e.Trigger = st.trigger
		for _, t := range st.trans {
			room := buf[:len(t.guards):len(t.guards)]
			buf = buf[len(t.guards):]
			blocked, needs := 0, len(room)
			for i := range t.guards {
				g := &t.guards[i]
				need := eventDecides(g)
				if !need {
					holds := d.holds(g, f)
					if f.fault != nil {
						return nil, d.faultError(op, c, f)
					}
					if holds {
						continue
					}
					// An outside_rest guard with an exception fails only
					// until the event states an emergency.
					need = g.kind == kindOutsideRest && g.spec.Key != "" && !g.spec.Not
				}
				if need {
					needs--
					room[needs] = g.unmet
				} else {
					room[blocked] = g.unmet
					blocked++
				}
			}
			n := NextStep{Trigger: t.spec.Trigger, To: t.spec.To, Citation: t.spec.Citation}
			if blocked > 0 {
				n.Blocked = room[:blocked:blocked]
			}
			if needs < len(room) {
				n.Needs = room[needs:]
				slices.Reverse(n.Needs)
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// eventDecides reports whether guard g is decided by what the event
// gives rather than by the case and the instant: its payload, or a Go
// guard, which may read it.
func eventDecides(g *guardInfo) bool {
	switch g.kind {
	case kindPayload, kindDaysBefore, kindInPeriod, kindAtMost, kindAtLeast, kindCustom:
		return true
	}
	return false
}

// automatic reports whether trigger t is an automatic outcome of state
// si, which Advance applies.
func (d *Definition) automatic(si *stateInfo, t Trigger) bool {
	for _, i := range si.timeouts {
		if d.spec.Timeouts[i].Trigger == t {
			return true
		}
	}
	return false
}

// faultError is the error of a guard that could not answer (see
// firing.fault): only a clock or a day that could not be counted, as
// Next asks no Go guard.
func (d *Definition) faultError(op string, c *Case, f *firing) *Error {
	cf, _ := f.fault.(*countFault)
	if cf == nil {
		return d.eventError(op, c, "", ErrInvalidDefinition, fmt.Sprintf("guard failed: %v", f.fault))
	}
	return d.eventError(op, c, f.e.Trigger, fmt.Errorf("%w: %w", ErrCannotCount, cf.err), cf.what)
}
