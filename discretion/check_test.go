package discretion_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

const (
	notice     = discretion.ProcedureHearingNotice
	hearing    = discretion.ProcedureHearing
	review     = discretion.ProcedureLegalReview
	collective = discretion.ProcedureCollective
	simplified = discretion.ProcedureSimplified
	collection = discretion.ProcedureCollection
)

func kinds(k ...discretion.PenaltyKind) discretion.KindSet { return discretion.KindsOf(k...) }

func TestCheck(t *testing.T) {
	b := sample(t)
	std := func(code string) *discretion.Standard { s, _ := b.Standard(code); return s }
	with := func(f discretion.Facts, change func(*discretion.Facts)) discretion.Facts { change(&f); return f }
	warning := discretion.Decision{Kinds: kinds(discretion.KindWarning)}
	tests := []struct {
		name  string
		code  string
		facts discretion.Facts
		d     discretion.Decision
		want  []discretion.ReasonCode
	}{
		{"an ordinary fine inside the band", "S-001", facts(org), fine("4000"), nil},
		{"Art 63 ¶1(1): a fine at the 较大数额 needs a hearing notice (以上 includes the figure)", "S-001", facts(org), fine("5000"), rc(discretion.ReasonProcedureMissing)},
		{"Art 63 ¶1(1): with the notice", "S-001", facts(org), fine("5000", notice), nil},
		{"Art 63 ¶1(1): a citizen's threshold is lower", "S-001", facts(citizen), fine("4000"), rc(discretion.ReasonProcedureMissing)},
		{"above the statutory maximum", "S-001", facts(org, "repeat-within-year"), fine("10001", notice), rc(discretion.ReasonAboveMaximum)},
		{"a heavier fine for an ordinary case", "S-001", facts(org), fine("8000", notice), rc(discretion.ReasonOutsideBand)},
		{"a lighter fine for an ordinary case", "S-001", facts(org), fine("3699"), rc(discretion.ReasonOutsideBand)},
		{"Art 30–32: below the minimum without a ground", "S-001", facts(org), fine("900"), rc(discretion.ReasonMitigationWithoutGround)},
		{"Art 32 ¶1(1): below the minimum with a ground", "S-001", facts(org, discretion.FactorRemedied), fine("900"), nil},
		{"Art 30: a minor fined in the ordinary band", "S-001", facts(citizen, discretion.FactorMinor), fine("4000", notice), rc(discretion.ReasonOutsideBand)},
		{"a mitigating ground outweighed by mandatory aggravation", "S-001", facts(org, discretion.FactorPartialCapacity, "obstruction"), fine("900"), rc(discretion.ReasonOutsideBand)},
		{"Art 31: partial capacity declined, below the minimum without a ground", "S-001", discretion.Facts{Party: org, Factors: ids(discretion.FactorPartialCapacity), Declined: ids(discretion.FactorPartialCapacity)}, fine("900"), rc(discretion.ReasonMitigationWithoutGround)},
		{"floor: below 10 % of the minimum", "S-006", facts(org, discretion.FactorConfessed), fine("199", collective), rc(discretion.ReasonBelowFloor)},
		{"floor: at 10 % of the minimum", "S-006", facts(org, discretion.FactorConfessed), fine("200", collective), nil},
		{"floor: mitigation needs collective discussion", "S-006", facts(org, discretion.FactorConfessed), fine("500"), rc(discretion.ReasonProcedureMissing)},
		{"fallback floor of 20,000 yuan", "S-002", facts(org, discretion.FactorMinor), fine("19999.99", notice), rc(discretion.ReasonBelowFloor)},
		{"Art 30, 31, 33: no penalty without a ground", "S-001", facts(org), discretion.Decision{}, rc(discretion.ReasonNoPenaltyWithoutGround)},
		{"Art 33 ¶2: no penalty with proof of no fault", "S-001", facts(org, discretion.FactorNoFault), discretion.Decision{}, nil},
		{"Art 33 ¶2: a penalty despite proof of no fault", "S-001", facts(org, discretion.FactorNoFault), fine("4000"), rc(discretion.ReasonPenaltyBarred)},
		{"Art 30: a child under 14 fined", "S-001", facts(citizen, discretion.FactorUnder14), fine("100"), rc(discretion.ReasonPenaltyBarred)},
		{"Art 33 ¶1: first violation applied, yet fined", "S-001", facts(org, discretion.FactorFirstViolation), fine("4000"), rc(discretion.ReasonOutsideBand)},
		{"Art 33 ¶1: first violation declined, fined", "S-001", discretion.Facts{Party: org, Factors: ids(discretion.FactorFirstViolation), Declined: ids(discretion.FactorFirstViolation)}, fine("4000"), nil},
		{"Art 33 ¶1: first violation declined, not fined", "S-001", discretion.Facts{Party: org, Factors: ids(discretion.FactorFirstViolation), Declined: ids(discretion.FactorFirstViolation)}, discretion.Decision{}, rc(discretion.ReasonNoPenaltyWithoutGround)},
		{"a warning alone in the ordinary band", "S-001", facts(org), warning, rc(discretion.ReasonKindNotAllowed)},
		{"a warning instead of the fine when mitigated", "S-001", facts(org, discretion.FactorMinor), warning, nil},
		{"a revocation outside the heavier band", "S-004", facts(org), discretion.Decision{Kinds: kinds(discretion.KindFine, discretion.KindRevokeLicence), Fine: dec("10000"), Procedures: discretion.ProceduresOf(notice)}, rc(discretion.ReasonKindNotAllowed)},
		{"a kind the standard never imposes", "S-001", facts(org), discretion.Decision{Kinds: kinds(discretion.KindDetention)}, rc(discretion.ReasonKindNotAllowed)},
		{"Art 63 ¶1(3): a revocation needs a hearing notice", "S-004", facts(org, "repeat-within-year"), discretion.Decision{Kinds: kinds(discretion.KindFine, discretion.KindRevokeLicence), Fine: dec("4000")}, rc(discretion.ReasonOutsideBand, discretion.ReasonProcedureMissing)},
		{"Art 29: the act was already fined", "S-001", with(facts(org), func(f *discretion.Facts) { f.AlreadyFined = true }), fine("4000"), rc(discretion.ReasonDoubleFine)},
		{"Art 29: already fined, no second fine", "S-001", with(facts(org, discretion.FactorMinor), func(f *discretion.Facts) { f.AlreadyFined = true }), warning, nil},
		{"Art 29: the norm with the higher fine governs", "S-001", with(facts(org), func(f *discretion.Facts) { f.OtherNorms = []*discretion.Standard{std("S-004")} }), fine("4000"), rc(discretion.ReasonLowerNorm)},
		{"Art 29: a lower other norm is no reason", "S-004", with(facts(org), func(f *discretion.Facts) { f.OtherNorms = []*discretion.Standard{std("S-001")} }), fine("10000", notice), nil},
		{"Art 58 ¶1(2): legal review after a hearing", "S-001", facts(org), fine("6000", notice, hearing), rc(discretion.ReasonProcedureMissing)},
		{"Art 58 ¶1(2): with the review", "S-001", facts(org), fine("6000", notice, hearing, review), nil},
		{"Art 58 ¶1(1): a major public interest", "S-001", with(facts(org), func(f *discretion.Facts) { f.PublicInterest = true }), fine("4000"), rc(discretion.ReasonProcedureMissing)},
		{"Art 58 ¶1(3), 57 ¶2: a complex case", "S-001", with(facts(org), func(f *discretion.Facts) { f.Complex = true }), fine("4000"), rc(discretion.ReasonProcedureMissing, discretion.ReasonProcedureMissing)},
		{"Art 57 ¶2: a major violation", "S-001", with(facts(org), func(f *discretion.Facts) { f.Serious = true }), fine("4000", collective), nil},
		{"Art 51: 200 yuan on the spot for a citizen", "S-003", facts(citizen, discretion.FactorMinor), fine("200", simplified), nil},
		{"Art 51: 201 yuan is not on the spot for a citizen", "S-003", facts(citizen, discretion.FactorMinor), fine("201", simplified), rc(discretion.ReasonSimplifiedNotAllowed)},
		{"Art 51: 3,000 yuan on the spot for an organisation", "S-003", facts(org), fine("3000", simplified), nil},
		{"Art 51: 3,001 yuan is not on the spot for an organisation", "S-003", facts(org, "repeat-within-year"), fine("3001", simplified), rc(discretion.ReasonSimplifiedNotAllowed)},
		{"Art 51: a warning on the spot", "S-003", facts(org), discretion.Decision{Kinds: kinds(discretion.KindWarning), Procedures: discretion.ProceduresOf(simplified)}, nil},
		{"Art 51: a revocation is never on the spot", "S-004", facts(org, "repeat-within-year"), discretion.Decision{Kinds: kinds(discretion.KindFine, discretion.KindRevokeLicence), Fine: dec("20000"), Procedures: discretion.ProceduresOf(notice, simplified)}, rc(discretion.ReasonSimplifiedNotAllowed)},
		{"Art 68 ¶1(1): 100 yuan collected on the spot", "S-003", facts(citizen, discretion.FactorMinor), fine("100", simplified, collection), nil},
		{"Art 68 ¶1(1): 101 yuan is not collected on the spot", "S-003", facts(citizen, discretion.FactorMinor), fine("101", simplified, collection), rc(discretion.ReasonCollectionNotAllowed)},
		{"Art 68 ¶1(2): hard to collect afterwards", "S-003", with(facts(citizen, discretion.FactorMinor), func(f *discretion.Facts) { f.HardToCollect = true }), fine("150", simplified, collection), nil},
		{"Art 68: only for decisions under Art 51", "S-003", facts(citizen, discretion.FactorMinor), fine("100", collection), rc(discretion.ReasonCollectionNotAllowed)},
		{"Art 69: a remote area, on request, no cap", "S-003", with(facts(org), func(f *discretion.Facts) { f.RemoteRequest = true }), fine("2500", collection), nil},
		{"Art 69: no fine, nothing to collect", "S-003", with(facts(org), func(f *discretion.Facts) { f.RemoteRequest = true }), discretion.Decision{Kinds: kinds(discretion.KindWarning), Procedures: discretion.ProceduresOf(collection)}, rc(discretion.ReasonCollectionNotAllowed)},
		{"a fine finer than the unit", "S-001", facts(org), fine("4000.5"), rc(discretion.ReasonNotRounded)},
		{"a fine finer than the unit, above the maximum", "S-001", facts(org, "repeat-within-year"), fine("10000.5", notice), rc(discretion.ReasonNotRounded, discretion.ReasonAboveMaximum)},
		{"a fine with trailing zeros is the same fine", "S-001", facts(org), fine("4000.000"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := std(tt.code).Check(tt.facts, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(v); !slices.Equal(got, tt.want) {
				t.Errorf("reasons = %v, want %v", got, tt.want)
			}
			if v.OK() != (v.Err() == nil) {
				t.Error("OK and Err disagree")
			}
			for _, r := range v.Reasons {
				if len(r.Citations) == 0 {
					t.Errorf("reason %v carries no citation", r.Code)
				}
			}
			if err := v.Err(); err != nil && !errors.Is(err, discretion.ErrNotCompliant) {
				t.Errorf("Err() = %v, want ErrNotCompliant", err)
			}
		})
	}
}

func rc(c ...discretion.ReasonCode) []discretion.ReasonCode { return c }

func TestCheckReasonDetails(t *testing.T) {
	s := standard(t, "S-001")
	v, err := s.Check(facts(org), fine("4000", simplified))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Reasons) != 1 || v.Reasons[0].Procedure != simplified || v.Reasons[0].Citations[0].Article != 51 {
		t.Fatalf("reasons = %+v, want one citing Art 51", v.Reasons)
	}
	v, _ = s.Check(facts(org), fine("8000", notice))
	if r := v.Reasons[0]; r.Allowed.String() != "3700–7299" {
		t.Errorf("allowed = %s, want the ordinary band", r.Allowed)
	}
	err = v.Err()
	var e *discretion.Error
	if !errors.As(err, &e) || e.Code != "outside_band" || e.Op != "check" {
		t.Errorf("Err() = %#v, want an *Error with the reason's code", err)
	}
	// Art 29: the lower_norm reason names the norm whose fine governs.
	s4 := standard(t, "S-004")
	v, _ = s.Check(discretion.Facts{Party: org, OtherNorms: []*discretion.Standard{s4}}, fine("4000"))
	if len(v.Reasons) != 1 || v.Reasons[0].Norm != s4 || v.Reasons[0].Citations[0].Article != 29 {
		t.Errorf("reasons = %+v, want lower_norm naming S-004 and citing Art 29", v.Reasons)
	}
}

