package discretion_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// presetStandard returns a standard of 1,000–10,000 yuan (or up to
// 5,000 for a maximum-only range) in whole yuan under a preset scheme.
func presetStandard(t *testing.T, scheme string, form discretion.RangeForm) *discretion.Standard {
	t.Helper()
	r := discretion.Range{Form: form, Min: dec("1000"), Max: dec("10000")}
	if form == discretion.FormMaxOnly {
		r = discretion.Range{Form: form, Max: dec("5000")}
	}
	s, err := discretion.NewStandard(discretion.StandardSpec{
		Code: "P", Name: "预设", Citations: []xn.Citation{xn.Cite(xn.PenaltyLaw, 34)},
		Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}}},
		Ranges:    []discretion.Range{r}, Scheme: scheme, Unit: dec("1"),
	}, discretion.WithFactors(gen.AgencyFactors()...))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPresets(t *testing.T) {
	tests := []struct {
		name                       string
		scheme                     string
		form                       discretion.RangeForm
		lighter, ordinary, heavier string
	}{
		{"国市监法规〔2022〕2号: lower 30 %, upper 30 %", discretion.SchemeLower30Upper30, discretion.FormAmount, "1000–3699", "3700–7299", "7300–10000"},
		{"justice administration: the middle standard", discretion.SchemeMidpoint, discretion.FormAmount, "1000–5499", "5500–5500", "5501–10000"},
		{"广州 health Art 12: heavier from 60 %", discretion.SchemeHeavier60, discretion.FormAmount, "1000–3699", "3700–6399", "6400–10000"},
		{"maximum only: ≤ 20 %, 40–60 %, above 60 %", discretion.SchemeMaxOnly, discretion.FormMaxOnly, "1–1000", "2000–3000", "3001–5000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := presetStandard(t, tt.scheme, tt.form)
			for _, c := range []struct {
				factor discretion.FactorID
				want   string
			}{{"lighter-permissive", tt.lighter}, {"", tt.ordinary}, {"agg-permissive", tt.heavier}} {
				f := facts(org)
				if c.factor != "" {
					f.Factors = ids(c.factor)
				}
				a, err := s.Assess(f)
				if err != nil {
					t.Fatal(err)
				}
				if got := a.Allowed.String(); got != c.want {
					t.Errorf("%s: allowed %s, want %s", a.Bands, got, c.want)
				}
			}
		})
	}
	if _, ok := discretion.PresetScheme("no-such-scheme"); ok {
		t.Error("PresetScheme found an unknown name")
	}
	p, _ := discretion.PresetScheme(discretion.SchemeLower30Upper30)
	p.Bands[0].Band = discretion.BandHeavier
	if q, _ := discretion.PresetScheme(discretion.SchemeLower30Upper30); q.Bands[0].Band != discretion.BandLighter {
		t.Error("changing a preset changed the package's copy")
	}
}

// scheme returns the generated scheme a generated standard uses.
func scheme(s *discretion.Standard) discretion.Scheme { return s.Benchmark().Document().Schemes[0] }

// TestBandsPartitionRange: every amount of the statutory range falls in
// exactly one of 从轻, 一般 and 从重 when the scheme declares neither gaps
// nor overlaps; in at most one with declared gaps; in one or two with
// declared overlaps. None falls in 减轻.
func TestBandsPartitionRange(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFacts(s).Draw(t, "facts")
		f.Factors, f.Declined = nil, nil
		a, err := s.Assess(f)
		if err != nil {
			t.Skip("facts unusable for this standard")
		}
		if a.Statutory.IsEmpty() {
			t.Skip("a multiple of a base too small to reach the unit")
		}
		steps := a.Statutory.Max.Sub(a.Statutory.Min).Div(a.Unit).IntPart()
		x := a.Statutory.Min.Add(a.Unit.Mul(decimal.NewFromInt(rapid.Int64Range(0, steps).Draw(t, "step"))))
		bands, err := s.Classify(f, discretion.Decision{Kinds: kinds(discretion.KindFine), Fine: x})
		if err != nil {
			t.Fatal(err)
		}
		if bands.Has(discretion.BandMitigated) || bands.Has(discretion.BandNoPenalty) {
			t.Fatalf("%s in the statutory range classified %s", x, bands)
		}
		sc := scheme(s)
		n := 0
		for b := discretion.BandLighter; b <= discretion.BandHeavier; b++ {
			if bands.Has(b) {
				n++
			}
		}
		switch {
		case !sc.Gaps && !sc.Overlaps && n != 1,
			sc.Gaps && n > 1,
			sc.Overlaps && (n < 1 || n > 2):
			t.Fatalf("%s lies in %s (gaps %v, overlaps %v)", x, bands, sc.Gaps, sc.Overlaps)
		}
	})
}

