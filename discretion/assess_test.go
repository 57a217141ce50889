package discretion_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// S-001 of the sample: 1,000–10,000 yuan, lower 30 % / upper 30 %, whole
// yuan. Its repeat-within-year factor is permissive aggravation and
// obstruction mandatory aggravation.
func TestAssessFactors(t *testing.T) {
	const (
		repeat      = discretion.FactorID("repeat-within-year")
		obstruction = discretion.FactorID("obstruction")
	)
	tests := []struct {
		name     string
		factors  []discretion.FactorID
		declined []discretion.FactorID
		conflict discretion.ConflictRule
		bands    discretion.BandSet
		allowed  string // "min–max", or "—"
	}{
		{"no circumstances: ordinary band", nil, nil, 0, ordinary, "3700–7299"},
		{"Art 30: under 14, no penalty", ids(discretion.FactorUnder14), nil, 0, noPenalty, "—"},
		{"Art 30: aged 14 to 18, lighter or mitigated", ids(discretion.FactorMinor), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 31: incapable, no penalty", ids(discretion.FactorIncapable), nil, 0, noPenalty, "—"},
		{"Art 31: partial capacity, may be lighter or mitigated", ids(discretion.FactorPartialCapacity), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 31: partial capacity declined, ordinary", ids(discretion.FactorPartialCapacity), ids(discretion.FactorPartialCapacity), 0, ordinary, "3700–7299"},
		{"Art 32 ¶1(1): harm removed", ids(discretion.FactorRemedied), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 32 ¶1(2): coerced", ids(discretion.FactorCoerced), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 32 ¶1(3): confessed", ids(discretion.FactorConfessed), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 32 ¶1(4): meritorious", ids(discretion.FactorMeritorious), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 32 ¶1(5): another rule", ids(discretion.FactorOtherMitigation), nil, 0, lighterOrMitigated, "1–3699"},
		{"Art 33 ¶1: minor, corrected, no harm", ids(discretion.FactorMinorViolation), nil, 0, noPenalty, "—"},
		{"Art 33 ¶1: first violation may go unpunished", ids(discretion.FactorFirstViolation), nil, 0, noPenalty, "—"},
		{"Art 33 ¶1: first violation declined", ids(discretion.FactorFirstViolation), ids(discretion.FactorFirstViolation), 0, ordinary, "3700–7299"},
		{"Art 33 ¶2: no fault", ids(discretion.FactorNoFault), nil, 0, noPenalty, "—"},
		{"agency: repeat within a year", ids(repeat), nil, 0, heavier, "7300–10000"},
		{"agency: obstruction", ids(obstruction), nil, 0, heavier, "7300–10000"},
		{"conflict: Art 32 mandatory beats permissive aggravation", ids(discretion.FactorRemedied, repeat), nil, 0, lighterOrMitigated, "1–3699"},
		{"conflict: Art 32 mandatory beats mandatory aggravation", ids(discretion.FactorRemedied, obstruction), nil, 0, lighterOrMitigated, "1–3699"},
		{"conflict: mandatory aggravation beats Art 31 permissive", ids(discretion.FactorPartialCapacity, obstruction), nil, 0, heavier, "7300–10000"},
		{"conflict: permissive factors offset (balance)", ids(discretion.FactorPartialCapacity, repeat), nil, discretion.ConflictBalance, ordinary, "3700–7299"},
		{"conflict: permissive factors, lenient rule", ids(discretion.FactorPartialCapacity, repeat), nil, discretion.ConflictLenient, lighterOrMitigated, "1–3699"},
		{"conflict: permissive factors, strict rule", ids(discretion.FactorPartialCapacity, repeat), nil, discretion.ConflictStrict, heavier, "7300–10000"},
		{"conflict: strict rule keeps Art 30 binding", ids(discretion.FactorMinor, obstruction), nil, discretion.ConflictStrict, lighterOrMitigated, "1–3699"},
		{"conflict: Art 33 ground beats aggravation", ids(discretion.FactorNoFault, obstruction), nil, 0, noPenalty, "—"},
		{"a factor listed twice counts once", ids(discretion.FactorMinor, discretion.FactorMinor), nil, 0, lighterOrMitigated, "1–3699"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := sample(t).Document()
			doc.Policy.Conflict = tt.conflict
			b, err := discretion.NewBenchmark(doc)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := b.Standard("S-001")
			a, err := s.Assess(discretion.Facts{Party: citizen, Factors: tt.factors, Declined: tt.declined})
			if err != nil {
				t.Fatal(err)
			}
			if a.Bands != tt.bands {
				t.Errorf("bands = %s, want %s", a.Bands, tt.bands)
			}
			if got := a.Allowed.String(); got != tt.allowed {
				t.Errorf("allowed = %s, want %s", got, tt.allowed)
			}
		})
	}
}

func ids(id ...discretion.FactorID) []discretion.FactorID { return id }

func TestAssessRanges(t *testing.T) {
	tests := []struct {
		name      string
		code      string
		facts     discretion.Facts
		form      discretion.RangeForm
		statutory string
		allowed   string
	}{
		{"multiple of the illegal gains: 2–5 × 12,345", "S-002", discretion.Facts{Party: org, Factors: ids("repeat-within-year"), Bases: discretion.Bases{IllegalGains: dec("12345")}},
			discretion.FormMultiple, "24690–61725", "37035–61725"},
		{"no illegal gains: the fixed fallback", "S-002", discretion.Facts{Party: org, Factors: ids("repeat-within-year")},
			discretion.FormAmount, "50000–200000", "100000–200000"},
		{"fallback mitigated down to its 20,000 floor", "S-002", discretion.Facts{Party: org, Factors: ids(discretion.FactorMinor)},
			discretion.FormAmount, "50000–200000", "20000–99999.99"},
		{"maximum only: lighter up to 20 %", "S-003", facts(citizen, discretion.FactorMinor), discretion.FormMaxOnly, "1–5000", "1–1000"},
		{"maximum only: ordinary 40–60 %", "S-003", facts(citizen), discretion.FormMaxOnly, "1–5000", "2000–3000"},
		{"maximum only: heavier above 60 %", "S-003", facts(citizen, "repeat-within-year"), discretion.FormMaxOnly, "1–5000", "3001–5000"},
		{"heavier from 60 % of the span", "S-004", facts(org, "repeat-within-year"), discretion.FormAmount, "500–30000", "18200–30000"},
		{"midpoint: ordinary is the middle amount", "S-005", facts(org), discretion.FormAmount, "1000–3000", "2000–2000"},
		{"citizen range", "S-006", facts(citizen), discretion.FormAmount, "200–2000", "740–1459"},
		{"organisation range", "S-006", facts(org), discretion.FormAmount, "2000–20000", "7400–14599"},
		{"floor: 10 % of the minimum", "S-006", facts(org, discretion.FactorConfessed), discretion.FormAmount, "2000–20000", "200–7399"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := standard(t, tt.code).Assess(tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Form != tt.form || a.Statutory.String() != tt.statutory || a.Allowed.String() != tt.allowed {
				t.Errorf("form %v statutory %s allowed %s, want %v %s %s", a.Form, a.Statutory, a.Allowed, tt.form, tt.statutory, tt.allowed)
			}
		})
	}
}

func TestAssessChoices(t *testing.T) {
	// S-004: a revocation only in the heavier band (情节严重的，吊销许可证).
	s := standard(t, "S-004")
	a, err := s.Assess(facts(org))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Choices) != 1 || a.Choices[0].Kinds != discretion.KindsOf(discretion.KindFine) {
		t.Errorf("ordinary choices = %+v, want the fine alone", a.Choices)
	}
	a, _ = s.Assess(facts(org, "repeat-within-year"))
	if !a.Allows(discretion.KindsOf(discretion.KindFine, discretion.KindRevokeLicence), dec("20000")) {
		t.Error("heavier band should allow a fine with a revocation")
	}
	// S-001: a warning instead of the fine only when mitigated (减轻 to a lighter kind).
	a, _ = standard(t, "S-001").Assess(facts(citizen, discretion.FactorMinor))
	if !a.Allows(discretion.KindsOf(discretion.KindWarning), decimal.Decimal{}) {
		t.Error("mitigation should allow a warning")
	}
	a, _ = standard(t, "S-001").Assess(facts(citizen))
	if a.Allows(discretion.KindsOf(discretion.KindWarning), decimal.Decimal{}) {
		t.Error("the ordinary band should not allow a warning alone")
	}
}

