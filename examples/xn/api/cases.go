package api

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// StateInfo names a state of a procedure.
type StateInfo struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	NameEN   string `json:"name_en"`
	Terminal bool   `json:"terminal,omitempty"`
}

// TriggerInfo names a trigger of a procedure.
type TriggerInfo struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
}

// ClockInfo names a clock a procedure keeps.
type ClockInfo struct {
	Name string  `json:"name"`
	Role string  `json:"role" doc:"limit (the agency's), party or minimum"`
	Rule RuleRef `json:"rule"`
}

// ProcedureInfo describes a procedure definition.
type ProcedureInfo struct {
	Name     string        `json:"name" doc:"the reference name, which is the definition's ID"`
	Version  string        `json:"version"`
	Title    string        `json:"title"`
	TitleEN  string        `json:"title_en"`
	Initial  string        `json:"initial"`
	States   []StateInfo   `json:"states"`
	Triggers []TriggerInfo `json:"triggers"`
	Clocks   []ClockInfo   `json:"clocks"`
	Basis    []Citation    `json:"basis"`
}

// ProceduresResponse lists the reference procedures (xn case procedures).
type ProceduresResponse struct {
	Procedures []ProcedureInfo `json:"procedures"`
}

func roleCode(r procedure.ClockRole) string {
	if r == procedure.RoleLimit {
		return "limit"
	}
	return string(r)
}

func procedureInfo(d *procedure.Definition) ProcedureInfo {
	sp := d.Spec()
	info := ProcedureInfo{Name: sp.ID, Version: sp.Version, Title: sp.Name, TitleEN: sp.NameEN, Initial: string(sp.Initial),
		States: []StateInfo{}, Triggers: []TriggerInfo{}, Clocks: []ClockInfo{}, Basis: Cites(sp.Basis)}
	for _, st := range sp.States {
		info.States = append(info.States, StateInfo{ID: string(st.ID), Name: st.Name, NameEN: st.NameEN, Terminal: st.Terminal})
	}
	for _, tr := range sp.Triggers {
		info.Triggers = append(info.Triggers, TriggerInfo{ID: string(tr.ID), Name: tr.Name, NameEN: tr.NameEN})
	}
	for _, c := range sp.Clocks {
		r, _ := d.Rule(c.Name)
		role, _ := d.ClockRole(c.Name)
		info.Clocks = append(info.Clocks, ClockInfo{Name: c.Name, Role: roleCode(role), Rule: ruleRef(r)})
	}
	return info
}

// Procedures lists the reference procedures with their states, triggers
// and clocks.
func (s *Service) Procedures() (ProceduresResponse, error) {
	s = s.orZero()
	out := ProceduresResponse{Procedures: []ProcedureInfo{}}
	cal, err := s.calendar(nil, "")
	if err != nil {
		return out, err
	}
	for _, name := range procedure.ReferenceNames() {
		d, err := s.definitionFor(name, nil, cal, ProcedureOptions{})
		if err != nil {
			return out, err
		}
		out.Procedures = append(out.Procedures, procedureInfo(d))
	}
	return out, nil
}

// Step is a way out of a case's state.
type Step struct {
	Trigger  string   `json:"trigger"`
	Name     string   `json:"name"`
	NameEN   string   `json:"name_en"`
	To       string   `json:"to"`
	ToName   string   `json:"to_name"`
	Guards   []string `json:"guards,omitempty" doc:"what must hold, in Chinese and English"`
	Citation Citation `json:"citation"`
}

