// Package api is the wire form of the operations of the xn command and
// its HTTP service: the request and response types that `xn … --json`
// prints and the service reads and writes, the operations on them
// (Service), and the stable error codes (Error, Codes).
//
// Every operation takes a request value and returns a response value or
// an *Error. The CLI fills requests from its arguments and renders
// responses as tables; the HTTP service decodes requests from JSON bodies
// and encodes responses, so that `xn deadline add 2025-09-26 20 --json`
// prints exactly what POST /v1/deadline/add answers.
//
// Dates are strings of the form YYYY-MM-DD and instants RFC 3339; money
// is a decimal string, never a float. Citations carry the provision each
// result rests on, as data and as text. Types of the library with JSON
// forms of their own — procedure.Case, procedure.Event, deadline.Entry,
// accountability.Input and Report — appear as the library writes them.
// Times of day are HH:MM (or HH:MM:SS) in China Standard Time: the
// closing time of office hours and the bounds of the night of a
// request's ProcedureOptions.
//
// The package owns no rules: it calls the library's packages deadline,
// procedure, discretion, accountability and catalogue, and ics for
// iCalendar files.
package api
