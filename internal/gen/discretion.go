package gen

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
)

// Generators for the discretion package. Their names say what they
// generate in discretion's terms, so as not to clash with the
// generators of the other packages in gen. Amounts are multiples of a
// unit drawn as integers, so every generated value is an exact decimal;
// fractions are multiples of 0.05 and ranges are wide enough that every
// band of a generated scheme holds a fine after rounding.

// Yuan returns multiples of 10^-places from lo through hi units.
func Yuan(lo, hi int64, places int32) *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(lo, hi).Draw(t, "units"), -places)
	})
}

// twentieth returns k/20 as a decimal: 0.05, 0.1, ...
func twentieth(k int) decimal.Decimal { return decimal.New(int64(k)*5, -2) }

func span(b discretion.Band, lo, hi int, loOpen, hiOpen bool) discretion.BandRange {
	return discretion.BandRange{
		Band:      b,
		Lower:     discretion.Edge{Of: discretion.EdgeSpan, Value: twentieth(lo)},
		Upper:     discretion.Edge{Of: discretion.EdgeSpan, Value: twentieth(hi)},
		LowerOpen: loOpen, UpperOpen: hiOpen,
	}
}

// cite returns a citation of the generated benchmark.
func cite(article int) xn.Citation {
	return xn.Citation{Law: "生成的裁量基准", Article: article}
}

// BandScheme generates valid schemes of span fractions: one to three of the
// bands 从轻, 一般, 从重, lightest first, dividing the range without gaps
// or overlaps, or with declared gaps, or with declared overlaps, and a
// mitigation rule with or without a floor.
func BandScheme() *rapid.Generator[discretion.Scheme] {
	return rapid.Custom(func(t *rapid.T) discretion.Scheme {
		all := []discretion.Band{discretion.BandLighter, discretion.BandOrdinary, discretion.BandHeavier}
		mask := rapid.IntRange(1, 7).Draw(t, "bands")
		var bands []discretion.Band
		for i, b := range all {
			if mask&(1<<i) != 0 {
				bands = append(bands, b)
			}
		}
		mode := rapid.IntRange(0, 2).Draw(t, "mode") // 0 partition, 1 gaps, 2 overlaps
		s := discretion.Scheme{Name: "gen", Gaps: mode == 1, Overlaps: mode == 2}
		n := len(bands)
		// Interior cut points, strictly increasing in twentieths, with room
		// for a gap or an overlap of one twentieth around each.
		cuts := rapid.SliceOfNDistinct(rapid.IntRange(1, 9), n-1, n-1, rapid.ID[int]).Draw(t, "cuts")
		slices.Sort(cuts)
		for i := range cuts {
			cuts[i] *= 2 // 2..18, so that ±1 stays inside (0, 20)
		}
		lo, loOpen := 0, false
		for i, b := range bands {
			if i == n-1 {
				s.Bands = append(s.Bands, span(b, lo, 20, loOpen, false))
				break
			}
			c := cuts[i]
			switch mode {
			case 0:
				upperOpen := rapid.Bool().Draw(t, "upperOpen")
				s.Bands = append(s.Bands, span(b, lo, c, loOpen, upperOpen))
				lo, loOpen = c, !upperOpen
			case 1:
				if rapid.Bool().Draw(t, "touch") {
					s.Bands = append(s.Bands, span(b, lo, c, loOpen, true))
					lo, loOpen = c, true
				} else {
					s.Bands = append(s.Bands, span(b, lo, c, loOpen, false))
					lo, loOpen = c+1, false
				}
			case 2:
				s.Bands = append(s.Bands, span(b, lo, c+1, loOpen, false))
				lo, loOpen = c, false
			}
		}
		switch rapid.IntRange(0, 2).Draw(t, "floor") {
		case 1:
			s.Mitigation.Floor = discretion.Edge{Of: discretion.EdgeMinimum, Value: twentieth(rapid.IntRange(0, 19).Draw(t, "floorFraction"))}
			s.Mitigation.Basis = cite(90)
		case 2:
			s.Mitigation = discretion.TenPercentFloor()
		}
		if rapid.Bool().Draw(t, "collective") {
			s.Mitigation.Collective, s.Mitigation.Basis = true, cite(91)
		}
		return s
	})
}

