package supervision_test

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestScanStatute: a licence application accepted on Friday 26 September
// 2025 must be decided within 20 working days (行政许可法 Art 42 ¶1,
// Art 82): due 30 October across the National Day break. The board is
// green before, yellow the day before, red after.
func TestScanStatute(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		ctx := context.Background()
		if err := st.CreateCase(ctx, supervision.CaseInfo{ID: "XK-2025-001", Definition: "licensing", Unit: "审批局", Created: cst(2025, 9, 25, 9)}); err != nil {
			t.Fatal(err)
		}
		clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
		if _, err := st.AppendEvents(ctx, "XK-2025-001",
			procedure.Event{Trigger: "receive", At: cst(2025, 9, 25, 10), Actor: clerk, Payload: p("voucher", "收件001")},
			procedure.Event{Trigger: "accept", At: cst(2025, 9, 26, 10), Actor: clerk, Payload: p("voucher", "受理001")},
		); err != nil {
			t.Fatal(err)
		}
		rows := []struct {
			asOf      time.Time
			light     deadline.Level
			remaining int
			reason    string
		}{
			{cst(2025, 9, 26, 18), deadline.LevelGreen, 20, "the day of acceptance is not counted (民法典 Art 201)"},
			{cst(2025, 10, 20, 12), deadline.LevelGreen, 8, "eight working days left"},
			{cst(2025, 10, 29, 12), deadline.LevelYellow, 1, "one working day left: yellow under the default policy"},
			{cst(2025, 10, 30, 23), deadline.LevelYellow, 0, "the due day itself"},
			{cst(2025, 10, 31, 9), deadline.LevelRed, 0, "the day after: overdue"},
		}
		for _, r := range rows {
			board, err := st.Scan(ctx, r.asOf)
			if err != nil {
				t.Fatal(err)
			}
			if len(board.Signals) != 1 {
				t.Fatalf("%s: %d signals, want the decision clock", r.reason, len(board.Signals))
			}
			sg := board.Signals[0]
			if sg.Clock.Name != "decision" || sg.Clock.Due != day(2025, 10, 30) || sg.Clock.Light != r.light || sg.Clock.Remaining != r.remaining {
				t.Errorf("%s: %s due %s, %s, %d left; want due 2025-10-30, %s, %d left",
					r.reason, sg.Clock.Name, sg.Clock.Due, sg.Clock.Light, sg.Clock.Remaining, r.light, r.remaining)
			}
		}
		// Before the case existed, and after it was decided, nothing runs.
		for _, asOf := range []time.Time{cst(2025, 9, 1, 0)} {
			if board, err := st.Scan(ctx, asOf); err != nil || len(board.Signals) != 0 {
				t.Errorf("scan of %s: %d signals, %v", asOf, len(board.Signals), err)
			}
		}
	})
}

// TestScanPolicy: a store's policy relights the agency's limits.
func TestScanPolicy(t *testing.T) {
	b := backends()[0]
	st := b.store(t, supervision.WithPolicy(deadline.Policy{YellowRemaining: 10}))
	seedRoster(t, st)
	importCases(t, st, buildCases(t, 4))
	board, err := st.Scan(context.Background(), cst(2025, 1, 20, 12))
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range board.Signals {
		if want := sg.Clock.Status.Level(deadline.Policy{YellowRemaining: 10}); sg.Clock.Role == procedure.RoleLimit && sg.Clock.Light != want {
			t.Errorf("%s %s: %s, want %s", sg.Case, sg.Clock.Name, sg.Clock.Light, want)
		}
	}
}

// TestScanPolicyPastCoverage: a renewal applied for on 20 December
// 2026, the licence expiring on 20 February 2027 (行政许可法 Art 50), runs
// a limit of days that does not roll past the shipped calendar. Its
// light counts working days. On 24 December five of 2026 are still to
// come: the default policy lights it green whatever January holds, and
// the scan answers; a policy that lights yellow from ten working days
// left would turn on January, and the scan refuses to guess.
func TestScanPolicyPastCoverage(t *testing.T) {
	ctx := context.Background()
	clerk := procedure.Actor{Officer: "王敏", Unit: "审批局"}
	for _, tc := range []struct {
		name   string
		policy *deadline.Policy
		light  deadline.Level
	}{
		{"default policy", nil, deadline.LevelGreen},
		{"ten working days ahead", &deadline.Policy{YellowRemaining: 10}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []supervision.Option
			if tc.policy != nil {
				opts = append(opts, supervision.WithPolicy(*tc.policy))
			}
			st := backends()[0].store(t, opts...)
			seedRoster(t, st)
			if err := st.CreateCase(ctx, supervision.CaseInfo{ID: "XK-2025-090", Definition: "licensing", Unit: "审批局", Created: cst(2025, 9, 25, 9)}); err != nil {
				t.Fatal(err)
			}
			if _, err := st.AppendEvents(ctx, "XK-2025-090",
				procedure.Event{Trigger: "receive", At: cst(2025, 9, 25, 10), Actor: clerk, Payload: p("voucher", "收件090")},
				procedure.Event{Trigger: "accept", At: cst(2025, 9, 26, 10), Actor: clerk, Payload: p("voucher", "受理090")},
				procedure.Event{Trigger: "grant", At: cst(2025, 10, 20, 10), Actor: clerk, Payload: p("decision", "准予许可决定书")},
				procedure.Event{Trigger: "issue_certificate", At: cst(2025, 10, 21, 10), Actor: clerk, Payload: p("certificate", "JY-090")},
				procedure.Event{Trigger: "deliver", At: cst(2025, 10, 22, 10), Actor: clerk},
				procedure.Event{Trigger: "apply_renewal", At: cst(2026, 12, 20, 10), Actor: clerk, Payload: p("expires", "2027-02-20")},
			); err != nil {
				t.Fatal(err)
			}
			board, err := st.Scan(ctx, cst(2026, 12, 24, 12))
			if tc.policy != nil {
				if !errors.Is(err, deadline.ErrOutOfCoverage) {
					t.Fatalf("scan: %+v, %v; want deadline.ErrOutOfCoverage", board, err)
				}
				return
			}
			if err != nil || len(board.Signals) != 1 || board.Signals[0].Clock.Name != "term" || board.Signals[0].Clock.Light != tc.light {
				t.Fatalf("scan: %+v, %v; want the term, %s", board, err, tc.light)
			}
		})
	}
}

