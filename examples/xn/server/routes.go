package server

import (
	"context"
	"net/http"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

// Route is one operation of the service, as registered and as the OpenAPI
// document describes it.
type Route struct {
	Method, Path string
	// ID is the OpenAPI operationId.
	ID          string
	Tag         string
	Summary     string
	Description string
	// Request is a value of the JSON request body's type, nil for none.
	Request any
	// Document names the kind of document a validation route reads as
	// its body, instead of a request object: "calendar", "benchmark" or
	// "catalogue".
	Document string
	// Response is a value of the JSON response's type; nil when the
	// route answers in Media.
	Response any
	// Media are the media types of a response that is not a JSON value
	// of Response's type.
	Media []string
	// Codes are the error codes the route may answer, beside the codes
	// every route may answer.
	Codes []string

	handle func(s *server, r *http.Request) (result, error)
}

// bodyCodes are the codes every route with a body may answer.
var bodyCodes = []string{api.CodeBadRequest, api.CodeMalformedJSON, api.CodeRequestTooLarge}

// calendarCodes are the codes of operations that count days.
var calendarCodes = []string{api.CodeInvalidDate, api.CodeOutOfCoverage, api.CodeInvalidCalendar}

// op adapts an operation on a JSON request to a route handler.
func op[Req, Resp any](f func(s *api.Service, ctx context.Context, req Req) (Resp, error)) func(*server, *http.Request) (result, error) {
	return func(s *server, r *http.Request) (result, error) {
		var req Req
		if err := s.decode(r, &req); err != nil {
			return result{}, err
		}
		res, err := f(s.svc, r.Context(), req)
		if err != nil {
			return result{}, err
		}
		return result{json: res}, nil
	}
}

// plain adapts an operation without a context.
func plain[Req, Resp any](f func(s *api.Service, req Req) (Resp, error)) func(*server, *http.Request) (result, error) {
	return op(func(s *api.Service, _ context.Context, req Req) (Resp, error) { return f(s, req) })
}

// document handles a route whose body is a document to validate, named
// "body" in the problems ("body.ics" when it is iCalendar).
func document(f func(s *api.Service, name string, data []byte) (api.ValidateResponse, error)) func(*server, *http.Request) (result, error) {
	return func(s *server, r *http.Request) (result, error) {
		b, err := s.readBody(r)
		if err != nil {
			return result{}, err
		}
		name := "body"
		if mediaType(r) == "text/calendar" {
			name = "body.ics"
		}
		res, err := f(s.svc, name, b)
		return result{json: res}, err
	}
}

// Routes returns the routes of the service, in the order the OpenAPI
// document lists them.
func Routes() []Route {
	return []Route{
		{
			Method: "GET", Path: "/openapi.json", ID: "openapi", Tag: "service",
			Summary:  "This OpenAPI 3.1 document",
			Response: map[string]any{},
			handle: func(s *server, r *http.Request) (result, error) {
				return result{body: OpenAPI(), contentType: "application/json"}, nil
			},
		},
		{
			Method: "GET", Path: "/healthz", ID: "health", Tag: "service",
			Summary:  "Liveness, and the calendar the service counts on",
			Response: Health{},
			handle: func(s *server, r *http.Request) (result, error) {
				return result{json: s.health()}, nil
			},
		},
		{
			Method: "POST", Path: "/v1/deadline/add", ID: "deadlineAdd", Tag: "deadline",
			Summary:     "The n-th working day after a date",
			Description: "The start day is not counted (民法典 Art 201); make-up working days (调休上班) count. A date or count outside the calendar's coverage answers 422 out_of_coverage, never a guess.",
			Request:     api.AddRequest{}, Response: api.AddResponse{}, Codes: calendarCodes,
			handle: plain((*api.Service).Add),
		},
		{
			Method: "POST", Path: "/v1/deadline/between", ID: "deadlineBetween", Tag: "deadline",
			Summary: "The working days after one date up to and including another",
			Request: api.BetweenRequest{}, Response: api.BetweenResponse{}, Codes: calendarCodes,
			handle: plain((*api.Service).Between),
		},
		{
			Method: "POST", Path: "/v1/deadline/due", ID: "deadlineDue", Tag: "deadline",
			Summary:     "Where a reference time limit, or a period, ends",
			Description: "民法典 Art 200–204: the start day not counted, months to the corresponding day, a last day on a rest day rolled to the next working day.",
			Request:     api.DueRequest{}, Response: api.DueResponse{},
			Codes:  append([]string{api.CodeUnknownRule, api.CodeInvalidPeriod}, calendarCodes...),
			handle: plain((*api.Service).Due),
		},
		{
			Method: "POST", Path: "/v1/deadline/status", ID: "deadlineStatus", Tag: "deadline",
			Summary:     "A legal clock's due date, days used and left, and warning light",
			Description: "The clock is given as deadline.Clock marshals it, or as a reference rule, a start and a ledger of suspensions, restarts, extensions and the stop.",
			Request:     api.ClockRequest{}, Response: api.StatusResponse{},
			Codes:  append([]string{api.CodeUnknownRule, api.CodeInvalidPeriod, api.CodeLedgerRefused, api.CodeInvalidRule}, calendarCodes...),
			handle: plain((*api.Service).Status),
		},
		{
			Method: "POST", Path: "/v1/deadline/explain", ID: "deadlineExplain", Tag: "deadline",
			Summary: "A legal clock's count, day by day, with the provisions",
			Request: api.ClockRequest{}, Response: api.ExplainResponse{},
			Codes:  append([]string{api.CodeUnknownRule, api.CodeInvalidPeriod, api.CodeLedgerRefused, api.CodeInvalidRule}, calendarCodes...),
			handle: plain((*api.Service).Explain),
		},
		{
			Method: "GET", Path: "/v1/deadline/rules", ID: "deadlineRules", Tag: "deadline",
			Summary:  "The reference time limits, with their periods and provisions",
			Response: api.RulesResponse{},
			handle: func(s *server, r *http.Request) (result, error) {
				return result{json: s.svc.Rules()}, nil
			},
		},
		{
			Method: "POST", Path: "/v1/calendar/show", ID: "calendarShow", Tag: "calendar",
			Summary: "A year of a calendar: working days per month, holidays and make-up working days",
			Request: api.ShowRequest{}, Response: api.ShowResponse{}, Codes: calendarCodes,
			handle: plain((*api.Service).Show),
		},
		{
			Method: "POST", Path: "/v1/calendar/validate", ID: "calendarValidate", Tag: "calendar",
			Summary:     "Check a calendar document and report every problem",
			Description: "The body is the calendar itself: JSON (format xiaoneng-calendar/1), or iCalendar with Content-Type text/calendar. A calendar with problems answers 200 with valid false.",
			Document:    "calendar", Response: api.ValidateResponse{},
			handle: document((*api.Service).ValidateCalendar),
		},
		{
			Method: "POST", Path: "/v1/calendar/export", ID: "calendarExport", Tag: "calendar",
			Summary:     "A calendar as JSON or iCalendar",
			Description: "iCalendar: each holiday an all-day event named in Chinese and English; each make-up working day (调休上班) an event marked X-XIAONENG-KIND:makeup.",
			Request:     api.ExportRequest{}, Media: []string{"application/json", "text/calendar"}, Codes: []string{api.CodeInvalidCalendar},
			handle: func(s *server, r *http.Request) (result, error) {
				var req api.ExportRequest
				if err := s.decode(r, &req); err != nil {
					return result{}, err
				}
				b, ct, err := s.svc.Export(req)
				return result{body: b, contentType: ct}, err
			},
		},
		{
			Method: "GET", Path: "/v1/procedures", ID: "procedures", Tag: "cases",
			Summary:  "The reference procedures, with their states, triggers and clocks",
			Response: api.ProceduresResponse{},
			handle: func(s *server, r *http.Request) (result, error) {
				res, err := s.svc.Procedures()
				return result{json: res}, err
			},
		},
		{
			Method: "POST", Path: "/v1/cases/start", ID: "caseStart", Tag: "cases",
			Summary: "A new case of a procedure, in its initial state",
			Request: api.StartRequest{}, Response: api.CaseResponse{},
			Codes:  []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeWrongProcedure, api.CodeInvalidCalendar},
			handle: plain((*api.Service).Start),
		},
		{
			Method: "POST", Path: "/v1/cases/fire", ID: "caseFire", Tag: "cases",
			Summary:     "Fire an event on a case",
			Description: "An event the procedure does not allow answers 422 invalid_transition with the state, trigger and unmet guards; the case is unchanged.",
			Request:     api.FireRequest{}, Response: api.CaseResponse{},
			Codes: []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeInvalidTransition, api.CodeInvalidEvent,
				api.CodeOutcomeDue, api.CodeWrongProcedure, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: op((*api.Service).Fire),
		},
		{
			Method: "POST", Path: "/v1/cases/replay", ID: "caseReplay", Tag: "cases",
			Summary: "Rebuild a case from its stored events",
			Request: api.ReplayRequest{}, Response: api.CaseResponse{},
			Codes: []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeInvalidTransition, api.CodeInvalidEvent,
				api.CodeOutcomeDue, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: op((*api.Service).Replay),
		},
		{
			Method: "POST", Path: "/v1/cases/due", ID: "caseDue", Tag: "cases",
			Summary: "A case's running clocks with their warning lights",
			Request: api.CaseDueRequest{}, Response: api.CaseDueResponse{},
			Codes:  []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeInvalidDate, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: plain((*api.Service).CaseDue),
		},
		{
			Method: "POST", Path: "/v1/cases/advance", ID: "caseAdvance", Tag: "cases",
			Summary: "Apply the outcomes the law attaches to clocks that ran out (视为受理 …)",
			Request: api.AdvanceRequest{}, Response: api.CaseResponse{},
			Codes:  []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeInvalidDate, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: op((*api.Service).Advance),
		},
		{
			Method: "POST", Path: "/v1/cases/next", ID: "caseNext", Tag: "cases",
			Summary:     "The steps open on a case at an instant, and what blocks the others",
			Description: "Each step out of the case's state, the automatic outcomes left out: blocked by the guards the case and the instant decide that fail, and with the guards its event must satisfy. The case is unchanged. An instant before the last event answers 422 invalid_event; one after an automatic outcome took effect answers 422 outcome_due: advance the case first.",
			Request:     api.CaseNextRequest{}, Response: api.CaseNextResponse{},
			Codes: []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition, api.CodeInvalidDate, api.CodeInvalidEvent,
				api.CodeOutcomeDue, api.CodeWrongProcedure, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: plain((*api.Service).CaseNext),
		},
		{
			Method: "POST", Path: "/v1/cases/diagram", ID: "caseDiagram", Tag: "cases",
			Summary: "A procedure's state diagram, Graphviz DOT or Mermaid",
			Request: api.DiagramRequest{}, Media: []string{"text/vnd.graphviz", "text/plain"},
			Codes: []string{api.CodeUnknownProcedure, api.CodeInvalidDefinition},
			handle: func(s *server, r *http.Request) (result, error) {
				var req api.DiagramRequest
				if err := s.decode(r, &req); err != nil {
					return result{}, err
				}
				text, ct, err := s.svc.Diagram(req)
				return result{body: []byte(text), contentType: ct}, err
			},
		},
		{
			Method: "POST", Path: "/v1/discretion/assess", ID: "discretionAssess", Tag: "discretion",
			Summary:     "What a discretion standard allows for the facts of a case",
			Description: "The band (不予处罚, 减轻, 从轻, 一般, 从重), the lawful penalty kinds and fines, the factors used, and the procedures the outcome triggers (听证告知, 法制审核, 集体讨论).",
			Request:     api.AssessRequest{}, Response: api.AssessResponse{},
			Codes:  []string{api.CodeInvalidBenchmark, api.CodeUnknownStandard, api.CodeUnknownFactor, api.CodeUnknownPenaltyKind, api.CodeInvalidInput},
			handle: plain((*api.Service).Assess),
		},
		{
			Method: "POST", Path: "/v1/discretion/check", ID: "discretionCheck", Tag: "discretion",
			Summary:     "Whether a proposed decision lies inside the standard, and every reason it does not",
			Description: "A decision outside the standard answers 200 with ok false and the reasons, each with its citations.",
			Request:     api.CheckRequest{}, Response: api.CheckResponse{},
			Codes:  []string{api.CodeInvalidBenchmark, api.CodeUnknownStandard, api.CodeUnknownFactor, api.CodeUnknownPenaltyKind, api.CodeInvalidInput},
			handle: plain((*api.Service).Check),
		},
		{
			Method: "POST", Path: "/v1/discretion/validate", ID: "discretionValidate", Tag: "discretion",
			Summary:     "Check a discretion benchmark document and report every problem",
			Description: "The body is the benchmark itself, in the format of discretion.Parse. A benchmark with problems answers 200 with valid false.",
			Document:    "benchmark", Response: api.ValidateResponse{},
			handle: document((*api.Service).ValidateBenchmark),
		},
		{
			Method: "POST", Path: "/v1/accountability/evaluate", ID: "accountabilityEvaluate", Tag: "accountability",
			Summary:     "Apply the efficiency rules to case records: findings, sanctions, ranking",
			Description: "The records, inquiries and roster are those of accountability.Input; the response is accountability.Report.",
			Request:     api.EvaluateRequest{}, Response: accountability.Report{},
			Codes:  []string{api.CodeInvalidDate, api.CodeInvalidInput, api.CodeUnknownProcedure, api.CodeInvalidConfig, api.CodeInvalidDefinition, api.CodeOutOfCoverage, api.CodeInvalidCalendar},
			handle: plain((*api.Service).Evaluate),
		},
		{
			Method: "POST", Path: "/v1/catalogue/validate", ID: "catalogueValidate", Tag: "catalogue",
			Summary:     "Check a catalogue of service items (事项清单) and report every problem",
			Description: "The body is the catalogue itself, in the format of catalogue.Parse. A catalogue with problems answers 200 with valid false.",
			Document:    "catalogue", Response: api.ValidateResponse{},
			handle: document((*api.Service).ValidateCatalogue),
		},
		{
			Method: "POST", Path: "/v1/catalogue/guide", ID: "catalogueGuide", Tag: "catalogue",
			Summary: "The service guide (办事指南) of an item in force on a day",
			Request: api.GuideRequest{}, Response: api.GuideResponse{},
			Codes:  []string{api.CodeInvalidCatalogue, api.CodeNotInCatalogue, api.CodeNotInForce, api.CodeInvalidDate},
			handle: plain((*api.Service).Guide),
		},
	}
}

// Health is the answer of GET /healthz.
type Health struct {
	Status   string          `json:"status"`
	Calendar api.CalendarRef `json:"calendar"`
}

func (s *server) health() Health {
	return Health{Status: "ok", Calendar: s.svc.CalendarRef()}
}

// mediaType returns the request's media type without parameters.
func mediaType(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	for i, c := range ct {
		if c == ';' {
			ct = ct[:i]
			break
		}
	}
	return ct
}
