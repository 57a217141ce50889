package discretion_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
)

func benchCheck(b *testing.B, code string, f discretion.Facts, d discretion.Decision) {
	s := standard(b, code)
	v, err := s.Check(f, d)
	if err != nil || !v.OK() {
		b.Fatalf("decision not accepted: %v %v", codes(v), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v, _ = s.Check(f, d)
	}
	if !v.OK() {
		b.Fatal("rejected")
	}
}

// BenchmarkCheck is the hot path: an accepted fine under a fixed range.
func BenchmarkCheck(b *testing.B) {
	benchCheck(b, "S-001", facts(org), fine("4000"))
}

// BenchmarkCheckFactors adds a mandatory mitigating factor and the
// hearing notice a fine for a citizen triggers.
func BenchmarkCheckFactors(b *testing.B) {
	benchCheck(b, "S-001", facts(citizen, discretion.FactorMinor, discretion.FactorRemedied), fine("2000", notice))
}

// BenchmarkCheckMultiple computes the band edges from the base on every
// call, as a fine set as a multiple of the illegal gains needs.
func BenchmarkCheckMultiple(b *testing.B) {
	f := facts(org, "repeat-within-year")
	f.Bases.IllegalGains = dec("12345.67")
	benchCheck(b, "S-002", f, discretion.Decision{Kinds: kinds(discretion.KindConfiscateGains, discretion.KindFine),
		Fine: dec("50000"), Confiscated: dec("12345.67"), Procedures: discretion.ProceduresOf(notice)})
}

func BenchmarkAssess(b *testing.B) {
	s := standard(b, "S-001")
	f := facts(citizen, discretion.FactorMinor)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Assess(f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	s := standard(b, "S-001")
	f, d := facts(org), fine("4000")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Classify(f, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAddOn(b *testing.B) {
	fine, last := dec("12345.67"), date.New(2025, time.March, 17)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := discretion.AddOn(fine, last, last+20); err != nil {
			b.Fatal(err)
		}
	}
}

// largeDocument returns a benchmark document of n standards: fixed,
// maximum-only, per-party and multiple ranges under every preset.
func largeDocument(n int) discretion.Document {
	d := discretion.Document{
		Name:   "大型裁量基准",
		Scheme: discretion.SchemeLower30Upper30,
		Policy: discretion.Policy{Hearing: discretion.PartyAmounts{Citizen: decimal.NewFromInt(1000), Organisation: decimal.NewFromInt(5000),
			Basis: xn.Citation{Law: "某省较大数额罚款标准", Article: 2}}},
		Factors: []discretion.Factor{{ID: "repeat", Name: "一年内再次违法", Effect: discretion.EffectHeavier,
			Force: discretion.ForcePermissive, Citation: xn.Citation{Law: "大型裁量基准", Article: 8}}},
	}
	fine := []discretion.Combination{{Kinds: []discretion.PenaltyKind{discretion.KindFine}},
		{Kinds: []discretion.PenaltyKind{discretion.KindWarning}, Bands: []discretion.Band{discretion.BandMitigated}}}
	schemes := []string{discretion.SchemeLower30Upper30, discretion.SchemeHeavier60, discretion.SchemeMidpoint}
	for i := range n {
		lo := decimal.NewFromInt(int64(100 * (i%50 + 1)))
		s := discretion.StandardSpec{
			Code: fmt.Sprintf("V-%05d", i), Name: fmt.Sprintf("违法行为%d", i),
			Citations: []xn.Citation{{Law: "某条例", Article: i%200 + 1, Paragraph: 1}},
			Penalties: fine, Scheme: schemes[i%3], Unit: decimal.NewFromInt(1),
		}
		switch i % 4 {
		case 0, 1:
			s.Ranges = []discretion.Range{{Form: discretion.FormAmount, Min: lo, Max: lo.Mul(decimal.NewFromInt(10))}}
		case 2:
			s.Scheme = discretion.SchemeMaxOnly
			s.Ranges = []discretion.Range{{Form: discretion.FormMaxOnly, Max: lo.Mul(decimal.NewFromInt(50))}}
		case 3:
			s.Ranges = []discretion.Range{
				{Form: discretion.FormMultiple, Base: discretion.BaseIllegalGains, Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(5)},
				{Party: discretion.PartyCitizen, Form: discretion.FormAmount, Min: lo, Max: lo.Mul(decimal.NewFromInt(10))},
				{Party: discretion.PartyOrganisation, Form: discretion.FormAmount, Min: lo.Mul(decimal.NewFromInt(10)), Max: lo.Mul(decimal.NewFromInt(100))},
			}
		}
		d.Standards = append(d.Standards, s)
	}
	return d
}

// BenchmarkParse10000 reads, validates and compiles a JSON document of
// 10,000 standards.
func BenchmarkParse10000(b *testing.B) {
	data, err := json.Marshal(largeDocument(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := discretion.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewBenchmark10000 validates and compiles the same document
// from Go values.
func BenchmarkNewBenchmark10000(b *testing.B) {
	d := largeDocument(10000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := discretion.NewBenchmark(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConsistency1000(b *testing.B) {
	bm := sample(b)
	var past []discretion.PastDecision
	for i := range 1000 {
		past = append(past, discretion.PastDecision{ID: fmt.Sprint(i), Standard: "S-001",
			Facts: facts(org), Decision: fine(fmt.Sprint(1000 + 9*i))})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bm.Consistency(past); err != nil {
			b.Fatal(err)
		}
	}
}
