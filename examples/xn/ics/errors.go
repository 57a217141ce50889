package ics

import (
	"errors"
	"strings"
)

// ErrInvalid means an iCalendar file cannot be read as a working-day
// calendar: it is malformed, too large, has an event that is not all-day
// or recurs, or has a property value this package cannot read; or a
// calendar to export is empty. Every error of the package wraps it,
// except those of deadline.New that Import passes on, which wrap
// deadline.ErrInvalidCalendar.
var ErrInvalid = errors.New("ics: invalid calendar")

// Error is the error type of the package: it wraps ErrInvalid and says
// where the problem is.
type Error struct {
	// Op is the operation: "Export", "Decode" or "Import".
	Op string
	// Path locates the problem, e.g. "VEVENT[3] (UID x).DTSTART" or
	// "X-XIAONENG-COVERAGE"; empty when the problem is the whole file.
	Path string
	// Detail says in words what is wrong.
	Detail string
	// Err is ErrInvalid, or a cause that wraps it.
	Err error
}

// Error returns the message "ics: Op: Path: invalid calendar: Detail",
// leaving out the parts that are empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ics: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "ics: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the wrapped sentinel or cause.
func (e *Error) Unwrap() error { return e.Err }

// problems collects the problems of a file, to report them all at once.
type problems struct {
	op   string
	errs []error
}

func (p *problems) add(path, detail string) {
	p.errs = append(p.errs, &Error{Op: p.op, Path: path, Detail: detail, Err: ErrInvalid})
}

func (p *problems) err() error { return errors.Join(p.errs...) }
