package accountability_test

import (
	"encoding/json"
	"errors"
	"slices"
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
			refused(t, err, fs != nil, accountability.ErrInvalidInput, accountability.ErrUnknownDefinition)
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
			refused(t, err, l != nil, accountability.ErrInvalidLadder)
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

// FuzzScorecard reads a scorecard and the units' scores in JSON. Whatever
// they say, NewScorecard and Rank do not panic: NewScorecard refuses with
// an *accountability.Error wrapping ErrInvalidScorecard, Rank with one
// wrapping ErrInvalidInput, and a ranking does not depend on the order of
// the units.
func FuzzScorecard(f *testing.F) {
	spec, err := json.Marshal(cardSpec())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(spec, []byte(`[{"unit":"审批局","values":{"on_time":"0.9","satisfaction":"0.8"}},`+
		`{"unit":"市场监管局","values":{"on_time":"1","satisfaction":"0.95"}}]`))
	findings := rapid.SliceOfN(gen.Finding(), 0, 40).Example(1)
	f.Fuzz(func(t *testing.T, specJSON, unitsJSON []byte) {
		var spec accountability.ScorecardSpec
		var units []accountability.UnitScores
		if json.Unmarshal(specJSON, &spec) != nil || json.Unmarshal(unitsJSON, &units) != nil {
			return
		}
		s, err := accountability.NewScorecard(spec)
		if err != nil {
			refused(t, err, s != nil, accountability.ErrInvalidScorecard)
			return
		}
		r, err := s.Rank(units, findings, nil)
		if err != nil {
			refused(t, err, false, accountability.ErrInvalidInput)
			return
		}
		reversed := slices.Clone(units)
		slices.Reverse(reversed)
		if again, err := s.Rank(reversed, findings, nil); err != nil || !cmp.Equal(r, again) {
			t.Fatalf("the units' order changed the ranking: %v\n%s", err, cmp.Diff(r, again))
		}
	})
}

// refused fails t unless err, a refusal, is an *accountability.Error
// wrapping one of targets, and the call that refused returned no result
// (built says it did).
func refused(t *testing.T, err error, built bool, targets ...error) {
	t.Helper()
	var ae *accountability.Error
	if built || !errors.As(err, &ae) || !slices.ContainsFunc(targets, func(target error) bool { return errors.Is(err, target) }) {
		t.Fatalf("a refusal must be an *accountability.Error wrapping one of %v, with no result (result: %t): %v", targets, built, err)
	}
}
