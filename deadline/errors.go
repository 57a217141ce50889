package deadline

import (
	"errors"
	"strings"

	"github.com/rickb777/date/v2"
)

// Sentinel errors. Every error the package returns wraps one of them, so
// callers branch with [errors.Is]; the [*Error] around it carries the
// operation, the date and the location.
var (
	// ErrOutOfCoverage means a date lies outside the calendar's coverage,
	// or a count runs past it. The calendar never guesses.
	ErrOutOfCoverage = errors.New("deadline: date outside the calendar's coverage")
	// ErrInvalidDate means a text is not a date of the form YYYY-MM-DD.
	ErrInvalidDate = errors.New("deadline: invalid date")
	// ErrInvalidCalendar means a calendar spec or file is malformed.
	ErrInvalidCalendar = errors.New("deadline: invalid calendar")
	// ErrInvalidPeriod means a period has an unknown unit or a negative
	// length, or a policy has impossible thresholds.
	ErrInvalidPeriod = errors.New("deadline: invalid period")
	// ErrInvalidRule means a rule is incomplete or inconsistent.
	ErrInvalidRule = errors.New("deadline: invalid rule")
	// ErrUnknownRule means no reference rule has the requested ID.
	ErrUnknownRule = errors.New("deadline: unknown rule")
	// ErrInvertedInterval means an interval ends before it starts.
	ErrInvertedInterval = errors.New("deadline: interval ends before it starts")
	// ErrOverlap means a suspension would begin while another is open.
	ErrOverlap = errors.New("deadline: suspension overlaps another")
	// ErrExtensionRefused means an extension lacks an approver or a
	// reason, exceeds the rule's cap, or comes after the period ended.
	ErrExtensionRefused = errors.New("deadline: extension refused")
	// ErrClockStopped means an entry was offered to a stopped clock.
	ErrClockStopped = errors.New("deadline: clock stopped")
	// ErrEntryRefused means a ledger entry is out of order, names a
	// cause the rule does not allow, or does not fit the clock's state.
	ErrEntryRefused = errors.New("deadline: ledger entry refused")
)

// Error is the error type of the package. It wraps one of the sentinel
// errors and says where the problem is.
type Error struct {
	// Op is the operation that failed, e.g. "AddWorkingDays" or "ParseCalendar".
	Op string
	// Path locates the problem inside a spec, file or ledger, e.g.
	// "arrangements[3].holidays[1].off[2]" or "ledger[4]"; empty when
	// the problem is not inside a document.
	Path string
	// Date is the date at fault; zero when no single date is.
	Date date.Date
	// Detail says in words what is wrong, beyond the sentinel's text.
	Detail string
	// Err is the sentinel (or a cause that wraps one).
	Err error
}

// Error returns the message: "deadline: Op: Path: Date: problem: detail",
// leaving out the parts that are empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("deadline: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	if e.Date != 0 {
		b.WriteString(": ")
		b.WriteString(e.Date.String())
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "deadline: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the wrapped sentinel or cause.
func (e *Error) Unwrap() error { return e.Err }

// withOp returns err with its operation renamed, without changing err.
func withOp(err error, op string) error {
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		all := u.Unwrap()
		out := make([]error, len(all))
		for i, e := range all {
			out[i] = withOp(e, op)
		}
		return errors.Join(out...)
	}
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Op = op
		return &c
	}
	return err
}

func errorf(op string, d date.Date, err error, detail string) *Error {
	return &Error{Op: op, Date: d, Err: err, Detail: detail}
}
