package discretion_test

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/discretion"
)

func TestConsistency(t *testing.T) {
	b := sample(t)
	withGains := func(f discretion.Facts, gains string) discretion.Facts { f.Bases.IllegalGains = dec(gains); return f }
	past := []discretion.PastDecision{
		{ID: "罚决〔2025〕1号", Standard: "S-001", Facts: facts(org), Decision: fine("4000")},
		{ID: "罚决〔2025〕2号", Standard: "S-001", Facts: facts(org), Decision: fine("8000")},                       // same facts, heavier band
		{ID: "罚决〔2025〕3号", Standard: "S-001", Facts: facts(org, "repeat-within-year"), Decision: fine("8000")}, // other facts
		{ID: "罚决〔2025〕4号", Standard: "S-001", Facts: facts(org), Decision: fine("5000")},                       // same band as 1
		{ID: "罚决〔2025〕5号", Standard: "S-001", Facts: facts(citizen), Decision: fine("4000")},                   // other party
		{ID: "罚决〔2025〕6号", Standard: "S-002", Facts: withGains(facts(org), "10000"), Decision: fine("25000")},  // lighter: 2–3 × 10,000
		{ID: "罚决〔2025〕7号", Standard: "S-002", Facts: withGains(facts(org), "20000"), Decision: fine("50000")},  // lighter: 2–3 × 20,000
		{ID: "罚决〔2025〕8号", Standard: "S-003", Facts: facts(org, discretion.FactorFirstViolation), Decision: discretion.Decision{}},
		{ID: "罚决〔2025〕9号", Standard: "S-003", Facts: discretion.Facts{Party: org, Factors: ids(discretion.FactorFirstViolation), Declined: ids(discretion.FactorFirstViolation)}, Decision: fine("2500")},
	}
	r, err := b.Consistency(past)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checked != len(past) || len(r.Groups) != 2 {
		t.Fatalf("report: %d checked, groups %+v", r.Checked, r.Groups)
	}
	g := r.Groups[0]
	if g.Standard != "S-001" || g.Party != org || len(g.Cases) != 3 ||
		g.Cases[0].Bands != ordinary || g.Cases[1].Bands != heavier || g.Cases[1].ID != "罚决〔2025〕2号" {
		t.Errorf("first group %+v", g)
	}
	g = r.Groups[1]
	if g.Standard != "S-003" || !slices.Equal(g.Factors, ids(discretion.FactorFirstViolation)) ||
		g.Cases[0].Bands != noPenalty || g.Cases[1].Bands != ordinary {
		t.Errorf("同案不同罚 through a declined 首违不罚: %+v", g)
	}
}

func TestConsistencyBadInput(t *testing.T) {
	b := sample(t)
	_, err := b.Consistency([]discretion.PastDecision{
		{ID: "a", Standard: "S-404", Facts: facts(org), Decision: fine("1")},
		{ID: "b", Standard: "S-001", Facts: facts(org, "nope"), Decision: fine("1")},
		{ID: "c", Standard: "S-001", Facts: facts(org), Decision: fine("-1")},
	})
	if !errors.Is(err, discretion.ErrUnknownStandard) || !errors.Is(err, discretion.ErrUnknownFactor) || !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("error %v should report all three decisions", err)
	}
	if ps := paths(err); !slices.Equal(ps, []string{"past[0].standard", "past[1]", "past[2]"}) {
		t.Errorf("paths %q", ps)
	}
}

// TestConsistencyOrderIndependent: the groups found do not depend on the
// order of the past decisions, and every group holds decisions with the
// same standard, party and factors in more than one band set.
func TestConsistencyOrderIndependent(t *testing.T) {
	b := sample(t)
	codes := []string{"S-001", "S-003", "S-004", "S-005", "S-006"}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 12).Draw(t, "n")
		var past []discretion.PastDecision
		for i := range n {
			d := discretion.PastDecision{
				ID:       string(rune('a' + i)),
				Standard: rapid.SampledFrom(codes).Draw(t, "code"),
				Facts:    facts(rapid.SampledFrom([]discretion.PartyType{citizen, org}).Draw(t, "party")),
			}
			if rapid.Bool().Draw(t, "aggravated") {
				d.Facts.Factors = ids("repeat-within-year")
			}
			d.Decision = fine(rapid.SampledFrom([]string{"300", "1500", "2500", "4000", "8000", "15000", "25000"}).Draw(t, "fine"))
			past = append(past, d)
		}
		r1, err := b.Consistency(past)
		if err != nil {
			t.Fatal(err)
		}
		shuffled := rapid.Permutation(past).Draw(t, "shuffled")
		r2, err := b.Consistency(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if len(r1.Groups) != len(r2.Groups) {
			t.Fatalf("%d groups, then %d after shuffling", len(r1.Groups), len(r2.Groups))
		}
		for i := range r1.Groups {
			g1, g2 := r1.Groups[i], r2.Groups[i]
			if g1.Standard != g2.Standard || g1.Party != g2.Party || len(g1.Cases) != len(g2.Cases) {
				t.Fatalf("group %d differs after shuffling", i)
			}
			bands := map[discretion.BandSet]bool{}
			for _, c := range g1.Cases {
				bands[c.Bands] = true
			}
			if len(bands) < 2 {
				t.Fatalf("group %d is consistent: %+v", i, g1)
			}
		}
	})
}
