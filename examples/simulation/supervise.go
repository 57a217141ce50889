package simulation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// MonthRate is the on-time rate of one month (按时办结率): of the cases
// whose main limit stopped (办结) that month, those that stopped within
// the limit they ran on (the promised limit, 承诺时限, or a green
// channel's). Unit is empty for the whole county.
type MonthRate struct {
	Month  int    `json:"month"`
	Unit   string `json:"unit,omitempty"`
	Done   int    `json:"done"`
	OnTime int    `json:"on_time"`
}

// Rate returns OnTime / Done, from 0 to 1; 1 when nothing was done.
func (m MonthRate) Rate() float64 {
	if m.Done == 0 {
		return 1
	}
	return float64(m.OnTime) / float64(m.Done)
}

// MonthLights is a month-end electronic-supervision scan (电子监察): on the
// month's last working day, how many of each unit's running limits lit
// yellow (预警) or red (超期), under deadline.DefaultPolicy.
type MonthLights struct {
	Month int          `json:"month"`
	Day   date.Date    `json:"day"`
	Units []UnitLights `json:"units"`
}

// UnitLights counts one unit's running limits by light.
type UnitLights struct {
	Unit   string `json:"unit"`
	Green  int    `json:"green"`
	Yellow int    `json:"yellow"`
	Red    int    `json:"red"`
}

// Light is one running limit that lit yellow or red on the scan day, as
// procedure.Definition.Due reports it.
type Light struct {
	Case      string            `json:"case"`
	Unit      string            `json:"unit"`
	Clock     string            `json:"clock"`
	Rule      string            `json:"rule"`
	Due       date.Date         `json:"due,omitzero"`
	Remaining int               `json:"remaining"`
	Overdue   int               `json:"overdue"`
	Light     deadline.Level    `json:"light"`
	Citation  xiaoneng.Citation `json:"citation"`
}

// supervise computes the on-time rates, the month-end scans and the scan
// on the scan day.
func (s *sim) supervise(res *Result) error {
	// On-time rate by month, for the county and each unit.
	for m := 1; m <= 12; m++ {
		all := MonthRate{Month: m}
		per := map[string]*MonthRate{}
		for _, c := range res.Cases {
			if c.Concluded == 0 || int(c.Concluded.Month()) != m || c.Concluded.Year() != s.year || c.Kind == KindAssistance {
				continue
			}
			r := per[c.Unit]
			if r == nil {
				r = &MonthRate{Month: m, Unit: c.Unit}
				per[c.Unit] = r
			}
			all.Done++
			r.Done++
			if c.OnTime {
				all.OnTime++
				r.OnTime++
			}
		}
		res.OnTime = append(res.OnTime, all)
		for _, u := range s.units {
			if r := per[u.Name]; r != nil {
				res.OnTime = append(res.OnTime, *r)
			}
		}
	}
	// Month-end scans: every agency limit running on the month's last
	// working day, judged on the ledger as it stood that day.
	policy := deadline.DefaultPolicy()
	for m := 1; m <= 12; m++ {
		end := date.New(s.year, time.Month(m)+1, 1) - 1
		if ok, _ := s.cal.IsWorkingDay(end); !ok {
			end = s.addWD(end, -1)
		}
		if end > s.scan {
			end = s.scan
		}
		per := map[string]*UnitLights{}
		for _, u := range s.units {
			per[u.Name] = &UnitLights{Unit: u.Name}
		}
		for i, rec := range res.Input.Records {
			c := res.Cases[i]
			for _, cc := range rec.Case.Clocks {
				if !judged(c, cc) || cc.Clock.Started() > end {
					continue
				}
				st, err := cc.Clock.Status(s.cal, end)
				if err != nil {
					return fmt.Errorf("simulation: case %s: %w", c.ID, err)
				}
				if st.Stopped {
					continue
				}
				l := per[clockUnit(c, rec, cc.Spec)]
				if l == nil {
					continue
				}
				switch st.Level(policy) {
				case deadline.LevelGreen:
					l.Green++
				case deadline.LevelYellow:
					l.Yellow++
				case deadline.LevelRed:
					l.Red++
				}
			}
		}
		ml := MonthLights{Month: m, Day: end}
		for _, u := range s.units {
			ml.Units = append(ml.Units, *per[u.Name])
		}
		res.Lights = append(res.Lights, ml)
	}
	// The scan of the scan day, through each case's definition.
	for i, rec := range res.Input.Records {
		c := res.Cases[i]
		due, err := c.Definition.Due(rec.Case, s.scan)
		if err != nil {
			return fmt.Errorf("simulation: case %s: %w", c.ID, err)
		}
		for _, cs := range due {
			if cs.Role != procedure.RoleLimit || cs.Light == deadline.LevelGreen {
				continue
			}
			res.Scan = append(res.Scan, Light{Case: c.ID, Unit: clockUnit(c, rec, cs.Spec), Clock: cs.Name, Rule: cs.Rule, Due: cs.Due,
				Remaining: cs.Remaining, Overdue: cs.Overdue, Light: cs.Light, Citation: cs.Citation})
		}
	}
	slices.SortStableFunc(res.Scan, func(a, b Light) int {
		return cmp.Or(cmp.Compare(b.Light, a.Light), cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(a.Due, b.Due), strings.Compare(a.Case, b.Case))
	})
	return nil
}

