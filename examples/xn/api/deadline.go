package api

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// maxCount bounds the working days one request counts: more than a
// century, far beyond any published calendar.
const maxCount = 100000

// startNotCounted is the rule that the start day is not counted.
var startNotCounted = xiaoneng.Cite(xiaoneng.CivilCode, 201, 1)

// CalendarOptions are the members of every request that counts days.
type CalendarOptions struct {
	// Calendar is a calendar in the JSON format of deadline.ParseCalendar;
	// absent, the service's calendar, by default the national one.
	Calendar json.RawMessage `json:"calendar,omitempty" doc:"a calendar document (format xiaoneng-calendar/1); absent: the service's, by default cn-mainland"`
	// ExtendThrough extends the calendar with the weekly pattern alone
	// through that day, YYYY-MM-DD; results using such days are
	// provisional.
	ExtendThrough string `json:"extend_through,omitempty" doc:"YYYY-MM-DD: extend the calendar on the weekly pattern alone; results that use such days are provisional"`
}

// AddRequest asks for the n-th working day after a date (xn deadline add).
type AddRequest struct {
	Date string `json:"date" doc:"YYYY-MM-DD, not counted"`
	N    int    `json:"n" doc:"working days; negative counts back"`
	CalendarOptions
}

// AddResponse is the n-th working day after the date.
type AddResponse struct {
	Date        string      `json:"date" doc:"the result, YYYY-MM-DD"`
	From        string      `json:"from"`
	N           int         `json:"n"`
	Provisional bool        `json:"provisional"`
	Calendar    CalendarRef `json:"calendar"`
	Citations   []Citation  `json:"citations"`
}

// Add counts n working days from a date: the n-th working day strictly
// after it, or before it for a negative n.
func (s *Service) Add(req AddRequest) (AddResponse, error) {
	s = s.orZero()
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return AddResponse{}, err
	}
	from, err := parseDate("date", req.Date)
	if err != nil {
		return AddResponse{}, err
	}
	if req.N > maxCount || req.N < -maxCount {
		return AddResponse{}, Errorf(CodeBadRequest, "n: %d working days is more than the %d allowed", req.N, maxCount)
	}
	d, err := cal.AddWorkingDays(from, req.N)
	if err != nil {
		return AddResponse{}, outOfCoverage(err, cal, fmt.Sprintf("counting %d working days from %s", req.N, from), from)
	}
	return AddResponse{
		Date: d.String(), From: from.String(), N: req.N,
		Provisional: cal.Provisional(from, d), Calendar: calendarRef(cal),
		Citations: Cites([]xiaoneng.Citation{startNotCounted}),
	}, nil
}

// BetweenRequest asks for the working days between two dates (xn
// deadline between).
type BetweenRequest struct {
	From string `json:"from" doc:"YYYY-MM-DD, not counted"`
	To   string `json:"to" doc:"YYYY-MM-DD, counted"`
	CalendarOptions
}

// BetweenResponse is the number of working days in (from, to], negative
// when to is before from.
type BetweenResponse struct {
	From        string      `json:"from"`
	To          string      `json:"to"`
	WorkingDays int         `json:"working_days"`
	Provisional bool        `json:"provisional"`
	Calendar    CalendarRef `json:"calendar"`
	Citations   []Citation  `json:"citations"`
}

// Between counts the working days after from up to and including to.
func (s *Service) Between(req BetweenRequest) (BetweenResponse, error) {
	s = s.orZero()
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return BetweenResponse{}, err
	}
	from, err := parseDate("from", req.From)
	if err != nil {
		return BetweenResponse{}, err
	}
	to, err := parseDate("to", req.To)
	if err != nil {
		return BetweenResponse{}, err
	}
	n, err := cal.WorkingDaysBetween(from, to)
	if err != nil {
		return BetweenResponse{}, outOfCoverage(err, cal, fmt.Sprintf("counting the working days from %s to %s", from, to), from, to)
	}
	return BetweenResponse{
		From: from.String(), To: to.String(), WorkingDays: n,
		Provisional: cal.Provisional(from, to), Calendar: calendarRef(cal),
		Citations: Cites([]xiaoneng.Citation{startNotCounted}),
	}, nil
}

// Period is a length of time: n units, one of working_days, days,
// months, years.
type Period struct {
	N    int    `json:"n"`
	Unit string `json:"unit" doc:"working_days, days, months or years"`
}

