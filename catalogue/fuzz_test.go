package catalogue_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/catalogue"
)

// FuzzParse feeds the reader arbitrary bytes, seeded with the sample
// catalogue and the inputs of the table tests: it never panics; what it
// accepts writes back and reads back the same.
func FuzzParse(f *testing.F) {
	f.Add(sampleJSON(f))
	base, err := json.Marshal(baseSpec())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base)
	for _, seed := range []string{
		``, `null`, `[]`, `{}`, `{"name":"目录","items":[]}`, `{"name":"目录","items":null}`,
		`{"name":"目录","items":[{}]}`, `{"name":"目录","items":[5]}`,
		`{"name":"目录","items":[],"green_channels":[{"id":"G","items":[{"code":"X","limit":{"n":1,"unit":"days"}}]}]}`,
		`{"name":"目录","processes":{"licensing":[{"name":"受理"}]},"items":[]}`,
	} {
		f.Add([]byte(seed))
	}
	for _, swap := range [][2]string{
		{`"defer_days":5`, `"defer_days":"5"`},
		{`"amount":"10.00"`, `"amount":10`},
		{`"amount":"10.00"`, `"amount":"1e99999999"`},
		{`"from":"2025-01-01"`, `"from":"+99999-01-01"`},
		{`"n":5`, `"n":9223372036854775807`},
		{`"unit":"working_days"`, `"unit":"years"`},
	} {
		f.Add(bytes.Replace(base, []byte(swap[0]), []byte(swap[1]), 1))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalogue.Parse(data)
		if err != nil {
			if c != nil {
				t.Fatal("a catalogue with an error")
			}
			return
		}
		out, err := c.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		again, err := catalogue.Parse(out)
		if err != nil {
			t.Fatalf("written, not read back: %v\n%s", err, out)
		}
		if diff := cmp.Diff(c.Spec(), again.Spec()); diff != "" {
			t.Fatalf("(-read +reread):\n%s", diff)
		}
	})
}
