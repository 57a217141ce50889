package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// MaxDocumentBytes bounds a file or request body the operations read.
const MaxDocumentBytes = 8 << 20

// Service runs the operations. Its fields are the defaults a request may
// override: the calendar, the discretion benchmark and the catalogue.
// The zero Service counts on deadline.ChinaMainland and has no benchmark
// or catalogue.
//
// A Service is safe for concurrent use once its fields are set; it caches
// the reference procedure definitions it compiles.
type Service struct {
	// Calendar is the calendar requests count on when they name none;
	// nil means deadline.ChinaMainland.
	Calendar *deadline.Calendar
	// Benchmark is the discretion benchmark requests use when they carry
	// none; nil means a request must carry one.
	Benchmark *discretion.Benchmark
	// Catalogue is the catalogue of service items requests use when they
	// carry none; nil means a request must carry one.
	Catalogue *catalogue.Catalogue

	defs  sync.Map     // defKey → *procedure.Definition on Calendar
	nDefs atomic.Int32 // entries in defs
}

// maxDefs bounds the reference definitions a Service keeps: one per
// procedure and set of time-of-day options a request has asked for, and
// a request cannot make it grow without end.
const maxDefs = 256

// defKey names a reference definition on the service's calendar, with the
// time-of-day options it was built with.
type defKey struct {
	name string
	timeOptions
}

// calendar returns the calendar a request counts on: the one it carries,
// else the service's, else the national one; extended through a day when
// the request asks.
func (s *Service) calendar(raw json.RawMessage, extend string) (*deadline.Calendar, error) {
	cal := s.Calendar
	if len(raw) > 0 && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		c, err := deadline.ParseCalendar(raw)
		if err != nil {
			return nil, wrap(CodeInvalidCalendar, err)
		}
		cal = c
	}
	if cal == nil {
		cal = deadline.ChinaMainland()
	}
	if extend != "" {
		d, err := parseDate("extend_through", extend)
		if err != nil {
			return nil, err
		}
		if cal, err = cal.With(deadline.ExtendThrough(d)); err != nil {
			return nil, AsError(err)
		}
	}
	return cal, nil
}

// CalendarWith returns the service's calendar extended on the weekly
// pattern through a day, YYYY-MM-DD.
func (s *Service) CalendarWith(extendThrough string) (*deadline.Calendar, error) {
	s = s.orZero()
	return s.calendar(nil, extendThrough)
}

// CalendarRef names the calendar the service counts on when a request
// names none.
func (s *Service) CalendarRef() CalendarRef {
	s = s.orZero()
	cal := s.Calendar
	if cal == nil {
		cal = deadline.ChinaMainland()
	}
	return calendarRef(cal)
}

// LoadCalendar reads a calendar file: the JSON format of
// deadline.ParseCalendar, or iCalendar when the name ends in .ics or the
// data starts with BEGIN:VCALENDAR.
func LoadCalendar(name string, data []byte) (*deadline.Calendar, error) {
	if len(data) > MaxDocumentBytes {
		return nil, Errorf(CodeRequestTooLarge, "%s has %d bytes, more than the %d allowed", name, len(data), MaxDocumentBytes)
	}
	var (
		cal *deadline.Calendar
		err error
	)
	if IsICS(name, data) {
		cal, err = ics.Import(data)
	} else {
		cal, err = deadline.ParseCalendar(data)
	}
	if err != nil {
		return nil, wrap(CodeInvalidCalendar, err)
	}
	return cal, nil
}

// IsICS reports whether a calendar file is iCalendar rather than JSON:
// its name ends in .ics, or its data starts with BEGIN:VCALENDAR.
func IsICS(name string, data []byte) bool {
	if strings.HasSuffix(strings.ToLower(name), ".ics") {
		return true
	}
	head := bytes.TrimLeft(data, "\ufeff \t\r\n")
	return len(head) >= 15 && strings.EqualFold(string(head[:15]), "BEGIN:VCALENDAR")
}

