package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Error codes. They are stable: scripts and other systems branch on them,
// so codes are only ever added, never renamed or reused. Each has one
// HTTP status (see Status).
const (
	// CodeBadRequest: a request lacks a member or has one of the wrong
	// type, or a command line is wrong.
	CodeBadRequest = "bad_request"
	// CodeMalformedJSON: a request body or input file is not JSON.
	CodeMalformedJSON = "malformed_json"
	// CodeRequestTooLarge: a request body is larger than the limit.
	CodeRequestTooLarge = "request_too_large"
	// CodeNotFound: no such route.
	CodeNotFound = "not_found"
	// CodeMethodNotAllowed: the route exists, not with that method.
	CodeMethodNotAllowed = "method_not_allowed"
	// CodeInvalidDate: a date is not of the form YYYY-MM-DD, or an
	// instant not RFC 3339.
	CodeInvalidDate = "invalid_date"
	// CodeInvalidPeriod: a period has an unknown unit or a bad length,
	// or a roll policy or warning policy is unknown.
	CodeInvalidPeriod = "invalid_period"
	// CodeOutOfCoverage: a date, or a count, lies outside the calendar's
	// coverage (deadline.ErrOutOfCoverage).
	CodeOutOfCoverage = "out_of_coverage"
	// CodeInvalidCalendar: a calendar file is malformed or inconsistent.
	CodeInvalidCalendar = "invalid_calendar"
	// CodeUnknownRule: no reference time limit has the ID.
	CodeUnknownRule = "unknown_rule"
	// CodeInvalidRule: a time limit given inline is incomplete.
	CodeInvalidRule = "invalid_rule"
	// CodeLedgerRefused: a clock's ledger entry is refused: out of order,
	// overlapping, for a cause the rule does not allow, an extension
	// beyond the cap or without an approver, an entry after the stop.
	CodeLedgerRefused = "ledger_refused"
	// CodeUnknownProcedure: no reference procedure has the name.
	CodeUnknownProcedure = "unknown_procedure"
	// CodeInvalidDefinition: a procedure definition is malformed.
	CodeInvalidDefinition = "invalid_definition"
	// CodeInvalidTransition: the procedure does not allow the event in
	// the case's state, or a guard failed.
	CodeInvalidTransition = "invalid_transition"
	// CodeInvalidEvent: an event is malformed: no trigger, instant or
	// actor, an unknown trigger, an instant before the last event's.
	CodeInvalidEvent = "invalid_event"
	// CodeOutcomeDue: the law already decided the case (视为受理 …);
	// advance it first.
	CodeOutcomeDue = "outcome_due"
	// CodeWrongProcedure: a case belongs to another procedure.
	CodeWrongProcedure = "wrong_procedure"
	// CodeInvalidBenchmark: a discretion benchmark is malformed.
	CodeInvalidBenchmark = "invalid_benchmark"
	// CodeUnknownStandard: no standard of the benchmark has the code.
	CodeUnknownStandard = "unknown_standard"
	// CodeUnknownFactor: a circumstance factor is unknown.
	CodeUnknownFactor = "unknown_factor"
	// CodeUnknownPenaltyKind: a penalty kind is not one of 行政处罚法
	// Art 9.
	CodeUnknownPenaltyKind = "unknown_penalty_kind"
	// CodeInvalidInput: facts, a decision, records or a roster are
	// unusable.
	CodeInvalidInput = "invalid_input"
	// CodeInvalidConfig: an evaluation's thresholds, ladder or scorecard
	// are inconsistent.
	CodeInvalidConfig = "invalid_config"
	// CodeInvalidCatalogue: a catalogue of service items is malformed.
	CodeInvalidCatalogue = "invalid_catalogue"
	// CodeNotInCatalogue: no item of the catalogue has the code
	// (目录之外无权力).
	CodeNotInCatalogue = "not_in_catalogue"
	// CodeNotInForce: no version of the item is in force on the day.
	CodeNotInForce = "not_in_force"
	// CodeInternal: a fault of the program, not of the request.
	CodeInternal = "internal"
)

// statuses maps each code to its HTTP status.
var statuses = map[string]int{
	CodeBadRequest:         http.StatusBadRequest,
	CodeMalformedJSON:      http.StatusBadRequest,
	CodeRequestTooLarge:    http.StatusRequestEntityTooLarge,
	CodeNotFound:           http.StatusNotFound,
	CodeMethodNotAllowed:   http.StatusMethodNotAllowed,
	CodeInvalidDate:        http.StatusBadRequest,
	CodeInvalidPeriod:      http.StatusBadRequest,
	CodeOutOfCoverage:      http.StatusUnprocessableEntity,
	CodeInvalidCalendar:    http.StatusUnprocessableEntity,
	CodeUnknownRule:        http.StatusNotFound,
	CodeInvalidRule:        http.StatusUnprocessableEntity,
	CodeLedgerRefused:      http.StatusUnprocessableEntity,
	CodeUnknownProcedure:   http.StatusNotFound,
	CodeInvalidDefinition:  http.StatusUnprocessableEntity,
	CodeInvalidTransition:  http.StatusUnprocessableEntity,
	CodeInvalidEvent:       http.StatusUnprocessableEntity,
	CodeOutcomeDue:         http.StatusUnprocessableEntity,
	CodeWrongProcedure:     http.StatusUnprocessableEntity,
	CodeInvalidBenchmark:   http.StatusUnprocessableEntity,
	CodeUnknownStandard:    http.StatusNotFound,
	CodeUnknownFactor:      http.StatusUnprocessableEntity,
	CodeUnknownPenaltyKind: http.StatusUnprocessableEntity,
	CodeInvalidInput:       http.StatusUnprocessableEntity,
	CodeInvalidConfig:      http.StatusUnprocessableEntity,
	CodeInvalidCatalogue:   http.StatusUnprocessableEntity,
	CodeNotInCatalogue:     http.StatusNotFound,
	CodeNotInForce:         http.StatusUnprocessableEntity,
	CodeInternal:           http.StatusInternalServerError,
}