// ClockStatus is the status of one running clock of a case.
type ClockStatus struct {
	Name      string  `json:"name"`
	Spec      string  `json:"spec"`
	Role      string  `json:"role" doc:"limit (the agency's), party or minimum"`
	Rule      RuleRef `json:"rule"`
	Due       string  `json:"due,omitempty" doc:"empty while suspended before the limit was reached"`
	Limit     int     `json:"limit"`
	Extended  int     `json:"extended"`
	Elapsed   int     `json:"elapsed"`
	Remaining int     `json:"remaining"`
	// WorkingDaysLeft is absent where Due is not known, or the calendar
	// does not cover the days up to it. The light is then the same
	// whatever they are: a case whose light would turn on them is refused
	// as out of coverage (procedure's Due).
	WorkingDaysLeft *int     `json:"working_days_left,omitempty" doc:"the working days among the remaining days, which the light counts"`
	Overdue         int      `json:"overdue"`
	Paused          bool     `json:"paused"`
	Light           string   `json:"light" doc:"green, yellow or red; a party's period or a minimum is always green"`
	LightZH         string   `json:"light_zh"`
	Provisional     bool     `json:"provisional,omitempty"`
	Citation        Citation `json:"citation"`
}

// CaseResponse is a case after an operation: the case itself, as the
// library writes it, and what it means.
type CaseResponse struct {
	Case  *procedure.Case `json:"case"`
	State StateInfo       `json:"state"`
	// Next are the steps the procedure allows from the state.
	Next []Step `json:"next"`
	// AsOf is the day Clocks are read on: the day of the last event.
	AsOf   string        `json:"as_of,omitempty"`
	Clocks []ClockStatus `json:"clocks"`
	// Fired are the events an operation fired (advance).
	Fired []procedure.Event `json:"fired,omitempty"`
}

func clockStatuses(d *procedure.Definition, c *procedure.Case, asOf date.Date) ([]ClockStatus, error) {
	sts, err := d.Due(c, asOf)
	if err != nil {
		return nil, outOfCoverage(err, d.Calendar(), fmt.Sprintf("the clocks of case %s as of %s", c.ID, asOf), asOf)
	}
	out := make([]ClockStatus, 0, len(sts))
	for _, st := range sts {
		r, _ := d.Rule(st.Spec)
		cs := ClockStatus{Name: st.Name, Spec: st.Spec, Role: roleCode(st.Role), Rule: ruleRef(r),
			Limit: st.Limit, Extended: st.Extended, Elapsed: st.Elapsed, Remaining: st.Remaining, Overdue: st.Overdue,
			Paused: st.Paused, Light: st.Light.String(), LightZH: st.Light.Chinese(), Provisional: st.Provisional, Citation: Cite(st.Citation)}
		if st.HasDue() {
			cs.Due = st.Due.String()
		}
		cs.WorkingDaysLeft = workingDaysLeft(st.Status)
		out = append(out, cs)
	}
	return out, nil
}

func caseResponse(d *procedure.Definition, c *procedure.Case) (CaseResponse, error) {
	zh, en := d.StateLabel(c.State)
	out := CaseResponse{Case: c, State: StateInfo{ID: string(c.State), Name: zh, NameEN: en, Terminal: d.IsTerminal(c.State)},
		Next: []Step{}, Clocks: []ClockStatus{}}
	for _, tr := range d.Transitions(c.State) {
		tzh, ten := d.TriggerLabel(tr.Trigger)
		tozh, _ := d.StateLabel(tr.To)
		st := Step{Trigger: string(tr.Trigger), Name: tzh, NameEN: ten, To: string(tr.To), ToName: tozh, Citation: Cite(tr.Citation)}
		for _, g := range tr.Guards {
			st.Guards = append(st.Guards, g.Desc+" / "+g.DescEN)
		}
		out.Next = append(out.Next, st)
	}
	if n := len(c.Events); n > 0 {
		asOf := deadline.DateOf(c.Events[n-1].At)
		cs, err := clockStatuses(d, c, asOf)
		if err != nil {
			return CaseResponse{}, err
		}
		out.AsOf, out.Clocks = asOf.String(), cs
	}
	return out, nil
}

// StartRequest starts a case (xn case start).
type StartRequest struct {
	Procedure  string          `json:"procedure" doc:"a reference procedure, e.g. licensing"`
	ID         string          `json:"id" doc:"the case's ID"`
	Definition json.RawMessage `json:"definition,omitempty" doc:"a procedure definition of your own, instead of a reference one"`
	CalendarOptions
	ProcedureOptions
}