func TestCheckBadInput(t *testing.T) {
	s := standard(t, "S-001")
	noFine, err := discretion.NewStandard(discretion.StandardSpec{Code: "W", Name: "警告", Citations: s.Spec().Citations,
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindWarning}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		s    *discretion.Standard
		d    discretion.Decision
		want error
		path string
	}{
		{"a fine without the fine kind", s, discretion.Decision{Kinds: kinds(discretion.KindWarning), Fine: dec("100")}, discretion.ErrInvalidInput, "decision.fine"},
		{"the fine kind without a fine", s, discretion.Decision{Kinds: kinds(discretion.KindFine)}, discretion.ErrInvalidInput, "decision.fine"},
		{"a negative fine", s, discretion.Decision{Kinds: kinds(discretion.KindFine), Fine: dec("-100")}, discretion.ErrInvalidInput, "decision.fine"},
		{"a fine of 10^15 yuan", s, fine("1000000000000000"), discretion.ErrInvalidInput, "decision.fine"},
		{"a fine with a huge exponent", s, discretion.Decision{Kinds: kinds(discretion.KindFine), Fine: decimal.New(1, math.MaxInt32)}, discretion.ErrInvalidInput, "decision.fine"},
		{"a fine with a tiny exponent", s, discretion.Decision{Kinds: kinds(discretion.KindFine), Fine: decimal.New(1, math.MinInt32)}, discretion.ErrInvalidInput, "decision.fine"},
		{"a negative confiscation", s, discretion.Decision{Kinds: kinds(discretion.KindWarning), Confiscated: dec("-1")}, discretion.ErrInvalidInput, "decision.confiscated"},
		{"an unknown kind", s, discretion.Decision{Kinds: 1 << 30}, discretion.ErrUnknownPenaltyKind, "decision.kinds"},
		{"an unknown procedure", s, discretion.Decision{Procedures: 1 << 12}, discretion.ErrInvalidInput, "decision.procedures"},
		{"a fine the standard does not set", noFine, fine("100"), discretion.ErrInvalidInput, "decision.fine"},
		{"a nil standard", nil, fine("100"), discretion.ErrInvalidInput, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.s.Check(facts(org), tt.d)
			var e *discretion.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &e) || e.Path != tt.path {
				t.Errorf("error %v, want %v at %q", err, tt.want, tt.path)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		code string
		d    discretion.Decision
		want discretion.BandSet
	}{
		{"no penalty", "S-001", discretion.Decision{}, noPenalty},
		{"a warning has no band", "S-001", discretion.Decision{Kinds: kinds(discretion.KindWarning)}, 0},
		{"lower 30 % line is ordinary", "S-001", fine("3700"), ordinary},
		{"just below it is lighter", "S-001", fine("3699.99"), discretion.BandsOf(discretion.BandLighter)},
		{"the maximum is heavier", "S-001", fine("10000"), heavier},
		{"above the maximum is no band", "S-001", fine("10000.01"), 0},
		{"below the minimum is mitigated", "S-001", fine("999"), discretion.BandsOf(discretion.BandMitigated)},
		{"below the floor is no band", "S-006", fine("199"), 0},
		{"in the declared gap of the maximum-only scheme", "S-003", fine("1500"), 0},
		{"midpoint", "S-005", fine("2000"), ordinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := standard(t, tt.code).Classify(facts(org), tt.d)
			if err != nil || got != tt.want {
				t.Errorf("Classify = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestGoverning(t *testing.T) {
	b := sample(t)
	s1, _ := b.Standard("S-001")
	s4, _ := b.Standard("S-004")
	s2, _ := b.Standard("S-002")
	tests := []struct {
		name  string
		norms []*discretion.Standard
		facts discretion.Facts
		want  string
	}{
		{"Art 29: the higher maximum governs", []*discretion.Standard{s1, s4}, facts(org), "S-004"},
		{"Art 29: order does not matter", []*discretion.Standard{s4, s1}, facts(org), "S-004"},
		{"Art 29: a multiple of large gains governs", []*discretion.Standard{s4, s2}, discretion.Facts{Party: org, Bases: discretion.Bases{IllegalGains: dec("100000")}}, "S-002"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := discretion.Governing(tt.norms, tt.facts)
			if err != nil || g.Code() != tt.want {
				t.Errorf("Governing = %v, %v; want %s", g.Code(), err, tt.want)
			}
		})
	}
	for _, norms := range [][]*discretion.Standard{nil, {s1, nil}} {
		if _, err := discretion.Governing(norms, facts(org)); !errors.Is(err, discretion.ErrInvalidInput) {
			t.Errorf("Governing(%v) error = %v, want ErrInvalidInput", norms, err)
		}
	}
}

// allRequirements are the procedures a decision may be required to show.
var allRequirements = discretion.ProceduresOf(notice, review, collective)

// TestCheckAcceptsExactlyWhatAssessAllows: with every required procedure
// on record and no permission used, Check accepts a decision if and only
// if the assessment allows its kinds and fine, also where the act was
// already fined or violates other norms (行政处罚法 Art 29).
func TestCheckAcceptsExactlyWhatAssessAllows(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFactsOneAct(s).Draw(t, "facts")
		a, err := s.Assess(f)
		if err != nil {
			t.Skip("facts unusable for this standard")
		}
		d := gen.PenaltyDecision(s).Draw(t, "decision")
		if i := rapid.IntRange(-1, len(a.Choices)-1).Draw(t, "inside"); i >= 0 {
			c := a.Choices[i]
			d.Kinds, d.Fine = c.Kinds, decimal.Decimal{}
			if c.Kinds.Has(discretion.KindFine) {
				steps := c.Fine.Max.Sub(c.Fine.Min).Div(a.Unit).IntPart()
				d.Fine = c.Fine.Min.Add(a.Unit.Mul(decimal.NewFromInt(rapid.Int64Range(0, steps).Draw(t, "step"))))
			}
		}
		d.Procedures = allRequirements
		v, err := s.Check(f, d)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		if allows := a.Allows(d.Kinds, d.Fine); v.OK() != allows {
			t.Fatalf("Check OK = %v (%v), Assess allows = %v; bands %s, allowed %s", v.OK(), codes(v), allows, a.Bands, a.Allowed)
		}
	})
}

// TestCheckProceduresMatchTriggers: for a decision the assessment allows,
// Check finds missing exactly the required procedures whose triggers
// hold and are not on record, and rejects a permission exactly when no
// trigger permits it.
func TestCheckProceduresMatchTriggers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFactsOneAct(s).Draw(t, "facts")
		a, err := s.Assess(f)
		if err != nil {
			t.Skip("facts unusable for this standard")
		}
		d := gen.PenaltyDecision(s).Draw(t, "decision")
		d.Kinds, d.Fine = 0, decimal.Decimal{}
		if i := rapid.IntRange(-1, len(a.Choices)-1).Draw(t, "choice"); i >= 0 {
			c := a.Choices[i]
			d.Kinds = c.Kinds
			if c.Kinds.Has(discretion.KindFine) {
				steps := c.Fine.Max.Sub(c.Fine.Min).Div(a.Unit).IntPart()
				d.Fine = c.Fine.Min.Add(a.Unit.Mul(decimal.NewFromInt(rapid.Int64Range(0, steps).Draw(t, "step"))))
			}
		}
		if !a.Allows(d.Kinds, d.Fine) {
			t.Skip("no penalty is not among the outcomes")
		}
		var required, permitted discretion.ProcedureSet
		for _, tr := range a.Triggers {
			if tr.Holds(d) {
				if tr.Procedure.IsPermission() {
					permitted |= discretion.ProceduresOf(tr.Procedure)
				} else {
					required |= discretion.ProceduresOf(tr.Procedure)
				}
			}
		}
		v, err := s.Check(f, d)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		var missing, refused discretion.ProcedureSet
		for _, r := range v.Reasons {
			switch r.Code {
			case discretion.ReasonProcedureMissing:
				missing |= discretion.ProceduresOf(r.Procedure)
			case discretion.ReasonSimplifiedNotAllowed, discretion.ReasonCollectionNotAllowed:
				refused |= discretion.ProceduresOf(r.Procedure)
			default:
				t.Fatalf("unexpected reason %v for an allowed decision", r.Code)
			}
		}
		if want := required &^ d.Procedures; missing != want {
			t.Fatalf("missing %s, triggers say %s", missing, want)
		}
		if want := d.Procedures & discretion.ProceduresOf(simplified, collection) &^ permitted; refused != want {
			t.Fatalf("refused %s, triggers say %s", refused, want)
		}
	})
}

// TestCheckUnitsMatchDecimals: the precomputed whole-unit comparisons of
// Check give the same verdict as comparing every amount as a decimal.
func TestCheckUnitsMatchDecimals(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFactsOneAct(s).Draw(t, "facts")
		d := gen.PenaltyDecision(s).Draw(t, "decision")
		v1, err1 := s.Check(f, d)
		v2, err2 := discretion.CheckDecimal(s, f, d)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v, %v", err1, err2)
		}
		if !slices.Equal(codes(v1), codes(v2)) {
			t.Fatalf("units say %v, decimals say %v", codes(v1), codes(v2))
		}
	})
}
