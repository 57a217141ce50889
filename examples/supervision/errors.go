package supervision

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them
// inside an *Error; errors from package procedure or accountability, and
// from the database driver, are wrapped as well, so errors.Is finds both.
var (
	// ErrUnavailable means the database cannot be reached or opened:
	// no server, a bad DSN, a file that cannot be created, an unknown
	// driver.
	ErrUnavailable = errors.New("supervision: database unavailable")
	// ErrClosed means the store was closed.
	ErrClosed = errors.New("supervision: store closed")
	// ErrSchema means the database's schema is missing or newer than
	// this package: call Store.Migrate, or upgrade the program.
	ErrSchema = errors.New("supervision: schema not migrated")
	// ErrInvalidInput means an argument is malformed: an empty ID,
	// a string that is not UTF-8 or holds a NUL byte, an instant out of
	// range, an officer or unit not on the roster, a register entry for an
	// event the log does not hold.
	ErrInvalidInput = errors.New("supervision: invalid input")
	// ErrUnknownDefinition means a case names a procedure the store was
	// not given, or another version of it.
	ErrUnknownDefinition = errors.New("supervision: unknown procedure")
	// ErrNotFound means no case has the ID.
	ErrNotFound = errors.New("supervision: case not found")
	// ErrExists means a case with the ID is already stored.
	ErrExists = errors.New("supervision: case already exists")
	// ErrRefused means the procedure refused an event; the error wraps
	// the procedure's *procedure.Error as well, with the state, trigger
	// and unmet guards. Nothing was written.
	ErrRefused = errors.New("supervision: event refused")
	// ErrCorrupt means stored data cannot be read back: a payload that
	// is not JSON, or a log that no longer replays on its procedure.
	ErrCorrupt = errors.New("supervision: stored data corrupt")
)

// Error is the error type of the package. It wraps one of the sentinels
// (Kind) and the cause (Err), and says where the problem is.
type Error struct {
	// Op is the operation, e.g. "AppendEvents".
	Op string
	// Case is the case's ID, where one applies.
	Case string
	// Index is the position of the event concerned in the events given
	// (AppendEvents) or in the stored log (ErrCorrupt), or -1.
	Index int
	// Kind is the sentinel.
	Kind error
	// Detail says in words what is wrong.
	Detail string
	// Err is the cause, or nil.
	Err error
}

// Error returns the message: "supervision: Op: case C: event I: problem:
// detail: cause", leaving out what is empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("supervision: ")
	b.WriteString(e.Op)
	if e.Case != "" {
		b.WriteString(": case ")
		b.WriteString(strconv.Quote(e.Case))
	}
	if e.Index >= 0 {
		b.WriteString(": event ")
		b.WriteString(strconv.Itoa(e.Index))
	}
	if e.Kind != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Kind.Error(), "supervision: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the sentinel and the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// fail builds an *Error with no event index.
func fail(op, caseID string, kind error, cause error, detail string) *Error {
	return &Error{Op: op, Case: caseID, Index: -1, Kind: kind, Detail: detail, Err: cause}
}
