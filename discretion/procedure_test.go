package discretion_test

import (
	"errors"
	"slices"
	"testing"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
)

// trigger finds the trigger of an assessment for a procedure and condition.
func trigger(a discretion.Assessment, p discretion.Procedure, c discretion.Condition) (discretion.Trigger, bool) {
	for _, t := range a.Triggers {
		if t.Procedure == p && t.When == c {
			return t, true
		}
	}
	return discretion.Trigger{}, false
}

func TestAssessTriggers(t *testing.T) {
	tests := []struct {
		name   string
		code   string
		facts  discretion.Facts
		proc   discretion.Procedure
		when   discretion.Condition
		amount string // "" when the trigger must be absent
	}{
		{"Art 63 ¶1(1): an organisation's 较大数额", "S-001", facts(org), notice, discretion.CondFineAtLeast, "5000"},
		{"Art 63 ¶1(1): a citizen's 较大数额", "S-001", facts(citizen), notice, discretion.CondFineAtLeast, "1000"},
		{"Art 63 ¶1(1): no large fine when mitigated below 5,000", "S-001", facts(org, discretion.FactorMinor), notice, discretion.CondFineAtLeast, ""},
		{"Art 63 ¶1(3): revocation in the heavier band", "S-004", facts(org, "repeat-within-year"), notice, discretion.CondKinds, "0"},
		{"Art 63 ¶1(3): no revocation in the ordinary band", "S-004", facts(org), notice, discretion.CondKinds, ""},
		{"Art 51: 3,000 for an organisation", "S-003", facts(org), simplified, discretion.CondFineAtMost, "3000"},
		{"Art 51: 200 for a citizen", "S-003", facts(citizen, discretion.FactorMinor), simplified, discretion.CondFineAtMost, "200"},
		{"Art 51: not for fines above 3,000 only", "S-001", facts(org, "repeat-within-year"), simplified, discretion.CondFineAtMost, ""},
		{"Art 68 ¶1(1): 100 yuan", "S-003", facts(citizen, discretion.FactorMinor), collection, discretion.CondFineAtMost, "100"},
		{"collective discussion below the minimum (floor rule)", "S-006", facts(org, discretion.FactorConfessed), collective, discretion.CondMitigated, "2000"},
		{"Art 58 ¶1(2): review after a hearing", "S-001", facts(org), review, discretion.CondHearingHeld, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := standard(t, tt.code).Assess(tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			tr, ok := trigger(a, tt.proc, tt.when)
			switch {
			case tt.amount == "" && ok:
				t.Errorf("unexpected trigger %+v", tr)
			case tt.amount != "" && !ok:
				t.Errorf("no trigger for %s %s in %+v", tt.proc, tt.when, a.Triggers)
			case ok && !tr.Amount.Equal(dec(tt.amount)):
				t.Errorf("trigger amount %s, want %s", tr.Amount, tt.amount)
			case ok && len(tr.Citations) == 0:
				t.Errorf("trigger without citations")
			}
		})
	}
}

// TestLegalReviewThresholdCitation: a benchmark's own legal-review
// threshold cites 行政处罚法 Art 58 ¶1 as a whole, then the benchmark's
// rule, never item (4), which covers only what 法律、法规 require.
func TestLegalReviewThresholdCitation(t *testing.T) {
	doc := sample(t).Document()
	basis := xn.Citation{Law: "示例省重大执法决定法制审核目录（示意）", Article: 3}
	doc.Policy.LegalReview = discretion.PartyAmounts{Citizen: dec("2000"), Organisation: dec("5000"), Basis: basis}
	b, err := discretion.NewBenchmark(doc)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := b.Standard("S-001")
	if !ok {
		t.Fatal("no standard S-001")
	}
	a, err := s.Assess(facts(org))
	if err != nil {
		t.Fatal(err)
	}
	tr, ok := trigger(a, review, discretion.CondFineAtLeast)
	if !ok {
		t.Fatalf("no legal-review threshold trigger in %+v", a.Triggers)
	}
	want := []xn.Citation{xn.Cite(xn.PenaltyLaw, 58, 1), basis}
	if !slices.Equal(tr.Citations, want) {
		t.Errorf("citations %v, want %v", tr.Citations, want)
	}
}