func TestAssessFactorUse(t *testing.T) {
	a, err := standard(t, "S-001").Assess(discretion.Facts{Party: citizen,
		Factors: ids(discretion.FactorPartialCapacity, discretion.FactorFirstViolation, "obstruction"), Declined: ids(discretion.FactorFirstViolation)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[discretion.FactorID][3]bool{ // applied, declined, overridden
		discretion.FactorPartialCapacity: {false, false, true},
		discretion.FactorFirstViolation:  {false, true, false},
		"obstruction":                    {true, false, false},
	}
	for _, u := range a.Factors {
		if got := [3]bool{u.Applied, u.Declined, u.Overridden}; got != want[u.Factor.ID] {
			t.Errorf("%s: applied, declined, overridden = %v, want %v", u.Factor.ID, got, want[u.Factor.ID])
		}
	}
}

func TestAssessErrors(t *testing.T) {
	s1 := standard(t, "S-001")
	multipleOnly, err := discretion.NewStandard(discretion.StandardSpec{
		Code: "M", Name: "倍数", Citations: s1.Spec().Citations,
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}}},
		Ranges:    []discretion.Range{{Form: discretion.FormMultiple, Base: discretion.BaseGoodsValue, Min: dec("1"), Max: dec("3")}},
		Scheme:    discretion.SchemeLower30Upper30,
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		s     *discretion.Standard
		facts discretion.Facts
		want  error
		path  string
	}{
		{"party type missing", s1, discretion.Facts{}, discretion.ErrInvalidInput, "facts.party"},
		{"unknown party type", s1, discretion.Facts{Party: 9}, discretion.ErrInvalidInput, "facts.party"},
		{"unknown factor", s1, facts(citizen, discretion.FactorMinor, "no-such-factor"), discretion.ErrUnknownFactor, "facts.factors[1]"},
		{"declining a mandatory factor", s1, discretion.Facts{Party: citizen, Factors: ids(discretion.FactorMinor), Declined: ids(discretion.FactorMinor)}, discretion.ErrInvalidInput, "facts.declined[0]"},
		{"declining a factor not established", s1, discretion.Facts{Party: citizen, Declined: ids(discretion.FactorFirstViolation)}, discretion.ErrInvalidInput, "facts.declined[0]"},
		{"declining an unknown factor", s1, discretion.Facts{Party: citizen, Declined: ids("nope")}, discretion.ErrUnknownFactor, "facts.declined[0]"},
		{"negative base", multipleOnly, discretion.Facts{Party: citizen, Bases: discretion.Bases{GoodsValue: dec("-1")}}, discretion.ErrInvalidInput, "facts.bases"},
		{"huge base", multipleOnly, discretion.Facts{Party: citizen, Bases: discretion.Bases{GoodsValue: decimal.New(1, math.MaxInt32)}}, discretion.ErrInvalidInput, "facts.bases"},
		{"too precise base", multipleOnly, discretion.Facts{Party: citizen, Bases: discretion.Bases{GoodsValue: decimal.New(1, math.MinInt32)}}, discretion.ErrInvalidInput, "facts.bases"},
		{"multiple without its base", multipleOnly, facts(org), discretion.ErrInvalidInput, "facts.bases"},
		{"nil standard", nil, facts(org), discretion.ErrInvalidInput, ""},
		{"zero standard", &discretion.Standard{}, facts(org), discretion.ErrInvalidInput, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.s.Assess(tt.facts)
			var e *discretion.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &e) || e.Path != tt.path {
				t.Errorf("error %v, want %v at %q", err, tt.want, tt.path)
			}
		})
	}
	// A base the standard does not multiply is not read.
	if _, err := s1.Assess(discretion.Facts{Party: citizen, Bases: discretion.Bases{Turnover: dec("-1")}}); err != nil {
		t.Errorf("an unused base was read: %v", err)
	}
	// No penalty needs no range: the multiple's base may be missing.
	a, err := multipleOnly.Assess(facts(org, discretion.FactorNoFault))
	if err != nil || a.Bands != noPenalty {
		t.Errorf("no-penalty assessment without a base: %v, %v", a.Bands, err)
	}
}