// AgencyFactors returns the agency-defined factors generated standards
// know: one of each effect and force a benchmark commonly defines.
func AgencyFactors() []discretion.Factor {
	return []discretion.Factor{
		{ID: "agg-permissive", Name: "可以从重情节", Effect: discretion.EffectHeavier, Force: discretion.ForcePermissive, Citation: cite(81)},
		{ID: "agg-mandatory", Name: "应当从重情节", Effect: discretion.EffectHeavier, Force: discretion.ForceMandatory, Citation: cite(82)},
		{ID: "lighter-permissive", Name: "可以从轻情节", Effect: discretion.EffectLighter, Force: discretion.ForcePermissive, Citation: cite(83)},
		{ID: "lighter-mandatory", Name: "应当从轻情节", Effect: discretion.EffectLighter, Force: discretion.ForceMandatory, Citation: cite(84)},
		{ID: "mitigated-mandatory", Name: "应当减轻情节", Effect: discretion.EffectMitigated, Force: discretion.ForceMandatory, Citation: cite(85)},
		{ID: "mitigated-permissive", Name: "可以减轻情节", Effect: discretion.EffectMitigated, Force: discretion.ForcePermissive, Citation: cite(86)},
	}
}

// DiscretionPolicy generates policies: any conflict rule, and hearing, legal
// review and collective thresholds that are set or not.
func DiscretionPolicy() *rapid.Generator[discretion.Policy] {
	return rapid.Custom(func(t *rapid.T) discretion.Policy {
		p := discretion.Policy{Conflict: discretion.ConflictRule(rapid.IntRange(0, 2).Draw(t, "conflict"))}
		amounts := func(label string, article int) discretion.PartyAmounts {
			if !rapid.Bool().Draw(t, label) {
				return discretion.PartyAmounts{}
			}
			return discretion.PartyAmounts{
				Citizen:      Yuan(1, 20000, 0).Draw(t, label+"Citizen"),
				Organisation: Yuan(1, 200000, 0).Draw(t, label+"Organisation"),
				Basis:        cite(article),
			}
		}
		p.Hearing = amounts("hearing", 71)
		p.LegalReview = amounts("review", 72)
		p.Collective = amounts("collective", 73)
		p.ConfiscationHearing = amounts("confiscation", 74)
		return p
	})
}

// fixedRange generates a fixed or maximum-only range in units of
// 10^-places, at least 20 units wide per twentieth of its span.
func fixedRange(t *rapid.T, party discretion.PartyType, places int32, label string) discretion.Range {
	width := decimal.New(20*rapid.Int64Range(1, 5000).Draw(t, label+"Width"), -places)
	if rapid.IntRange(0, 3).Draw(t, label+"MaxOnly") == 0 {
		return discretion.Range{Party: party, Form: discretion.FormMaxOnly, Max: width}
	}
	lo := Yuan(1, 1_000_000, places).Draw(t, label+"Min")
	return discretion.Range{Party: party, Form: discretion.FormAmount, Min: lo, Max: lo.Add(width)}
}

// StandardSpec generates valid standard specs using the scheme named
// "gen": one range for any party or one per party, each fixed,
// maximum-only, or a multiple of the illegal gains with a fixed fallback;
// a fine, and sometimes a warning when mitigated, a confiscation with the
// fine, and a revocation when heavier.
func StandardSpec() *rapid.Generator[discretion.StandardSpec] {
	return rapid.Custom(func(t *rapid.T) discretion.StandardSpec {
		places := int32(rapid.IntRange(0, 2).Draw(t, "places"))
		s := discretion.StandardSpec{
			Code: "G-1", Name: "生成的违法行为", Citations: []xn.Citation{cite(1)},
			Scheme: "gen", Unit: decimal.New(1, -places),
			Penalties: []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}}},
		}
		if rapid.Bool().Draw(t, "warning") {
			s.Penalties = append(s.Penalties, discretion.Combination{Kinds: []discretion.PenaltyKind{discretion.KindWarning}, Bands: []discretion.Band{discretion.BandMitigated}})
		}
		if rapid.Bool().Draw(t, "confiscate") {
			s.Penalties = append(s.Penalties, discretion.Combination{Kinds: []discretion.PenaltyKind{discretion.KindConfiscateGains, discretion.KindFine}})
		}
		if rapid.Bool().Draw(t, "revoke") {
			s.Penalties = append(s.Penalties, discretion.Combination{Kinds: []discretion.PenaltyKind{discretion.KindFine, discretion.KindRevokeLicence}, Bands: []discretion.Band{discretion.BandHeavier}})
		}
		parties := []discretion.PartyType{discretion.PartyUnknown}
		if rapid.Bool().Draw(t, "perParty") {
			parties = []discretion.PartyType{discretion.PartyCitizen, discretion.PartyOrganisation}
		}
		for _, p := range parties {
			label := fmt.Sprint("range", int(p))
			if rapid.IntRange(0, 2).Draw(t, label+"Multiple") == 0 {
				lo := twentieth(rapid.IntRange(0, 40).Draw(t, label+"MinMultiple"))
				s.Ranges = append(s.Ranges, discretion.Range{
					Party: p, Form: discretion.FormMultiple, Base: discretion.BaseIllegalGains,
					Min: lo, Max: lo.Add(decimal.NewFromInt(int64(rapid.IntRange(1, 10).Draw(t, label+"Multiples")))),
					MinBase: Yuan(0, 10000, 0).Draw(t, label+"MinBase"),
				})
			}
			s.Ranges = append(s.Ranges, fixedRange(t, p, places, label))
		}
		return s
	})
}

