package accountability

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/internal/text"
)

// ScorecardSpec is a unit scorecard (绩效考评) as data: weighted
// indicators, the points each finding deducts, the veto rules (一票否决),
// and which ranks are flagged. [NewScorecard] validates it.
type ScorecardSpec struct {
	Name string `json:"name"`
	// Indicators are what units are scored on, each with its weight.
	Indicators []Indicator `json:"indicators"`
	// Total is the declared sum of the weights, e.g. 100; the weights
	// must sum to it exactly.
	Total decimal.Decimal `json:"total"`
	// Deductions are the points a sanctionable finding takes off its
	// unit's score: the first deduction whose rule and severity match it.
	Deductions []Deduction `json:"deductions,omitempty"`
	// Cap, when positive, is the most a unit can lose to deductions in
	// one period (扣完为止 at Cap): beyond it findings still count, and
	// still veto, but take nothing more. Zero leaves deductions uncapped.
	Cap decimal.Decimal `json:"cap,omitzero"`
	// Vetoes rank a unit below every unit not vetoed (一票否决).
	Vetoes []Veto `json:"vetoes,omitempty"`
	// Bottom flags the last Bottom units.
	Bottom int `json:"bottom,omitempty"`
	// LastPlaces flags a unit last in this period and the LastPlaces−1
	// before it (e.g. 2: two years running → the leader's resignation
	// for responsibility, 引咎辞职); 0 flags none.
	LastPlaces int `json:"last_places,omitempty"`
}

// Indicator is one scored indicator.
type Indicator struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Weight decimal.Decimal `json:"weight"`
}

// Deduction takes Points off for each sanctionable finding of Rule (any
// rule when empty) of at least Severity (any breach when zero).
type Deduction struct {
	Rule     RuleID          `json:"rule,omitempty"`
	Severity Severity        `json:"severity,omitzero"`
	Points   decimal.Decimal `json:"points"`
}

func (d Deduction) matches(f Finding) bool {
	return (d.Rule == "" || d.Rule == f.Rule) && f.Severity >= max(d.Severity, Minor)
}

// Veto vetoes a unit with a sanctionable finding of Rule of at least
// Severity.
type Veto struct {
	Rule     RuleID   `json:"rule"`
	Severity Severity `json:"severity,omitzero"`
}

// Scorecard is a validated scorecard. It is immutable and safe for
// concurrent use.
type Scorecard struct{ spec ScorecardSpec }

