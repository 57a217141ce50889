package discretion_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// minimal is a small valid document the bad-input rows alter.
const minimal = `{
  "name": "t",
  "standards": [
    {
      "code": "A",
      "name": "n",
      "citations": [{"law": "示例", "article": 1}],
      "penalties": [{"kinds": ["fine"]}],
      "ranges": [{"form": "amount", "min": "1000", "max": "10000"}],
      "scheme": "lower30-upper30"
    }
  ]
}`

func TestParseSample(t *testing.T) {
	b := sample(t)
	if len(b.Standards()) != 6 || !b.Document().Illustrative {
		t.Errorf("sample: %d standards, illustrative %v", len(b.Standards()), b.Document().Illustrative)
	}
	if got := len(b.Factors()); got != len(discretion.StatutoryFactors())+2 {
		t.Errorf("sample knows %d factors", got)
	}
	f, err := os.Open("testdata/sample-benchmark.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := discretion.Load(f); err != nil {
		t.Errorf("Load: %v", err)
	}
}

func TestParseTestdataProblems(t *testing.T) {
	tests := []struct {
		file  string
		want  []error
		paths []string
	}{
		{"invalid-bands.json", []error{discretion.ErrInvalidStandard, discretion.ErrUnknownPenaltyKind},
			[]string{"standards[0].ranges[0].bands[1]", "standards[1].ranges[0].bands[1]", "standards[2].penalties[0].kinds[1]", "standards[2].ranges[0].min"}},
		{"malformed.json", []error{discretion.ErrInvalidStandard}, []string{"line 4, column 36"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			b, err := discretion.Parse(data)
			if b != nil {
				t.Error("a benchmark was returned with the error")
			}
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("error %v does not wrap %v", err, w)
				}
			}
			if got := paths(err); !subset(tt.paths, got) {
				t.Errorf("problems at %q, want all of %q", got, tt.paths)
			}
		})
	}
}

func TestParseNumbersAndLabels(t *testing.T) {
	// Amounts as JSON numbers are read from their text, never through a
	// float; enums may be written by their Chinese labels.
	doc := strings.NewReplacer(`"min": "1000", "max": "10000"`, `"min": 1000.10, "max": 1e4`,
		`"kinds": ["fine"]`, `"kinds": ["罚款"]`).Replace(minimal)
	b, err := discretion.Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	r := b.Standards()[0].Spec().Ranges[0]
	if !r.Min.Equal(dec("1000.1")) || !r.Max.Equal(dec("10000")) || b.Standards()[0].Spec().Penalties[0].Kinds[0] != discretion.KindFine {
		t.Errorf("read %s–%s, %v", r.Min, r.Max, b.Standards()[0].Spec().Penalties[0].Kinds)
	}
}

