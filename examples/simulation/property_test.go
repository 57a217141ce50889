package simulation_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

// TestRunProperties runs small years over random seeds and sizes: every
// case replays from its events to itself, every finding names a case or
// an inquiry of the run and an officer of the roster, every sanction a
// sanctionable finding, every rate lies in 0 to 1, and the counts add up.
// The sizes are small (at most a few dozen cases) so that a thousand
// checks under the race detector take seconds.
func TestRunProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cfg := simulation.Config{
			Seed:         rapid.Uint64().Draw(t, "seed"),
			Applications: rapid.IntRange(0, 16).Draw(t, "applications"),
			Complaints:   rapid.IntRange(0, 4).Draw(t, "complaints"),
			Requests:     rapid.IntRange(0, 4).Draw(t, "requests"),
			Assistance:   rapid.IntRange(0, 3).Draw(t, "assistance"),
			Inquiries:    rapid.IntRange(0, 8).Draw(t, "inquiries"),
		}
		res, err := simulation.Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		recs := res.Input.Records
		if len(recs) != len(res.Cases) || len(recs) != cfg.Applications+cfg.Complaints+cfg.Requests+cfg.Assistance {
			t.Fatalf("%d records, %d cases for %+v", len(recs), len(res.Cases), cfg)
		}
		cases, events := map[string]bool{}, 0
		for i, rec := range recs {
			c := res.Cases[i]
			if c.ID != rec.Case.ID || cases[c.ID] {
				t.Fatalf("case %d: %s for record %s, or seen twice", i, c.ID, rec.Case.ID)
			}
			cases[c.ID] = true
			events += len(rec.Case.Events)
			got, err := c.Definition.Replay(context.Background(), rec.Case.ID, rec.Case.Events)
			if err != nil {
				t.Fatalf("case %s does not replay: %v", c.ID, err)
			}
			if diff := cmp.Diff(rec.Case, got); diff != "" {
				t.Fatalf("case %s replays to another case (-ran +replayed):\n%s", c.ID, diff)
			}
			if c.Concluded != 0 && (c.Concluded < c.Received || c.Concluded > res.ScanDay) {
				t.Fatalf("case %s received %s, concluded %s", c.ID, c.Received, c.Concluded)
			}
		}
		inquiries := map[string]bool{}
		for _, q := range res.Input.Inquiries {
			inquiries[q.ID] = true
		}
		officers := map[string]bool{}
		for _, o := range res.Input.Roster.Officers {
			officers[o.ID] = true
		}
		for _, f := range res.Findings {
			if f.Case != "" && !cases[f.Case] || f.Inquiry != "" && !inquiries[f.Inquiry] || f.Case == "" && f.Inquiry == "" {
				t.Fatalf("finding %s names no case or inquiry of the run: %q %q", f.Rule, f.Case, f.Inquiry)
			}
			if f.Officer != "" && !officers[f.Officer] {
				t.Fatalf("finding %s on %s names %q, not on the roster", f.Rule, f.Case, f.Officer)
			}
			if f.Day > res.ScanDay {
				t.Fatalf("finding %s on %s dated %s, after the scan", f.Rule, f.Case, f.Day)
			}
		}
		for _, s := range res.Report.Sanctions {
			if s.Finding < 0 || s.Finding >= len(res.Findings) || !res.Findings[s.Finding].Sanctionable() {
				t.Fatalf("sanction of %s for finding %d, not a sanctionable one", s.Officer, s.Finding)
			}
		}
		for _, m := range res.OnTime {
			if m.OnTime < 0 || m.OnTime > m.Done || m.Rate() < 0 || m.Rate() > 1 {
				t.Fatalf("month %d of %q: %d of %d on time", m.Month, m.Unit, m.OnTime, m.Done)
			}
		}
		concluded := 0
		for _, c := range res.Cases {
			if c.Concluded != 0 && c.Kind != simulation.KindAssistance {
				concluded++
			}
		}
		if sum(res.OnTime, func(m simulation.MonthRate) int {
			if m.Unit == "" {
				return m.Done
			}
			return 0
		}) != concluded {
			t.Fatalf("the months count other than the %d cases concluded", concluded)
		}
		for _, u := range res.Scores {
			for k, v := range u.Values {
				if v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
					t.Fatalf("%s of %s is %s", k, u.Unit, v)
				}
			}
		}
		count := func(cs []simulation.Count) int { return sum(cs, func(c simulation.Count) int { return c.N }) }
		if count(res.Counts.Kinds) != len(recs) || count(res.Counts.States) != len(recs) ||
			count(res.Counts.Intake) != cfg.Applications || count(res.Counts.Triggers) != events ||
			res.Counts.Inquiries != cfg.Inquiries {
			t.Fatalf("counts do not add up: %+v", res.Counts)
		}
	})
}

func sum[T any](xs []T, f func(T) int) int {
	n := 0
	for _, x := range xs {
		n += f(x)
	}
	return n
}
