package accountability_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// TestNewLadderRefuses: a ladder with a gap, unknown measures, or an
// escalation that leads nowhere heavier is refused, each problem named at
// its place.
func TestNewLadderRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*accountability.LadderSpec)
		path string
	}{
		{"a gap for serious breaches", func(s *accountability.LadderSpec) { delete(s.Severity, accountability.Serious) }, "severity.serious"},
		{"an unknown measure", func(s *accountability.LadderSpec) { s.Severity[accountability.Minor] = "reprimand" }, "severity.minor"},
		{"a heavier breach, a lighter measure", func(s *accountability.LadderSpec) { s.Severity[accountability.Serious] = "oral-warning" }, "severity.serious"},
		{"a measure twice", func(s *accountability.LadderSpec) { s.Measures = append(s.Measures, s.Measures[0]) }, "measures[7]"},
		{"an escalation of one", func(s *accountability.LadderSpec) { s.Escalations[0].Count = 1 }, "escalations[0].count"},
		{"an escalation in working days", func(s *accountability.LadderSpec) {
			s.Escalations[0].Within = deadline.Period{N: 20, Unit: deadline.WorkingDays}
		}, "escalations[0].within"},
		{"an escalation to a lighter measure", func(s *accountability.LadderSpec) {
			s.Escalations[0].Of, s.Escalations[0].Then = "written-warning", "circular"
		}, "escalations[0].then"},
	} {
		spec := accountability.ZhejiangLadder()
		tc.edit(&spec)
		_, err := accountability.NewLadder(spec)
		var e *accountability.Error
		if !errors.Is(err, accountability.ErrInvalidLadder) || !errors.As(err, &e) || !strings.Contains(err.Error(), tc.path) {
			t.Errorf("%s: %v, want an error at %s", tc.name, err, tc.path)
		}
	}
}

// TestEscalationsChain: a measure raised by one escalation counts as a
// repeat for another. LEGAL.md Part 4, escalation example (d): three
// efficiency accountabilities within one month lead to an efficiency
// warning, and two or more warnings within a year to an admonition talk;
// so the third accountability in a month, coming after a warning earlier
// in the year, is the second warning and leads to the talk — whichever
// order the ladder lists the two rules in. A sanction cites the
// escalation that set its measure, or the ladder when that one names no
// rule of its own.
func TestEscalationsChain(t *testing.T) {
	month := deadline.Period{N: 1, Unit: deadline.Months}
	year := deadline.Period{N: 1, Unit: deadline.Years}
	ladderCite := xiaoneng.Citation{Law: "机关效能问责规定"}
	toWarning := accountability.Escalation{Count: 3, Within: month, Then: "warning", Citation: xiaoneng.Citation{Law: "效能问责累进规则"}}
	toTalk := accountability.Escalation{Count: 2, Of: "warning", Within: year, Then: "talk"}
	breach := func(d date.Date, s accountability.Severity) accountability.Finding {
		return accountability.Finding{Rule: accountability.RuleTimeLimit, Officer: "李强", Unit: "审批局", Day: d, Severity: s}
	}
	findings := []accountability.Finding{
		breach(day(2025, 3, 3), accountability.MoreSerious), // a warning of its own
		breach(day(2025, 6, 2), accountability.Minor),
		breach(day(2025, 6, 9), accountability.Minor),
		breach(day(2025, 6, 16), accountability.Minor), // third in a month, second warning in the year
	}
	for _, tc := range []struct {
		name string
		esc  []accountability.Escalation
	}{
		{"example (d), rules in the order written", []accountability.Escalation{toWarning, toTalk}},
		{"example (d), rules listed the other way round", []accountability.Escalation{toTalk, toWarning}},
	} {
		l, err := accountability.NewLadder(accountability.LadderSpec{
			ID: "example-d", Name: "效能问责累进（示例d）", Citation: ladderCite,
			Measures: []accountability.Measure{
				{ID: "accountability", Name: "效能问责"}, {ID: "warning", Name: "效能告诫"}, {ID: "talk", Name: "诫勉谈话"},
			},
			Severity: map[accountability.Severity]string{
				accountability.Minor: "accountability", accountability.MoreSerious: "warning", accountability.Serious: "talk",
			},
			Escalations: tc.esc,
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range l.Sanctions(findings) {
			got = append(got, s.Measure.ID)
		}
		want := []string{"warning", "accountability", "accountability", "talk"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: measures %v, want %v", tc.name, got, want)
			continue
		}
		last := l.Sanctions(findings)[3]
		if last.Escalation < 0 || tc.esc[last.Escalation].Then != "talk" || last.Citation != ladderCite {
			t.Errorf("%s: the talk was set by escalation %d citing %v, want the one to the talk, citing the ladder",
				tc.name, last.Escalation, last.Citation)
		}
	}
}

// cardSpec is a scorecard of two indicators, a deduction per breach and
// a veto.
func cardSpec() accountability.ScorecardSpec {
	return accountability.ScorecardSpec{
		Name: "效能考评",
		Indicators: []accountability.Indicator{
			{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: "satisfaction", Name: "满意度", Weight: decimal.NewFromInt(40)},
		},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Points: decimal.NewFromInt(2)}},
		Vetoes:     []accountability.Veto{{Rule: accountability.RuleDeemedAcceptance}},
		Bottom:     1,
		LastPlaces: 2,
	}
}