// PeriodText is a period with its wording in Chinese and English.
type PeriodText struct {
	N      int    `json:"n"`
	Unit   string `json:"unit"`
	Text   string `json:"text" doc:"e.g. 20个工作日"`
	TextEN string `json:"text_en"`
}

func periodText(p deadline.Period) PeriodText {
	return PeriodText{N: p.N, Unit: p.Unit.String(), Text: p.Chinese(), TextEN: p.String()}
}

// RuleRef names a time limit.
type RuleRef struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	NameEN string     `json:"name_en,omitempty"`
	Period PeriodText `json:"period"`
}

func ruleRef(r deadline.Rule) RuleRef {
	return RuleRef{ID: r.ID, Name: r.Name, NameEN: r.NameEN, Period: periodText(r.Period)}
}

// DueRequest asks where a period ends (xn deadline due): a reference
// time limit by its ID, or a period.
type DueRequest struct {
	Start  string  `json:"start" doc:"YYYY-MM-DD, the day the period starts, not counted"`
	Rule   string  `json:"rule,omitempty" doc:"a reference time limit, e.g. licensing-decision (see /v1/deadline/rules)"`
	Period *Period `json:"period,omitempty" doc:"a period, when no rule is named"`
	Roll   string  `json:"roll,omitempty" doc:"for a period: rest_days (default), holidays or none"`
	CalendarOptions
}

// DueResponse is where a period ends, and why.
type DueResponse struct {
	Start string `json:"start"`
	Due   string `json:"due" doc:"the last day of the period"`
	// Nominal is the last day before rolling off rest days (民法典 Art 203).
	Nominal     string      `json:"nominal"`
	Rolled      bool        `json:"rolled"`
	Period      PeriodText  `json:"period"`
	Roll        string      `json:"roll,omitempty" doc:"how the end rolls off rest days; empty for working days, which never roll"`
	Rule        *RuleRef    `json:"rule,omitempty"`
	Provisional bool        `json:"provisional"`
	Calendar    CalendarRef `json:"calendar"`
	Citations   []Citation  `json:"citations"`
}

// Due returns where a period, or a reference time limit, started on a day
// ends: the start day not counted (民法典 Art 201), months to the
// corresponding day (Art 202), a last day on a rest day rolled to the
// next working day (Art 203).
func (s *Service) Due(req DueRequest) (DueResponse, error) {
	s = s.orZero()
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return DueResponse{}, err
	}
	start, err := parseDate("start", req.Start)
	if err != nil {
		return DueResponse{}, err
	}
	var (
		p     deadline.Period
		roll  deadline.Roll
		rule  *RuleRef
		cites []xiaoneng.Citation
	)
	switch {
	case req.Rule != "" && req.Period != nil:
		return DueResponse{}, Errorf(CodeBadRequest, "give a rule or a period, not both")
	case req.Rule != "":
		if req.Roll != "" {
			return DueResponse{}, Errorf(CodeBadRequest, "roll: a rule rolls as the law says; give a period to choose")
		}
		r, err := deadline.LookupRule(req.Rule)
		if err != nil {
			return DueResponse{}, unknownRule(req.Rule, err)
		}
		p, roll = r.Period, r.Roll
		ref := ruleRef(r)
		rule = &ref
		cites = append(cites, r.Citations...)
	case req.Period != nil:
		var u deadline.Unit
		if err := u.UnmarshalText([]byte(req.Period.Unit)); err != nil {
			return DueResponse{}, Errorf(CodeInvalidPeriod, "period.unit: %q is not working_days, days, months or years", req.Period.Unit)
		}
		p = deadline.Period{N: req.Period.N, Unit: u}
		if err := p.Validate(); err != nil {
			return DueResponse{}, wrap(CodeInvalidPeriod, err)
		}
		if req.Roll != "" {
			if err := roll.UnmarshalText([]byte(req.Roll)); err != nil {
				return DueResponse{}, Errorf(CodeInvalidPeriod, "roll: %q is not rest_days, holidays or none", req.Roll)
			}
		}
		cites = append(cites, startNotCounted)
		if u == deadline.Months || u == deadline.Years {
			cites = append(cites, xiaoneng.Cite(xiaoneng.CivilCode, 202))
		}
	default:
		return DueResponse{}, Errorf(CodeBadRequest, "give a rule (e.g. licensing-decision) or a period (e.g. 20 working_days)")
	}
	end, err := cal.End(start, p, roll)
	if err != nil {
		return DueResponse{}, outOfCoverage(err, cal, fmt.Sprintf("the period of %s from %s", p, start), start)
	}
	if end.Rolled() && !slices.ContainsFunc(cites, func(c xiaoneng.Citation) bool { return c.Law == xiaoneng.CivilCode && c.Article == 203 }) {
		cites = append(cites, xiaoneng.Cite(xiaoneng.CivilCode, 203, 1))
	}
	out := DueResponse{
		Start: start.String(), Due: end.Date.String(), Nominal: end.Nominal.String(), Rolled: end.Rolled(),
		Period: periodText(p), Rule: rule, Provisional: end.Provisional,
		Calendar: calendarRef(cal), Citations: Cites(cites),
	}
	if p.Unit != deadline.WorkingDays {
		out.Roll = roll.String()
	}
	return out, nil
}

