package discretion_test

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/discretion"
)

// Short names for the tables.
const (
	citizen = discretion.PartyCitizen
	org     = discretion.PartyOrganisation
)

// dec parses an exact decimal.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sample returns the sample benchmark of testdata.
func sample(t testing.TB) *discretion.Benchmark {
	t.Helper()
	data, err := os.ReadFile("testdata/sample-benchmark.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := discretion.Parse(data)
	if err != nil {
		t.Fatalf("sample benchmark: %v", err)
	}
	return b
}

// standard returns a standard of the sample benchmark.
func standard(t testing.TB, code string) *discretion.Standard {
	t.Helper()
	s, ok := sample(t).Standard(code)
	if !ok {
		t.Fatalf("no standard %s", code)
	}
	return s
}

// facts returns facts for a party with factors.
func facts(p discretion.PartyType, ids ...discretion.FactorID) discretion.Facts {
	return discretion.Facts{Party: p, Factors: ids}
}

// fine returns a decision imposing only a fine.
func fine(amount string, procs ...discretion.Procedure) discretion.Decision {
	return discretion.Decision{Kinds: discretion.KindsOf(discretion.KindFine), Fine: dec(amount), Procedures: discretion.ProceduresOf(procs...)}
}

// codes returns the reason codes of a verdict.
func codes(v discretion.Verdict) []discretion.ReasonCode {
	var out []discretion.ReasonCode
	for _, r := range v.Reasons {
		out = append(out, r.Code)
	}
	return out
}

var (
	lighterOrMitigated = discretion.BandsOf(discretion.BandMitigated, discretion.BandLighter)
	noPenalty          = discretion.BandsOf(discretion.BandNoPenalty)
	ordinary           = discretion.BandsOf(discretion.BandOrdinary)
	heavier            = discretion.BandsOf(discretion.BandHeavier)
)
