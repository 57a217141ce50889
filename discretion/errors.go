package discretion

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them, so
// callers branch with [errors.Is]; the [*Error] around it says which
// operation failed and where.
var (
	// ErrInvalidStandard means a standard, scheme, policy, factor or whole
	// benchmark document breaks the rules: a band outside the statutory
	// range, overlapping or unordered bands, a negative amount, a missing
	// citation, malformed JSON.
	ErrInvalidStandard = errors.New("discretion: invalid standard")
	// ErrUnknownFactor means a factor ID is neither a statutory factor
	// nor one the benchmark defines.
	ErrUnknownFactor = errors.New("discretion: unknown factor")
	// ErrUnknownPenaltyKind means a penalty kind is not one of the kinds
	// of 行政处罚法 Art 9.
	ErrUnknownPenaltyKind = errors.New("discretion: unknown penalty kind")
	// ErrUnknownStandard means a violation code names no standard of the
	// benchmark.
	ErrUnknownStandard = errors.New("discretion: unknown standard")
	// ErrInvalidInput means facts, a decision or an amount given to an
	// operation are unusable: an unknown party type, a negative or
	// out-of-range amount, a missing base for a fine set as a multiple,
	// a fine without the fine kind, a nil standard.
	ErrInvalidInput = errors.New("discretion: invalid input")
	// ErrNotCompliant is wrapped by the error [Verdict.Err] returns for a
	// decision that lies outside the standard.
	ErrNotCompliant = errors.New("discretion: decision outside the standard")
)

// Error is the error type of the package. It wraps one of the sentinel
// errors and says where the problem is. Loaders return every problem they
// find as an [errors.Join] of *Error values, so [errors.Is] and
// [errors.As] see each of them.
type Error struct {
	// Op is the operation that failed: "parse", "new", "marshal",
	// "unmarshal", "assess", "check", "classify", "governing",
	// "consistency", "add-on" or "payment-deadline".
	Op string
	// Path locates the problem: inside a document, e.g.
	// "standards[3].ranges[0].bands[1].upper"; inside the input, e.g.
	// "facts.factors[2]"; or, for malformed JSON, "line 12, column 5".
	// It is empty when the problem is not in one place.
	Path string
	// Code is the violation code of the standard concerned, or the code
	// of a [ReasonCode] for the errors of [Verdict.Err]; empty when none.
	Code string
	// Err is the sentinel, or a cause that wraps one.
	Err error
}

// Error returns the message "discretion: op path (code): problem",
// leaving out the parts that are empty. The text is for people; match
// errors with [errors.Is] and [errors.As], not by their text.
func (e *Error) Error() string {
	if e == nil {
		return "discretion: <nil>"
	}
	var b strings.Builder
	b.WriteString("discretion: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(" ")
		b.WriteString(e.Path)
	}
	if e.Code != "" {
		b.WriteString(" (")
		b.WriteString(e.Code)
		b.WriteString(")")
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "discretion: "))
	}
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// problemf returns an error wrapping sentinel with a detail.
func problemf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
}

// inputErr returns an *Error for bad input to an operation.
func inputErr(op, path, code string, format string, args ...any) error {
	return &Error{Op: op, Path: path, Code: code, Err: problemf(ErrInvalidInput, format, args...)}
}

// maxProblems caps the problems a loader collects, so that a hostile
// document cannot make the report itself unbounded.
const maxProblems = 1000

// problems collects the *Error values of a load or a validation.
type problems struct {
	op      string
	errs    []error
	dropped int
}

func (p *problems) add(path, code string, err error) {
	if len(p.errs) >= maxProblems {
		p.dropped++
		return
	}
	p.errs = append(p.errs, &Error{Op: p.op, Path: path, Code: code, Err: err})
}

func (p *problems) addf(path, code string, sentinel error, format string, args ...any) {
	p.add(path, code, problemf(sentinel, format, args...))
}

func (p *problems) count() int { return len(p.errs) + p.dropped }

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	errs := p.errs
	if p.dropped > 0 {
		errs = append(errs[:len(errs):len(errs)], &Error{Op: p.op,
			Err: problemf(ErrInvalidStandard, "%d more problems not reported", p.dropped)})
	}
	return errors.Join(errs...)
}

// at builds a path element: at("standards", 3) is "standards[3]".
func at(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// pathf is a location in a document, built without allocating and
// rendered only when a problem is reported there. Validating a document
// of 10,000 standards builds hundreds of thousands of locations and
// reports none of them when all is well.
//
// A pathf points to its parent, which is a variable of the caller: it
// must not outlive the call that builds it.
type pathf struct {
	up    *pathf
	name  string // a field, written ".name" after the parent
	index int    // an index written "[index]" after the field, or -1
	raw   string // text written as is, e.g. " (preset midpoint)"
}

// root returns the location of a top-level field, e.g. "policy".
func root(name string) pathf { return pathf{name: name, index: -1} }

// rootAt returns the location of an element of a top-level list, e.g.
// "standards[3]".
func rootAt(name string, i int) pathf { return pathf{name: name, index: i} }

func (p *pathf) dot(name string) pathf { return pathf{up: p, name: name, index: -1} }

func (p *pathf) at(i int) pathf { return pathf{up: p, index: i} }

// dotAt is p.dot(name).at(i) in one step.
func (p *pathf) dotAt(name string, i int) pathf { return pathf{up: p, name: name, index: i} }

func (p *pathf) withRaw(s string) pathf { return pathf{up: p, index: -1, raw: s} }

func (p *pathf) String() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p *pathf) write(b *strings.Builder) {
	if p.up != nil {
		p.up.write(b)
	}
	if p.name != "" {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.name)
	}
	if p.index >= 0 {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(p.index))
		b.WriteByte(']')
	}
	b.WriteString(p.raw)
}

func (p *problems) addp(path pathf, code string, err error) { p.add(path.String(), code, err) }

func (p *problems) addfp(path pathf, code string, sentinel error, format string, args ...any) {
	p.add(path.String(), code, problemf(sentinel, format, args...))
}
