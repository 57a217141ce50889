package procedure_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestMalformedPayloadRefused checks that a payload value a guard reads
// as a flag, a number or a date, given in another form, refuses the event
// with ErrInvalidEvent naming the key, and leaves the case unchanged.
// Read as it came, each would have taken the case quietly down another
// path: a hearing right of "是" is not "true", so the party would be
// told of no hearing (行政处罚法 Art 63), and a matter recorded as
// specialised "yes" would skip expert argumentation (重大行政决策程序暂行条例
// Art 19).
func TestMalformedPayloadRefused(t *testing.T) {
	with := func(base map[string]string, key, value string) map[string]string {
		p := map[string]string{key: value}
		for k, v := range base {
			if k != key {
				p[k] = v
			}
		}
		return p
	}
	cases := []struct {
		name, def string
		before    []xnStep
		event     xnStep
		key       string
	}{
		{"a hearing right that is not true or false (行政处罚法 Art 63)", "penalty",
			[]xnStep{{trigger: "file", at: xnDay(2025, 9, 1), payload: penFile, state: "investigating"},
				{trigger: "investigate", at: xnDay(2025, 9, 3), payload: penInvestigate, state: "investigating"}},
			xnStep{trigger: "notify_intended", at: xnDay(2025, 9, 25), payload: with(penNotice("2025-10-10", false), "hearing_right", "是")},
			"hearing_right"},
		{"a safety harm flag in capitals (行政处罚法 Art 36)", "penalty", nil,
			xnStep{trigger: "file", at: xnDay(2025, 9, 1), payload: with(penFile, "safety_harm", "TRUE")},
			"safety_harm"},
		{"a date recorded for a later guard that is not a day (行政处罚法 Art 36)", "penalty", nil,
			xnStep{trigger: "file", at: xnDay(2025, 9, 1), payload: with(penFile, "discovered", "2025/08/20")},
			"discovered"},
		{"a fine in words (行政处罚法 Art 51)", "penalty-simplified", nil,
			xnStep{trigger: "decide_on_spot", at: xnDay(2025, 9, 1), payload: pspDecide("fine", "citizen", "一百")},
			"fine"},
		{"a specialised matter recorded as yes (重大行政决策程序暂行条例 Art 19)", "major-decision", nil,
			xnStep{trigger: "initiate", at: xnDay(2025, 8, 1), payload: map[string]string{"undertaker": "市交通运输局", "specialised": "yes", "risk": "false"}},
			"specialised"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := xnDefinition(t, c.def)
			cs := xnRun(t, d, "V-1", c.before)
			before := cs.Clone()
			err := d.Fire(context.Background(), cs, procedure.Event{Trigger: c.event.trigger, At: c.event.at, Actor: xnOfficer, Reason: "依法办理", Payload: c.event.payload})
			var pe *procedure.Error
			if !errors.Is(err, procedure.ErrInvalidEvent) || !errors.As(err, &pe) {
				t.Fatalf("error %v, want ErrInvalidEvent", err)
			}
			if want := `payload "` + c.key + `" must be`; !strings.Contains(pe.Detail, want) || !strings.Contains(pe.Detail, c.event.payload[c.key]) {
				t.Errorf("detail %q does not name the key and the value", pe.Detail)
			}
			if diff := cmp.Diff(before, cs); diff != "" {
				t.Fatalf("a refused event changed the case:\n%s", diff)
			}
			// The well-formed value goes through the same step.
			good := map[string]string{"hearing_right": "false", "safety_harm": "true", "discovered": "2025-08-20", "fine": "100", "specialised": "false"}
			c.event.payload[c.key] = good[c.key]
			if err := d.Fire(context.Background(), cs, procedure.Event{Trigger: c.event.trigger, At: c.event.at, Actor: xnOfficer, Reason: "依法办理", Payload: c.event.payload}); err != nil {
				t.Fatalf("with %s=%s: %v", c.key, good[c.key], err)
			}
		})
	}
}

