package discretion_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// sameAsEncodingJSON fails unless Parse, with its fast reader, and
// ParseJSON, reading with encoding/json alone, agree on data: the same
// document, or the same problems in the same order.
func sameAsEncodingJSON(t interface {
	Helper()
	Fatal(...any)
	Fatalf(string, ...any)
}, data []byte) {
	t.Helper()
	b, err := discretion.Parse(data)
	ob, oerr := discretion.ParseJSON(data)
	switch {
	case (err == nil) != (oerr == nil):
		t.Fatalf("fast reader: %v\nencoding/json: %v\ndocument: %q", err, oerr, data)
	case err != nil:
		if b != nil {
			t.Fatal("a benchmark was returned with the error")
		}
		if err.Error() != oerr.Error() {
			t.Fatalf("fast reader:\n%v\nencoding/json:\n%v\ndocument: %q", err, oerr, data)
		}
	default:
		if !reflect.DeepEqual(b.Document(), ob.Document()) {
			t.Fatalf("documents differ (-fast +encoding/json):\n%s\ndocument: %q", diffDocs(b.Document(), ob.Document()), data)
		}
	}
}

func diffDocs(a, b discretion.Document) string {
	x, _ := json.MarshalIndent(a, "", " ")
	y, _ := json.MarshalIndent(b, "", " ")
	return string(x) + "\n---\n" + string(y)
}

// jsonPieces are what mutations insert: structure, odd numbers, escapes,
// unicode, literals, keys of the schema in other cases, deep nesting.
var jsonPieces = []string{
	"{", "}", "[", "]", ",", ":", `"`, `\`, " ", "\n", "\t", "\x01", "\xff", "\xe8\xbf",
	"0", "-0", "01", "1.", ".5", "1e3", "1E+3", "1e-9", "-", "+1", "1.50", "00.5", "9999999999999999999", "1e99999",
	"true", "false", "null", "nul", "tru",
	`"x"`, `""`, `"\u0066ine"`, `"\ud800"`, `"\uZZZZ"`, `"\/"`, `"\n"`, `"违法"`, `"K"`, `"\u212a"`,
	`"name"`, `"Name"`, `"NAME"`, `"code"`, `"unit"`, `"min"`, `"max"`, `"kinds"`, `"bands"`, `"citations"`, `"ranges"`,
	`"policy"`, `"schemes"`, `"standards"`, `"mitigation"`, `"n\u0061me"`, `"extra"`,
	`{}`, `[]`, `[null]`, `{"a":1}`, strings.Repeat("[", 40) + strings.Repeat("]", 40),
}

// mutate changes data in one of several ways, at a drawn place.
func mutate(t *rapid.T, data []byte) []byte {
	s := string(data)
	if len(s) == 0 {
		return []byte(rapid.SampledFrom(jsonPieces).Draw(t, "piece"))
	}
	at := rapid.IntRange(0, len(s)).Draw(t, "at")
	switch rapid.IntRange(0, 5).Draw(t, "mutation") {
	case 0: // insert a piece
		return []byte(s[:at] + rapid.SampledFrom(jsonPieces).Draw(t, "piece") + s[at:])
	case 1: // replace a stretch with a piece
		end := min(len(s), at+rapid.IntRange(0, 8).Draw(t, "len"))
		return []byte(s[:at] + rapid.SampledFrom(jsonPieces).Draw(t, "piece") + s[end:])
	case 2: // delete a stretch
		end := min(len(s), at+rapid.IntRange(1, 4).Draw(t, "len"))
		return []byte(s[:at] + s[end:])
	case 3: // repeat a member: the key and value that start at a quote
		i := strings.Index(s[at:], `"`)
		if i < 0 {
			return data
		}
		i += at
		j := strings.IndexAny(s[i+1:], ",}")
		if j < 0 {
			return data
		}
		member := s[i : i+1+j]
		return []byte(s[:i] + member + "," + s[i:])
	case 4: // replace a value after a colon
		i := strings.Index(s[at:], ":")
		if i < 0 {
			return data
		}
		i += at + 1
		j := strings.IndexAny(s[i:], ",}")
		if j < 0 {
			return data
		}
		return []byte(s[:i] + rapid.SampledFrom(jsonPieces).Draw(t, "value") + s[i+j:])
	default: // change the case of a key
		i := strings.Index(s[at:], `":`)
		if i < 0 {
			return data
		}
		i += at
		k := strings.LastIndex(s[:i], `"`)
		if k < 0 {
			return data
		}
		return []byte(s[:k] + strings.ToUpper(s[k:i]) + s[i:])
	}
}