func card(t *testing.T, edit func(*accountability.ScorecardSpec)) (*accountability.Scorecard, error) {
	t.Helper()
	spec := cardSpec()
	if edit != nil {
		edit(&spec)
	}
	return accountability.NewScorecard(spec)
}

// TestNewScorecardRefuses: weights that do not sum as declared, and the
// like, are refused with the place of each problem.
func TestNewScorecardRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*accountability.ScorecardSpec)
		want string
	}{
		{"weights not summing to the total", func(s *accountability.ScorecardSpec) { s.Total = decimal.NewFromInt(90) }, "the weights sum to 100, not the declared 90"},
		{"a negative weight", func(s *accountability.ScorecardSpec) { s.Indicators[1].Weight = decimal.NewFromInt(-40) }, "indicators[1].weight"},
		{"an indicator twice", func(s *accountability.ScorecardSpec) { s.Indicators[1].ID = "on_time" }, "indicators[1]"},
		{"a deduction of no points", func(s *accountability.ScorecardSpec) { s.Deductions[0].Points = decimal.Zero }, "deductions[0].points"},
		{"a veto on no rule", func(s *accountability.ScorecardSpec) { s.Vetoes[0].Rule = "late" }, "vetoes[0].rule"},
		{"a negative cap", func(s *accountability.ScorecardSpec) { s.Cap = decimal.NewFromInt(-1) }, "cap: invalid scorecard: a cap is positive"},
	} {
		_, err := card(t, tc.edit)
		if !errors.Is(err, accountability.ErrInvalidScorecard) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestRankSetsAsideOtherUnits: a finding of a unit not ranked (the agency
// asked for assistance) is deducted from no one and listed as outside.
func TestRankSetsAsideOtherUnits(t *testing.T) {
	c, err := card(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	score := func(onTime, sat string) map[string]decimal.Decimal {
		return map[string]decimal.Decimal{"on_time": decimal.RequireFromString(onTime), "satisfaction": decimal.RequireFromString(sat)}
	}
	units := []accountability.UnitScores{{Unit: "审批局", Values: score("0.9", "0.9")}, {Unit: "市场监管局", Values: score("0.8", "0.8")}}
	f := func(unit string, rule accountability.RuleID) accountability.Finding {
		return accountability.Finding{Rule: rule, Unit: unit, Officer: "李强", Severity: accountability.Minor, Day: day(2025, 10, 9)}
	}
	findings := []accountability.Finding{f("审批局", accountability.RuleTimeLimit), f("公安局", accountability.RuleAssistance),
		f("公安局", accountability.RuleAssistance), f("审批局", accountability.RuleDeemedAcceptance)}
	r, err := c.Rank(units, findings, []accountability.Ranking{{Rows: []accountability.RankRow{{Unit: "审批局"}}}})
	if err != nil {
		t.Fatal(err)
	}
	// 审批局 scores 90 less two deductions of 2, but the deemed acceptance
	// vetoes it below 市场监管局's 80: last twice running, flagged.
	last := r.Rows[1]
	if r.Last() != "审批局" || !last.Vetoed || !last.Bottom || !last.Flagged || last.LastPlace != 2 || !last.Score.Equal(decimal.NewFromInt(86)) {
		t.Errorf("ranking %+v", r.Rows)
	}
	if len(r.Outside) != 1 || r.Outside[0] != (accountability.OutsideUnit{Unit: "公安局", Findings: 2}) {
		t.Errorf("outside %+v", r.Outside)
	}
	// Capped at 3 points, the two deductions of 2 take 3.
	capped, err := card(t, func(s *accountability.ScorecardSpec) { s.Cap = decimal.NewFromInt(3) })
	if err != nil {
		t.Fatal(err)
	}
	r, err = capped.Rank(units, findings, nil)
	if err != nil || !r.Rows[1].Deducted.Equal(decimal.NewFromInt(3)) || !r.Rows[1].Score.Equal(decimal.NewFromInt(87)) {
		t.Errorf("capped: %+v, %v", r.Rows, err)
	}
	if got := capped.Spec().Cap; !got.Equal(decimal.NewFromInt(3)) {
		t.Errorf("Spec().Cap = %s", got)
	}
}

// TestWindowEndAgreesWithEnd: the escalation window's plain arithmetic
// ends where deadline's period rules end a period that never rolls
// (民法典 Art 201–202), for days, months and years.
func TestWindowEndAgreesWithEnd(t *testing.T) {
	cal := deadline.ChinaMainland()
	first, last := cal.Coverage()
	rapid.Check(t, func(t *rapid.T) {
		a := first + date.Date(rapid.IntRange(0, int(last-first)-800).Draw(t, "offset"))
		p := deadline.Period{N: rapid.IntRange(1, 24).Draw(t, "n"),
			Unit: rapid.SampledFrom([]deadline.Unit{deadline.Days, deadline.Months, deadline.Years}).Draw(t, "unit")}
		if p.Unit == deadline.Years {
			p.N = min(p.N, 2)
		}
		end, err := cal.End(a, p, deadline.RollNone)
		if err != nil {
			t.Fatal(err)
		}
		if got := accountability.WindowEnd(a, p); got != end.Date {
			t.Fatalf("window of %s from %s ends %s, End says %s", p, a, got, end.Date)
		}
	})
}

func TestEmptyReportSaysNone(t *testing.T) {
	text := accountability.NewReport(day(2025, 11, 14), nil, nil, nil).Text()
	if strings.Count(text, "无 none") != 4 {
		t.Errorf("an empty report:\n%s", text)
	}
}