// unknownRule lists the reference rules in the message.
func unknownRule(id string, err error) error {
	return &Error{Code: CodeUnknownRule, Message: fmt.Sprintf("unknown rule %q; list the reference rules with `xn deadline rules` or GET /v1/deadline/rules", id), Err: err}
}

// ClockRequest describes a legal clock and the day to read it on (xn
// deadline status and explain): a clock as deadline.Clock writes it, or a
// reference rule, a start and a ledger.
type ClockRequest struct {
	Clock  json.RawMessage  `json:"clock,omitempty" doc:"a clock as deadline.Clock marshals it: {rule, start, ledger}"`
	Rule   string           `json:"rule,omitempty" doc:"a reference time limit, when no clock is given"`
	Start  string           `json:"start,omitempty" doc:"YYYY-MM-DD, with rule"`
	Ledger []deadline.Entry `json:"ledger,omitempty" doc:"with rule: suspensions, resumptions, restarts, extensions and the stop, in date order"`
	AsOf   string           `json:"as_of" doc:"YYYY-MM-DD: the day the status is read on"`
	Policy *deadline.Policy `json:"policy,omitempty" doc:"warning-light thresholds; absent: one working day or 80 %"`
	CalendarOptions
}

// StatusResponse is what a clock says on a day (xn deadline status).
type StatusResponse struct {
	Rule    RuleRef `json:"rule"`
	AsOf    string  `json:"as_of"`
	Unit    string  `json:"unit"`
	Started string  `json:"started" doc:"the start, or the last restart"`
	// Due is empty while the clock is suspended before its limit was
	// reached.
	Due       string `json:"due,omitempty"`
	Limit     int    `json:"limit"`
	Extended  int    `json:"extended"`
	Elapsed   int    `json:"elapsed"`
	Remaining int    `json:"remaining"`
	// WorkingDaysLeft is absent where the calendar does not cover the
	// days up to Due. The light is then the same whatever they are: a
	// status whose light would turn on them is refused as out of
	// coverage.
	WorkingDaysLeft *int        `json:"working_days_left,omitempty" doc:"the working days among the remaining days, which the light counts"`
	Overdue         int         `json:"overdue"`
	Paused          bool        `json:"paused"`
	Stopped         bool        `json:"stopped"`
	StoppedOn       string      `json:"stopped_on,omitempty"`
	Late            bool        `json:"late"`
	Light           string      `json:"light" doc:"green, yellow or red"`
	LightZH         string      `json:"light_zh" doc:"绿灯, 黄灯 or 红灯"`
	Provisional     bool        `json:"provisional"`
	Calendar        CalendarRef `json:"calendar"`
	Citations       []Citation  `json:"citations"`
}