// Start returns a new case of the procedure, in its initial state.
func (s *Service) Start(req StartRequest) (CaseResponse, error) {
	s = s.orZero()
	if req.ID == "" {
		return CaseResponse{}, Errorf(CodeBadRequest, "id: a case ID is required")
	}
	d, err := s.definition(req.Procedure, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseResponse{}, err
	}
	return caseResponse(d, d.NewCase(req.ID))
}

// definition returns the definition of a request, on its calendar, with
// its options.
func (s *Service) definition(name string, raw json.RawMessage, co CalendarOptions, po ProcedureOptions) (*procedure.Definition, error) {
	cal, err := s.calendar(co.Calendar, co.ExtendThrough)
	if err != nil {
		return nil, err
	}
	return s.definitionFor(name, raw, cal, po)
}

// readCase reads a case as the library writes it.
func readCase(raw json.RawMessage) (*procedure.Case, error) {
	if isNull(raw) {
		return nil, Errorf(CodeBadRequest, "case: a case is required")
	}
	var c procedure.Case
	if err := Unmarshal(raw, &c); err != nil {
		ae := AsError(err)
		ae.Message = "case: " + ae.Message
		return nil, ae
	}
	if c.Definition == "" {
		return nil, Errorf(CodeBadRequest, "case: the case names no definition")
	}
	return &c, nil
}

// FireRequest fires an event on a case (xn case fire).
type FireRequest struct {
	Case       json.RawMessage `json:"case" doc:"the case, as procedure.Case marshals it"`
	Event      procedure.Event `json:"event"`
	Definition json.RawMessage `json:"definition,omitempty" doc:"the case's definition, when it is not a reference one"`
	CalendarOptions
	ProcedureOptions
}

// Fire applies an event to a case and returns the case after it. An event
// the procedure does not allow is refused with the state, the trigger and
// the unmet guards, and changes nothing.
func (s *Service) Fire(ctx context.Context, req FireRequest) (CaseResponse, error) {
	s = s.orZero()
	c, err := readCase(req.Case)
	if err != nil {
		return CaseResponse{}, err
	}
	d, err := s.definition(c.Definition, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseResponse{}, err
	}
	if err := d.Fire(ctx, c, req.Event); err != nil {
		return CaseResponse{}, outOfCoverage(err, d.Calendar(), fmt.Sprintf("the event %s at %s", req.Event.Trigger, req.Event.At.Format("2006-01-02T15:04:05Z07:00")), deadline.DateOf(req.Event.At))
	}
	return caseResponse(d, c)
}

// ReplayRequest rebuilds a case from its stored events (xn case replay).
type ReplayRequest struct {
	Procedure  string            `json:"procedure"`
	ID         string            `json:"id"`
	Events     []procedure.Event `json:"events"`
	Definition json.RawMessage   `json:"definition,omitempty"`
	CalendarOptions
	ProcedureOptions
}

// Replay rebuilds a case from its events, each applied as Fire would and
// each automatic outcome checked; the error names the first event refused.
func (s *Service) Replay(ctx context.Context, req ReplayRequest) (CaseResponse, error) {
	s = s.orZero()
	if req.ID == "" {
		return CaseResponse{}, Errorf(CodeBadRequest, "id: a case ID is required")
	}
	d, err := s.definition(req.Procedure, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseResponse{}, err
	}
	c, err := d.Replay(ctx, req.ID, req.Events)
	if err != nil {
		return CaseResponse{}, outOfCoverage(err, d.Calendar(), "replaying the events")
	}
	return caseResponse(d, c)
}

// CaseDueRequest asks for a case's running clocks on a day (xn case due).
type CaseDueRequest struct {
	Case       json.RawMessage `json:"case"`
	AsOf       string          `json:"as_of" doc:"YYYY-MM-DD"`
	Definition json.RawMessage `json:"definition,omitempty"`
	CalendarOptions
	ProcedureOptions
}

