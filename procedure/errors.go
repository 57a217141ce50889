package procedure

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them
// inside an [*Error].
var (
	// ErrInvalidDefinition means a procedure spec or file is malformed.
	ErrInvalidDefinition = errors.New("procedure: invalid definition")
	// ErrInvalidTransition means the definition does not allow the event
	// in the case's state, or a guard failed; the case is unchanged.
	ErrInvalidTransition = errors.New("procedure: transition not allowed")
	// ErrInvalidEvent means an event is malformed: no trigger or instant,
	// an actor without both officer and unit (an automatic outcome has
	// none), a trigger the definition does not know, an instant before
	// the last event's, a payload a clock effect cannot use, or a
	// payload value a guard of the step reads as a flag, a number or a
	// date (or that the step records as a fact a guard reads so) given
	// in another form: "是" where "true" or "false" is read, "一百" for a
	// number, "2025/08/20" for a date.
	ErrInvalidEvent = errors.New("procedure: invalid event")
	// ErrExpired means the law already decided the case: a clock with an
	// automatic outcome ran out before the event. Advance the case first.
	ErrExpired = errors.New("procedure: automatic outcome due")
	// ErrCannotCount means a clock the operation must read cannot be
	// counted. Either the calendar does not cover a day the answer
	// depends on (errors.Is also finds
	// [github.com/xiaoneng/xiaoneng/deadline.ErrOutOfCoverage]: load the
	// calendar with the next year's State Council notice, or opt in to
	// [github.com/xiaoneng/xiaoneng/deadline.ExtendThrough] through
	// [WithCalendar] for provisional answers), or the clock's ledger,
	// read from storage, holds an entry the deadline package refuses.
	ErrCannotCount = errors.New("procedure: clock cannot be counted")
	// ErrWrongDefinition means a case belongs to another definition.
	ErrWrongDefinition = errors.New("procedure: case of another definition")
	// ErrUnknownDefinition means no reference definition has the name.
	ErrUnknownDefinition = errors.New("procedure: unknown definition")
)

// Error is the error type of the package. It wraps one of the sentinels
// and says where the problem is.
type Error struct {
	// Op is the operation, e.g. "Fire" or "New".
	Op string
	// Path locates a problem in a spec or file, e.g.
	// "transitions[3].guards[0]", or an event in a log, "events[4]".
	Path string
	// Case is the case's ID, State its state and Trigger the event's
	// trigger, where they apply.
	Case    string
	State   State
	Trigger Trigger
	// Unmet lists the guards that failed, each saying what must hold.
	// Where several transitions leave the state on the trigger, it lists
	// those of the transitions the event was meant for: the ones whose
	// guards that tell them apart (a ground, a party, an amount band)
	// held. Where none's did, or all's, it lists every failed guard, in
	// the order the transitions are declared. A guard several transitions
	// share (the party sought reconsideration) is listed once.
	Unmet []string
	// Detail says in words what is wrong.
	Detail string
	// Err is the sentinel, or a cause that wraps one.
	Err error

	event int // the index of the event in the log, plus one; 0 for none
}

// Event returns the index in the log of the event Replay refused, and
// reports whether the error is about one.
func (e *Error) Event() (int, bool) { return e.event - 1, e.event > 0 }

// Error returns the message: "procedure: Op: Path: case C in state S on
// trigger T: problem: detail (unmet: …)", leaving out what is empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("procedure: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	var where []string
	if e.Case != "" {
		where = append(where, "case "+e.Case)
	}
	if e.State != "" {
		where = append(where, "in state "+string(e.State))
	}
	if e.Trigger != "" {
		where = append(where, "on trigger "+string(e.Trigger))
	}
	if len(where) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(where, " "))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "procedure: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if len(e.Unmet) > 0 {
		fmt.Fprintf(&b, " (unmet: %s)", strings.Join(e.Unmet, "; "))
	}
	return b.String()
}

// Unwrap returns the wrapped sentinel or cause.
func (e *Error) Unwrap() error { return e.Err }

type problems struct {
	op  string
	all []error
}

func (p *problems) add(path string, format string, args ...any) {
	p.all = append(p.all, &Error{Op: p.op, Path: path, Err: ErrInvalidDefinition, Detail: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error { return errors.Join(p.all...) }