// Codes returns every error code, sorted.
func Codes() []string {
	out := make([]string, 0, len(statuses))
	for c := range statuses {
		out = append(out, c)
	}
	sortStrings(out)
	return out
}

// Status returns the HTTP status of an error code: 400, 404, 405, 413,
// 422 or 500. An unknown code is 500.
func Status(code string) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Error is the error every operation returns: a stable code, a message
// for people, and, for a file with several problems, each of them.
// It marshals as the "error" member of an HTTP error response.
type Error struct {
	Code     string    `json:"code"`
	Message  string    `json:"message"`
	Problems []Problem `json:"problems,omitempty"`
	// Err is the library's error, if any.
	Err error `json:"-"`
}

// Problem is one problem of a file or document, with where it is.
type Problem struct {
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the library's error.
func (e *Error) Unwrap() error { return e.Err }

// Status returns the HTTP status of the error's code.
func (e *Error) Status() int { return Status(e.Code) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// codeOf finds the code of a library error by the sentinel it wraps.
func codeOf(err error) string {
	for _, m := range []struct {
		sentinel error
		code     string
	}{
		{deadline.ErrOutOfCoverage, CodeOutOfCoverage},
		{deadline.ErrInvalidDate, CodeInvalidDate},
		{deadline.ErrInvalidCalendar, CodeInvalidCalendar},
		{ics.ErrInvalid, CodeInvalidCalendar},
		{deadline.ErrInvalidPeriod, CodeInvalidPeriod},
		{deadline.ErrUnknownRule, CodeUnknownRule},
		{deadline.ErrInvalidRule, CodeInvalidRule},
		{deadline.ErrInvertedInterval, CodeLedgerRefused},
		{deadline.ErrOverlap, CodeLedgerRefused},
		{deadline.ErrExtensionRefused, CodeLedgerRefused},
		{deadline.ErrClockStopped, CodeLedgerRefused},
		{deadline.ErrEntryRefused, CodeLedgerRefused},
		{procedure.ErrUnknownDefinition, CodeUnknownProcedure},
		{procedure.ErrInvalidDefinition, CodeInvalidDefinition},
		{procedure.ErrInvalidTransition, CodeInvalidTransition},
		{procedure.ErrInvalidEvent, CodeInvalidEvent},
		{procedure.ErrExpired, CodeOutcomeDue},
		{procedure.ErrWrongDefinition, CodeWrongProcedure},
		{discretion.ErrUnknownStandard, CodeUnknownStandard},
		{discretion.ErrUnknownFactor, CodeUnknownFactor},
		{discretion.ErrUnknownPenaltyKind, CodeUnknownPenaltyKind},
		{discretion.ErrInvalidStandard, CodeInvalidBenchmark},
		{discretion.ErrInvalidInput, CodeInvalidInput},
		{accountability.ErrUnknownDefinition, CodeUnknownProcedure},
		{accountability.ErrInvalidInput, CodeInvalidInput},
		{accountability.ErrInvalidConfig, CodeInvalidConfig},
		{accountability.ErrInvalidLadder, CodeInvalidConfig},
		{accountability.ErrInvalidScorecard, CodeInvalidConfig},
		{catalogue.ErrNotInCatalogue, CodeNotInCatalogue},
		{catalogue.ErrNotInForce, CodeNotInForce},
		{catalogue.ErrInvalidCatalogue, CodeInvalidCatalogue},
		{catalogue.ErrInvalidInput, CodeInvalidInput},
	} {
		if errors.Is(err, m.sentinel) {
			return m.code
		}
	}
	return CodeInternal
}

// AsError turns any error into an *Error: an *Error as it is, a library
// error by the sentinel it wraps, with each joined problem listed, and
// anything else as an internal error.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return wrap(codeOf(err), err)
}

// wrap makes an *Error of a library error with the code, listing the
// problems when the error joins several.
func wrap(code string, err error) *Error {
	ps := problemsOf(err)
	msg := err.Error()
	if len(ps) > 1 {
		msg = fmt.Sprintf("%d problems, the first: %s", len(ps), ps[0].Message)
	}
	if code == CodeInternal {
		msg = "internal error: " + msg
	}
	if len(ps) == 1 && ps[0].Path == "" {
		ps = nil // the message says it all
	}
	return &Error{Code: code, Message: msg, Problems: ps, Err: err}
}

// problemsOf lists the problems an error joins, each with its path when
// the library's error type says where it is.
func problemsOf(err error) []Problem {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	ps := make([]Problem, 0, len(errs))
	for _, e := range errs {
		ps = append(ps, Problem{Path: pathOf(e), Message: strings.TrimSpace(e.Error())})
	}
	return ps
}

// pathOf returns where the library's error says the problem is.
func pathOf(err error) string {
	var (
		de *deadline.Error
		pe *procedure.Error
		se *discretion.Error
		ae *accountability.Error
		ce *catalogue.Error
		ie *ics.Error
	)
	switch {
	case errors.As(err, &ie):
		return ie.Path
	case errors.As(err, &de):
		return de.Path
	case errors.As(err, &pe):
		return pe.Path
	case errors.As(err, &se):
		return se.Path
	case errors.As(err, &ae):
		return ae.Path
	case errors.As(err, &ce):
		return ce.Path
	}
	return ""
}
