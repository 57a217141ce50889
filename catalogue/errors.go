package catalogue

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one of them
// inside an [*Error], so callers branch with [errors.Is] and read the
// context with [errors.As].
var (
	// ErrInvalidCatalogue means a catalogue, an item or a green channel
	// breaks the rules: a malformed file, an unknown procedure or clock,
	// a promised limit longer than the statutory one, duplicate codes, an
	// item in force before its basis. Loaders report every problem, each
	// wrapping this sentinel.
	ErrInvalidCatalogue = errors.New("catalogue: invalid catalogue")
	// ErrNotInCatalogue means no item of the catalogue has the code:
	// 目录之外无权力, no power outside the catalogue.
	ErrNotInCatalogue = errors.New("catalogue: not in the catalogue")
	// ErrNotInForce means the catalogue lists the code, but no version of
	// the item is in force on the day asked.
	ErrNotInForce = errors.New("catalogue: item not in force")
	// ErrUnknownGreenChannel means no green channel (绿色通道) has the ID,
	// or the green channel does not cover the item.
	ErrUnknownGreenChannel = errors.New("catalogue: unknown green channel")
	// ErrInvalidInput means an argument is unusable: no day, a blank case
	// ID, a refusal without a ground or a competent unit, an event asked
	// of a result whose procedure has no such step, no voucher.
	ErrInvalidInput = errors.New("catalogue: invalid input")
)

// Error is the error type of the package. It wraps one of the sentinels
// and says where the problem is. Loaders return every problem they find
// as an [errors.Join] of *Error values, so that errors.Is and errors.As
// see each of them.
type Error struct {
	// Op is the operation: "New", "Parse", "Load", "Start", "Intake" …
	Op string
	// Path locates a problem in a catalogue, e.g.
	// "items[3].materials[1].defer_days" or
	// "green_channels[0].items[2].limit"; for malformed JSON, "line 12,
	// column 5". It is empty when the problem is not in one place.
	Path string
	// Item is the code of the item concerned, when there is one.
	Item string
	// Err is the sentinel, or a cause that wraps one.
	Err error
	// Detail says in words what is wrong.
	Detail string
}

// Error returns the message "catalogue: Op: Path: item CODE: problem:
// detail", leaving out the parts that are empty. The text is for people:
// match errors with errors.Is and errors.As, and fields, not the text.
func (e *Error) Error() string {
	if e == nil {
		return "catalogue: <nil>"
	}
	var b strings.Builder
	b.WriteString("catalogue: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	if e.Item != "" {
		b.WriteString(": item ")
		b.WriteString(e.Item)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "catalogue: "))
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the wrapped sentinel or cause.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// maxProblems caps the problems a loader collects, so that a hostile
// file cannot make the report itself unbounded.
const maxProblems = 1000

// problems collects the problems of a load or a validation.
type problems struct {
	op      string
	errs    []error
	dropped int
	// decoded are the paths where the reader already reported a problem:
	// validation does not report the same place again.
	decoded []string
}

// add records a problem at path, about item code (may be empty).
func (p *problems) add(path, code, format string, args ...any) {
	p.addErr(path, code, ErrInvalidCatalogue, fmt.Sprintf(format, args...))
}

func (p *problems) addErr(path, code string, err error, detail string) {
	for _, d := range p.decoded {
		if path == d || strings.HasPrefix(path, d+".") || strings.HasPrefix(path, d+"[") {
			return
		}
	}
	if len(p.errs) >= maxProblems {
		p.dropped++
		return
	}
	p.errs = append(p.errs, &Error{Op: p.op, Path: path, Item: code, Err: err, Detail: detail})
}

// decodeProblem records a problem of the reader at path, and keeps
// validation from reporting it again.
func (p *problems) decodeProblem(path, format string, args ...any) {
	p.add(path, "", format, args...)
	p.decoded = append(p.decoded, path)
}

func (p *problems) ok() bool { return len(p.errs) == 0 && p.dropped == 0 }

func (p *problems) err() error {
	if p.ok() {
		return nil
	}
	errs := p.errs
	if p.dropped > 0 {
		errs = append(errs[:len(errs):len(errs)], &Error{Op: p.op, Err: ErrInvalidCatalogue,
			Detail: strconv.Itoa(p.dropped) + " more problems not reported"})
	}
	return errors.Join(errs...)
}

// at builds a path element: at("items", 3) is "items[3]".
func at(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// inputError returns an *Error wrapping ErrInvalidInput.
func inputError(op, code, format string, args ...any) error {
	return &Error{Op: op, Item: code, Err: ErrInvalidInput, Detail: fmt.Sprintf(format, args...)}
}