// TestAssessArt29: one act gets at most one fine, and where it violates
// several norms the fine follows the norm with the higher amount
// (行政处罚法 Art 29). A barred fine leaves no choice with a fine, and the
// assessment gives the reasons Check gives for any fine.
func TestAssessArt29(t *testing.T) {
	b := sample(t)
	std := func(code string) *discretion.Standard { s, _ := b.Standard(code); return s }
	fined := func(f discretion.Facts) discretion.Facts { f.AlreadyFined = true; return f }
	others := func(f discretion.Facts, codes ...string) discretion.Facts {
		for _, c := range codes {
			f.OtherNorms = append(f.OtherNorms, std(c))
		}
		return f
	}
	warning := kinds(discretion.KindWarning)
	fineOnly := kinds(discretion.KindFine)
	tests := []struct {
		name    string
		code    string
		facts   discretion.Facts
		barred  []discretion.ReasonCode
		norm    string // the governing norm of a lower_norm reason
		choices []discretion.KindSet
		allowed string
	}{
		{"Art 29: not fined yet, the ordinary fine is open", "S-001", facts(org), nil, "", ks(fineOnly), "3700–7299"},
		{"Art 29: already fined, no second fine and nothing else in the ordinary band", "S-001", fined(facts(org)), rc(discretion.ReasonDoubleFine), "", nil, "—"},
		{"Art 29: already fined, a warning stays open when mitigated", "S-001", fined(facts(org, discretion.FactorMinor)), rc(discretion.ReasonDoubleFine), "", ks(warning), "—"},
		{"Art 29: already fined, a warning stays open, with or without a fine", "S-003", fined(facts(org)), rc(discretion.ReasonDoubleFine), "", ks(warning), "—"},
		{"Art 29: already fined, no penalty still needs its own ground", "S-001", fined(facts(org, discretion.FactorNoFault)), rc(discretion.ReasonDoubleFine), "", nil, "—"},
		{"Art 29: the norm with the higher fine governs", "S-001", others(facts(org), "S-004"), rc(discretion.ReasonLowerNorm), "S-004", nil, "—"},
		{"Art 29: the fine follows the higher norm, a warning stays open", "S-003", others(facts(org), "S-004"), rc(discretion.ReasonLowerNorm), "S-004", ks(warning), "—"},
		{"Art 29: a lower other norm bars nothing", "S-004", others(facts(org), "S-001", "S-005"), nil, "", ks(fineOnly), "9350–18199"},
		{"Art 29: an equal maximum bars nothing", "S-001", others(facts(org), "S-001"), nil, "", ks(fineOnly), "3700–7299"},
		{"Art 29: a nil other norm is passed over", "S-001", discretion.Facts{Party: org, OtherNorms: []*discretion.Standard{nil}}, nil, "", ks(fineOnly), "3700–7299"},
		{"Art 29: a multiple of large gains governs", "S-004", others(discretion.Facts{Party: org, Bases: discretion.Bases{IllegalGains: dec("100000")}}, "S-002"), rc(discretion.ReasonLowerNorm), "S-002", nil, "—"},
		{"Art 29: a multiple of small gains does not", "S-004", others(discretion.Facts{Party: org, Bases: discretion.Bases{IllegalGains: dec("1000")}}, "S-002"), nil, "", ks(fineOnly), "9350–18199"},
		{"Art 29: every higher norm is named", "S-005", fined(others(facts(org), "S-001", "S-004", "S-003")), rc(discretion.ReasonDoubleFine, discretion.ReasonLowerNorm, discretion.ReasonLowerNorm, discretion.ReasonLowerNorm), "", nil, "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := std(tt.code)
			a, err := s.Assess(tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			var got []discretion.ReasonCode
			for _, r := range a.FineBarred {
				got = append(got, r.Code)
				if len(r.Citations) == 0 || r.Citations[0] != xn.Cite(xn.PenaltyLaw, 29) {
					t.Errorf("%v cites %v, want Art 29 first", r.Code, r.Citations)
				}
				if (r.Code == discretion.ReasonLowerNorm) != (r.Norm != nil) {
					t.Errorf("%v names the norm %v", r.Code, r.Norm)
				}
				if r.Norm != nil && tt.norm != "" && r.Norm.Code() != tt.norm {
					t.Errorf("the fine follows %s, want %s", r.Norm.Code(), tt.norm)
				}
			}
			if !slices.Equal(got, tt.barred) {
				t.Errorf("barred = %v, want %v", got, tt.barred)
			}
			var choices []discretion.KindSet
			for _, c := range a.Choices {
				choices = append(choices, c.Kinds)
			}
			if !slices.Equal(choices, tt.choices) {
				t.Errorf("choices = %v, want %v", choices, tt.choices)
			}
			if a.Allowed.String() != tt.allowed {
				t.Errorf("allowed = %s, want %s", a.Allowed, tt.allowed)
			}
			// Check refuses any fine for the same reasons of Art 29.
			v, err := s.Check(tt.facts, fine(a.Statutory.Max.String(), notice, review, collective))
			if err != nil {
				t.Fatal(err)
			}
			if art29 := art29Codes(v.Reasons); !slices.Equal(art29, tt.barred) {
				t.Errorf("Check gives %v for a fine, Assess %v", art29, tt.barred)
			}
		})
	}
}

