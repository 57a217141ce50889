package discretion_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/discretion"
)

// problemsOf returns the *Error values of a joined error.
func problemsOf(err error) []*discretion.Error {
	var out []*discretion.Error
	var walk func(error)
	walk = func(err error) {
		if e, ok := err.(*discretion.Error); ok {
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
		}
	}
	walk(err)
	return out
}

func paths(err error) []string {
	var out []string
	for _, e := range problemsOf(err) {
		out = append(out, e.Path)
	}
	return out
}

func TestNewBenchmarkBadInput(t *testing.T) {
	type doc = discretion.Document
	edge := func(of discretion.EdgeBasis, v string) discretion.Edge { return discretion.Edge{Of: of, Value: dec(v)} }
	tests := []struct {
		name   string
		change func(d *doc)
		want   error
		path   string // of one of the problems
	}{
		{"a band outside the range", func(d *doc) {
			d.Standards[1].Ranges[1].Bands[1].Upper = edge(discretion.EdgeValue, "250000")
		}, discretion.ErrInvalidStandard, "standards[1].ranges[1].bands[1]"},
		{"overlapping bands", func(d *doc) {
			d.Standards[1].Ranges[0].Bands[0].UpperOpen = false
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[1]"},
		{"a gap between bands", func(d *doc) {
			d.Standards[1].Ranges[0].Bands[1].Lower = edge(discretion.EdgeValue, "3.5")
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[1]"},
		{"bands out of order", func(d *doc) {
			b := d.Standards[1].Ranges[0].Bands
			b[0], b[1] = b[1], b[0]
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[1].band"},
		{"a scheme's band outside [0, 1]", func(d *doc) {
			d.Schemes = append(d.Schemes, discretion.Scheme{Name: "bad", Bands: []discretion.BandRange{
				{Band: discretion.BandOrdinary, Lower: edge(discretion.EdgeSpan, "0"), Upper: edge(discretion.EdgeSpan, "1.2")}}})
		}, discretion.ErrInvalidStandard, "schemes[1].bands[0].upper"},
		{"an edge without a basis", func(d *doc) {
			d.Standards[1].Ranges[0].Bands[0].Lower.Of = discretion.EdgeUnknown
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[0].lower"},
		{"the lightest band above the minimum", func(d *doc) {
			d.Standards[1].Ranges[0].Bands[0].Lower = edge(discretion.EdgeValue, "2.5")
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[0].lower"},
		{"the heaviest band open at the maximum", func(d *doc) {
			d.Standards[1].Ranges[0].Bands[1].UpperOpen = true
		}, discretion.ErrInvalidStandard, "standards[1].ranges[0].bands[1].upper"},
		{"a negative minimum", func(d *doc) { d.Standards[0].Ranges[0].Min = dec("-1") }, discretion.ErrInvalidStandard, "standards[0].ranges[0].min"},
		{"a maximum not above the minimum", func(d *doc) { d.Standards[0].Ranges[0].Max = dec("1000") }, discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"a maximum of 10^15", func(d *doc) { d.Standards[0].Ranges[0].Max = dec("1e15") }, discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"a huge exponent", func(d *doc) { d.Standards[0].Ranges[0].Max = decimal.New(1, math.MaxInt32) }, discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"a maximum-only range with a minimum", func(d *doc) { d.Standards[2].Ranges[0].Min = dec("10") }, discretion.ErrInvalidStandard, "standards[2].ranges[0].min"},
		{"a multiple without its base", func(d *doc) { d.Standards[1].Ranges[0].Base = discretion.BaseUnknown }, discretion.ErrInvalidStandard, "standards[1].ranges[0].base"},
		{"a multiple of 10^4", func(d *doc) { d.Standards[1].Ranges[0].Max = dec("10000") }, discretion.ErrInvalidStandard, "standards[1].ranges[0].max"},
		{"two fixed ranges for one party", func(d *doc) {
			d.Standards[0].Ranges = append(d.Standards[0].Ranges, d.Standards[0].Ranges[0])
		}, discretion.ErrInvalidStandard, "standards[0].ranges[1]"},
		{"a band empty after rounding", func(d *doc) { d.Standards[4].Ranges[0].Max = dec("3001") }, discretion.ErrInvalidStandard, "standards[4].ranges[0] (preset midpoint)"},
		{"a unit that is not a power of ten", func(d *doc) { d.Standards[0].Unit = dec("5") }, discretion.ErrInvalidStandard, "standards[0].unit"},
		{"an unknown penalty kind", func(d *doc) {
			d.Standards[0].Penalties[0].Kinds = append(d.Standards[0].Penalties[0].Kinds, 99)
		}, discretion.ErrUnknownPenaltyKind, "standards[0].penalties[0].kinds[1]"},
		{"a kind listed twice", func(d *doc) {
			d.Standards[0].Penalties[0].Kinds = []discretion.PenaltyKind{discretion.KindFine, discretion.KindFine}
		}, discretion.ErrInvalidStandard, "standards[0].penalties[0].kinds"},
		{"a combination for the no_penalty band", func(d *doc) {
			d.Standards[0].Penalties[1].Bands = []discretion.Band{discretion.BandNoPenalty}
		}, discretion.ErrInvalidStandard, "standards[0].penalties[1].bands[0]"},
		{"a fine without a range", func(d *doc) { d.Standards[0].Ranges = nil }, discretion.ErrInvalidStandard, "standards[0].ranges"},
		{"no citation", func(d *doc) { d.Standards[0].Citations = nil }, discretion.ErrInvalidStandard, "standards[0].citations"},
		{"a malformed citation", func(d *doc) { d.Standards[0].Citations[0].Item = 1 }, discretion.ErrInvalidStandard, "standards[0].citations[0]"},
		{"a duplicate violation code", func(d *doc) { d.Standards[1].Code = "S-001" }, discretion.ErrInvalidStandard, "standards[1].code"},
		{"an unknown scheme", func(d *doc) { d.Standards[0].Scheme = "nope" }, discretion.ErrInvalidStandard, "standards[0].scheme"},
		{"an unknown preset", func(d *doc) { d.Schemes[0].Preset = "nope" }, discretion.ErrInvalidStandard, "schemes[0].preset"},
		{"a scheme redefining a preset", func(d *doc) { d.Schemes[0].Name = discretion.SchemeMidpoint }, discretion.ErrInvalidStandard, "schemes[0].name"},
		{"a floor at the minimum", func(d *doc) {
			d.Standards[1].Ranges[1].Mitigation.Floor = edge(discretion.EdgeValue, "50000")
		}, discretion.ErrInvalidStandard, "standards[1].ranges[1].mitigation.floor"},
		{"a floor as a fraction of the span", func(d *doc) {
			d.Schemes[0].Mitigation.Floor.Of = discretion.EdgeSpan
		}, discretion.ErrInvalidStandard, "schemes[0].mitigation.floor"},
		{"a mitigation rule without its source", func(d *doc) {
			d.Schemes[0].Mitigation.Basis = xn.Citation{}
		}, discretion.ErrInvalidStandard, "schemes[0].mitigation.basis"},
		{"a threshold without its source", func(d *doc) { d.Policy.Hearing.Basis = xn.Citation{} }, discretion.ErrInvalidStandard, "policy.hearing.basis"},
		{"a negative threshold", func(d *doc) { d.Policy.Hearing.Citizen = dec("-1") }, discretion.ErrInvalidStandard, "policy.hearing.citizen"},
		{"an unknown conflict rule", func(d *doc) { d.Policy.Conflict = 7 }, discretion.ErrInvalidStandard, "policy.conflict"},
		{"an unknown kind in the policy", func(d *doc) { d.Policy.HearingKinds = []discretion.PenaltyKind{0} }, discretion.ErrUnknownPenaltyKind, "policy.hearing_kinds[0]"},
		{"a factor redefining a statutory one", func(d *doc) { d.Factors[0].ID = discretion.FactorMinor }, discretion.ErrInvalidStandard, "factors[0].id"},
		{"a factor without an effect", func(d *doc) { d.Factors[1].Effect = discretion.EffectUnknown }, discretion.ErrInvalidStandard, "factors[1].effect"},
		{"a factor without a citation", func(d *doc) { d.Factors[1].Citation = xn.Citation{} }, discretion.ErrInvalidStandard, "factors[1].citation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sample(t).Document()
			tt.change(&d)
			b, err := discretion.NewBenchmark(d)
			if b != nil {
				t.Error("a benchmark was returned with the error")
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if ps := paths(err); !slices.Contains(ps, tt.path) {
				t.Errorf("problems at %q, want one at %q", ps, tt.path)
			}
		})
	}
}

func TestNewBenchmarkReportsEveryProblem(t *testing.T) {
	d := sample(t).Document()
	d.Standards[0].Ranges[0].Min = dec("-5")
	d.Standards[2].Penalties[0].Kinds[0] = 77
	d.Standards[3].Citations = nil
	d.Factors[0].Force = 9
	_, err := discretion.NewBenchmark(d)
	want := []string{"factors[0].force", "standards[0].ranges[0].min", "standards[2].penalties[0].kinds[0]", "standards[3].citations"}
	got := paths(err)
	for _, p := range want {
		if !slices.Contains(got, p) {
			t.Errorf("no problem reported at %s; got %q", p, got)
		}
	}
	for _, e := range problemsOf(err) {
		if e.Op != "new" {
			t.Errorf("problem %v: op %q, want new", e, e.Op)
		}
	}
}

func TestNewBenchmarkCopiesItsInput(t *testing.T) {
	d := sample(t).Document()
	b, err := discretion.NewBenchmark(d)
	if err != nil {
		t.Fatal(err)
	}
	d.Standards[0].Ranges[0].Max = dec("99")
	d.Standards[0].Penalties[0].Kinds[0] = discretion.KindDetention
	s, _ := b.Standard("S-001")
	if spec := s.Spec(); !spec.Ranges[0].Max.Equal(dec("10000")) || spec.Penalties[0].Kinds[0] != discretion.KindFine {
		t.Error("changing the document changed the benchmark")
	}
	spec := s.Spec()
	spec.Citations[0].Article = 1
	if s.Spec().Citations[0].Article == 1 {
		t.Error("changing a spec changed the standard")
	}
}

func TestNilReceivers(t *testing.T) {
	var b *discretion.Benchmark
	var s *discretion.Standard
	if b.Name() != "" || b.Standards() != nil || b.Factors() != nil || len(b.Document().Standards) != 0 {
		t.Error("nil benchmark methods should return zero values")
	}
	if _, ok := b.Standard("S-001"); ok {
		t.Error("nil benchmark found a standard")
	}
	if _, err := b.Consistency(nil); !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("nil benchmark Consistency: %v", err)
	}
	if s.Code() != "" || s.Name() != "" || s.Benchmark() != nil || s.Spec().Code != "" {
		t.Error("nil standard methods should return zero values")
	}
	if _, err := s.Check(facts(org), discretion.Decision{}); !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("nil standard Check: %v", err)
	}
	if _, err := s.Classify(facts(org), discretion.Decision{}); !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("nil standard Classify: %v", err)
	}
	var e *discretion.Error
	if e.Error() == "" || e.Unwrap() != nil {
		t.Error("nil *Error methods")
	}
}