// clock builds the clock of a request and the day to read it on.
func (s *Service) clock(req ClockRequest) (deadline.Clock, *deadline.Calendar, date.Date, deadline.Policy, error) {
	var zero deadline.Clock
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return zero, nil, 0, deadline.Policy{}, err
	}
	asOf, err := parseDate("as_of", req.AsOf)
	if err != nil {
		return zero, nil, 0, deadline.Policy{}, err
	}
	policy := deadline.DefaultPolicy()
	if req.Policy != nil {
		policy = *req.Policy
		if err := policy.Validate(); err != nil {
			return zero, nil, 0, deadline.Policy{}, wrap(CodeInvalidPeriod, err)
		}
	}
	var c deadline.Clock
	switch {
	case !isNull(req.Clock):
		if req.Rule != "" || req.Start != "" || len(req.Ledger) > 0 {
			return zero, nil, 0, policy, Errorf(CodeBadRequest, "give a clock, or a rule, a start and a ledger, not both")
		}
		if err := json.Unmarshal(req.Clock, &c); err != nil {
			return zero, nil, 0, policy, jsonError(req.Clock, err)
		}
	case req.Rule != "":
		r, err := deadline.LookupRule(req.Rule)
		if err != nil {
			return zero, nil, 0, policy, unknownRule(req.Rule, err)
		}
		start, err := parseDate("start", req.Start)
		if err != nil {
			return zero, nil, 0, policy, err
		}
		if c, err = deadline.Start(r, start); err != nil {
			return zero, nil, 0, policy, AsError(err)
		}
		var b deadline.ClockBuilder
		b.Reset(c)
		for i, e := range req.Ledger {
			if err := b.Apply(cal, e); err != nil {
				ae := wrap(codeOf(err), err)
				if ae.Code == CodeOutOfCoverage {
					return zero, nil, 0, policy, outOfCoverage(err, cal, fmt.Sprintf("ledger[%d] on %s", i, e.On), e.On)
				}
				ae.Message = fmt.Sprintf("ledger[%d]: %s", i, ae.Message)
				return zero, nil, 0, policy, ae
			}
		}
		c = b.Clock()
	default:
		return zero, nil, 0, policy, Errorf(CodeBadRequest, "give a clock, or a rule and a start")
	}
	return c, cal, asOf, policy, nil
}

// workingDaysLeft is a status's working days left as the answers give
// them: absent where the status does not know them.
func workingDaysLeft(st deadline.Status) *int {
	if !st.WorkingDaysKnown {
		return nil
	}
	n := st.WorkingDaysLeft
	return &n
}

func statusResponse(c deadline.Clock, cal *deadline.Calendar, asOf date.Date, st deadline.Status, policy deadline.Policy) StatusResponse {
	r := c.Rule()
	out := StatusResponse{
		Rule: ruleRef(r), AsOf: asOf.String(), Unit: st.Unit.String(), Started: st.Started.String(),
		Limit: st.Limit, Extended: st.Extended, Elapsed: st.Elapsed, Remaining: st.Remaining, Overdue: st.Overdue,
		Paused: st.Paused, Stopped: st.Stopped, Late: st.Late(),
		Light: st.Level(policy).String(), LightZH: st.Level(policy).Chinese(),
		Provisional: st.Provisional, Calendar: calendarRef(cal), Citations: Cites(r.Citations),
	}
	if st.HasDue() {
		out.Due = st.Due.String()
	}
	out.WorkingDaysLeft = workingDaysLeft(st)
	if st.Stopped {
		out.StoppedOn = st.StoppedOn.String()
	}
	return out
}

// Status returns what a clock says as of a day: the due date, the days
// used, left and overdue, and the warning light.
func (s *Service) Status(req ClockRequest) (StatusResponse, error) {
	s = s.orZero()
	c, cal, asOf, policy, err := s.clock(req)
	if err != nil {
		return StatusResponse{}, err
	}
	st, err := c.Status(cal, asOf)
	if err == nil {
		// A light that turns on days past the coverage is refused too.
		_, err = st.KnownLevel(policy)
	}
	if err != nil {
		return StatusResponse{}, outOfCoverage(err, cal, fmt.Sprintf("the clock %s started %s, as of %s,", c.RuleID(), c.Started(), asOf), c.Started(), asOf)
	}
	return statusResponse(c, cal, asOf, st, policy), nil
}

// ExplainedDay is one day of an explanation.
type ExplainedDay struct {
	Date    string `json:"date"`
	Kind    string `json:"kind" doc:"workday, weekend, holiday or makeup_workday"`
	Name    string `json:"name,omitempty"`
	NameEN  string `json:"name_en,omitempty"`
	Counted bool   `json:"counted"`
	N       int    `json:"n,omitempty" doc:"the day's number in the count"`
	Overdue bool   `json:"overdue,omitempty"`
	Note    string `json:"note"`
	NoteZH  string `json:"note_zh"`
	Cause   string `json:"cause,omitempty" doc:"the cause of a suspension"`
}