func TestParseBadDocuments(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want error
		path string // of one of the problems
	}{
		{"empty", ``, discretion.ErrInvalidStandard, "line 1, column 1"},
		{"not JSON", `{"name": "t",, }`, discretion.ErrInvalidStandard, "line 1, column 14"},
		{"cut short", minimal[:40], discretion.ErrInvalidStandard, "line 5, column 1"},
		{"a wrong type", strings.Replace(minimal, `"name": "n"`, `"name": 5`, 1), discretion.ErrInvalidStandard, "standards[0].name"},
		{"an unknown field", strings.Replace(minimal, `"scheme":`, `"shceme":`, 1), discretion.ErrInvalidStandard, "standards[0].shceme"},
		{"a field given twice", strings.Replace(minimal, `"name": "n"`, `"name": "n", "name": "m"`, 1), discretion.ErrInvalidStandard, "standards[0].name"},
		{"deep nesting in an unknown field", strings.Replace(minimal, `"name": "n"`, `"name": "n", "x": `+strings.Repeat("[", 100)+strings.Repeat("]", 100), 1), discretion.ErrInvalidStandard, "standards[0].x"},
		// encoding/json refuses values nested 10,000 deep: here the
		// 9,998th bracket, inside three levels of the document.
		{"nesting too deep", strings.Replace(minimal, `"name": "n"`, `"name": "n", "x": `+strings.Repeat("[", 10001)+strings.Repeat("]", 10001), 1), discretion.ErrInvalidStandard, "line 6, column 10022"},
		{"not an object", `[1, 2]`, discretion.ErrInvalidStandard, "line 1, column 1"},
		{"a control character in a string", strings.Replace(minimal, `"name": "n"`, "\"name\": \"n\x01\"", 1), discretion.ErrInvalidStandard, "line 6, column 17"},
		{"an escaped string reads", strings.Replace(minimal, `"name": "n"`, `"name": "\u8fdd\u6cd5"`, 1), nil, ""},
		{"a number with a leading zero", strings.Replace(minimal, `"article": 1`, `"article": 01`, 1), discretion.ErrInvalidStandard, "line 7, column 47"},
		{"a fractional article", strings.Replace(minimal, `"article": 1`, `"article": 1.5`, 1), discretion.ErrInvalidStandard, "standards[0].citations[0].article"},
		{"a bad version date", strings.Replace(minimal, `"article": 1`, `"article": 1, "version": "2021-13-01"`, 1), discretion.ErrInvalidStandard, "standards[0].citations[0].version"},
		{"data after the document", minimal + ` {}`, discretion.ErrInvalidStandard, "line 13, column 3"},
		{"not a number", strings.Replace(minimal, `"min": "1000"`, `"min": "1,000"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].min"},
		{"a bool for a number", strings.Replace(minimal, `"min": "1000"`, `"min": true`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].min"},
		{"a negative amount", strings.Replace(minimal, `"min": "1000"`, `"min": "-1000"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].min"},
		{"an unknown penalty kind", strings.Replace(minimal, `["fine"]`, `["fine", "flogging"]`, 1), discretion.ErrUnknownPenaltyKind, "standards[0].penalties[0].kinds[1]"},
		{"an unknown form", strings.Replace(minimal, `"amount"`, `"amont"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].form"},
		{"an unknown party", strings.Replace(minimal, `"form"`, `"party": "alien", "form"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].party"},
		{"an unknown effect", strings.Replace(minimal, `"standards"`, `"factors": [{"id": "x", "name": "x", "effect": "harsher", "force": "permissive", "citation": {"law": "l"}}], "standards"`, 1), discretion.ErrInvalidStandard, "factors[0].effect"},
		{"an unknown conflict rule", strings.Replace(minimal, `"standards"`, `"policy": {"conflict": "coin-toss"}, "standards"`, 1), discretion.ErrInvalidStandard, "policy.conflict"},
		{"a band outside the range", strings.Replace(minimal, `"max": "10000"}`, `"max": "10000", "bands": [{"band": "ordinary", "lower": {"of": "value", "value": "1000"}, "upper": {"of": "value", "value": "20000"}}]}`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].bands[0]"},
		{"overlapping bands", strings.Replace(minimal, `"max": "10000"}`, `"max": "10000", "bands": [{"band": "lighter", "lower": {"of": "span", "value": "0"}, "upper": {"of": "span", "value": "0.5"}}, {"band": "heavier", "lower": {"of": "span", "value": "0.4"}, "upper": {"of": "span", "value": "1"}}]}`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].bands[1]"},
		{"an unknown band", strings.Replace(minimal, `"max": "10000"}`, `"max": "10000", "bands": [{"band": "harsh", "lower": {"of": "span", "value": "0"}, "upper": {"of": "span", "value": "1"}}]}`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].bands[0].band"},
		{"a huge number", strings.Replace(minimal, `"max": "10000"`, `"max": "1e9999"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"an endless number", strings.Replace(minimal, `"max": "10000"`, `"max": "`+strings.Repeat("9", 5000)+`"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"no standards list", `{"name": "t"}`, nil, ""},
		{"an object for a list", strings.Replace(minimal, `"citations": [{"law": "示例", "article": 1}]`, `"citations": {"law": "示例", "article": 1}`, 1), discretion.ErrInvalidStandard, "standards[0].citations"},
		{"a list for an object", strings.Replace(minimal, `"standards"`, `"policy": [], "standards"`, 1), discretion.ErrInvalidStandard, "policy"},
		{"a number for a standard", strings.Replace(minimal, `"standards": [`, `"standards": [7, `, 1), discretion.ErrInvalidStandard, "standards[0]"},
		{"null for an object reads as nothing", strings.Replace(minimal, `"standards"`, `"policy": null, "schemes": null, "standards"`, 1), nil, ""},
		{"null in a list of kinds", strings.Replace(minimal, `["fine"]`, `["fine", null]`, 1), discretion.ErrInvalidStandard, "standards[0].penalties[0].kinds[1]"},
		{"a field name in another case reads", strings.Replace(minimal, `"name": "n"`, `"Name": "n"`, 1), nil, ""},
		{"a field given twice in two cases", strings.Replace(minimal, `"name": "n"`, `"name": "n", "NAME": "m"`, 1), discretion.ErrInvalidStandard, "standards[0].name"},
		{"a list given twice", strings.Replace(minimal, `"kinds": ["fine"]`, `"kinds": ["fine"], "kinds": ["warning"]`, 1), discretion.ErrInvalidStandard, "standards[0].penalties[0].kinds[0]"},
		{"an amount given twice", strings.Replace(minimal, `"max": "10000"`, `"max": "10000", "max": 20000`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].max"},
		{"the unknown value by name", strings.Replace(minimal, `"amount"`, `"unknown"`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].form"},
		{"an empty code", strings.Replace(minimal, `"amount"`, `""`, 1), discretion.ErrInvalidStandard, "standards[0].ranges[0].form"},
		{"an empty party is any party", strings.Replace(minimal, `"form"`, `"party": "", "form"`, 1), nil, ""},
		{"a conflict rule by its Chinese label", strings.Replace(minimal, `"standards"`, `"policy": {"conflict": "有利于当事人"}, "standards"`, 1), nil, ""},
		{"the default conflict rule by its code", strings.Replace(minimal, `"standards"`, `"policy": {"conflict": "balance"}, "standards"`, 1), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := discretion.Parse([]byte(tt.doc))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
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

func TestParseReportsEveryProblem(t *testing.T) {
	doc := strings.NewReplacer(`"min": "1000"`, `"min": "x"`, `"max": "10000"`, `"max": "-3"`,
		`["fine"]`, `["fine", "bogus"]`, `"form": "amount"`, `"form": "amount", "party": "?"`).Replace(minimal)
	_, err := discretion.Parse([]byte(doc))
	want := []string{"standards[0].penalties[0].kinds[1]", "standards[0].ranges[0].party", "standards[0].ranges[0].min", "standards[0].ranges[0].max"}
	if got := paths(err); !subset(want, got) {
		t.Errorf("problems at %q, want all of %q", got, want)
	}
}

// TestParseReportsEveryShapeProblem: objects and lists of the wrong type
// and unknown fields, which encoding/json reports one at a time and
// without a place, are all reported with their paths, together with the
// values that do not read.
func TestParseReportsEveryShapeProblem(t *testing.T) {
	doc := strings.NewReplacer(
		`"name": "t",`, `"name": "t", "policy": [], "schemes": {}, "factors": [1], "extra": {"a": 1},`,
		`"ranges": [{"form": "amount", "min": "1000", "max": "10000"}]`, `"ranges": "none", "typo": 1`,
		`"name": "n"`, `"name": 5`,
	).Replace(minimal)
	_, err := discretion.Parse([]byte(doc))
	want := []string{"policy", "schemes", "factors[0]", "extra", "standards[0].ranges", "standards[0].typo", "standards[0].name"}
	if got := paths(err); !subset(want, got) {
		t.Errorf("problems at %q, want all of %q", got, want)
	}
}

func subset(want, got []string) bool {
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

func TestParseReportsAcrossStandards(t *testing.T) {
	// A value that does not read in standards[1] must not hide a problem
	// of standards[10].
	var std []string
	for i := range 11 {
		s := fmt.Sprintf(`{"code": "C-%d", "name": "n", "citations": [{"law": "示例", "article": 1}], "penalties": [{"kinds": ["fine"]}], "ranges": [{"form": "amount", "min": "1000", "max": "10000"}], "scheme": "lower30-upper30"}`, i)
		switch i {
		case 1:
			s = `"not an object"`
		case 10:
			s = strings.Replace(s, `"min": "1000"`, `"min": "20000"`, 1)
		}
		std = append(std, s)
	}
	_, err := discretion.Parse([]byte(`{"name": "t", "standards": [` + strings.Join(std, ",") + `]}`))
	if got := paths(err); !subset([]string{"standards[1]", "standards[10].ranges[0].max"}, got) {
		t.Errorf("problems at %q", got)
	}
}

func TestLoadNil(t *testing.T) {
	if _, err := discretion.Load(nil); !errors.Is(err, discretion.ErrInvalidInput) {
		t.Errorf("Load(nil) = %v", err)
	}
}

func TestMarshalJSONRejectsUnknownValues(t *testing.T) {
	d := sample(t).Document()
	d.Standards[0].Ranges[0].Form = 42
	if _, err := json.Marshal(d); !errors.Is(err, discretion.ErrInvalidStandard) {
		t.Errorf("Marshal = %v, want ErrInvalidStandard", err)
	}
}

// docOpts compares documents by value: decimals by their numbers, nil
// and empty slices alike.
var docOpts = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.EquateEmpty(),
}

// TestDocumentRoundTrip: a valid document written by MarshalJSON reads
// back the same.
func TestDocumentRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := gen.BenchmarkDocument().Draw(t, "document")
		if _, err := discretion.NewBenchmark(d); err != nil {
			t.Fatalf("generated document rejected: %v", err)
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b, err := discretion.Parse(data)
		if err != nil {
			t.Fatalf("Parse: %v\n%s", err, data)
		}
		// reflect.DeepEqual on normalized documents is the check; go-cmp,
		// much slower, only explains a difference.
		if got := b.Document(); !reflect.DeepEqual(normalized(d), normalized(got)) {
			t.Fatalf("round trip (-written +read):\n%s", cmp.Diff(d, got, docOpts))
		}
	})
}

// normalized returns a copy of d with every decimal normalized and every
// empty slice nil, so that reflect.DeepEqual compares values.
func normalized(d discretion.Document) discretion.Document {
	n := func(x decimal.Decimal) decimal.Decimal { return x.Normalize() }
	edge := func(e discretion.Edge) discretion.Edge { e.Value = n(e.Value); return e }
	bands := func(bs []discretion.BandRange) []discretion.BandRange {
		if len(bs) == 0 {
			return nil
		}
		out := slices.Clone(bs)
		for i := range out {
			out[i].Lower, out[i].Upper = edge(out[i].Lower), edge(out[i].Upper)
		}
		return out
	}
	amounts := func(a discretion.PartyAmounts) discretion.PartyAmounts {
		a.Citizen, a.Organisation = n(a.Citizen), n(a.Organisation)
		return a
	}
	kinds := func(k []discretion.PenaltyKind) []discretion.PenaltyKind {
		if len(k) == 0 {
			return nil
		}
		return k
	}
	d.Policy.Hearing, d.Policy.ConfiscationHearing = amounts(d.Policy.Hearing), amounts(d.Policy.ConfiscationHearing)
	d.Policy.LegalReview, d.Policy.Collective = amounts(d.Policy.LegalReview), amounts(d.Policy.Collective)
	d.Policy.HearingKinds, d.Policy.LegalReviewKinds, d.Policy.CollectiveKinds = kinds(d.Policy.HearingKinds), kinds(d.Policy.LegalReviewKinds), kinds(d.Policy.CollectiveKinds)
	d.Schemes = slices.Clone(d.Schemes)
	for i := range d.Schemes {
		d.Schemes[i].Bands = bands(d.Schemes[i].Bands)
		d.Schemes[i].Mitigation.Floor = edge(d.Schemes[i].Mitigation.Floor)
	}
	if len(d.Factors) == 0 {
		d.Factors = nil
	}
	d.Standards = slices.Clone(d.Standards)
	for i := range d.Standards {
		s := &d.Standards[i]
		s.Unit = n(s.Unit)
		s.Penalties = slices.Clone(s.Penalties)
		for j := range s.Penalties {
			s.Penalties[j].Kinds = kinds(s.Penalties[j].Kinds)
			if len(s.Penalties[j].Bands) == 0 {
				s.Penalties[j].Bands = nil
			}
		}
		s.Ranges = slices.Clone(s.Ranges)
		for j := range s.Ranges {
			r := &s.Ranges[j]
			r.Min, r.Max, r.MinBase = n(r.Min), n(r.Max), n(r.MinBase)
			r.Bands = bands(r.Bands)
			r.Mitigation.Floor = edge(r.Mitigation.Floor)
		}
	}
	return d
}

func TestSampleRoundTrip(t *testing.T) {
	d := sample(t).Document()
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b, err := discretion.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, b.Document(), docOpts); diff != "" {
		t.Errorf("round trip (-written +read):\n%s", diff)
	}
}

// FuzzParse: Parse never panics, never accepts what encoding/json finds
// malformed, agrees with reading by encoding/json alone, and a document
// it accepts writes and reads back the same.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Add([]byte(strings.Replace(minimal, `"min": "1000"`, `"min": 1e-9`, 1)))
	f.Add([]byte(`{"name":"x","standards":[]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(strings.Replace(minimal, `"name": "n"`, `"n\u0061me": "\u8fdd\u6cd5", "name": null`, 1)))
	f.Add([]byte(strings.Replace(minimal, `"min": "1000"`, `"min": -0.50, "MIN": 01`, 1)))
	f.Add([]byte(strings.Replace(minimal, `["fine"]`, `["fine", null, [[[]]]]`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsEncodingJSON(t, data)
		b, err := discretion.Parse(data)
		if err == nil && !json.Valid(data) {
			t.Fatalf("accepted malformed JSON %q", data)
		}
		if err != nil {
			if b != nil {
				t.Fatal("a benchmark was returned with the error")
			}
			if len(problemsOf(err)) == 0 {
				t.Fatalf("error without an *Error: %v", err)
			}
			return
		}
		out, err := json.Marshal(b.Document())
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		b2, err := discretion.Parse(out)
		if err != nil {
			t.Fatalf("re-Parse: %v\n%s", err, out)
		}
		if diff := cmp.Diff(b.Document(), b2.Document(), docOpts); diff != "" {
			t.Fatalf("round trip:\n%s", diff)
		}
		for _, s := range b.Standards() {
			_, _ = s.Assess(facts(citizen))
			_, _ = s.Check(facts(org), fine("1000"))
		}
	})
}
