package api

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// EvaluateRequest asks for an evaluation of case records (xn
// accountability evaluate). Its records, inquiries and roster are the
// members of accountability.Input.
type EvaluateRequest struct {
	accountability.Input
	AsOf string `json:"as_of" doc:"YYYY-MM-DD: the day the rules judge the records on"`
	// Ladder is the sanction ladder: "zhejiang", "county", "none" (the
	// default: findings only), or a ladder as accountability.LadderSpec.
	Ladder      json.RawMessage               `json:"ladder,omitempty" doc:"zhejiang, county, none (the default) or an accountability.LadderSpec"`
	Thresholds  *accountability.Thresholds    `json:"thresholds,omitempty" doc:"absent: accountability.DefaultThresholds"`
	Rules       []accountability.RuleID       `json:"rules,omitempty" doc:"evaluate only these rules"`
	Definitions []json.RawMessage             `json:"definitions,omitempty" doc:"procedure definitions of your own, beside the reference ones"`
	Scorecard   *accountability.ScorecardSpec `json:"scorecard,omitempty" doc:"rank the units on it, with scores"`
	Scores      []accountability.UnitScores   `json:"scores,omitempty"`
	History     []accountability.Ranking      `json:"history,omitempty" doc:"the rankings of previous periods, oldest first"`
	CalendarOptions
	ProcedureOptions
}

// Ladders are the names of the built-in sanction ladders.
var Ladders = []string{"zhejiang", "county", "none"}

func ladder(raw json.RawMessage) (*accountability.Ladder, error) {
	if isNull(raw) {
		return nil, nil
	}
	var name string
	if json.Unmarshal(raw, &name) == nil {
		var spec accountability.LadderSpec
		switch name {
		case "zhejiang":
			spec = accountability.ZhejiangLadder()
		case "county":
			spec = accountability.CountyLadder()
		case "none", "":
			return nil, nil
		default:
			return nil, Errorf(CodeBadRequest, "ladder: %q is not one of %s, nor a ladder", name, strings.Join(Ladders, ", "))
		}
		l, err := accountability.NewLadder(spec)
		if err != nil {
			return nil, AsError(err)
		}
		return l, nil
	}
	var spec accountability.LadderSpec
	if err := Unmarshal(raw, &spec); err != nil {
		ae := AsError(err)
		ae.Message = "ladder: " + ae.Message
		return nil, ae
	}
	l, err := accountability.NewLadder(spec)
	if err != nil {
		return nil, wrap(CodeInvalidConfig, err)
	}
	return l, nil
}

// Evaluate applies the efficiency rules to the records as of a day and
// reports the findings, the sanctions of the ladder and, with a
// scorecard, the ranking of the units.
func (s *Service) Evaluate(req EvaluateRequest) (accountability.Report, error) {
	s = s.orZero()
	asOf, err := parseDate("as_of", req.AsOf)
	if err != nil {
		return accountability.Report{}, err
	}
	cal, err := s.calendar(req.Calendar, req.ExtendThrough)
	if err != nil {
		return accountability.Report{}, err
	}
	opts := []accountability.Option{accountability.WithCalendar(cal)}
	var defs []*procedure.Definition
	for _, name := range procedure.ReferenceNames() {
		d, err := s.definitionFor(name, nil, cal, req.ProcedureOptions)
		if err != nil {
			return accountability.Report{}, err
		}
		defs = append(defs, d)
	}
	for _, raw := range req.Definitions {
		d, err := s.definitionFor("", raw, cal, req.ProcedureOptions)
		if err != nil {
			return accountability.Report{}, err
		}
		id, _ := d.ID()
		defs = slices.DeleteFunc(defs, func(o *procedure.Definition) bool { oid, _ := o.ID(); return oid == id })
		defs = append(defs, d)
	}
	opts = append(opts, accountability.WithDefinitions(defs...))
	if req.Thresholds != nil {
		opts = append(opts, accountability.WithThresholds(*req.Thresholds))
	}
	if len(req.Rules) > 0 {
		opts = append(opts, accountability.WithRules(req.Rules...))
	}
	ev, err := accountability.New(opts...)
	if err != nil {
		return accountability.Report{}, wrap(codeOf(err), err)
	}
	l, err := ladder(req.Ladder)
	if err != nil {
		return accountability.Report{}, err
	}
	for i, r := range req.Records {
		if r.Case == nil {
			return accountability.Report{}, Errorf(CodeInvalidInput, "records[%d].case: a case is required", i)
		}
	}
	findings, err := ev.Evaluate(req.Input, asOf)
	if err != nil {
		return accountability.Report{}, outOfCoverage(err, cal, "evaluating the records as of "+asOf.String(), asOf)
	}
	var rank *accountability.Ranking
	if req.Scorecard != nil {
		sc, err := accountability.NewScorecard(*req.Scorecard)
		if err != nil {
			return accountability.Report{}, wrap(CodeInvalidConfig, err)
		}
		r, err := sc.Rank(req.Scores, findings, req.History)
		if err != nil {
			return accountability.Report{}, AsError(err)
		}
		rank = &r
	}
	return accountability.NewReport(asOf, findings, l, rank), nil
}