// TestMalformedPayloadReplayed checks that Replay refuses a stored log
// with such a value, naming the event.
func TestMalformedPayloadReplayed(t *testing.T) {
	d := xnDefinition(t, "penalty")
	log := []procedure.Event{
		{Trigger: "file", At: xnDay(2025, 9, 1), Actor: xnOfficer, Payload: penFile},
		{Trigger: "investigate", At: xnDay(2025, 9, 3), Actor: xnOfficer, Payload: penInvestigate},
		{Trigger: "notify_intended", At: xnDay(2025, 9, 25), Actor: xnOfficer, Payload: map[string]string{"intended_penalty": "拟罚款", "statement_by": "2025-10-10", "hearing_right": "1"}},
	}
	_, err := d.Replay(context.Background(), "V-2", log)
	var pe *procedure.Error
	if !errors.Is(err, procedure.ErrInvalidEvent) || !errors.As(err, &pe) || pe.Path != "events[2]" {
		t.Fatalf("error %v, want ErrInvalidEvent at events[2]", err)
	}
	if i, ok := pe.Event(); !ok || i != 2 {
		t.Errorf("Event() = %d, %v", i, ok)
	}
}

// TestValueTypesOfDefinition checks that New refuses a key two guards
// read as different types, and a fact set to a value not of its key's
// type, naming both places.
func TestValueTypesOfDefinition(t *testing.T) {
	spec := func() procedure.Spec {
		g := func(kind procedure.GuardKind, key, value string) procedure.GuardSpec {
			return procedure.GuardSpec{Kind: kind, Key: key, Value: value, Desc: "条件", DescEN: "condition"}
		}
		return procedure.Spec{
			ID: "typed", Version: "1", Name: "类型", NameEN: "types", Initial: "a",
			States:   []procedure.StateSpec{{ID: "a", Name: "甲", NameEN: "a"}, {ID: "b", Name: "乙", NameEN: "b", Terminal: true}},
			Triggers: []procedure.TriggerSpec{{ID: "go", Name: "走", NameEN: "go"}, {ID: "stop", Name: "停", NameEN: "stop"}},
			Transitions: []procedure.TransitionSpec{
				{From: "a", Trigger: "go", To: "a", Guards: []procedure.GuardSpec{g(procedure.GuardPayload, "urgent", "true")}, Record: []string{"urgent"}},
				{From: "a", Trigger: "stop", To: "b", Guards: []procedure.GuardSpec{g(procedure.GuardFact, "urgent", "true")}},
			},
		}
	}
	if _, err := procedure.New(spec()); err != nil {
		t.Fatalf("the well-typed spec: %v", err)
	}
	clash := spec()
	clash.Transitions[1].Guards[0] = procedure.GuardSpec{Kind: procedure.GuardDateReached, Key: "urgent", Desc: "到期", DescEN: "reached"}
	set := spec()
	set.Transitions[0].Set = map[string]string{"urgent": "是"}
	for name, c := range map[string]struct {
		spec procedure.Spec
		path string
		want []string
	}{
		"a flag read as a date": {clash, "transitions[1].guards[0]", []string{`"urgent" is read as a date`, `"true" or "false"`, "transitions[0].guards[0]"}},
		"a flag set to 是":       {set, "transitions[0].set.urgent", []string{`fact "urgent"`, `"true" or "false"`, `"是"`}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := procedure.New(c.spec)
			var pe *procedure.Error
			if !errors.Is(err, procedure.ErrInvalidDefinition) || !errors.As(err, &pe) {
				t.Fatalf("error %v, want ErrInvalidDefinition", err)
			}
			if pe.Path != c.path {
				t.Errorf("path %q, want %q", pe.Path, c.path)
			}
			for _, w := range c.want {
				if !strings.Contains(pe.Detail, w) {
					t.Errorf("detail %q lacks %q", pe.Detail, w)
				}
			}
		})
	}
}