// NewScorecard validates spec: indicators named, unique and weighted
// positively, the weights summing exactly to the declared total;
// deductions positive and naming built-in rules; vetoes naming built-in
// rules; flag counts not negative. The error joins one [*Error] per
// problem, each wrapping [ErrInvalidScorecard].
func NewScorecard(spec ScorecardSpec) (*Scorecard, error) {
	p := problems{op: "NewScorecard", err: ErrInvalidScorecard}
	seen := map[string]bool{}
	sum := decimal.Zero
	for i, in := range spec.Indicators {
		at := fmt.Sprintf("indicators[%d]", i)
		switch {
		case text.Blank(in.ID):
			p.add(at, "an indicator has no id")
		case seen[in.ID]:
			p.add(at, "indicator %q listed twice", in.ID)
		}
		seen[in.ID] = true
		if !in.Weight.IsPositive() {
			p.add(at+".weight", "a weight is positive, not %s", in.Weight)
		}
		sum = sum.Add(in.Weight)
	}
	if len(spec.Indicators) == 0 {
		p.add("indicators", "the scorecard has no indicators")
	} else if !sum.Equal(spec.Total) {
		p.add("total", "the weights sum to %s, not the declared %s", sum, spec.Total)
	}
	for i, d := range spec.Deductions {
		at := fmt.Sprintf("deductions[%d]", i)
		if !d.Points.IsPositive() {
			p.add(at+".points", "a deduction is positive, not %s", d.Points)
		}
		if _, ok := LookupRule(d.Rule); d.Rule != "" && !ok {
			p.add(at+".rule", "no built-in rule %q", d.Rule)
		}
	}
	for i, v := range spec.Vetoes {
		if _, ok := LookupRule(v.Rule); !ok {
			p.add(fmt.Sprintf("vetoes[%d].rule", i), "no built-in rule %q", v.Rule)
		}
	}
	if spec.Cap.IsNegative() {
		p.add("cap", "a cap is positive, or zero for none, not %s", spec.Cap)
	}
	if spec.Bottom < 0 || spec.LastPlaces < 0 || spec.LastPlaces == 1 {
		p.add("", "bottom is not negative, and last places counts at least two periods")
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	spec.Indicators = slices.Clone(spec.Indicators)
	spec.Deductions = slices.Clone(spec.Deductions)
	spec.Vetoes = slices.Clone(spec.Vetoes)
	return &Scorecard{spec: spec}, nil
}

// Spec returns a copy of the scorecard's data.
func (s *Scorecard) Spec() ScorecardSpec {
	spec := s.spec
	spec.Indicators = slices.Clone(spec.Indicators)
	spec.Deductions = slices.Clone(spec.Deductions)
	spec.Vetoes = slices.Clone(spec.Vetoes)
	return spec
}

// UnitScores are a unit's indicator values, each a fraction from 0 to 1
// of the indicator's weight (an on-time rate of 0.95, a satisfaction of
// 0.9).
type UnitScores struct {
	Unit   string                     `json:"unit"`
	Values map[string]decimal.Decimal `json:"values"`
}

// Ranking is a scorecard's result for one period, best first.
type Ranking struct {
	Rows []RankRow `json:"rows"`
	// Outside lists, sorted, the units that have sanctionable findings
	// but were not ranked — another agency's, such as the agency asked
	// for assistance — with how many findings each: they are deducted
	// from no one. A name here that should have been ranked is a typo in
	// the units or the records.
	Outside []OutsideUnit `json:"outside,omitempty"`
}

// OutsideUnit is a unit with findings that a ranking did not rank.
type OutsideUnit struct {
	Unit     string `json:"unit"`
	Findings int    `json:"findings"`
}

// Last returns the unit ranked last, or "".
func (r Ranking) Last() string {
	if len(r.Rows) == 0 {
		return ""
	}
	return r.Rows[len(r.Rows)-1].Unit
}

// RankRow is one unit's line of a ranking.
type RankRow struct {
	Rank      int             `json:"rank"`
	Unit      string          `json:"unit"`
	Weighted  decimal.Decimal `json:"weighted"`
	Deducted  decimal.Decimal `json:"deducted"`
	Score     decimal.Decimal `json:"score"`
	Findings  int             `json:"findings"`
	Vetoed    bool            `json:"vetoed,omitempty"`
	VetoedBy  []RuleID        `json:"vetoed_by,omitempty"`
	Bottom    bool            `json:"bottom,omitempty"`
	LastPlace int             `json:"last_place,omitempty"` // consecutive periods last, this one included
	Flagged   bool            `json:"flagged,omitempty"`    // last for LastPlaces periods running
}

// Rank scores and ranks the units: the weighted sum of their indicator
// values, less the deductions of their sanctionable findings; units a
// veto rule hits rank below every other; ties go by unit name. history
// holds the rankings of the previous periods, oldest first, for the flag
// of consecutive last places. A unit's values must lie in 0 to 1 and name
// the scorecard's indicators. The findings of units not ranked are listed
// in [Ranking.Outside], not deducted. The result does not depend on the
// order of units or findings.
func (s *Scorecard) Rank(units []UnitScores, findings []Finding, history []Ranking) (Ranking, error) {
	p := problems{op: "Rank", err: ErrInvalidInput}
	rows := make([]RankRow, 0, len(units))
	at := map[string]int{}
	for i, u := range units {
		path := fmt.Sprintf("units[%d]", i)
		if _, dup := at[u.Unit]; dup || text.Blank(u.Unit) {
			p.add(path, "unit %q is blank or listed twice", u.Unit)
			continue
		}
		row := RankRow{Unit: u.Unit, Weighted: decimal.Zero, Deducted: decimal.Zero}
		for k := range u.Values {
			if !slices.ContainsFunc(s.spec.Indicators, func(in Indicator) bool { return in.ID == k }) {
				p.add(path+".values", "no indicator %q", k)
			}
		}
		for _, in := range s.spec.Indicators {
			v, ok := u.Values[in.ID]
			if !ok || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
				p.add(path+".values["+in.ID+"]", "a value from 0 to 1 is needed, got %s", v)
				continue
			}
			row.Weighted = row.Weighted.Add(in.Weight.Mul(v))
		}
		at[u.Unit] = len(rows)
		rows = append(rows, row)
	}
	outside := map[string]int{}
	for _, f := range findings {
		if !f.Sanctionable() {
			continue
		}
		j, ok := at[f.Unit]
		if !ok {
			outside[f.Unit]++
			continue
		}
		r := &rows[j]
		r.Findings++
		for _, d := range s.spec.Deductions {
			if d.matches(f) {
				r.Deducted = r.Deducted.Add(d.Points)
				break
			}
		}
		for _, v := range s.spec.Vetoes {
			if v.Rule == f.Rule && f.Severity >= max(v.Severity, Minor) && !slices.Contains(r.VetoedBy, v.Rule) {
				r.Vetoed = true
				r.VetoedBy = append(r.VetoedBy, v.Rule)
			}
		}
	}
	if err := p.result(); err != nil {
		return Ranking{}, err
	}
	for i := range rows {
		if s.spec.Cap.IsPositive() && rows[i].Deducted.GreaterThan(s.spec.Cap) {
			rows[i].Deducted = s.spec.Cap
		}
		rows[i].Score = rows[i].Weighted.Sub(rows[i].Deducted)
		slices.Sort(rows[i].VetoedBy)
	}
	slices.SortFunc(rows, func(a, b RankRow) int {
		if a.Vetoed != b.Vetoed {
			if a.Vetoed {
				return 1
			}
			return -1
		}
		return cmp.Or(b.Score.Cmp(a.Score), strings.Compare(a.Unit, b.Unit))
	})
	for i := range rows {
		rows[i].Rank = i + 1
		rows[i].Bottom = i >= len(rows)-s.spec.Bottom
	}
	if n := len(rows); n > 0 {
		last := &rows[n-1]
		last.LastPlace = 1
		for k := len(history) - 1; k >= 0 && history[k].Last() == last.Unit; k-- {
			last.LastPlace++
		}
		last.Flagged = s.spec.LastPlaces > 0 && last.LastPlace >= s.spec.LastPlaces
	}
	var out []OutsideUnit
	for _, u := range slices.Sorted(maps.Keys(outside)) {
		out = append(out, OutsideUnit{Unit: u, Findings: outside[u]})
	}
	return Ranking{Rows: rows, Outside: out}, nil
}
