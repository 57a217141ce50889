package procedure_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// FuzzCaseJSON reads a case as a store hands it back, in JSON, whatever
// it holds — a state, facts, clocks and a log no definition produced —
// and asks one of the reference definitions about it: Due, Next, Fire of
// each trigger and Advance. None panics; each answers or refuses with a
// *procedure.Error; and Due and Next change nothing, nor does a refused
// Fire.
//
// The seeds are cases gen.Case drew for each definition.
func FuzzCaseJSON(f *testing.F) {
	defs := referenceDefinitions(f)
	for i, d := range defs {
		draw := rapid.Custom(func(t *rapid.T) *procedure.Case { return gen.Case(t, d, "S", 10) })
		for seed := range 3 {
			data, err := json.Marshal(draw.Example(seed))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(uint8(i), uint16(seed*97), data)
		}
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, which uint8, hours uint16, data []byte) {
		var c procedure.Case
		if json.Unmarshal(data, &c) != nil {
			return
		}
		d := defs[int(which)%len(defs)]
		at := time.Date(2025, 3, 3, 10, 0, 0, 0, deadline.ChinaStandardTime())
		if n := len(c.Events); n > 0 {
			at = c.Events[n-1].At
		}
		at = at.Add(time.Duration(hours) * time.Hour)
		refusal := func(op string, err error) {
			var pe *procedure.Error
			if err != nil && !errors.As(err, &pe) {
				t.Fatalf("%s: %T is not a *procedure.Error: %v", op, err, err)
			}
		}
		before := c.Clone()
		_, err := d.Due(&c, deadline.DateOf(at))
		refusal("Due", err)
		_, err = d.Next(&c, at)
		refusal("Next", err)
		if !equalCases(before, &c) {
			t.Fatalf("Due or Next changed the case:\n%s", sameCase(before, &c))
		}
		for _, tr := range d.Spec().Triggers {
			e := procedure.Event{Trigger: tr.ID, At: at, Actor: procedure.Actor{Officer: "王", Unit: "窗口"}, Payload: map[string]string{"voucher": "1"}}
			kept := c.Clone()
			if err := d.Fire(ctx, &c, e); err != nil {
				refusal("Fire", err)
				if !equalCases(kept, &c) {
					t.Fatalf("a refused %s changed the case:\n%s", tr.ID, sameCase(kept, &c))
				}
			}
		}
		_, err = d.Advance(ctx, &c, at.Add(30*24*time.Hour))
		refusal("Advance", err)
	})
}
