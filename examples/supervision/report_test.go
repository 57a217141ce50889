package supervision_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// testInquiries are two inquiries of 首问负责: one answered the same day,
// one never dealt with.
var testInquiries = []accountability.Inquiry{
	{ID: "Q-001", Unit: "审批局", Officer: "王敏", At: cst(2025, 3, 3, 10), Outcome: accountability.OutcomeAnswered, OutcomeAt: cst(2025, 3, 3, 11)},
	{ID: "Q-002", Unit: "政府办", Officer: "陈静", At: cst(2025, 5, 6, 15)},
}

// oracleInput is the accountability input computed in memory from the
// built cases, by the selection Store.Input documents.
func oracleInput(cases []built, from, to date.Date, asOf time.Time) accountability.Input {
	cstz := deadline.ChinaStandardTime()
	start, end := from.Time(0, cstz), (to+1).Time(0, cstz)
	var in accountability.Input
	for _, bc := range cases {
		c := bc.want
		last := bc.imp.Info.Created
		if n := len(c.Events); n > 0 {
			last = c.Events[n-1].At
		}
		running := false
		for _, cc := range c.Clocks {
			running = running || !cc.Clock.Stopped()
		}
		if !bc.imp.Info.Created.Before(end) || bc.imp.Info.Created.After(asOf) || !(running || !last.Before(start)) {
			continue
		}
		var events []procedure.Event
		for _, e := range c.Events {
			if !e.At.After(asOf) {
				events = append(events, e)
			}
		}
		d := sharedDefs()[c.Definition]
		rc, err := d.Replay(context.Background(), c.ID, events)
		if err != nil {
			panic(err)
		}
		rec := accountability.Record{Unit: bc.imp.Info.Unit, Case: rc}
		for _, r := range bc.imp.Register {
			if r.Day <= deadline.DateOf(asOf) && r.Event < len(rc.Events) {
				rec.Register = append(rec.Register, r)
			}
		}
		in.Records = append(in.Records, rec)
	}
	for _, q := range testInquiries {
		if !q.At.Before(start) && q.At.Before(end) && !q.At.After(asOf) {
			in.Inquiries = append(in.Inquiries, q)
		}
	}
	in.Roster.Officers = slices.Clone(testOfficers)
	return in
}

// sharedDefs and sharedEvaluator are built once for the oracles.
var (
	sharedDefs = sync.OnceValue(func() map[string]*procedure.Definition {
		out := map[string]*procedure.Definition{}
		for _, name := range procedure.ReferenceNames() {
			out[name], _ = procedure.Reference(name)
		}
		return out
	})
	sharedEvaluator = sync.OnceValue(func() *accountability.Evaluator {
		e, _ := accountability.New()
		return e
	})
)

// oracleReport evaluates the in-memory input and keeps the findings of
// the period.
func oracleReport(tb fataler, cases []built, from, to date.Date, asOf time.Time, ladder *accountability.Ladder) accountability.Report {
	fs, err := sharedEvaluator().Evaluate(oracleInput(cases, from, to, asOf), deadline.DateOf(asOf))
	if err != nil {
		tb.Fatal(err)
	}
	fs = slices.DeleteFunc(fs, func(f accountability.Finding) bool { return f.Day < from || f.Day > to })
	return accountability.NewReport(deadline.DateOf(asOf), fs, ladder, nil)
}

