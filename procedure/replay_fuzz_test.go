package procedure_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// referenceDefinitions returns the reference definitions, in the order
// of ReferenceNames.
func referenceDefinitions(tb testing.TB) []*procedure.Definition {
	var defs []*procedure.Definition
	for _, name := range procedure.ReferenceNames() {
		d, err := procedure.Reference(name)
		if err != nil {
			tb.Fatal(err)
		}
		defs = append(defs, d)
	}
	return defs
}

// FuzzReplay reads an event log as a store hands it back, in JSON, and
// replays it on one of the reference definitions. Whatever the log:
//   - Replay does not panic, and leaves the log it was given unchanged;
//   - a refusal is a *procedure.Error wrapping one of the package's
//     errors, naming the first event refused by its index: the events
//     before it replay;
//   - an accepted log rebuilds the same case from the log Replay stored,
//     and from the case's JSON.
//
// The seeds are logs that gen.Case drew for each definition and the
// benchmarks' licensing log, so that the fuzzer starts from logs that
// replay.
func FuzzReplay(f *testing.F) {
	defs := referenceDefinitions(f)
	for i, d := range defs {
		draw := rapid.Custom(func(t *rapid.T) *procedure.Case { return gen.Case(t, d, "S", 12) })
		for seed := range 3 {
			data, err := json.Marshal(draw.Example(seed).Events)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(uint8(i), data)
		}
		if d.Spec().ID == "licensing" {
			data, err := json.Marshal(benchEvents())
			if err != nil {
				f.Fatal(err)
			}
			f.Add(uint8(i), data)
		}
	}
	f.Add(uint8(0), []byte(`[{"trigger":"receive","at":"2025-09-25T10:00:00+08:00"}]`))
	f.Add(uint8(0), []byte(`[{"trigger":"receive","at":"2025-09-25T10:00:00Z","actor":{"officer":"王","unit":"窗口"},"auto":true}]`))
	known := []error{procedure.ErrInvalidEvent, procedure.ErrInvalidTransition, procedure.ErrExpired, procedure.ErrInvalidDefinition, procedure.ErrCannotCount}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		var log []procedure.Event
		if json.Unmarshal(data, &log) != nil {
			return
		}
		d := defs[int(which)%len(defs)]
		kept := (&procedure.Case{Events: log}).Clone().Events // payloads copied too
		c, err := d.Replay(ctx, "F", log)
		if diff := cmp.Diff(kept, log); diff != "" {
			t.Fatalf("Replay changed the log it was given:\n%s", diff)
		}
		// Rebuild, handed a copy, agrees with Replay, and keeps the
		// copy as the case's log.
		handed := (&procedure.Case{Events: log}).Clone().Events
		rc, rerr := d.Rebuild(ctx, "F", handed)
		switch {
		case (err == nil) != (rerr == nil):
			t.Fatalf("Replay: %v; Rebuild: %v", err, rerr)
		case err != nil:
			var pe, re *procedure.Error
			if !errors.As(err, &pe) || !errors.As(rerr, &re) || pe.Path != re.Path || pe.Detail != re.Detail || !sameSentinels(err, rerr) || re.Op != "Rebuild" || rc != nil {
				t.Fatalf("Replay: %v; Rebuild: %v", err, rerr)
			}
		case !equalCases(c, rc):
			t.Fatalf("Rebuild differs from Replay:\n%s", sameCase(c, rc))
		case len(handed) > 0 && &rc.Events[0] != &handed[0]:
			t.Fatalf("Rebuild copied the log it was handed")
		}
		if err != nil {
			var pe *procedure.Error
			if c != nil || !errors.As(err, &pe) {
				t.Fatalf("a refusal must be a *procedure.Error and no case: %v, %v", c, err)
			}
			if !slices.ContainsFunc(known, func(target error) bool { return errors.Is(err, target) }) {
				t.Fatalf("a refusal wraps none of the package's errors: %v", err)
			}
			var i int
			if _, serr := fmt.Sscanf(pe.Path, "events[%d]", &i); serr != nil || i < 0 || i >= len(log) {
				t.Fatalf("the refusal names no event of the log: %q (%v)", pe.Path, err)
			}
			if _, err := d.Replay(ctx, "F", log[:i]); err != nil {
				t.Fatalf("the events before the refused events[%d] are refused too: %v", i, err)
			}
			return
		}
		again, err := d.Replay(ctx, "F", c.Events)
		if err != nil || !equalCases(c, again) {
			t.Fatalf("the stored log replays differently: %v\n%s", err, sameCase(c, again))
		}
		stored, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back procedure.Case
		if err := json.Unmarshal(stored, &back); err != nil || !equalCases(c, &back) {
			t.Fatalf("the case's JSON reads back differently: %v\n%s", err, sameCase(c, &back))
		}
	})
}
