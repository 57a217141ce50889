package accountability

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them
// inside an [*Error].
var (
	// ErrInvalidInput means a record, inquiry or roster is malformed: an
	// event by an officer the roster does not know, a state or trigger
	// the case's procedure does not have, a register entry for an event
	// the log does not hold.
	ErrInvalidInput = errors.New("accountability: invalid input")
	// ErrCannotCount means a record or inquiry could not be judged as of
	// the day asked: a count it needs reaches a day its calendar does not
	// cover, such as a limit still running on a day past the last
	// holiday notice the calendar holds. The error wraps
	// [deadline.ErrOutOfCoverage] too. A calendar extended with
	// [deadline.ExtendThrough] gives a provisional answer instead.
	ErrCannotCount = errors.New("accountability: cannot count")
	// ErrUnknownDefinition means a record's case belongs to a procedure
	// the evaluator was not given.
	ErrUnknownDefinition = errors.New("accountability: unknown procedure")
	// ErrInvalidConfig means a profile, threshold or rule set is
	// inconsistent.
	ErrInvalidConfig = errors.New("accountability: invalid configuration")
	// ErrInvalidLadder means a sanction ladder has gaps, unknown
	// measures or impossible escalations.
	ErrInvalidLadder = errors.New("accountability: invalid sanction ladder")
	// ErrInvalidScorecard means a scorecard's weights do not sum as
	// declared, or it names unknown indicators or rules.
	ErrInvalidScorecard = errors.New("accountability: invalid scorecard")
)

// Error is the error type of the package. It wraps one of the sentinels
// and says where the problem is.
type Error struct {
	// Op is the operation, e.g. "Evaluate" or "NewLadder".
	Op string
	// Path locates the problem, e.g. "records[3].case.events[2].actor".
	Path string
	// Detail says in words what is wrong.
	Detail string
	// Err is the sentinel, or a cause that wraps one.
	Err error
}

// Error returns the message: "accountability: Op: Path: problem: detail".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("accountability: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "accountability: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the wrapped sentinel or cause.
func (e *Error) Unwrap() error { return e.Err }

type problems struct {
	op  string
	err error // the sentinel
	all []error
}

func (p *problems) add(path, format string, args ...any) {
	p.all = append(p.all, &Error{Op: p.op, Path: path, Err: p.err, Detail: fmt.Sprintf(format, args...)})
}

func (p *problems) result() error { return errors.Join(p.all...) }