// TestBandEdgesExact: the allowed fines of the ordinary band are the
// exact band edges min + f × (max − min), times the base for a multiple,
// rounded inward to the unit, as computed with rationals.
func TestBandEdgesExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := gen.PenaltyStandard().Draw(t, "standard")
		f := gen.PenaltyFacts(s).Draw(t, "facts")
		f.Factors, f.Declined = nil, nil
		a, err := s.Assess(f)
		if err != nil {
			t.Skip("facts unusable for this standard")
		}
		var band *discretion.BandRange
		sc := scheme(s)
		for i := range sc.Bands {
			if sc.Bands[i].Band == discretion.BandOrdinary {
				band = &sc.Bands[i]
			}
		}
		if band == nil {
			if !a.Allowed.IsEmpty() {
				t.Fatalf("no ordinary band, yet allowed %s", a.Allowed)
			}
			return
		}
		r := applying(s.Spec(), f.Party, a.Form)
		scale := rat(decimal.New(1, 0))
		if a.Form == discretion.FormMultiple {
			scale = rat(a.Base)
		}
		edge := func(e discretion.Edge) *big.Rat {
			span := new(big.Rat).Sub(rat(r.Max), rat(r.Min))
			x := new(big.Rat).Add(rat(r.Min), new(big.Rat).Mul(rat(e.Value), span))
			return x.Mul(x, scale)
		}
		unit := rat(a.Unit)
		lo := roundRat(edge(band.Lower), unit, true, band.LowerOpen)
		if lo.Cmp(unit) < 0 {
			lo = unit
		}
		hi := roundRat(edge(band.Upper), unit, false, band.UpperOpen)
		if lo.Cmp(hi) > 0 {
			if !a.Allowed.IsEmpty() {
				t.Fatalf("oracle finds no fine, Assess allows %s", a.Allowed)
			}
			return
		}
		if rat(a.Allowed.Min).Cmp(lo) != 0 || rat(a.Allowed.Max).Cmp(hi) != 0 {
			t.Fatalf("allowed %s, oracle %s–%s", a.Allowed, lo.FloatString(4), hi.FloatString(4))
		}
	})
}

// applying returns the range of spec that applies to a party in a form.
func applying(spec discretion.StandardSpec, p discretion.PartyType, form discretion.RangeForm) discretion.Range {
	var out discretion.Range
	for _, r := range spec.Ranges {
		if (r.Form == discretion.FormMultiple) != (form == discretion.FormMultiple) {
			continue
		}
		if r.Party == p || r.Party == discretion.PartyUnknown && out.Form == discretion.FormUnknown {
			out = r
		}
	}
	return out
}

func rat(d decimal.Decimal) *big.Rat { return d.Rat() }

// roundRat rounds x to a multiple of unit: up (or strictly above when
// open) for a lower edge, down (or strictly below) for an upper one.
func roundRat(x, unit *big.Rat, up, open bool) *big.Rat {
	q := new(big.Rat).Quo(x, unit)
	n := new(big.Int).Quo(q.Num(), q.Denom()) // truncates toward zero; x ≥ 0
	exact := new(big.Rat).SetInt(n).Cmp(q) == 0
	switch {
	case up && (!exact || open):
		n.Add(n, big.NewInt(1))
	case !up && exact && open:
		n.Sub(n, big.NewInt(1))
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(n), unit)
}
