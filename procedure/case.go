package procedure

import (
	"maps"
	"slices"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// Case is one case of a procedure, as plain data: its state, the log of
// the events that brought it there, its clocks and the facts recorded on
// the way. An integrator stores it as JSON, or stores the events alone and
// rebuilds the case with [Definition.Replay].
//
// A case changes only by [Definition.Fire] and [Definition.Advance]; a
// refused event leaves it unchanged. One case must not be fired from two
// goroutines at once: serialise the events of a case, as a database row
// lock does. Different cases need no coordination.
type Case struct {
	ID         string `json:"id"`
	Definition string `json:"definition"`
	Version    string `json:"version"`
	State      State  `json:"state"`
	// Events is the log, oldest first.
	Events []Event `json:"events"`
	// Clocks are the case's legal clocks, in the order they started.
	Clocks []CaseClock `json:"clocks"`
	// Facts are what transitions recorded (see [TransitionSpec.Set]).
	Facts map[string]string `json:"facts,omitempty"`
}

// CaseClock is one clock of a case.
type CaseClock struct {
	// Name is the instance's name: the clock's name, or "name:key" for a
	// clock kept per payload value (see [Effect.Per]).
	Name string `json:"name"`
	// Spec is the name of the clock in the definition.
	Spec  string         `json:"spec"`
	Clock deadline.Clock `json:"clock"`
}

// Event is something that happened to a case: a trigger at an instant,
// by an actor, for a reason, with a payload.
type Event struct {
	Trigger Trigger   `json:"trigger"`
	At      time.Time `json:"at"`
	Actor   Actor     `json:"actor,omitzero"`
	Reason  string    `json:"reason,omitempty"`
	// Payload carries the event's data, e.g. reasons=…, department=市监局,
	// units=10, approver=局长.
	Payload map[string]string `json:"payload,omitempty"`
	// Auto marks an outcome the law applied by itself (视为受理 …), fired
	// by [Definition.Advance]; such events have no actor.
	Auto bool `json:"auto,omitempty"`
	// To is the state the event led to, recorded in the log by Fire and
	// Advance, so that a stored log tells the case's path without a
	// replay. An event given to Fire may leave it empty; Replay checks it
	// when it is set.
	To State `json:"to,omitempty"`
}

// Actor is who acted: the officer and the unit (岗位责任).
type Actor struct {
	Officer string `json:"officer"`
	Unit    string `json:"unit"`
}

// NewCase returns a new case of the definition, in its initial state,
// with no events.
func (d *Definition) NewCase(id string) *Case {
	return &Case{ID: id, Definition: d.spec.ID, Version: d.spec.Version, State: d.spec.Initial}
}

// Clone returns a deep copy of the case.
func (c *Case) Clone() *Case {
	if c == nil {
		return nil
	}
	n := *c
	n.Events = slices.Clone(c.Events)
	for i, e := range n.Events {
		n.Events[i].Payload = maps.Clone(e.Payload)
	}
	n.Clocks = slices.Clone(c.Clocks)
	n.Facts = maps.Clone(c.Facts)
	return &n
}

// Clock returns the case's clock instance with the given name. A nil
// case has none.
func (c *Case) Clock(name string) (deadline.Clock, bool) {
	if c == nil {
		return deadline.Clock{}, false
	}
	for _, cc := range c.Clocks {
		if cc.Name == name {
			return cc.Clock, true
		}
	}
	return deadline.Clock{}, false
}

// View is what a [Guard] sees of a case and the event being fired. It is
// valid only during the call. The zero View sees no case and no event:
// its methods return zero values.
type View struct{ f *firing }

// CaseID returns the case's ID.
func (v View) CaseID() string {
	if v.f == nil {
		return ""
	}
	return v.f.c.ID
}

// State returns the state the case is leaving.
func (v View) State() State {
	if v.f == nil {
		return ""
	}
	return v.f.d.spec.States[v.f.stateIdx].ID
}

// Event returns the event being fired. Its payload must not be modified.
func (v View) Event() Event {
	if v.f == nil {
		return Event{}
	}
	return *v.f.e
}

// Payload returns the value of a payload key of the event.
func (v View) Payload(key string) string {
	if v.f == nil {
		return ""
	}
	return v.f.e.Payload[key]
}

// Events returns the case's log before this event, oldest first. It
// must not be modified.
func (v View) Events() []Event {
	if v.f == nil {
		return nil
	}
	return v.f.c.Events
}

// Fact returns the value of a fact of the case.
func (v View) Fact(key string) string {
	if v.f == nil {
		return ""
	}
	return v.f.c.Facts[key]
}

// Clock returns the status of a clock of the case on the event's day,
// and reports whether the case has the clock.
//
// Where the definition's calendar does not cover the clock's due day,
// the status is counted on the calendar extended on the weekly pattern
// alone and says Provisional: whether the clock ran out by the event's
// day is exact all the same. Where the calendar does not cover the
// event's day itself, the clock cannot be counted: Clock reports no
// clock, and the event is refused with an error wrapping
// [ErrCannotCount], whatever the guard answers.
func (v View) Clock(name string) (deadline.Status, bool) {
	if v.f == nil {
		return deadline.Status{}, false
	}
	clk, ok := v.f.c.Clock(name)
	if !ok {
		return deadline.Status{}, false
	}
	day := deadline.DateOf(v.f.e.At)
	st, err := v.f.d.status(clk, day, day)
	if err != nil {
		v.f.fault = &countFault{"clock " + name, err}
		return deadline.Status{}, false
	}
	return st, true
}