func ks(k ...discretion.KindSet) []discretion.KindSet { return k }

// art29Codes returns the codes of the reasons of Art 29 among rs.
func art29Codes(rs []discretion.Reason) []discretion.ReasonCode {
	var out []discretion.ReasonCode
	for _, r := range rs {
		if r.Code == discretion.ReasonDoubleFine || r.Code == discretion.ReasonLowerNorm {
			out = append(out, r.Code)
		}
	}
	return out
}

// TestFineBarredIsWhatCheckGives: the reasons an assessment gives for
// barring the fine (行政处罚法 Art 29) are those Check gives for any fine,
// norms and citations included, and with any of them no choice has a
// fine.
func TestFineBarredIsWhatCheckGives(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFactsOneAct(s).Draw(t, "facts")
		a, err := s.Assess(f)
		if err != nil || a.Statutory.IsEmpty() {
			t.Skip("no fine to examine for these facts")
		}
		for _, c := range a.Choices {
			if len(a.FineBarred) > 0 && c.Kinds.Has(discretion.KindFine) {
				t.Fatalf("the fine is barred (%v), yet %s is a choice", a.FineBarred, c.Kinds)
			}
		}
		d := gen.PenaltyDecision(s).Draw(t, "decision")
		if !d.Kinds.Has(discretion.KindFine) {
			t.Skip("no fine decided")
		}
		v, err := s.Check(f, d)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		var fromCheck []discretion.Reason
		for _, r := range v.Reasons {
			if r.Code == discretion.ReasonDoubleFine || r.Code == discretion.ReasonLowerNorm {
				fromCheck = append(fromCheck, r)
			}
		}
		if len(fromCheck) != len(a.FineBarred) {
			t.Fatalf("Check gives %v, Assess %v", art29Codes(fromCheck), art29Codes(a.FineBarred))
		}
		for i, r := range fromCheck {
			if b := a.FineBarred[i]; b.Code != r.Code || b.Norm != r.Norm || !slices.Equal(b.Citations, r.Citations) {
				t.Fatalf("reason %d: Check gives %+v, Assess %+v", i, r, b)
			}
		}
	})
}