// ExplainResponse explains a clock day by day (xn deadline explain).
type ExplainResponse struct {
	Status StatusResponse   `json:"status"`
	Days   []ExplainedDay   `json:"days"`
	Ledger []deadline.Entry `json:"ledger"`
	// Text is the explanation for people, in Chinese and English.
	Text string `json:"text"`
}

// Explain explains a clock's count as of a day: every day counted or
// skipped, and why.
func (s *Service) Explain(req ClockRequest) (ExplainResponse, error) {
	s = s.orZero()
	c, cal, asOf, policy, err := s.clock(req)
	if err != nil {
		return ExplainResponse{}, err
	}
	ex, err := c.Explain(cal, asOf)
	if err == nil {
		_, err = ex.Status.KnownLevel(policy)
	}
	if err != nil {
		return ExplainResponse{}, outOfCoverage(err, cal, fmt.Sprintf("the clock %s started %s, as of %s,", c.RuleID(), c.Started(), asOf), c.Started(), asOf)
	}
	out := ExplainResponse{
		Status: statusResponse(c, cal, asOf, ex.Status, policy),
		Days:   make([]ExplainedDay, 0, len(ex.Days)),
		Ledger: ex.Ledger,
		Text:   ex.String(),
	}
	if out.Ledger == nil {
		out.Ledger = []deadline.Entry{}
	}
	for _, d := range ex.Days {
		ed := ExplainedDay{Date: d.Date.String(), Kind: d.Kind.String(), Name: d.Name, NameEN: d.NameEN,
			Counted: d.Counted, N: d.N, Overdue: d.Overdue, Note: d.Note.String(), NoteZH: d.Note.Chinese()}
		if d.Note == deadline.NoteSuspended {
			ed.Cause = d.Cause.String()
		}
		out.Days = append(out.Days, ed)
	}
	return out, nil
}

// RuleInfo describes a reference time limit.
type RuleInfo struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	NameEN     string      `json:"name_en,omitempty"`
	Period     PeriodText  `json:"period"`
	Roll       string      `json:"roll,omitempty" doc:"for a calendar-day limit, how its end rolls off rest days"`
	Extension  *Extension  `json:"extension,omitempty"`
	Exclusions []Allowance `json:"exclusions,omitempty" doc:"time not counted (不计算在期限内)"`
	Restarts   []Allowance `json:"restarts,omitempty" doc:"causes on which the count starts again (重新计算)"`
	Citations  []Citation  `json:"citations"`
}

// Extension is how a limit may be extended (延长).
type Extension struct {
	Max        int      `json:"max"`
	Times      int      `json:"times"`
	Approver   string   `json:"approver"`
	ApproverEN string   `json:"approver_en,omitempty"`
	Citation   Citation `json:"citation"`
}

// extensionInfo is how a limit may be extended, or nil if it may not.
func extensionInfo(x deadline.Extension) *Extension {
	if x.Max <= 0 {
		return nil
	}
	return &Extension{Max: x.Max, Times: max(x.Times, 1), Approver: x.Approver, ApproverEN: x.ApproverEN, Citation: Cite(x.Citation)}
}

// Allowance is a cause the law allows, with its provision.
type Allowance struct {
	Cause    string   `json:"cause"`
	CauseZH  string   `json:"cause_zh"`
	Citation Citation `json:"citation"`
}

// RulesResponse lists the reference time limits (xn deadline rules).
type RulesResponse struct {
	Rules []RuleInfo `json:"rules"`
}

// Rules lists the reference time limits with their provisions.
func (s *Service) Rules() RulesResponse {
	var out RulesResponse
	for _, r := range deadline.ReferenceRules() {
		info := RuleInfo{ID: r.ID, Name: r.Name, NameEN: r.NameEN, Period: periodText(r.Period), Citations: Cites(r.Citations)}
		if r.Period.Unit != deadline.WorkingDays {
			info.Roll = r.Roll.String()
		}
		info.Extension = extensionInfo(r.Extension)
		for _, a := range r.Exclusions {
			info.Exclusions = append(info.Exclusions, Allowance{Cause: a.Cause.String(), CauseZH: a.Cause.Chinese(), Citation: Cite(a.Citation)})
		}
		for _, a := range r.Restarts {
			info.Restarts = append(info.Restarts, Allowance{Cause: a.Cause.String(), CauseZH: a.Cause.Chinese(), Citation: Cite(a.Citation)})
		}
		out.Rules = append(out.Rules, info)
	}
	return out
}
