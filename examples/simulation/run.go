package simulation

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Result is what a run produced: the records and what supervision made of
// them. It is plain data, apart from the definitions the cases ran on;
// it is not changed after Run returns, and is safe to read from several
// goroutines.
type Result struct {
	// Config is the configuration run, with its defaults resolved; its
	// units are in Units, and its catalogue, ladder and progress function
	// are left out.
	Config Config `json:"config"`
	// Region is the area of the catalogue (its Spec's Region), e.g. 示例县.
	Region string `json:"region"`
	// Year and ScanDay are the year simulated and the day of the scan
	// and the evaluation, 31 December.
	Year    int       `json:"year"`
	ScanDay date.Date `json:"scan_day"`
	// Units are the units, in the configuration's order.
	Units []Unit `json:"units"`
	// Cases describe the cases, one per record of Input, in the same
	// order. Like Input, they are written to records.json, not to
	// report.json.
	Cases []Case `json:"-"`
	// Input is what the evaluation read: the case records with their
	// refusal register entries, the inquiries and the roster with its
	// absences. It is also the input of an accountability evaluation
	// run elsewhere.
	Input accountability.Input `json:"-"`
	// Findings are the accountability findings as of the scan day,
	// sorted as accountability.Evaluator.Evaluate sorts them.
	Findings []accountability.Finding `json:"-"`
	// Report gathers the findings, the sanctions of the ladder and the
	// annual ranking.
	Report accountability.Report `json:"report"`
	// Ladder is the sanction ladder applied.
	Ladder accountability.LadderSpec `json:"ladder"`
	// Scorecard is the scorecard the units were ranked on; Scores the
	// annual indicator values; Quarters the ranking of each quarter,
	// with the consecutive last places counted across them.
	Scorecard accountability.ScorecardSpec `json:"scorecard"`
	Scores    []accountability.UnitScores  `json:"scores"`
	Quarters  []accountability.Ranking     `json:"quarters"`
	// OnTime is the on-time rate (按时办结率) by month, for the county and
	// each unit.
	OnTime []MonthRate `json:"on_time"`
	// Lights are the month-end electronic-supervision scans; Scan is the
	// scan on the scan day, every running limit that lit yellow or red.
	Lights []MonthLights `json:"lights"`
	Scan   []Light       `json:"scan"`
	// Counts count the cases by kind, the applications by intake
	// outcome, the cases by the state they ended the year in, and the
	// events by trigger.
	Counts Counts `json:"counts"`
}

// Run simulates the year described by cfg and supervises it: it builds
// the county, runs every case, evaluates the records as of 31 December,
// scans the lights, scores and ranks the units and builds the report.
//
// Run is deterministic: the same cfg gives the same Result. It stops with
// ctx's error when ctx is cancelled, and returns an error wrapping
// ErrInvalidConfig for a configuration it cannot run. Any other error is
// a library's refusal of a step the simulation took, and names the case.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	s, err := newSim(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s.total = cfg.Applications + cfg.Complaints + cfg.Requests + cfg.Assistance + cfg.Inquiries + 3
	spec := accountability.ZhejiangLadder()
	if cfg.Ladder != nil {
		spec = *cfg.Ladder
	}
	ladder, err := accountability.NewLadder(spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	tools, err := s.tools()
	if err != nil {
		return nil, err
	}
	s.assistDef = tools.assist
	for _, phase := range []func() error{s.applications, s.complaints, s.requests, s.assistance, s.askInquiries} {
		if err := phase(); err != nil {
			return nil, err
		}
		if s.err != nil {
			return nil, fmt.Errorf("simulation: %w", s.err)
		}
	}
	res := &Result{Region: s.cat.Spec().Region, Year: s.year, ScanDay: s.scan, Cases: s.cases,
		Input: accountability.Input{Records: s.records, Inquiries: s.inquiries, Roster: s.roster}}
	res.Config = cfg
	res.Config.Year, res.Config.Catalogue, res.Config.Progress, res.Config.Ladder = s.year, nil, nil, nil
	rates := s.rates
	res.Config.Rates = &rates
	for _, u := range s.units {
		res.Units = append(res.Units, u.Unit)
	}
	res.Config.Units = nil

	if res.Findings, err = tools.eval.Evaluate(res.Input, s.scan); err != nil {
		return nil, err
	}
	s.step()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.supervise(res); err != nil {
		return nil, err
	}
	s.step()
	res.Ladder = ladder.Spec()
	ranking, err := s.rank(res)
	if err != nil {
		return nil, err
	}
	res.Report = accountability.NewReport(s.scan, res.Findings, ladder, &ranking)
	res.Counts = s.count(res)
	s.step()
	return res, nil
}

// shared is what runs on the default calendar share: the evaluator and
// the assistance definition, built once (definitions compile from JSON,
// which costs more than a small year's cases). Both are immutable and
// safe for concurrent use.
type shared struct {
	eval   *accountability.Evaluator
	assist *procedure.Definition
}

var defaultShared = sync.OnceValues(func() (shared, error) { return newShared(deadline.ChinaMainland()) })