// CaseDueResponse is the electronic-supervision view of a case: its
// running clocks with their warning lights, the one due first first.
type CaseDueResponse struct {
	Case      string        `json:"case"`
	Procedure string        `json:"procedure"`
	State     StateInfo     `json:"state"`
	AsOf      string        `json:"as_of"`
	Clocks    []ClockStatus `json:"clocks"`
	// Red counts the agency's limits that have passed, Yellow those
	// that are near.
	Red    int `json:"red"`
	Yellow int `json:"yellow"`
}

// CaseDue lists a case's running clocks as of a day.
func (s *Service) CaseDue(req CaseDueRequest) (CaseDueResponse, error) {
	s = s.orZero()
	c, err := readCase(req.Case)
	if err != nil {
		return CaseDueResponse{}, err
	}
	asOf, err := parseDate("as_of", req.AsOf)
	if err != nil {
		return CaseDueResponse{}, err
	}
	d, err := s.definition(c.Definition, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseDueResponse{}, err
	}
	cs, err := clockStatuses(d, c, asOf)
	if err != nil {
		return CaseDueResponse{}, err
	}
	zh, en := d.StateLabel(c.State)
	out := CaseDueResponse{Case: c.ID, Procedure: c.Definition, AsOf: asOf.String(), Clocks: cs,
		State: StateInfo{ID: string(c.State), Name: zh, NameEN: en, Terminal: d.IsTerminal(c.State)}}
	for _, st := range cs {
		switch st.Light {
		case deadline.LevelRed.String():
			out.Red++
		case deadline.LevelYellow.String():
			out.Yellow++
		}
	}
	return out, nil
}

// AdvanceRequest applies the outcomes the law attaches to clocks that ran
// out (xn case advance).
type AdvanceRequest struct {
	Case       json.RawMessage `json:"case"`
	AsOf       string          `json:"as_of" doc:"an instant (RFC 3339), or a date meaning the end of that day in China Standard Time"`
	Definition json.RawMessage `json:"definition,omitempty"`
	CalendarOptions
	ProcedureOptions
}

// Advance fires the automatic outcomes (视为受理, 视为准予延续 …) of the
// clocks that ran out before the instant, and returns the case with the
// events fired.
func (s *Service) Advance(ctx context.Context, req AdvanceRequest) (CaseResponse, error) {
	s = s.orZero()
	c, err := readCase(req.Case)
	if err != nil {
		return CaseResponse{}, err
	}
	at, err := parseInstant("as_of", req.AsOf)
	if err != nil {
		return CaseResponse{}, err
	}
	d, err := s.definition(c.Definition, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseResponse{}, err
	}
	fired, err := d.Advance(ctx, c, at)
	if err != nil {
		return CaseResponse{}, outOfCoverage(err, d.Calendar(), "advancing the case", deadline.DateOf(at))
	}
	out, err := caseResponse(d, c)
	if err != nil {
		return CaseResponse{}, err
	}
	out.Fired = fired
	if out.Fired == nil {
		out.Fired = []procedure.Event{}
	}
	return out, nil
}

// CaseNextRequest asks for the steps open on a case at an instant (xn
// case next).
type CaseNextRequest struct {
	Case       json.RawMessage `json:"case" doc:"the case, as procedure.Case marshals it"`
	At         string          `json:"at" doc:"the instant an event would be fired at: RFC 3339, as an event's at"`
	Definition json.RawMessage `json:"definition,omitempty" doc:"the case's definition, when it is not a reference one"`
	CalendarOptions
	ProcedureOptions
}

// NextStepInfo is a step out of a case's state at an instant: whether it
// is open, the guards that block it and what its event must give.
type NextStepInfo struct {
	Trigger string `json:"trigger"`
	Name    string `json:"name"`
	NameEN  string `json:"name_en"`
	To      string `json:"to"`
	ToName  string `json:"to_name"`
	Open    bool   `json:"open" doc:"no guard the case and the instant decide blocks the step"`
	// Blocked and Needs are never null: an empty list is [].
	Blocked  []string `json:"blocked" doc:"the guards the case and the instant decide (its facts, clocks, recorded days, the rest time) that fail, in Chinese and English: while one does, no event takes the step"`
	Needs    []string `json:"needs" doc:"the guards the event decides, in Chinese and English: the payload keys, values and dates it must give (or must not), an emergency it may state, and guards of Go code; checked when it is fired"`
	Citation Citation `json:"citation"`
}

