package supervision_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/examples/supervision"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var caseSeq atomic.Int64

// TestAppendProperty: for generated event sequences on every reference
// procedure, appending them one by one to the store and reading the case
// back gives the case procedure.Fire built in memory from the same
// events; an event the procedure refuses, or one the database cannot
// keep, is refused by the store with the same verdict and leaves the
// stored log unchanged.
func TestAppendProperty(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		defs := sharedDefs()
		names := procedure.ReferenceNames()
		officers := []string{"王敏", "张华", "李强", "路人甲"} // the last is not on the roster
		ctx := context.Background()
		// Every check runs a transaction per event: a thousand checks of
		// a dozen events under the race detector would take minutes, so
		// the checks that reach the database are capped.
		bud := newBudget(60)
		var accepted, refused atomic.Int64
		rapid.Check(t, func(t *rapid.T) {
			bud.check(t, func(t *rapid.T) {
				name := rapid.SampledFrom(names).Draw(t, "procedure")
				d := defs[name]
				id := fmt.Sprintf("P-%s-%d", name, caseSeq.Add(1))
				mem := d.NewCase(id)
				created := cst(2025, 1, 1, 8)
				if err := st.CreateCase(ctx, supervision.CaseInfo{ID: id, Definition: name, Unit: "审批局", Created: created}); err != nil {
					t.Fatal(err)
				}
				n := rapid.IntRange(1, 14).Draw(t, "events")
				for i := range n {
					if rapid.IntRange(0, 5).Draw(t, "advance") == 0 && len(mem.Events) > 0 {
						asOf := mem.Events[len(mem.Events)-1].At.Add(rapid.SampledFrom(advanceSteps).Draw(t, "advance by"))
						want, werr := d.Advance(ctx, mem, asOf)
						got, gerr := st.Advance(ctx, id, asOf)
						if (werr == nil) != (gerr == nil) || len(got) != len(want) {
							t.Fatalf("advance %d: store %v, %v; memory %v, %v", i, got, gerr, want, werr)
						}
						continue
					}
					e := genEvent(t, d, mem, officers)
					if rapid.IntRange(0, 19).Draw(t, "bad text") == 0 {
						e.Reason = "坏\x00字符"
					}
					before, err := st.Case(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					clone := mem.Clone()
					ferr := d.Fire(ctx, clone, e)
					_, aerr := st.AppendEvents(ctx, id, e)
					storable := e.Actor.Officer != "路人甲" && !strings.Contains(e.Reason, "\x00")
					switch {
					case ferr == nil && storable:
						if aerr != nil {
							t.Fatalf("event %d (%s): the store refused what Fire allows: %v", i, e.Trigger, aerr)
						}
						mem = clone
						accepted.Add(1)
						continue
					case ferr != nil && !errors.Is(aerr, supervision.ErrRefused) && !errors.Is(aerr, supervision.ErrInvalidInput):
						t.Fatalf("event %d (%s): Fire refused (%v) but the store said %v", i, e.Trigger, ferr, aerr)
					case ferr != nil && errors.Is(aerr, supervision.ErrRefused) && !sameSentinel(ferr, aerr):
						t.Fatalf("event %d (%s): Fire said %v, the store %v", i, e.Trigger, ferr, aerr)
					case ferr == nil && !errors.Is(aerr, supervision.ErrInvalidInput):
						t.Fatalf("event %d (%s): an unstorable event: %v, want ErrInvalidInput", i, e.Trigger, aerr)
					}
					refused.Add(1)
					after, err := st.Case(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(before, after); diff != "" {
						t.Fatalf("event %d (%s): a refused event changed the stored case:\n%s", i, e.Trigger, diff)
					}
				}
				got, err := st.Case(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(mem, got); diff != "" {
					t.Fatalf("stored case differs (-memory +stored):\n%s", diff)
				}
			})
		})
		t.Logf("%d events stored, %d refused", accepted.Load(), refused.Load())
		if accepted.Load() == 0 || refused.Load() == 0 {
			t.Errorf("the generator should produce both allowed and refused events")
		}
	})
}

// advanceSteps are how far past the last event a check advances a case.
var advanceSteps = []time.Duration{0, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 40 * 24 * time.Hour}

// sameSentinel reports whether two errors wrap the same sentinel of
// package procedure.
func sameSentinel(a, b error) bool {
	for _, s := range []error{procedure.ErrInvalidTransition, procedure.ErrInvalidEvent, procedure.ErrExpired, procedure.ErrWrongDefinition} {
		if errors.Is(a, s) != errors.Is(b, s) {
			return false
		}
	}
	return true
}

// TestImportProperty: importing generated cases (automatic events
// included) and reading them back gives the cases built in memory.
func TestImportProperty(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		defs := sharedDefs()
		names := procedure.ReferenceNames()
		ctx := context.Background()
		// One transaction per check: cheaper than TestAppendProperty's,
		// still capped for the race detector.
		bud := newBudget(150)
		rapid.Check(t, func(t *rapid.T) {
			bud.check(t, func(t *rapid.T) {
				name := rapid.SampledFrom(names).Draw(t, "procedure")
				d := defs[name]
				id := fmt.Sprintf("I-%s-%d", name, caseSeq.Add(1))
				mem := d.NewCase(id)
				for range rapid.IntRange(0, 16).Draw(t, "tries") {
					if rapid.IntRange(0, 4).Draw(t, "advance") == 0 && len(mem.Events) > 0 {
						_, _ = d.Advance(ctx, mem, mem.Events[len(mem.Events)-1].At.Add(rapid.SampledFrom(advanceSteps).Draw(t, "by")))
						continue
					}
					_ = d.Fire(ctx, mem, genEvent(t, d, mem, []string{"王敏", "李强"}))
				}
				imp := supervision.ImportCase{Info: supervision.CaseInfo{ID: id, Definition: name, Unit: "审批局", Created: cst(2025, 1, 1, 8)}, Events: mem.Clone().Events}
				if err := st.Import(ctx, imp); err != nil {
					t.Fatal(err)
				}
				got, err := st.Case(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(mem, got); diff != "" {
					t.Fatalf("imported case differs (-memory +stored):\n%s", diff)
				}
			})
		})
	})
}

// TestImportAllOrNothing: an import with one bad case writes none.
func TestImportAllOrNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		t.Parallel()
		st := b.store(t)
		seedRoster(t, st)
		cases := buildCases(t, 3)
		bad := cases[2].imp
		bad.Events = append([]procedure.Event(nil), bad.Events...)
		bad.Events[1].To = "granted" // not where the event led
		err := st.Import(context.Background(), cases[0].imp, cases[1].imp, bad)
		if !errors.Is(err, supervision.ErrRefused) || !errors.Is(err, procedure.ErrInvalidEvent) && !errors.Is(err, procedure.ErrInvalidTransition) {
			t.Fatalf("import with a bad log: %v", err)
		}
		dup := []supervision.ImportCase{cases[0].imp, cases[0].imp}
		if err := st.Import(context.Background(), dup...); !errors.Is(err, supervision.ErrExists) {
			t.Fatalf("import of one ID twice: %v, want ErrExists", err)
		}
		for _, c := range cases {
			if _, err := st.Info(context.Background(), c.want.ID); !errors.Is(err, supervision.ErrNotFound) {
				t.Errorf("%s was written: %v", c.want.ID, err)
			}
		}
	})
}