// PenaltyStandard generates compiled standards from StandardSpec,
// BandScheme and DiscretionPolicy, knowing the statutory factors and
// AgencyFactors.
func PenaltyStandard() *rapid.Generator[*discretion.Standard] {
	return rapid.Custom(func(t *rapid.T) *discretion.Standard {
		spec := StandardSpec().Draw(t, "spec")
		scheme := BandScheme().Draw(t, "scheme")
		policy := DiscretionPolicy().Draw(t, "policy")
		s, err := discretion.NewStandard(spec, discretion.WithSchemes(scheme),
			discretion.WithPolicy(policy), discretion.WithFactors(AgencyFactors()...))
		if err != nil {
			t.Fatalf("generated standard rejected: %v", err)
		}
		return s
	})
}

// FactorIDs generates up to max distinct IDs of the factors s knows.
func FactorIDs(s *discretion.Standard, max int) *rapid.Generator[[]discretion.FactorID] {
	var ids []discretion.FactorID
	for _, f := range s.Benchmark().Factors() {
		ids = append(ids, f.ID)
	}
	return rapid.SliceOfNDistinct(rapid.SampledFrom(ids), 0, max, rapid.ID[discretion.FactorID])
}

// CaseFactors generates up to four distinct factors s knows, drawn as often
// from the agency's factors as from all of them, so that outcomes other
// than no penalty stay common.
func CaseFactors(s *discretion.Standard) *rapid.Generator[[]discretion.FactorID] {
	var all, own []discretion.FactorID
	for _, f := range s.Benchmark().Factors() {
		all = append(all, f.ID)
	}
	for _, f := range AgencyFactors() {
		own = append(own, f.ID)
	}
	one := rapid.OneOf(rapid.SampledFrom(all), rapid.SampledFrom(own))
	return rapid.SliceOfNDistinct(one, 0, 4, rapid.ID[discretion.FactorID])
}

// PenaltyFacts generates facts for s: a party, illegal gains of none or
// 100 to a million yuan, up to four factors (CaseFactors) with some
// permissive ones declined, and the procedural facts at random.
func PenaltyFacts(s *discretion.Standard) *rapid.Generator[discretion.Facts] {
	return rapid.Custom(func(t *rapid.T) discretion.Facts {
		f := discretion.Facts{
			Party:          rapid.SampledFrom([]discretion.PartyType{discretion.PartyCitizen, discretion.PartyOrganisation}).Draw(t, "party"),
			Factors:        CaseFactors(s).Draw(t, "factors"),
			PublicInterest: rapid.Bool().Draw(t, "publicInterest"),
			Complex:        rapid.Bool().Draw(t, "complex"),
			Serious:        rapid.Bool().Draw(t, "serious"),
			HardToCollect:  rapid.Bool().Draw(t, "hardToCollect"),
			RemoteRequest:  rapid.Bool().Draw(t, "remote"),
		}
		if rapid.Bool().Draw(t, "gains") {
			f.Bases.IllegalGains = Yuan(10_000, 100_000_000, 2).Draw(t, "illegalGains")
		}
		f.Declined = DeclinableFactors(s, f.Factors).Draw(t, "declined")
		return f
	})
}