// mitigating reports whether a factor lowers the outcome.
func mitigating(f discretion.Factor) bool {
	return f.Effect != discretion.EffectHeavier
}

// TestMitigationNeverRaisesMaximum: adding a mitigating factor never
// raises the most severe band or the highest allowed fine.
func TestMitigationNeverRaisesMaximum(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFacts(s).Draw(t, "facts")
		extra := pickFactor(t, s, f, mitigating)
		before, err1 := s.Assess(f)
		f.Factors = append(f.Factors, extra)
		after, err2 := s.Assess(f)
		if err1 != nil || err2 != nil {
			t.Skip("facts unusable for this standard")
		}
		if severity(after.Bands.Max()) > severity(before.Bands.Max()) {
			t.Fatalf("adding %s raised the bands from %s to %s", extra, before.Bands, after.Bands)
		}
		if !before.Allowed.IsEmpty() && !after.Allowed.IsEmpty() && after.Allowed.Max.GreaterThan(before.Allowed.Max) {
			t.Fatalf("adding %s raised the maximum from %s to %s", extra, before.Allowed.Max, after.Allowed.Max)
		}
	})
}

// TestAggravationNeverLowersMinimum: adding an aggravating factor never
// lowers the most lenient band or the lowest allowed fine.
func TestAggravationNeverLowersMinimum(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFacts(s).Draw(t, "facts")
		extra := pickFactor(t, s, f, func(f discretion.Factor) bool { return !mitigating(f) })
		before, err1 := s.Assess(f)
		f.Factors = append(f.Factors, extra)
		after, err2 := s.Assess(f)
		if err1 != nil || err2 != nil {
			t.Skip("facts unusable for this standard")
		}
		if severity(after.Bands.Min()) < severity(before.Bands.Min()) {
			t.Fatalf("adding %s lowered the bands from %s to %s", extra, before.Bands, after.Bands)
		}
		if !before.Allowed.IsEmpty() && !after.Allowed.IsEmpty() && after.Allowed.Min.LessThan(before.Allowed.Min) {
			t.Fatalf("adding %s lowered the minimum from %s to %s", extra, before.Allowed.Min, after.Allowed.Min)
		}
	})
}

// severity orders bands; the bands are declared from the most lenient.
func severity(b discretion.Band) int { return int(b) }

// pickFactor draws a factor s knows that is not among f's and meets ok.
func pickFactor(t *rapid.T, s *discretion.Standard, f discretion.Facts, ok func(discretion.Factor) bool) discretion.FactorID {
	var cands []discretion.FactorID
	for _, fac := range s.Benchmark().Factors() {
		if ok(fac) && !contains(f.Factors, fac.ID) {
			cands = append(cands, fac.ID)
		}
	}
	if len(cands) == 0 {
		t.Skip("every such factor is already among the facts")
	}
	return rapid.SampledFrom(cands).Draw(t, "extra")
}

func contains(ids []discretion.FactorID, id discretion.FactorID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