// tools returns the evaluator and the assistance definition for the
// run's calendar.
func (s *sim) tools() (shared, error) {
	if s.cal == deadline.ChinaMainland() {
		return defaultShared()
	}
	return newShared(s.cal)
}

// newShared builds the evaluator of the records on cal: the reference
// definitions the cases run on and the
// reference profiles with the county's step budgets (环节时限, each unit's
// data, no statute sets them): two working days for the intake decision,
// three for making the licence after the decision. A complaint's
// investigation is held by the unit that accepted it.
func newShared(cal *deadline.Calendar) (shared, error) {
	var defs []*procedure.Definition
	var out shared
	for _, name := range []string{"licensing", "joint-licensing", "disclosure", "complaint", "assistance"} {
		d, err := procedure.Reference(name, procedure.WithCalendar(cal))
		if err != nil {
			return out, err
		}
		defs = append(defs, d)
		if name == "assistance" {
			out.assist = d
		}
	}
	wd := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.WorkingDays} }
	var profiles []accountability.Profile
	for _, p := range accountability.ReferenceProfiles() {
		switch p.Definition {
		case "licensing":
			p.Budgets = map[procedure.State]deadline.Period{"received": wd(2), "granted": wd(3)}
		case "joint-licensing":
			p.Budgets = map[procedure.State]deadline.Period{"received": wd(2)}
		case "complaint":
			if p.Units == nil {
				p.Units = map[procedure.State]string{}
			}
			p.Units["investigating"] = "accepted_by"
		case "disclosure", "assistance":
		default:
			continue
		}
		profiles = append(profiles, p)
	}
	ev, err := accountability.New(accountability.WithDefinitions(defs...), accountability.WithProfiles(profiles...),
		accountability.WithCalendar(cal))
	out.eval = ev
	return out, err
}

// Counts count what happened.
type Counts struct {
	// Kinds count the cases of each kind, and Inquiries the inquiries.
	Kinds     []Count `json:"kinds"`
	Inquiries int     `json:"inquiries"`
	// Intake counts the applications by intake outcome: the catalogue's
	// outcomes, "deemed" (视为受理) and "pending".
	Intake []Count `json:"intake"`
	// States count the cases by definition and the state they are in on
	// the scan day.
	States []Count `json:"states"`
	// Triggers count the events by definition and trigger.
	Triggers []Count `json:"triggers"`
}

// Count is one line of Counts: a key, its labels, and how many.
type Count struct {
	Definition string `json:"definition,omitempty"`
	Key        string `json:"key"`
	Name       string `json:"name"`
	NameEN     string `json:"name_en"`
	N          int    `json:"n"`
}

func (s *sim) count(res *Result) Counts {
	var out Counts
	out.Inquiries = len(res.Input.Inquiries)
	for _, k := range []Kind{KindApplication, KindComplaint, KindRequest, KindAssistance} {
		n := 0
		for _, c := range res.Cases {
			if c.Kind == k {
				n++
			}
		}
		out.Kinds = append(out.Kinds, Count{Key: k.String(), Name: k.Chinese(), NameEN: k.English(), N: n})
	}
	intake := map[string]int{}
	for _, c := range res.Cases {
		if c.Kind == KindApplication {
			intake[c.Intake]++
		}
	}
	for _, k := range []struct{ key, zh, en string }{
		{"accept", "受理", "accepted"}, {"accept_deferred", "容缺受理", "accepted, materials deferred"},
		{"supplement", "一次性告知补正", "one-time notice of supplements"}, {"not_accepted", "不予受理", "not accepted"},
		{"deemed", "逾期未告知补正，视为受理", "deemed accepted"}, {"pending", "扫描日尚未作出受理决定", "intake pending on the scan day"},
	} {
		out.Intake = append(out.Intake, Count{Key: k.key, Name: k.zh, NameEN: k.en, N: intake[k.key]})
	}
	type key struct{ def, k string }
	states, triggers := map[key]int{}, map[key]int{}
	defs := map[string]*procedure.Definition{}
	for i, rec := range res.Input.Records {
		d := res.Cases[i].Definition
		id, _ := d.ID()
		if _, ok := defs[id]; !ok {
			defs[id] = d
		}
		states[key{id, string(rec.Case.State)}]++
		for _, e := range rec.Case.Events {
			triggers[key{id, string(e.Trigger)}]++
		}
	}
	list := func(m map[key]int, label func(d *procedure.Definition, k string) (string, string)) []Count {
		var out []Count
		for k, n := range m {
			zh, en := label(defs[k.def], k.k)
			out = append(out, Count{Definition: k.def, Key: k.k, Name: zh, NameEN: en, N: n})
		}
		slices.SortFunc(out, func(a, b Count) int {
			return cmp.Or(strings.Compare(a.Definition, b.Definition), strings.Compare(a.Key, b.Key))
		})
		return out
	}
	out.States = list(states, func(d *procedure.Definition, k string) (string, string) { return d.StateLabel(procedure.State(k)) })
	out.Triggers = list(triggers, func(d *procedure.Definition, k string) (string, string) { return d.TriggerLabel(procedure.Trigger(k)) })
	return out
}