// TestFastReaderAgreesWithEncodingJSON: on generated documents, written
// compact or indented and then mutated, the fast reader and
// encoding/json give the same benchmark or the same problems.
func TestFastReaderAgreesWithEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := gen.BenchmarkDocument().Draw(t, "document")
		var data []byte
		var err error
		if rapid.Bool().Draw(t, "indent") {
			data, err = json.MarshalIndent(d, "", "\t")
		} else {
			data, err = json.Marshal(d)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !discretion.ReadsFast(data) {
			t.Fatalf("the fast reader leaves a written document to encoding/json:\n%s", data)
		}
		for range rapid.IntRange(0, 3).Draw(t, "mutations") {
			data = mutate(t, data)
		}
		sameAsEncodingJSON(t, data)
	})
}

// TestFastReaderAgreesOnTestdata: the documents of testdata, and the bad
// documents of TestParseBadDocuments, read the same both ways.
func TestFastReaderAgreesOnTestdata(t *testing.T) {
	for _, name := range []string{"sample-benchmark.json", "invalid-bands.json", "malformed.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sameAsEncodingJSON(t, data)
	}
	docs := []string{
		minimal,
		strings.Replace(minimal, `"name": "n"`, `"name": "\u8fdd\u6cd5\n\"x\""`, 1),
		strings.Replace(minimal, `"name": "n"`, `"n\u0061me": "n"`, 1),
		strings.Replace(minimal, `"name": "n"`, `"name": "n", "name": "m"`, 1),
		strings.Replace(minimal, `"name": "n"`, `"name": null`, 1),
		strings.Replace(minimal, `"name": "n"`, `"name": ["n"]`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": 1000.50`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": -0`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": "1e3"`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": "+1000"`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": "1000."`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": ".5"`, 1),
		strings.Replace(minimal, `"min": "1000"`, `"min": "−1000"`, 1),
		strings.Replace(minimal, `"article": 1`, `"article": 1e0`, 1),
		strings.Replace(minimal, `"article": 1`, `"article": -0`, 1),
		strings.Replace(minimal, `["fine"]`, `["fine", null]`, 1),
		strings.Replace(minimal, `"standards": [`, `"standards": [null, `, 1),
		strings.Replace(minimal, `"ranges": [`, `"ranges": [null, `, 1),
		strings.Replace(minimal, `"citations": [`, `"citations": [null, `, 1),
		strings.Replace(minimal, `"standards"`, `"policy": null, "schemes": [], "factors": null, "standards"`, 1),
		`{"name": "t", "standards": []}`,
		`{"name": "t", "standards": null}`,
		`{"name": "t"} `,
		`{"name": "t"} x`,
		` {"name": "t"`,
	}
	for _, doc := range docs {
		sameAsEncodingJSON(t, []byte(doc))
	}
}

// TestPlainDecimalMatchesNewFromString: the fast path of reading a
// decimal gives what decimal.NewFromString gives, to the
// representation, on every text it accepts.
func TestPlainDecimalMatchesNewFromString(t *testing.T) {
	for _, s := range []string{"0", "-0", "1000", "0.30", "-12.5", "007.50", "999999999999999999", "0.000000001"} {
		if _, ok := discretion.PlainDecimal(s); !ok {
			t.Errorf("%q is not read by the fast path", s)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		text := rapid.StringOfN(rapid.SampledFrom([]rune("0123456789-+.eE −_x")), 0, 24, -1).Draw(t, "text")
		if rapid.Bool().Draw(t, "digits") {
			text = rapid.StringMatching(`-?[0-9]{1,20}(\.[0-9]{0,20})?`).Draw(t, "number")
		}
		d, ok := discretion.PlainDecimal(text)
		if !ok {
			return
		}
		want, err := decimal.NewFromString(text)
		if err != nil {
			t.Fatalf("%q: fast path %s, NewFromString: %v", text, d, err)
		}
		if !reflect.DeepEqual(d, want) || d.String() != want.String() || d.Exponent() != want.Exponent() {
			t.Fatalf("%q: fast path %s (exp %d), NewFromString %s (exp %d)", text, d, d.Exponent(), want, want.Exponent())
		}
	})
}