// clockUnit returns the unit answerable for a clock of a case: the
// record's unit for a complaint's routing, notice and follow-up, which the
// petition bureau keeps; the case's responsible unit otherwise.
func clockUnit(c Case, rec accountability.Record, spec string) string {
	if c.Kind == KindComplaint {
		switch spec {
		case "routing", "notice", "follow_up":
			return rec.Unit
		}
	}
	return c.Unit
}

// judged reports whether a clock of a case is an agency's limit that
// supervision judges.
func judged(c Case, cc procedure.CaseClock) bool {
	role, _ := c.Definition.ClockRole(cc.Spec)
	return role == procedure.RoleLimit
}

// scorecard is the county's scorecard (绩效考评, example data): the on-time
// rate weighs 50, the satisfaction of those served 30, the share of cases
// that never lit red at a month-end scan 20; each sanctionable finding
// takes 0.5 points off if serious, 0.2 if more serious, 0.05 otherwise; a
// deemed acceptance (视为受理) vetoes the unit (一票否决); the last unit is
// flagged, and so is a unit last two quarters running.
func scorecard() accountability.ScorecardSpec {
	d := decimal.RequireFromString
	return accountability.ScorecardSpec{
		Name: "示例县机关效能绩效考评（模拟）",
		Indicators: []accountability.Indicator{
			{ID: "on_time", Name: "按时办结率", Weight: d("50")},
			{ID: "satisfaction", Name: "群众满意率", Weight: d("30")},
			{ID: "no_red", Name: "电子监察无红灯率", Weight: d("20")},
		},
		Total: d("100"),
		Deductions: []accountability.Deduction{
			{Severity: accountability.Serious, Points: d("0.5")},
			{Severity: accountability.MoreSerious, Points: d("0.2")},
			{Points: d("0.05")},
		},
		Vetoes:     []accountability.Veto{{Rule: accountability.RuleDeemedAcceptance}},
		Bottom:     1,
		LastPlaces: 2,
	}
}

// rank scores the units for each quarter and for the year.
func (s *sim) rank(res *Result) (accountability.Ranking, error) {
	res.Scorecard = scorecard()
	sc, err := accountability.NewScorecard(res.Scorecard)
	if err != nil {
		return accountability.Ranking{}, err
	}
	red := s.everRed(res)
	var history []accountability.Ranking
	for q := range 4 {
		from := date.New(s.year, time.Month(3*q+1), 1)
		to := date.New(s.year, time.Month(3*q+4), 1) - 1
		var fs []accountability.Finding
		for _, f := range res.Findings {
			if f.Day >= from && f.Day <= to {
				fs = append(fs, f)
			}
		}
		r, err := sc.Rank(s.scores(res, red, from, to), fs, history)
		if err != nil {
			return accountability.Ranking{}, err
		}
		history = append(history, r)
	}
	res.Quarters = history
	res.Scores = s.scores(res, red, s.first, s.scan)
	return sc.Rank(res.Scores, res.Findings, nil)
}

// everRed reports, by case index, whether a limit of the case was red at
// a month-end scan.
func (s *sim) everRed(res *Result) []bool {
	out := make([]bool, len(res.Cases))
	policy := deadline.DefaultPolicy()
	for _, ml := range res.Lights {
		for i, rec := range res.Input.Records {
			if out[i] {
				continue
			}
			for _, cc := range rec.Case.Clocks {
				if !judged(res.Cases[i], cc) || cc.Clock.Started() > ml.Day {
					continue
				}
				if st, err := cc.Clock.Status(s.cal, ml.Day); err == nil && !st.Stopped && st.Level(policy) == deadline.LevelRed {
					out[i] = true
					break
				}
			}
		}
	}
	return out
}

// scores computes each unit's indicator values over the days from..to:
// cases concluded then, ratings given on them, cases received then.
func (s *sim) scores(res *Result, red []bool, from, to date.Date) []accountability.UnitScores {
	type tally struct{ done, onTime, rated, happy, cases, clean int }
	per := map[string]*tally{}
	for _, u := range s.units {
		per[u.Name] = &tally{}
	}
	for i, c := range res.Cases {
		t := per[c.Unit]
		if t == nil {
			continue
		}
		if c.Concluded >= from && c.Concluded <= to && c.Kind != KindAssistance {
			t.done++
			if c.OnTime {
				t.onTime++
			}
			if c.Rated {
				t.rated++
				if c.Satisfied {
					t.happy++
				}
			}
		}
		if c.Received >= from && c.Received <= to {
			t.cases++
			if !red[i] {
				t.clean++
			}
		}
	}
	frac := func(n, d int) decimal.Decimal {
		if d == 0 {
			return decimal.NewFromInt(1)
		}
		return decimal.NewFromInt(int64(n)).Div(decimal.NewFromInt(int64(d))).Round(4)
	}
	var out []accountability.UnitScores
	for _, u := range s.units {
		t := per[u.Name]
		out = append(out, accountability.UnitScores{Unit: u.Name, Values: map[string]decimal.Decimal{
			"on_time": frac(t.onTime, t.done), "satisfaction": frac(t.happy, t.rated), "no_red": frac(t.clean, t.cases),
		}})
	}
	return out
}