// CaseNextResponse lists what may be done on a case at an instant: the
// steps out of its state, those of one trigger together, in the order
// the definition names them, the automatic outcomes
// left out (CaseDue lists their clocks, Advance applies them).
type CaseNextResponse struct {
	Case      string         `json:"case"`
	Procedure string         `json:"procedure"`
	State     StateInfo      `json:"state"`
	At        string         `json:"at" doc:"the instant, RFC 3339 in China Standard Time"`
	Steps     []NextStepInfo `json:"steps" doc:"none in a terminal state"`
}

// CaseNext lists the steps out of a case's state at an instant, each
// with the guards that block it and those its event must satisfy: the
// actions open to an officer, and what each still lacks. It changes
// nothing. An instant Fire would refuse every event at is refused as Fire
// refuses it: one before the case's last event (invalid_event), or after
// an automatic outcome took effect (outcome_due: advance the case first).
func (s *Service) CaseNext(req CaseNextRequest) (CaseNextResponse, error) {
	s = s.orZero()
	c, err := readCase(req.Case)
	if err != nil {
		return CaseNextResponse{}, err
	}
	at, err := parseRFC3339("at", req.At)
	if err != nil {
		return CaseNextResponse{}, err
	}
	d, err := s.definition(c.Definition, req.Definition, req.CalendarOptions, req.ProcedureOptions)
	if err != nil {
		return CaseNextResponse{}, err
	}
	steps, err := d.Next(c, at)
	if err != nil {
		return CaseNextResponse{}, outOfCoverage(err, d.Calendar(), fmt.Sprintf("the steps of case %s at %s", c.ID, at.Format(time.RFC3339)), deadline.DateOf(at))
	}
	zh, en := d.StateLabel(c.State)
	out := CaseNextResponse{Case: c.ID, Procedure: c.Definition, At: at.In(deadline.ChinaStandardTime()).Format(time.RFC3339Nano),
		State: StateInfo{ID: string(c.State), Name: zh, NameEN: en, Terminal: d.IsTerminal(c.State)}, Steps: make([]NextStepInfo, 0, len(steps))}
	for _, n := range steps {
		tzh, ten := d.TriggerLabel(n.Trigger)
		tozh, _ := d.StateLabel(n.To)
		out.Steps = append(out.Steps, NextStepInfo{Trigger: string(n.Trigger), Name: tzh, NameEN: ten, To: string(n.To), ToName: tozh,
			Open: n.Open(), Blocked: nonNil(n.Blocked), Needs: nonNil(n.Needs), Citation: Cite(n.Citation)})
	}
	return out, nil
}

// nonNil returns the list, or an empty one for nil, which marshals as [].
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// DiagramRequest asks for a procedure's state diagram (xn case diagram).
type DiagramRequest struct {
	Procedure  string          `json:"procedure"`
	Format     string          `json:"format,omitempty" doc:"dot (Graphviz, the default) or mermaid"`
	Definition json.RawMessage `json:"definition,omitempty"`
}

// Diagram returns the procedure's diagram and its media type.
func (s *Service) Diagram(req DiagramRequest) (string, string, error) {
	s = s.orZero()
	d, err := s.definition(req.Procedure, req.Definition, CalendarOptions{}, ProcedureOptions{})
	if err != nil {
		return "", "", err
	}
	switch req.Format {
	case "dot", "":
		return d.DOT(), "text/vnd.graphviz; charset=utf-8", nil
	case "mermaid":
		return d.Mermaid(), "text/plain; charset=utf-8", nil
	}
	return "", "", Errorf(CodeBadRequest, "format: %q is neither dot nor mermaid", req.Format)
}