// PenaltyFactsOneAct generates facts for s as PenaltyFacts does, with the
// facts of 行政处罚法 Art 29 drawn as well: whether the act was already
// fined, and up to two other norms it violates, each a generated
// standard, s itself or nil, so that the other norm's maximum is as often
// above that of s as below it.
func PenaltyFactsOneAct(s *discretion.Standard) *rapid.Generator[discretion.Facts] {
	norm := rapid.OneOf(PenaltyStandard(), PenaltyStandard(), rapid.Just(s), rapid.Just[*discretion.Standard](nil))
	return rapid.Custom(func(t *rapid.T) discretion.Facts {
		f := PenaltyFacts(s).Draw(t, "facts")
		f.AlreadyFined = rapid.Bool().Draw(t, "alreadyFined")
		f.OtherNorms = rapid.SliceOfN(norm, 0, 2).Draw(t, "otherNorms")
		return f
	})
}

// DeclinableFactors generates a subset of the permissive factors among ids.
func DeclinableFactors(s *discretion.Standard, ids []discretion.FactorID) *rapid.Generator[[]discretion.FactorID] {
	var cands []discretion.FactorID
	for _, f := range s.Benchmark().Factors() {
		if f.Force == discretion.ForcePermissive && slices.Contains(ids, f.ID) {
			cands = append(cands, f.ID)
		}
	}
	if len(cands) == 0 {
		return rapid.Just[[]discretion.FactorID](nil)
	}
	return rapid.SliceOfNDistinct(rapid.SampledFrom(cands), 0, len(cands), rapid.ID[discretion.FactorID])
}

// PenaltyDecision generates decisions for s: a kind combination of the standard
// or no penalty, a fine up to twice the largest range (in the standard's
// unit or a finer one) when the kinds have one, and any procedures.
func PenaltyDecision(s *discretion.Standard) *rapid.Generator[discretion.Decision] {
	return rapid.Custom(func(t *rapid.T) discretion.Decision {
		spec := s.Spec()
		var d discretion.Decision
		if i := rapid.IntRange(-1, len(spec.Penalties)-1).Draw(t, "combination"); i >= 0 {
			d.Kinds = discretion.KindsOf(spec.Penalties[i].Kinds...)
		}
		if d.Kinds.Has(discretion.KindFine) {
			places := int32(rapid.IntRange(0, 3).Draw(t, "finePlaces"))
			d.Fine = Yuan(1, 2*maxUnits(spec, places), places).Draw(t, "fine")
		}
		if d.Kinds.Has(discretion.KindConfiscateGains) {
			d.Confiscated = Yuan(0, 1_000_000, 0).Draw(t, "confiscated")
		}
		d.Procedures = discretion.ProcedureSet(rapid.Uint16Range(0, 1<<7-1).Draw(t, "procedures")) &^ 1
		return d
	})
}

// maxUnits returns the largest fixed maximum of spec in units of
// 10^-places, at least 10,000 yuan's worth.
func maxUnits(spec discretion.StandardSpec, places int32) int64 {
	m := decimal.NewFromInt(10000)
	for _, r := range spec.Ranges {
		if r.Form != discretion.FormMultiple {
			m = decimal.Max(m, r.Max)
		}
	}
	return m.Shift(places).IntPart()
}

// BenchmarkDocument generates valid documents of one to three standards,
// with a BandScheme, a DiscretionPolicy and the AgencyFactors; some
// standards use a preset scheme instead.
func BenchmarkDocument() *rapid.Generator[discretion.Document] {
	return rapid.Custom(func(t *rapid.T) discretion.Document {
		d := discretion.Document{
			Name: "生成的裁量基准", Issuer: "生成", Illustrative: rapid.Bool().Draw(t, "illustrative"),
			Policy:  DiscretionPolicy().Draw(t, "policy"),
			Schemes: []discretion.Scheme{BandScheme().Draw(t, "scheme")},
			Factors: AgencyFactors(),
		}
		n := rapid.IntRange(1, 3).Draw(t, "standards")
		for i := range n {
			s := StandardSpec().Draw(t, "standard")
			s.Code = fmt.Sprintf("G-%d", i+1)
			if rapid.Bool().Draw(t, "preset") {
				s.Scheme = rapid.SampledFrom([]string{discretion.SchemeLower30Upper30, discretion.SchemeHeavier60}).Draw(t, "presetName")
			}
			d.Standards = append(d.Standards, s)
		}
		return d
	})
}
