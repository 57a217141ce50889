package accountability_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/internal/gen"
)

// FuzzEvaluate reads an evaluation's input as an integrator hands it
// over, in JSON (records with their cases, inquiries, the roster), and
// evaluates it with the reference definitions and profiles. Whatever the
// input: Evaluate does not panic and leaves the input as it was; a
// refusal is a *accountability.Error wrapping ErrInvalidInput, or
// ErrUnknownDefinition for a case of a procedure it was not given;
// accepted input gives the same findings when evaluated again, and a
// report of them.
//
// The seeds are inputs drawn as the properties draw them.
func FuzzEvaluate(f *testing.F) {
	draw := rapid.Custom(drawInput)
	for seed := range 8 {
		data, err := json.Marshal(draw.Example(seed))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, int32(seed*20))
	}
	f.Add([]byte(`{"records":[{"unit":"审批局","case":{"id":"C","definition":"licensing","version":"x","state":"nowhere","events":[],"clocks":[]}}]}`), int32(0))
	e, err := accountability.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, days int32) {
		var in accountability.Input
		if json.Unmarshal(data, &in) != nil {
			return
		}
		asOf := gen.Day(2015, 1, 1) + date.Date(days%8000)
		var kept accountability.Input
		if err := json.Unmarshal(data, &kept); err != nil {
			t.Fatal(err)
		}
		fs, err := e.Evaluate(in, asOf)
		if diff := cmp.Diff(kept, in); diff != "" {
			t.Fatalf("Evaluate changed its input:\n%s", diff)
		}
		if err != nil {
			var ae *accountability.Error
			if fs != nil || !errors.As(err, &ae) || !errors.Is(err, accountability.ErrInvalidInput) && !errors.Is(err, accountability.ErrUnknownDefinition) {
				t.Fatalf("a refusal must be an *accountability.Error wrapping ErrInvalidInput or ErrUnknownDefinition, with no findings: %d findings, %v", len(fs), err)
			}
			return
		}
		again, err := e.Evaluate(in, asOf)
		if err != nil || !cmp.Equal(fs, again) {
			t.Fatalf("evaluated twice, the findings differ: %v\n%s", err, cmp.Diff(fs, again))
		}
		ladder, err := accountability.NewLadder(accountability.ZhejiangLadder())
		if err != nil {
			t.Fatal(err)
		}
		r := accountability.NewReport(asOf, fs, ladder, nil)
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
		_ = r.Text()
	})
}

// FuzzLadderSpec reads a sanction ladder in JSON. Whatever it says,
// NewLadder does not panic; it refuses with an *accountability.Error
// wrapping ErrInvalidLadder, or builds a ladder whose spec builds the same
// ladder again and that turns findings into sanctions.
func FuzzLadderSpec(f *testing.F) {
	for _, spec := range []accountability.LadderSpec{accountability.ZhejiangLadder(), accountability.CountyLadder()} {
		data, err := json.Marshal(spec)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	findings := rapid.SliceOfN(gen.Finding(), 0, 40)
	var some [][]accountability.Finding
	for seed := range 4 {
		some = append(some, findings.Example(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var spec accountability.LadderSpec
		if json.Unmarshal(data, &spec) != nil {
			return
		}
		l, err := accountability.NewLadder(spec)
		if err != nil {
			var ae *accountability.Error
			if l != nil || !errors.As(err, &ae) || !errors.Is(err, accountability.ErrInvalidLadder) {
				t.Fatalf("a refusal must be an *accountability.Error wrapping ErrInvalidLadder, with no ladder: %v", err)
			}
			return
		}
		again, err := accountability.NewLadder(l.Spec())
		if err != nil {
			t.Fatalf("the ladder's own spec is refused: %v", err)
		}
		for _, fs := range some {
			if a, b := l.Sanctions(fs), again.Sanctions(fs); !cmp.Equal(a, b) {
				t.Fatalf("the ladder and the one built from its spec differ:\n%s", cmp.Diff(a, b))
			}
		}
	})
}
