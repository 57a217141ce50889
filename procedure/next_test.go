package procedure_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// nextOf returns the steps of trigger tr among ns.
func nextOf(ns []procedure.NextStep, tr procedure.Trigger) []procedure.NextStep {
	var out []procedure.NextStep
	for _, n := range ns {
		if n.Trigger == tr {
			out = append(out, n)
		}
	}
	return out
}

// TestNextPenaltyDecision follows the two routes to a penalty decision
// of 行政处罚法 Art 62 through a notice served on Thu 25 Sep 2025 with a
// period to state and defend until Fri 10 Oct: before then, only a
// party's express waiver opens the decision; after it, the period's end
// does.
func TestNextPenaltyDecision(t *testing.T) {
	d := xnDefinition(t, "penalty")
	notified := func() *procedure.Case {
		return xnRun(t, d, "CF-N-1", []xnStep{
			{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
			{trigger: "notify_intended", at: xnDay(2025, 9, 25), payload: penNotice("2025-10-10", false), state: "notified"},
		})
	}
	ended := "告知书载明的陈述、申辩期限已届满 / the period to state and defend set in the notice has ended"
	waived := "陈述、申辩期限届满前作出决定的，当事人已明确放弃陈述、申辩权利 / before the period ends, the party has expressly waived the rights to state and defend"
	decision := "制作载明法定事项并加盖印章的行政处罚决定书 / a decision document with the statutory items and the agency's seal"
	for _, tc := range []struct {
		name    string
		waive   bool
		at      time.Time
		blocked [][]string // of the two routes
	}{
		{"Fri 26 Sep: the period runs and nothing is waived", false, xnDay(2025, 9, 26), [][]string{{ended}, {waived}}},
		{"Fri 10 Oct, the period's last day", false, xnAt(2025, 10, 10, 23), [][]string{{ended}, {waived}}},
		{"Sat 11 Oct: the period has ended", false, xnMidnight(2025, 10, 11), [][]string{nil, {"陈述、申辩期限未届满 / the period to state and defend has not ended", waived}}},
		{"Fri 26 Sep, after the party waived", true, xnDay(2025, 9, 26), [][]string{{ended}, nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := notified()
			if tc.waive {
				xnContinue(t, d, c, []xnStep{{trigger: "waive_statement", at: xnAt(2025, 9, 26, 9), payload: penWaive, state: "notified"}})
			}
			before := c.Clone()
			ns, err := d.Next(c, tc.at)
			if err != nil {
				t.Fatal(err)
			}
			if diff := sameCase(before, c); diff != "" {
				t.Fatalf("Next changed the case:\n%s", diff)
			}
			routes := nextOf(ns, "decide_penalty")
			if len(routes) != 2 {
				t.Fatalf("%d decide_penalty steps, want 2: %+v", len(routes), ns)
			}
			for i, r := range routes {
				if r.To != "decided" || r.Citation.Article == 0 {
					t.Errorf("route %d: to %s, citing %s", i, r.To, r.Citation)
				}
				if diff := cmp.Diff(tc.blocked[i], r.Blocked); diff != "" {
					t.Errorf("route %d blocked (-want +got):\n%s", i, diff)
				}
				if r.Open() != (len(tc.blocked[i]) == 0) {
					t.Errorf("route %d: Open() = %v with %d blocking", i, r.Open(), len(r.Blocked))
				}
				if !slices.Contains(r.Needs, decision) {
					t.Errorf("route %d needs %q, not the decision document", i, r.Needs)
				}
			}
			// An open route is taken by an event that gives what it needs.
			if open := slices.IndexFunc(routes, procedure.NextStep.Open); open >= 0 {
				xnContinue(t, d, c, []xnStep{{trigger: "decide_penalty", at: tc.at, payload: penDecision("50000"), state: "decided"}})
			} else {
				xnContinue(t, d, c, []xnStep{{trigger: "decide_penalty", at: tc.at, payload: penDecision("50000"), err: procedure.ErrInvalidTransition}})
			}
		})
	}
}

// TestNextRefusals checks the instants and cases Next refuses, as Fire
// would, and the automatic outcomes it leaves to Advance.
func TestNextRefusals(t *testing.T) {
	d := xnDefinition(t, "licensing")
	received := func() *procedure.Case {
		return xnRun(t, d, "XK-N-1", []xnStep{
			{trigger: "receive", at: xnDay(2025, 9, 25), payload: map[string]string{"voucher": "收件001"}, state: "received"},
		})
	}
	t.Run("行政许可法 Art 32 ¶1(4): no notice within five working days, the application is accepted; advance first", func(t *testing.T) {
		c := received()
		// Received Thu 25 Sep 2025; Sun 28 Sep is a make-up working day,
		// and 1–8 Oct the National Day break: the five days are 26, 28,
		// 29, 30 Sep and 9 Oct.
		ns, err := d.Next(c, xnDay(2025, 10, 9))
		if err != nil {
			t.Fatal(err)
		}
		if len(nextOf(ns, "deem_accepted")) != 0 {
			t.Errorf("Next lists the automatic outcome: %+v", ns)
		}
		if len(nextOf(ns, "accept")) == 0 {
			t.Errorf("no accept step: %+v", ns)
		}
		if _, err := d.Next(c, xnMidnight(2025, 10, 10)); !errors.Is(err, procedure.ErrExpired) {
			t.Errorf("after the five days: %v, want ErrExpired", err)
		}
		if fired, err := d.Advance(context.Background(), c, xnMidnight(2025, 10, 10)); err != nil || len(fired) != 1 || c.State != "accepted" {
			t.Fatalf("Advance: %v, %d events, state %s; want deem_accepted", err, len(fired), c.State)
		}
		if _, err := d.Next(c, xnMidnight(2025, 10, 10)); err != nil {
			t.Errorf("after Advance: %v", err)
		}
	})
	t.Run("an instant before the last event", func(t *testing.T) {
		if _, err := d.Next(received(), xnDay(2025, 9, 24)); !errors.Is(err, procedure.ErrInvalidEvent) {
			t.Errorf("%v, want ErrInvalidEvent", err)
		}
	})
	t.Run("no instant", func(t *testing.T) {
		if _, err := d.Next(received(), time.Time{}); !errors.Is(err, procedure.ErrInvalidEvent) {
			t.Errorf("%v, want ErrInvalidEvent", err)
		}
	})
	t.Run("a case of another definition, a state it does not know, no case", func(t *testing.T) {
		other := xnDefinition(t, "penalty").NewCase("CF-1")
		if _, err := d.Next(other, xnDay(2025, 9, 25)); !errors.Is(err, procedure.ErrWrongDefinition) {
			t.Errorf("%v, want ErrWrongDefinition", err)
		}
		odd := received()
		odd.State = "limbo"
		if _, err := d.Next(odd, xnDay(2025, 9, 25)); !errors.Is(err, procedure.ErrWrongDefinition) {
			t.Errorf("%v, want ErrWrongDefinition", err)
		}
		if _, err := d.Next(nil, xnDay(2025, 9, 25)); !errors.Is(err, procedure.ErrWrongDefinition) {
			t.Errorf("%v, want ErrWrongDefinition", err)
		}
	})
	t.Run("a terminal state has no steps", func(t *testing.T) {
		c := xnRun(t, d, "XK-N-2", []xnStep{
			{trigger: "receive", at: xnDay(2025, 9, 25), payload: map[string]string{"voucher": "收件001"}, state: "received"},
			{trigger: "refuse_acceptance", at: xnDay(2025, 9, 26), payload: map[string]string{"ground": "not_required", "reasons": "该事项不需要取得行政许可", "voucher": "不予受理决定书"}, state: "not_accepted"},
		})
		if ns, err := d.Next(c, xnDay(2025, 9, 26)); err != nil || len(ns) != 0 {
			t.Errorf("%+v, %v; want none", ns, err)
		}
	})
}

// TestNextAgreesWithFire checks Next on random cases of every reference
// definition against the plain evaluation of the guards (oracleHolds)
// and against Fire: it lists every step out of the state but the
// automatic outcomes, blocked by exactly the guards the case and the
// instant decide that fail; an event Fire allows takes a step Next lists
// as open, to the state Fire moved to; an instant Next refuses as too
// early or too late, Fire refuses too; and Next changes nothing.
func TestNextAgreesWithFire(t *testing.T) {
	for _, name := range procedure.ReferenceNames() {
		t.Run(name, func(t *testing.T) {
			d, err := procedure.Reference(name)
			if err != nil {
				t.Fatal(err)
			}
			spec := gen.SpecOf(d)
			rapid.Check(t, func(t *rapid.T) {
				c := gen.Case(t, d, "N-1", rapid.IntRange(0, 12).Draw(t, "events"))
				e := gen.Step(t, d, c)
				before := c.Clone()
				ns, err := d.Next(c, e.At)
				if !equalCases(before, c) {
					t.Fatalf("Next changed the case:\n%s", sameCase(before, c))
				}
				fired := c.Clone()
				fireErr := d.Fire(context.Background(), fired, e)
				if err != nil {
					if errors.Is(err, procedure.ErrExpired) || errors.Is(err, procedure.ErrInvalidEvent) {
						if fireErr == nil {
							t.Fatalf("Next refused %s: %v; Fire allowed %+v", e.At, err, e)
						}
					} else if !errors.Is(err, procedure.ErrCannotCount) {
						t.Fatalf("Next: %v", err)
					}
					return
				}
				var want []procedure.NextStep
				for _, tr := range spec.Transitions {
					if tr.From != c.State || automatic(spec, c.State, tr.Trigger) {
						continue
					}
					n := procedure.NextStep{Trigger: tr.Trigger, To: tr.To, Citation: tr.Citation}
					probe := procedure.Event{Trigger: tr.Trigger, At: e.At}
					for _, g := range tr.Guards {
						desc := g.Desc + " / " + g.DescEN
						switch g.Kind {
						case procedure.GuardPayload, procedure.GuardDaysBefore, procedure.GuardInPeriod,
							procedure.GuardAtMost, procedure.GuardAtLeast, procedure.GuardCustom:
							n.Needs = append(n.Needs, desc)
						default:
							if oracleHolds(d, c, probe, g) {
								continue
							}
							if g.Kind == procedure.GuardOutsideRest && g.Key != "" && !g.Not {
								n.Needs = append(n.Needs, desc)
							} else {
								n.Blocked = append(n.Blocked, desc)
							}
						}
					}
					want = append(want, n)
				}
				// Next groups the steps of a trigger; the oracle keeps the
				// definition's order.
				sorted := func(ns []procedure.NextStep) []procedure.NextStep {
					return slices.SortedStableFunc(slices.Values(ns), func(a, b procedure.NextStep) int {
						return strings.Compare(string(a.Trigger), string(b.Trigger))
					})
				}
				// The lists of one step are its own: appending to them
				// changes no other step's.
				for _, n := range ns {
					_ = append(n.Blocked, "appended")
					_ = append(n.Needs, "appended")
				}
				if diff := cmp.Diff(sorted(want), sorted(ns)); diff != "" {
					t.Fatalf("case in %s at %s: Next (-oracle +got):\n%s", c.State, e.At, diff)
				}
				if fireErr == nil && !slices.ContainsFunc(ns, func(n procedure.NextStep) bool {
					return n.Trigger == e.Trigger && n.To == fired.State && n.Open()
				}) {
					t.Fatalf("Fire took %s to %s; Next lists no open step there: %+v", e.Trigger, fired.State, ns)
				}
			})
		})
	}
}

// automatic reports whether trigger tr is an automatic outcome of state
// s in spec.
func automatic(spec procedure.Spec, s procedure.State, tr procedure.Trigger) bool {
	for _, to := range spec.Timeouts {
		if to.Trigger == tr && slices.Contains(to.States, s) {
			return true
		}
	}
	return false
}

func BenchmarkNext(b *testing.B) {
	d := xnDefinition(b, "penalty")
	c := d.NewCase("CF-B")
	for _, e := range []procedure.Event{
		{Trigger: "file", At: xnDay(2025, 9, 1), Actor: licClerk, Payload: penFile},
		{Trigger: "notify_intended", At: xnDay(2025, 9, 25), Actor: licClerk, Payload: penNotice("2025-10-10", false)},
	} {
		if err := d.Fire(context.Background(), c, e); err != nil {
			b.Fatal(err)
		}
	}
	at := xnDay(2025, 10, 13)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Next(c, at); err != nil {
			b.Fatal(err)
		}
	}
}