// Decode reads one JSON value from r into v strictly: unknown members,
// trailing data and more than max bytes are errors, with codes
// malformed_json, bad_request and request_too_large.
func Decode(r io.Reader, max int64, v any) error {
	if r == nil {
		return Errorf(CodeMalformedJSON, "malformed JSON: empty input")
	}
	lr := &io.LimitedReader{R: r, N: max + 1}
	data, err := io.ReadAll(lr)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return Errorf(CodeRequestTooLarge, "the request body is larger than %d bytes", max)
		}
		return Errorf(CodeBadRequest, "cannot read the request: %v", err)
	}
	if int64(len(data)) > max {
		return Errorf(CodeRequestTooLarge, "the request body is larger than %d bytes", max)
	}
	return Unmarshal(data, v)
}

// Unmarshal reads data into v strictly, as Decode does.
func Unmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(data, err)
	}
	if dec.More() {
		return Errorf(CodeMalformedJSON, "malformed JSON: data after the value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return Errorf(CodeMalformedJSON, "malformed JSON: data after the value")
	}
	return nil
}

// jsonError says where a JSON document is wrong.
func jsonError(data []byte, err error) *Error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
		e   *Error
	)
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, io.EOF):
		return Errorf(CodeMalformedJSON, "malformed JSON: empty input")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(CodeMalformedJSON, "malformed JSON: unexpected end of input")
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return Errorf(CodeMalformedJSON, "malformed JSON at line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the value"
		}
		return Errorf(CodeBadRequest, "%s: a JSON %s cannot be read as %s", field, typ.Value, typeName(typ.Type.String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return Errorf(CodeBadRequest, "unknown member %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	// Errors of the UnmarshalJSON and UnmarshalText methods of the
	// library's types: a value the request should not have sent.
	return &Error{Code: CodeBadRequest, Message: err.Error(), Err: err}
}

// typeName makes a Go type name readable in a message.
func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return "an object"
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	}
	return "a number"
}

// position turns a byte offset into a line and a column in characters.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// parseDate reads a date of the form YYYY-MM-DD; field names the member.
func parseDate(field, s string) (date.Date, error) {
	if s == "" {
		return 0, Errorf(CodeBadRequest, "%s: a date (YYYY-MM-DD) is required", field)
	}
	d, err := deadline.ParseDate(s)
	if err != nil {
		return 0, Errorf(CodeInvalidDate, "%s: %s", field, dateDetail(err))
	}
	return d, nil
}

// dateDetail is what deadline.ParseDate found wrong with a text.
func dateDetail(err error) string {
	if e, ok := errors.AsType[*deadline.Error](err); ok {
		return e.Detail
	}
	return err.Error()
}

// parseInstant reads an instant in RFC 3339, or a date, meaning the end of
// that day in China Standard Time (the start of the next).
func parseInstant(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, Errorf(CodeBadRequest, "%s: an instant (RFC 3339) or a date (YYYY-MM-DD) is required", field)
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := deadline.ParseDate(s)
	if err != nil {
		return time.Time{}, Errorf(CodeInvalidDate, "%s: %q is neither an instant (RFC 3339) nor a date (YYYY-MM-DD)", field, s)
	}
	y, m, dd := (d + 1).Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, deadline.ChinaStandardTime()), nil
}

// parseRFC3339 reads an instant in RFC 3339, as an event's at is written;
// field names the member.
func parseRFC3339(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, Errorf(CodeBadRequest, "%s: an instant (RFC 3339) is required", field)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, Errorf(CodeInvalidDate, "%s: %q is not an instant (RFC 3339, e.g. 2025-09-26T09:00:00+08:00)", field, s)
	}
	return t, nil
}

// outOfCoverage says which date lies outside which coverage, for an
// error wrapping deadline.ErrOutOfCoverage; other errors pass through as
// AsError makes them. what describes the operation; dates are the dates
// the request gave.
func outOfCoverage(err error, cal *deadline.Calendar, what string, dates ...date.Date) error {
	if !errors.Is(err, deadline.ErrOutOfCoverage) {
		return AsError(err)
	}
	from, to := cal.Coverage()
	msg := fmt.Sprintf("%s runs past the coverage of the calendar %s, %s to %s", what, cal.ID(), from, to)
	for _, d := range dates {
		if d < from || d > to {
			msg = fmt.Sprintf("%s is outside the coverage of the calendar %s, %s to %s", d, cal.ID(), from, to)
			break
		}
	}
	msg += "; the calendar never guesses: extend it on the weekly pattern explicitly (extend_through, --extend-through) for a provisional answer"
	return &Error{Code: CodeOutOfCoverage, Message: msg, Err: err}
}