func TestTriggerHolds(t *testing.T) {
	atLeast := discretion.Trigger{Procedure: notice, When: discretion.CondFineAtLeast, Amount: dec("5000")}
	atMost := discretion.Trigger{Procedure: simplified, When: discretion.CondFineAtMost, Amount: dec("200"), Kinds: kinds(discretion.KindWarning, discretion.KindFine)}
	spot := discretion.Trigger{Procedure: collection, When: discretion.CondFineAtMost, Amount: dec("100"), OnTheSpot: true}
	revoke := discretion.Trigger{Procedure: notice, When: discretion.CondKinds, Kinds: kinds(discretion.KindRevokeLicence)}
	tests := []struct {
		name string
		t    discretion.Trigger
		d    discretion.Decision
		want bool
	}{
		{"以上 includes the figure", atLeast, fine("5000"), true},
		{"just below", atLeast, fine("4999.99"), false},
		{"no fine, no large fine", atLeast, discretion.Decision{Kinds: kinds(discretion.KindWarning)}, false},
		{"以下 includes the figure", atMost, fine("200"), true},
		{"just above", atMost, fine("200.01"), false},
		{"a warning", atMost, discretion.Decision{Kinds: kinds(discretion.KindWarning)}, true},
		{"no penalty is no simplified decision", atMost, discretion.Decision{}, false},
		{"another kind", atMost, discretion.Decision{Kinds: kinds(discretion.KindCriticism)}, false},
		{"collection needs the simplified procedure", spot, fine("50"), false},
		{"collection on a simplified decision", spot, fine("50", simplified), true},
		{"collection needs a fine", spot, discretion.Decision{Kinds: kinds(discretion.KindWarning), Procedures: discretion.ProceduresOf(simplified)}, false},
		{"a revocation", revoke, discretion.Decision{Kinds: kinds(discretion.KindFine, discretion.KindRevokeLicence), Fine: dec("1")}, true},
		{"no revocation", revoke, fine("1"), false},
		{"the zero trigger never holds", discretion.Trigger{}, fine("1"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.Holds(tt.d); got != tt.want {
				t.Errorf("Holds = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLabels: every enum value has a code, a Chinese and an English
// label; values out of range fall back to the unknown labels and have no
// code to marshal; every value in range marshals to its code and reads
// back from it and from its Chinese label.
func TestLabels(t *testing.T) {
	checkLabels[discretion.PartyType](t, "party")
	checkLabels[discretion.BaseKind](t, "base")
	checkLabels[discretion.PenaltyKind](t, "kind")
	checkLabels[discretion.Band](t, "band")
	checkLabels[discretion.EdgeBasis](t, "edge")
	checkLabels[discretion.Effect](t, "effect")
	checkLabels[discretion.Force](t, "force")
	checkLabels[discretion.ConflictRule](t, "conflict")
	checkLabels[discretion.RangeForm](t, "form")
	checkLabels[discretion.Procedure](t, "procedure")
	checkLabels[discretion.Condition](t, "condition")
	checkLabels[discretion.ReasonCode](t, "reason")

	if discretion.PenaltyKind(200).String() != discretion.KindUnknown.String() {
		t.Error("an out-of-range kind should read as unknown")
	}
	var k discretion.PenaltyKind
	if err := k.UnmarshalText([]byte("flogging")); !errors.Is(err, discretion.ErrUnknownPenaltyKind) {
		t.Errorf("UnmarshalText(flogging) = %v, want ErrUnknownPenaltyKind", err)
	}
	if discretion.KindsOf(discretion.KindUnknown, 200) != 0 || discretion.BandsOf(0, 99) != 0 || discretion.ProceduresOf(0, 99) != 0 {
		t.Error("sets should leave unknown values out")
	}
}

type labelled interface {
	~uint8
	String() string
	Chinese() string
	English() string
	MarshalText() ([]byte, error)
}

func checkLabels[T labelled, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, name string) {
	t.Helper()
	codes := map[string]bool{}
	for i := range 256 {
		v := T(i)
		if v.String() == "" || v.Chinese() == "" || v.English() == "" {
			t.Errorf("%s %d has an empty label", name, i)
		}
		text, err := v.MarshalText()
		if err != nil {
			if !errors.Is(err, discretion.ErrInvalidInput) || len(codes) == 0 {
				t.Errorf("%s %d: MarshalText error %v", name, i, err)
			}
			if v.String() != "unknown" {
				t.Errorf("%s %d is out of range, but String is %q", name, i, v.String())
			}
			continue
		}
		if string(text) != v.String() || codes[v.String()] {
			t.Errorf("%s %d: code %q, String %q, codes before %v", name, i, text, v.String(), codes)
		}
		codes[v.String()] = true
		for _, in := range []string{string(text), v.Chinese()} {
			var got T
			if err := P(&got).UnmarshalText([]byte(in)); err != nil || got != v {
				t.Errorf("%s %d: UnmarshalText(%q) = %d, %v", name, i, in, got, err)
			}
		}
	}
	if len(codes) < 2 {
		t.Errorf("%s: codes do not differ", name)
	}
	var got T
	if err := P(&got).UnmarshalText([]byte("no such code")); err == nil {
		t.Errorf("%s: UnmarshalText of an unknown code succeeds", name)
	}
}