// fataler is what *testing.T and *rapid.T share.
type fataler interface{ Fatal(args ...any) }

// oracleBoard is the scan computed in memory from the built cases: each
// case's events up to asOf replayed, advanced, and its running clocks
// listed. It shares no code with the store.
func oracleBoard(tb fataler, defs map[string]*procedure.Definition, cases []built, asOf time.Time) supervision.Board {
	ctx := context.Background()
	b := supervision.Board{AsOf: asOf, Day: deadline.DateOf(asOf).String()}
	for _, bc := range cases {
		if bc.imp.Info.Created.After(asOf) {
			continue
		}
		d := defs[bc.imp.Info.Definition]
		var events []procedure.Event
		for _, e := range bc.want.Events {
			if !e.At.After(asOf) {
				events = append(events, e)
			}
		}
		c, err := d.Replay(ctx, bc.want.ID, events)
		if err != nil {
			tb.Fatal(err)
		}
		fired, err := d.Advance(ctx, c, asOf)
		if err != nil {
			tb.Fatal(err)
		}
		b.Pending += len(fired)
		due, err := d.Due(c, deadline.DateOf(asOf))
		if err != nil {
			tb.Fatal(err)
		}
		if len(due) > 0 {
			b.Cases++
		}
		for _, cs := range due {
			b.Signals = append(b.Signals, supervision.Signal{Case: c.ID, Definition: c.Definition, Unit: bc.imp.Info.Unit, State: c.State, Clock: cs})
			switch cs.Light {
			case deadline.LevelRed:
				b.Red++
			case deadline.LevelYellow:
				b.Yellow++
			default:
				b.Green++
			}
		}
	}
	// Red first, then yellow, then green; known due dates first, by
	// date; then by case and clock.
	slices.SortFunc(b.Signals, func(x, y supervision.Signal) int {
		if c := cmp.Compare(y.Clock.Light, x.Clock.Light); c != 0 {
			return c
		}
		if x.Clock.HasDue() != y.Clock.HasDue() {
			if x.Clock.HasDue() {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(x.Clock.Due, y.Clock.Due), strings.Compare(x.Case, y.Case), strings.Compare(x.Clock.Name, y.Clock.Name))
	})
	return b
}

// TestScanMatchesMemory: the board read from the database equals the one
// computed in memory, through the year, on both databases; and a
// property over any instant of 2025 and early 2026.
func TestScanMatchesMemory(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t, supervision.WithBatch(7)) // small pages: many round trips
		seedRoster(t, st)
		cases := buildCases(t, 4*len(kinds))
		importCases(t, st, cases)
		defs := referenceDefs(t)
		ctx := context.Background()
		var lights [3]int
		for _, asOf := range []time.Time{cst(2025, 1, 1, 0), cst(2025, 2, 10, 12), cst(2025, 4, 30, 23), cst(2025, 7, 1, 9), cst(2025, 10, 8, 12), cst(2026, 1, 1, 0)} {
			got, err := st.Scan(ctx, asOf)
			if err != nil {
				t.Fatal(err)
			}
			want := oracleBoard(t, defs, cases, asOf)
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Fatalf("scan of %s (-memory +stored):\n%s", asOf, diff)
			}
			lights[0] += got.Green
			lights[1] += got.Yellow
			lights[2] += got.Red
		}
		if lights[0] == 0 || lights[1] == 0 || lights[2] == 0 {
			t.Errorf("the scans lit green %d, yellow %d, red %d times: the data should light all three", lights[0], lights[1], lights[2])
		}
		// Every check is one scan of the whole data set: cheap enough for
		// a few hundred checks, not for a thousand under the race
		// detector on two backends.
		bud := newBudget(150)
		rapid.Check(t, func(t *rapid.T) {
			bud.check(t, func(t *rapid.T) {
				asOf := cst(2025, 1, 1, 0).Add(time.Duration(rapid.Int64Range(0, 420*24*60).Draw(t, "minute")) * time.Minute)
				got, err := st.Scan(ctx, asOf)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(oracleBoard(t, defs, cases, asOf), got); diff != "" {
					t.Fatalf("scan of %s (-memory +stored):\n%s", asOf, diff)
				}
			})
		})
	})
}