// Citation is a provision, as data and as text.
type Citation struct {
	Law       string `json:"law"`
	Article   int    `json:"article,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Item      int    `json:"item,omitempty"`
	// Version is the revision cited, YYYY-MM-DD; empty for the one in
	// force.
	Version string `json:"version,omitempty"`
	// Text and TextEN are the citation as notices write it.
	Text   string `json:"text" doc:"as notices write it: 《行政许可法》第四十二条第一款"`
	TextEN string `json:"text_en"`
}

// Cite returns the wire form of a citation.
func Cite(c xiaoneng.Citation) Citation {
	out := Citation{Law: string(c.Law), Article: c.Article, Paragraph: c.Paragraph, Item: c.Item, Text: c.String(), TextEN: c.English()}
	if c.Version != 0 {
		out.Version = c.Version.String()
	}
	return out
}

// Cites returns the wire form of citations; never nil.
func Cites(cs []xiaoneng.Citation) []Citation {
	out := make([]Citation, 0, len(cs))
	for _, c := range cs {
		if !c.IsZero() {
			out = append(out, Cite(c))
		}
	}
	return out
}

// CalendarRef names the calendar a result was counted on.
type CalendarRef struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	NameEN string `json:"name_en,omitempty"`
	From   string `json:"from" doc:"first day covered"`
	To     string `json:"to" doc:"last day covered, an extension included"`
}

func calendarRef(c *deadline.Calendar) CalendarRef {
	zh, en := c.Name()
	from, to := c.Coverage()
	return CalendarRef{ID: c.ID(), Name: zh, NameEN: en, From: from.String(), To: to.String()}
}

func sortStrings(s []string) { slices.Sort(s) }

// isNull reports whether a raw member is absent or null.
func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || bytes.Equal(t, []byte("null"))
}

// definitionFor returns the procedure definition a request names: the
// definition it carries, else the reference definition of that name, on
// the calendar, with the time-of-day options po sets. A reference
// definition on the service's calendar is built once for each set of
// options (up to maxDefs in all).
func (s *Service) definitionFor(name string, raw json.RawMessage, cal *deadline.Calendar, po ProcedureOptions) (*procedure.Definition, error) {
	t, err := po.resolve()
	if err != nil {
		return nil, err
	}
	opts := []procedure.Option{procedure.WithOfficeHours(t.hours), procedure.WithRestTime(t.rest)}
	if cal != nil {
		opts = append(opts, procedure.WithCalendar(cal))
	}
	if !isNull(raw) {
		d, err := procedure.ParseDefinition(raw, opts...)
		if err != nil {
			return nil, wrap(CodeInvalidDefinition, err)
		}
		if id, _ := d.ID(); name != "" && id != name {
			return nil, Errorf(CodeWrongProcedure, "the definition given is %q, not %q", id, name)
		}
		return d, nil
	}
	if name == "" {
		return nil, Errorf(CodeBadRequest, "procedure: a procedure name is required (one of %s)", strings.Join(procedure.ReferenceNames(), ", "))
	}
	if !slices.Contains(procedure.ReferenceNames(), name) {
		return nil, Errorf(CodeUnknownProcedure, "unknown procedure %q; the reference procedures are %s", name, strings.Join(procedure.ReferenceNames(), ", "))
	}
	key := defKey{name, t}
	shared := cal == s.Calendar || (s.Calendar == nil && cal == deadline.ChinaMainland())
	if shared {
		if d, ok := s.defs.Load(key); ok {
			return d.(*procedure.Definition), nil
		}
	}
	d, err := procedure.Reference(name, opts...)
	if err != nil {
		return nil, AsError(err)
	}
	if shared && s.nDefs.Load() < maxDefs {
		if _, loaded := s.defs.LoadOrStore(key, d); !loaded {
			s.nDefs.Add(1)
		}
	}
	return d, nil
}

// zeroService stands in for a nil *Service.
var zeroService = &Service{}

// orZero returns s, or the zero Service for a nil s, so that no method
// panics on a nil receiver.
func (s *Service) orZero() *Service {
	if s == nil {
		return zeroService
	}
	return s
}