func storeInquiries(tb testing.TB, st *supervision.Store) {
	tb.Helper()
	for _, q := range testInquiries {
		if err := st.PutInquiry(context.Background(), q); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestReportMatchesMemory: the report built from the database equals
// accountability's evaluation of the same cases in memory, for the year
// and for a quarter seen from its end; and the breaches the templates
// were made for are found.
func TestReportMatchesMemory(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		ladder, err := accountability.NewLadder(accountability.ZhejiangLadder())
		if err != nil {
			t.Fatal(err)
		}
		st := b.store(t, supervision.WithLadder(accountability.ZhejiangLadder()), supervision.WithBatch(5))
		seedRoster(t, st)
		storeInquiries(t, st)
		cases := buildCases(t, 3*len(kinds))
		importCases(t, st, cases)
		ctx := context.Background()
		periods := []struct {
			from, to date.Date
			asOf     time.Time
		}{
			{day(2025, 1, 1), day(2025, 12, 31), cst(2026, 6, 30, 0)},
			{day(2025, 4, 1), day(2025, 6, 30), cst(2025, 7, 1, 0)},
			{day(2025, 10, 1), day(2025, 12, 31), cst(2025, 11, 15, 12)},
		}
		for _, pr := range periods {
			got, err := st.Report(ctx, pr.from, pr.to, pr.asOf)
			if err != nil {
				t.Fatal(err)
			}
			want := oracleReport(t, cases, pr.from, pr.to, pr.asOf, ladder)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("report %s–%s as of %s (-memory +stored):\n%s", pr.from, pr.to, pr.asOf, diff)
			}
		}
		year, _ := st.Report(ctx, day(2025, 1, 1), day(2025, 12, 31), cst(2026, 6, 30, 0))
		found := map[string]map[accountability.RuleID]bool{}
		for _, f := range year.Findings {
			k := f.Case
			if k == "" {
				k = f.Inquiry
			}
			if found[k] == nil {
				found[k] = map[accountability.RuleID]bool{}
			}
			found[k][f.Rule] = true
		}
		rows := []struct {
			id   string
			rule accountability.RuleID
			want bool
		}{
			{"licensing-late-00001", accountability.RuleTimeLimit, true},
			{"licensing-on-time-00000", accountability.RuleTimeLimit, false},
			{"licensing-deemed-00004", accountability.RuleDeemedAcceptance, true},
			{"licensing-refused-00005", accountability.RuleRefusalRegister, false},
			{"licensing-refused-unregistered-00006", accountability.RuleRefusalRegister, true},
			{"complaint-late-00008", accountability.RuleTimeLimit, true},
			{"disclosure-late-00011", accountability.RuleTimeLimit, true},
			{"disclosure-on-time-00010", accountability.RuleTimeLimit, false},
			{"Q-002", accountability.RuleFirstInquiry, true},
			{"Q-001", accountability.RuleFirstInquiry, false},
		}
		for _, r := range rows {
			if found[r.id][r.rule] != r.want {
				t.Errorf("%s: finding of %s %v, want %v (found %v)", r.id, r.rule, found[r.id][r.rule], r.want, found[r.id])
			}
		}
		if len(year.Sanctions) == 0 {
			t.Errorf("a year of breaches led to no sanctions")
		}
	})
}

// TestReportRanking: with a scorecard, the store computes each unit's
// on-time rate and share of clean cases, and ranks the units.
func TestReportRanking(t *testing.T) {
	card := accountability.ScorecardSpec{
		Name: "机关效能考评",
		Indicators: []accountability.Indicator{
			{ID: supervision.IndicatorOnTime, Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: supervision.IndicatorClean, Name: "无责案件率", Weight: decimal.NewFromInt(40)},
		},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Points: decimal.NewFromInt(1)}},
		Bottom:     1,
	}
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t, supervision.WithScorecard(card))
		seedRoster(t, st)
		importCases(t, st, buildCases(t, 2*len(kinds)))
		r, err := st.Report(context.Background(), day(2025, 1, 1), day(2025, 12, 31), cst(2026, 6, 30, 0))
		if err != nil {
			t.Fatal(err)
		}
		if r.Ranking == nil || len(r.Ranking.Rows) < 3 {
			t.Fatalf("ranking %+v, want the three units with cases", r.Ranking)
		}
		for i, row := range r.Ranking.Rows {
			if row.Rank != i+1 || row.Score.GreaterThan(decimal.NewFromInt(100)) {
				t.Errorf("row %d: %+v", i, row)
			}
		}
		if !r.Ranking.Rows[len(r.Ranking.Rows)-1].Bottom {
			t.Errorf("the last unit is not flagged bottom: %+v", r.Ranking.Rows)
		}
	})
	if _, err := supervision.Open(context.Background(), "sqlite", ":memory:", supervision.WithScorecard(accountability.ScorecardSpec{
		Indicators: []accountability.Indicator{{ID: "satisfaction", Weight: decimal.NewFromInt(100)}}, Total: decimal.NewFromInt(100),
	})); err == nil {
		t.Errorf("a scorecard with an indicator the store cannot compute was accepted")
	}
}

// TestReportProperty: for any period of 2025 and any instant from its
// start to mid-2026, the report from the database equals the one
// computed in memory.
func TestReportProperty(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		storeInquiries(t, st)
		cases := buildCases(t, 2*len(kinds))
		importCases(t, st, cases)
		ctx := context.Background()
		// Each check reads and evaluates the whole data set twice (store
		// and oracle): capped so the suite stays within its time.
		bud := newBudget(100)
		rapid.Check(t, func(t *rapid.T) {
			bud.check(t, func(t *rapid.T) {
				from := day(2025, 1, 1) + date.Date(rapid.IntRange(0, 364).Draw(t, "from"))
				to := from + date.Date(rapid.IntRange(0, 200).Draw(t, "length"))
				// asOf stays within the calendar's coverage (through 2026).
				asOf := from.Time(0, deadline.ChinaStandardTime()).Add(time.Duration(rapid.IntRange(0, 365*24).Draw(t, "hours")) * time.Hour)
				got, err := st.Report(ctx, from, to, asOf)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(oracleReport(t, cases, from, to, asOf, nil), got); diff != "" {
					t.Fatalf("report %s–%s as of %s (-memory +stored):\n%s", from, to, asOf, diff)
				}
			})
		})
	})
}
