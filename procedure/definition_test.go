package procedure_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// defProblems returns the *procedure.Error values an error joins.
func defProblems(err error) []*procedure.Error {
	var out []*procedure.Error
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range u.Unwrap() {
			out = append(out, defProblems(e)...)
		}
		return out
	}
	var pe *procedure.Error
	if errors.As(err, &pe) {
		out = append(out, pe)
	}
	return out
}

// tinySpec is a small valid definition: an application accepted or
// refused, with a five-working-day clock.
func tinySpec() procedure.Spec {
	cite := xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1)
	return procedure.Spec{
		ID: "tiny", Version: "1", Name: "小程序", NameEN: "tiny", Initial: "open",
		States: []procedure.StateSpec{
			{ID: "open", Name: "办理中", NameEN: "open"},
			{ID: "done", Name: "办结", NameEN: "done", Terminal: true},
		},
		Triggers: []procedure.TriggerSpec{
			{ID: "start", Name: "开始", NameEN: "start"},
			{ID: "finish", Name: "办结", NameEN: "finish"},
		},
		Clocks: []procedure.ClockSpec{{Name: "notice", RuleID: deadline.RuleLicensingCorrectionNotice}},
		Transitions: []procedure.TransitionSpec{
			{From: "open", Trigger: "start", To: "open", Effects: []procedure.Effect{{Op: procedure.OpStart, Clock: "notice"}}, Citation: cite},
			{From: "open", Trigger: "finish", To: "done", Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice"}}, Citation: cite,
				Guards: []procedure.GuardSpec{{Kind: procedure.GuardPayload, Key: "ok", Desc: "须确认", DescEN: "confirmed"}}},
		},
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	if _, err := procedure.New(tinySpec()); err != nil {
		t.Fatalf("the tiny spec is valid: %v", err)
	}
	g := func(kind procedure.GuardKind, key string) procedure.GuardSpec {
		return procedure.GuardSpec{Kind: kind, Key: key, Desc: "须", DescEN: "must"}
	}
	for _, tc := range []struct {
		name   string
		change func(s *procedure.Spec)
		paths  []string
	}{
		{"unknown initial state", func(s *procedure.Spec) { s.Initial = "nowhere" }, []string{"initial", "states[0]", "states[1]"}},
		{"state defined twice", func(s *procedure.Spec) { s.States = append(s.States, s.States[0]) }, []string{"states[2]"}},
		{"state without names", func(s *procedure.Spec) { s.States[1].NameEN = "" }, []string{"states[1]"}},
		{"unknown states and trigger in a transition", func(s *procedure.Spec) {
			s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "x", Trigger: "y", To: "z"})
		}, []string{"transitions[2].from", "transitions[2].to", "transitions[2].trigger"}},
		{"exit from a terminal state", func(s *procedure.Spec) {
			s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "done", Trigger: "start", To: "open"})
		}, []string{"transitions[2].from"}},
		{"unreachable state, and not terminal with no way out", func(s *procedure.Spec) {
			s.States = append(s.States, procedure.StateSpec{ID: "limbo", Name: "悬置", NameEN: "limbo"})
		}, []string{"states[2]", "states[2]"}},
		{"clock started but never stopped", func(s *procedure.Spec) { s.Transitions[1].Effects = nil }, []string{"clocks"}},
		{"unknown clock and operation", func(s *procedure.Spec) {
			s.Transitions[0].Effects = append(s.Transitions[0].Effects, procedure.Effect{Op: procedure.OpStart, Clock: "ghost"}, procedure.Effect{Op: "wind", Clock: "notice"})
		}, []string{"transitions[0].effects[1].clock", "transitions[0].effects[2].op"}},
		{"an extension the rule does not allow", func(s *procedure.Spec) {
			s.Transitions[0].Effects = append(s.Transitions[0].Effects, procedure.Effect{Op: procedure.OpExtend, Clock: "notice"})
		}, []string{"transitions[0].effects[1]"}},
		{"a suspension for a cause the rule does not exclude", func(s *procedure.Spec) {
			s.Transitions[0].Effects = append(s.Transitions[0].Effects, procedure.Effect{Op: procedure.OpSuspend, Clock: "notice", Cause: deadline.CauseHearing})
		}, []string{"transitions[0].effects[1].cause"}},
		{"two transitions on one trigger whose guards can both hold", func(s *procedure.Spec) {
			s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "open", Trigger: "finish", To: "done",
				Guards: []procedure.GuardSpec{g(procedure.GuardPayload, "other")}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice"}}})
		}, []string{"transitions[2]"}},
		{"a key absent and the key not equal to a value can both hold", func(s *procedure.Spec) {
			absent, notCourt := g(procedure.GuardFact, "forum"), g(procedure.GuardFact, "forum")
			absent.Not, notCourt.Not, notCourt.Value = true, true, "court"
			s.Transitions[1].Guards = []procedure.GuardSpec{absent}
			s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "open", Trigger: "finish", To: "done",
				Guards: []procedure.GuardSpec{notCourt}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice"}}})
		}, []string{"transitions[2]"}},
		{"unknown guard kind, custom guard and clock", func(s *procedure.Spec) {
			s.Transitions[1].Guards = []procedure.GuardSpec{g("colour", "x"), g(procedure.GuardCustom, "nobody"), g(procedure.GuardClockExpired, "ghost")}
		}, []string{"transitions[1].guards[0].kind", "transitions[1].guards[1].key", "transitions[1].guards[2].key"}},
		{"guard that cannot explain itself", func(s *procedure.Spec) { s.Transitions[1].Guards[0].DescEN = "" }, []string{"transitions[1].guards[0].desc"}},
		{"bad numbers in guards", func(s *procedure.Spec) {
			bad := g(procedure.GuardDaysBefore, "d")
			bad.Value = "soon"
			most := g(procedure.GuardAtMost, "fine")
			most.Value = "two hundred"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, bad, most)
		}, []string{"transitions[1].guards[1].value", "transitions[1].guards[2].value"}},
		{"a bound by a number and a fact, by a blank fact, or Than on another kind", func(s *procedure.Spec) {
			both, blank, stray, ok := g(procedure.GuardAtMost, "fine"), g(procedure.GuardAtLeast, "fine"), g(procedure.GuardPayload, "fine"), g(procedure.GuardAtMost, "fine")
			both.Value, both.Than, blank.Than, stray.Than, ok.Than = "200", "fine", " ", "fine", "fine"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, both, blank, stray, ok)
		}, []string{"transitions[1].guards[1].than", "transitions[1].guards[2].than", "transitions[1].guards[3].than"}},
		{"days_before in an unknown unit, or a negative number of working days", func(s *procedure.Spec) {
			weeks, negative, ok := g(procedure.GuardDaysBefore, "d"), g(procedure.GuardDaysBefore, "d"), g(procedure.GuardDaysBefore, "d")
			weeks.Value, negative.Value, ok.Value = "1 weeks", "-7 working_days", "7 working_days"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, weeks, negative, ok)
		}, []string{"transitions[1].guards[1].value", "transitions[1].guards[2].value"}},
		{"within a clock not defined, or a number of days that is not one", func(s *procedure.Spec) {
			ghost, negative, words, ok := g(procedure.GuardWithin, "ghost"), g(procedure.GuardWithin, "notice"), g(procedure.GuardWithin, "notice"), g(procedure.GuardWithin, "notice")
			ghost.Value, negative.Value, words.Value, ok.Value = "0", "-1", "same day", "0"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, ghost, negative, words, ok)
		}, []string{"transitions[1].guards[1].key", "transitions[1].guards[2].value", "transitions[1].guards[3].value"}},
		{"date_reached some days after, not a number of them", func(s *procedure.Spec) {
			negative, words, none, ok := g(procedure.GuardDateReached, "d"), g(procedure.GuardDateReached, "d"), g(procedure.GuardDateReached, "d"), g(procedure.GuardDateReached, "d")
			negative.Value, words.Value, ok.Value = "-1", "next day", "1"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, negative, words, none, ok)
		}, []string{"transitions[1].guards[1].value", "transitions[1].guards[2].value"}},
		{"in_period on a clock not defined, testing its own start, or On on another kind", func(s *procedure.Spec) {
			ghost, self, stray, ok := g(procedure.GuardInPeriod, "act"), g(procedure.GuardInPeriod, "act"), g(procedure.GuardPayload, "act"), g(procedure.GuardInPeriod, "act")
			ghost.Value, self.Value, self.On, stray.On, ok.Value, ok.On = "ghost", "notice", "act", "found", "notice", "found"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, ghost, self, stray, ok)
		}, []string{"transitions[1].guards[1].value", "transitions[1].guards[2].on", "transitions[1].guards[3].on"}},
		{"since_due from a clock not defined, or on one not defined", func(s *procedure.Spec) {
			ghostKey, ghostValue, ok := g(procedure.GuardSinceDue, "ghost"), g(procedure.GuardSinceDue, "notice"), g(procedure.GuardSinceDue, "notice")
			ghostKey.Value, ghostValue.Value, ok.Value = "notice", "ghost", "notice"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, ghostKey, ghostValue, ok)
		}, []string{"transitions[1].guards[1].key", "transitions[1].guards[2].value"}},
		{"outside_rest with a value, or a blank exception key", func(s *procedure.Spec) {
			valued, blank, none, ok := g(procedure.GuardOutsideRest, "urgency"), g(procedure.GuardOutsideRest, " "), g(procedure.GuardOutsideRest, ""), g(procedure.GuardOutsideRest, "urgency")
			valued.Value = "22:00"
			s.Transitions[1].Guards = append(s.Transitions[1].Guards, valued, blank, none, ok)
		}, []string{"transitions[1].guards[1].value", "transitions[1].guards[2].key"}},
		{"timeout without a transition or citation", func(s *procedure.Spec) {
			s.Timeouts = []procedure.Timeout{{Clock: "notice", States: []procedure.State{"open"}, Trigger: "start2"}}
		}, []string{"timeouts[0].citation", "timeouts[0].trigger"}},
		{"clock without a rule, and an unknown rule", func(s *procedure.Spec) {
			s.Clocks = append(s.Clocks, procedure.ClockSpec{Name: "a"}, procedure.ClockSpec{Name: "b", RuleID: "no-such-rule"})
		}, []string{"clocks[1]", "clocks[2].rule_id"}},
		{"an invalid citation", func(s *procedure.Spec) { s.Transitions[0].Citation = xiaoneng.Citation{Article: 3} }, []string{"transitions[0].citation"}},
		{"a window that times no step", func(s *procedure.Spec) { s.Clocks[0].Role = procedure.RoleWindow }, []string{"clocks[0].steps"}},
		{"steps on a limit", func(s *procedure.Spec) { s.Clocks[0].Steps = []procedure.Trigger{"finish"} }, []string{"clocks[0].steps"}},
		{"a window step that does not stop it", func(s *procedure.Spec) {
			s.Clocks[0].Role, s.Clocks[0].Steps = procedure.RoleWindow, []procedure.Trigger{"start", "finish"}
		}, []string{"clocks[0].steps[0]"}},
		{"no id and no names", func(s *procedure.Spec) { s.ID, s.Name = "", "" }, []string{"id", "name"}},
	} {
		s := tinySpec()
		tc.change(&s)
		d, err := procedure.New(s)
		if d != nil {
			t.Errorf("%s: a definition was built", tc.name)
		}
		got := defProblems(err)
		var paths []string
		for _, p := range got {
			paths = append(paths, p.Path)
			if !errors.Is(p, procedure.ErrInvalidDefinition) {
				t.Errorf("%s: %v does not wrap ErrInvalidDefinition", tc.name, p)
			}
		}
		if strings.Join(paths, " ") != strings.Join(tc.paths, " ") {
			t.Errorf("%s: problems at %q, want %q\n%v", tc.name, paths, tc.paths, err)
		}
	}
}

func TestExclusiveGuardsAccepted(t *testing.T) {
	s := tinySpec()
	ok := procedure.GuardSpec{Kind: procedure.GuardPayload, Key: "ok", Desc: "须确认", DescEN: "confirmed"}
	notOK := ok
	notOK.Not = true
	s.Transitions[1].Guards = []procedure.GuardSpec{ok}
	s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "open", Trigger: "finish", To: "done",
		Guards: []procedure.GuardSpec{notOK}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice"}},
		Citation: xiaoneng.Cite(xiaoneng.LicensingLaw, 32)})
	low := procedure.GuardSpec{Kind: procedure.GuardAtMost, Key: "fine", Value: "200", Desc: "不超过200元", DescEN: "at most 200"}
	high := procedure.GuardSpec{Kind: procedure.GuardAtLeast, Key: "fine", Value: "200.01", Desc: "超过200元", DescEN: "over 200"}
	s.Triggers = append(s.Triggers, procedure.TriggerSpec{ID: "fine", Name: "罚款", NameEN: "fine"})
	s.Transitions = append(s.Transitions,
		procedure.TransitionSpec{From: "open", Trigger: "fine", To: "done", Guards: []procedure.GuardSpec{low}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice", All: true}}, Citation: xiaoneng.Cite(xiaoneng.PenaltyLaw, 51)},
		procedure.TransitionSpec{From: "open", Trigger: "fine", To: "done", Guards: []procedure.GuardSpec{high}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice", All: true}}, Citation: xiaoneng.Cite(xiaoneng.PenaltyLaw, 57)},
	)
	// A fact absent excludes a value of it: not yet challenged, and
	// challenged by reconsideration.
	absent := procedure.GuardSpec{Kind: procedure.GuardFact, Key: "forum", Not: true, Desc: "未曾申请复议", DescEN: "not challenged"}
	valued := procedure.GuardSpec{Kind: procedure.GuardFact, Key: "forum", Value: "reconsideration", Desc: "已申请复议", DescEN: "reconsideration sought"}
	s.Triggers = append(s.Triggers, procedure.TriggerSpec{ID: "enforce", Name: "执行", NameEN: "enforce"})
	for _, gs := range []procedure.GuardSpec{absent, valued} {
		s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "open", Trigger: "enforce", To: "done", Guards: []procedure.GuardSpec{gs},
			Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice", All: true}}, Citation: xiaoneng.Cite(xiaoneng.CompulsionLaw, 53)})
	}
	if _, err := procedure.New(s); err != nil {
		t.Errorf("exclusive guards refused: %v", err)
	}
}

func TestParseDefinitionErrors(t *testing.T) {
	for _, tc := range []struct {
		name, json, path string
	}{
		{"syntax", `{"id": "x",,}`, "line 1, column 13"},
		{"type", `{"id": 3}`, "id"},
		{"unknown member", `{"id": "x", "colour": "red"}`, ""},
		{"trailing data", `{"id": "x"} {}`, ""},
	} {
		_, err := procedure.ParseDefinition([]byte(tc.json))
		var pe *procedure.Error
		if !errors.Is(err, procedure.ErrInvalidDefinition) || !errors.As(err, &pe) || pe.Path != tc.path {
			t.Errorf("%s: %v (path %q), want path %q", tc.name, err, pathOf(pe), tc.path)
		}
	}
	if _, err := procedure.Reference("no-such-procedure"); !errors.Is(err, procedure.ErrUnknownDefinition) {
		t.Errorf("unknown reference: %v", err)
	}
	if _, err := procedure.ReferenceJSON("../definitions/licensing"); !errors.Is(err, procedure.ErrUnknownDefinition) {
		t.Errorf("a path as a name: %v", err)
	}
}

func pathOf(e *procedure.Error) string {
	if e == nil {
		return "<nil>"
	}
	return e.Path
}

// FuzzParseDefinition feeds the reader arbitrary bytes, seeded with the
// reference definitions. It must never panic, and a definition it
// accepts must draw and run a case.
func FuzzParseDefinition(f *testing.F) {
	for _, name := range procedure.ReferenceNames() {
		data, _ := procedure.ReferenceJSON(name)
		f.Add(data)
	}
	tiny, _ := json.Marshal(tinySpec())
	f.Add(tiny)
	f.Add([]byte(`{"id":"x",,}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := procedure.ParseDefinition(data)
		if err != nil {
			if d != nil {
				t.Fatal("a definition and an error")
			}
			return
		}
		_ = d.DOT()
		_ = d.Mermaid()
		c := d.NewCase("F")
		for _, tr := range d.Spec().Triggers {
			_ = d.Fire(context.Background(), c, procedure.Event{Trigger: tr.ID, At: time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC), Actor: procedure.Actor{Officer: "a", Unit: "b"}})
		}
		if _, err := d.Advance(context.Background(), c, time.Date(2025, 6, 3, 10, 0, 0, 0, time.UTC)); err != nil && !errors.Is(err, procedure.ErrInvalidTransition) && !errors.Is(err, procedure.ErrInvalidEvent) {
			t.Fatalf("Advance: %v", err)
		}
	})
}

func TestFireRefusesBadEvents(t *testing.T) {
	d, err := procedure.New(tinySpec())
	if err != nil {
		t.Fatal(err)
	}
	other := licDefinition(t)
	ctx := context.Background()
	actor := procedure.Actor{Officer: "李", Unit: "窗口"}
	c := d.NewCase("T-1")
	at := time.Date(2025, 3, 3, 10, 0, 0, 0, deadline.ChinaStandardTime())
	if err := d.Fire(ctx, c, procedure.Event{Trigger: "start", At: at, Actor: actor}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		c    *procedure.Case
		e    procedure.Event
		want error
	}{
		{"no trigger", c, procedure.Event{At: at, Actor: actor}, procedure.ErrInvalidEvent},
		{"unknown trigger", c, procedure.Event{Trigger: "dance", At: at, Actor: actor}, procedure.ErrInvalidEvent},
		{"no instant", c, procedure.Event{Trigger: "finish", Actor: actor}, procedure.ErrInvalidEvent},
		{"no actor", c, procedure.Event{Trigger: "finish", At: at}, procedure.ErrInvalidEvent},
		{"no unit", c, procedure.Event{Trigger: "finish", At: at, Actor: procedure.Actor{Officer: "李"}}, procedure.ErrInvalidEvent},
		{"before the last event", c, procedure.Event{Trigger: "finish", At: at.Add(-time.Minute), Actor: actor, Payload: map[string]string{"ok": "1"}}, procedure.ErrInvalidEvent},
		{"an automatic event", c, procedure.Event{Trigger: "finish", At: at, Auto: true}, procedure.ErrInvalidEvent},
		{"a guard fails", c, procedure.Event{Trigger: "finish", At: at, Actor: actor}, procedure.ErrInvalidTransition},
		{"a clock already running", c, procedure.Event{Trigger: "start", At: at, Actor: actor}, procedure.ErrInvalidTransition},
		{"a case of another definition", other.NewCase("L"), procedure.Event{Trigger: "finish", At: at, Actor: actor}, procedure.ErrWrongDefinition},
		{"no case", nil, procedure.Event{Trigger: "finish", At: at, Actor: actor}, procedure.ErrWrongDefinition},
		{"a state the definition does not have", &procedure.Case{Definition: "tiny", Version: "1", State: "lost"}, procedure.Event{Trigger: "finish", At: at, Actor: actor}, procedure.ErrWrongDefinition},
	} {
		before := tc.c.Clone()
		err := d.Fire(ctx, tc.c, tc.e)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		var pe *procedure.Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: %T is not a *procedure.Error", tc.name, err)
		} else if tc.want == procedure.ErrInvalidTransition && tc.name == "a guard fails" && (pe.State != "open" || pe.Trigger != "finish" || len(pe.Unmet) != 1) {
			t.Errorf("%s: fields %+v", tc.name, pe)
		}
		if tc.c != nil && len(tc.c.Events) != len(before.Events) {
			t.Errorf("%s: the case changed", tc.name)
		}
	}
}

func TestGoGuard(t *testing.T) {
	s := tinySpec()
	s.Transitions[1].Guards = append(s.Transitions[1].Guards, procedure.GuardSpec{Kind: procedure.GuardCustom, Key: "weekday", Desc: "工作日办结", DescEN: "finished on a working day"})
	weekday := func(_ context.Context, v procedure.View) bool {
		ok, err := deadline.ChinaMainland().IsWorkingDay(deadline.DateOf(v.Event().At))
		return err == nil && ok && v.State() == "open" && v.CaseID() != "" && v.Fact("none") == "" &&
			len(v.Events()) == 1 && v.Events()[0].Trigger == "start"
	}
	d, err := procedure.New(s, procedure.WithGuard("weekday", weekday))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := d.NewCase("G-1")
	actor := procedure.Actor{Officer: "李", Unit: "窗口"}
	sat := time.Date(2025, 10, 4, 10, 0, 0, 0, deadline.ChinaStandardTime())
	_ = d.Fire(ctx, c, procedure.Event{Trigger: "start", At: sat, Actor: actor})
	err = d.Fire(ctx, c, procedure.Event{Trigger: "finish", At: sat, Actor: actor, Payload: map[string]string{"ok": "1"}})
	var pe *procedure.Error
	if !errors.As(err, &pe) || len(pe.Unmet) != 1 || !strings.Contains(pe.Unmet[0], "工作日办结") {
		t.Fatalf("a holiday finish: %v", err)
	}
	if err := d.Fire(ctx, c, procedure.Event{Trigger: "finish", At: sat.AddDate(0, 0, 5), Actor: actor, Payload: map[string]string{"ok": "1"}}); err != nil {
		t.Fatalf("a working-day finish: %v", err)
	}
	if _, err := procedure.New(s, procedure.WithGuard("weekday", nil)); !errors.Is(err, procedure.ErrInvalidDefinition) {
		t.Errorf("a nil guard: %v", err)
	}
}

// TestGoGuardReplayed: Replay asks a Go guard again, with the state the
// event found, as Fire did, and a refused event's error names that state.
func TestGoGuardReplayed(t *testing.T) {
	s := tinySpec()
	s.States = append(s.States, procedure.StateSpec{ID: "working", Name: "承办中", NameEN: "working"})
	s.Transitions[0].To = "working"
	s.Transitions[1].From = "working"
	s.Transitions[1].Guards = append(s.Transitions[1].Guards, procedure.GuardSpec{Kind: procedure.GuardCustom, Key: "working", Desc: "承办中方可办结", DescEN: "finished while working"})
	var seen []procedure.State
	working := func(_ context.Context, v procedure.View) bool {
		seen = append(seen, v.State())
		return v.Payload("late") == ""
	}
	d, err := procedure.New(s, procedure.WithGuard("working", working))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2025, 10, 9, 10, 0, 0, 0, deadline.ChinaStandardTime())
	actor := procedure.Actor{Officer: "李", Unit: "窗口"}
	finish := procedure.Event{Trigger: "finish", At: at, Actor: actor, Payload: map[string]string{"ok": "1"}}
	c := d.NewCase("G-2")
	for _, e := range []procedure.Event{{Trigger: "start", At: at, Actor: actor}, finish} {
		if err := d.Fire(ctx, c, e); err != nil {
			t.Fatal(err)
		}
	}
	r, err := d.Replay(ctx, "G-2", c.Events)
	if err != nil || !cmp.Equal(r, c) {
		t.Fatalf("replayed: %v\n%s", err, cmp.Diff(c, r))
	}
	if want := []procedure.State{"working", "working"}; !slices.Equal(seen, want) {
		t.Fatalf("the guard saw states %v, want %v", seen, want)
	}
	late := finish
	late.Payload = map[string]string{"ok": "1", "late": "1"}
	_, err = d.Replay(ctx, "G-2", []procedure.Event{c.Events[0], late})
	var pe *procedure.Error
	if !errors.As(err, &pe) || pe.State != "working" || len(pe.Unmet) != 1 || pe.Path != "events[1]" {
		t.Fatalf("a refused finish replayed: %v", err)
	}
}

// TestGoGuardPanics: a Go guard is the caller's code, and a panic in it
// refuses the event, in Fire and in Replay alike, with an error wrapping
// ErrInvalidDefinition that quotes the panic; the case and the log given
// to Replay stay as they were.
func TestGoGuardPanics(t *testing.T) {
	s := tinySpec()
	s.Transitions[1].Guards = append(s.Transitions[1].Guards, procedure.GuardSpec{Kind: procedure.GuardCustom, Key: "boom", Desc: "复核", DescEN: "checked"})
	d, err := procedure.New(s, procedure.WithGuard("boom", func(_ context.Context, v procedure.View) bool {
		if v.Payload("boom") != "" {
			panic("guard failed on " + v.Payload("boom"))
		}
		return true
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2025, 10, 9, 10, 0, 0, 0, deadline.ChinaStandardTime())
	actor := procedure.Actor{Officer: "李", Unit: "窗口"}
	start := procedure.Event{Trigger: "start", At: at, Actor: actor}
	boom := procedure.Event{Trigger: "finish", At: at, Actor: actor, Payload: map[string]string{"ok": "1", "boom": "X-1"}}
	c := d.NewCase("G-3")
	if err := d.Fire(ctx, c, start); err != nil {
		t.Fatal(err)
	}
	before := c.Clone()
	err = d.Fire(ctx, c, boom)
	if !errors.Is(err, procedure.ErrInvalidDefinition) || !strings.Contains(err.Error(), "guard failed on X-1") {
		t.Fatalf("Fire: %v", err)
	}
	if diff := cmp.Diff(before, c); diff != "" {
		t.Fatalf("Fire changed the case:\n%s", diff)
	}
	log := []procedure.Event{start, boom}
	kept := slices.Clone(log)
	r, err := d.Replay(ctx, "G-3", log)
	var pe *procedure.Error
	if r != nil || !errors.As(err, &pe) || !errors.Is(err, procedure.ErrInvalidDefinition) || pe.Path != "events[1]" || pe.State != "open" ||
		!strings.Contains(err.Error(), "guard failed on X-1") {
		t.Fatalf("Replay: %v, %v", r, err)
	}
	if diff := cmp.Diff(kept, log); diff != "" {
		t.Fatalf("Replay changed its log:\n%s", diff)
	}
	// The guard that did not panic lets the same step through.
	delete(boom.Payload, "boom")
	if err := d.Fire(ctx, c, boom); err != nil || c.State != "done" {
		t.Fatalf("Fire without the panic: %v, %s", err, c.State)
	}
}

// TestZeroView: the zero View, which a caller may build to test a guard
// of its own, and a nil case answer with zero values rather than panic.
func TestZeroView(t *testing.T) {
	var v procedure.View
	if v.CaseID() != "" || v.State() != "" || v.Payload("k") != "" || v.Fact("k") != "" || v.Events() != nil || !cmp.Equal(v.Event(), procedure.Event{}) {
		t.Error("the zero View sees something")
	}
	if st, ok := v.Clock("notice"); ok || st != (deadline.Status{}) {
		t.Errorf("the zero View sees clock status %+v", st)
	}
	var c *procedure.Case
	if clk, ok := c.Clock("notice"); ok || !clk.IsZero() {
		t.Error("a nil case has a clock")
	}
}

func TestWithRulePromisedLimit(t *testing.T) {
	promised, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	promised.ID, promised.Name, promised.Period.N = "county-promise", "承诺办结时限", 10
	d, err := procedure.Reference("licensing", procedure.WithRule("decision", promised))
	if err != nil {
		t.Fatal(err)
	}
	c := licRun(t, d, []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	})
	if st := licDue(t, d, c, deadline.DateOf(licAt(2025, 9, 26)))["decision"]; st.Due != deadline.DateOf(licAt(2025, 10, 16)) {
		t.Errorf("promised limit due %s, want 2025-10-16 (28, 29, 30 Sep; 9, 10, 11, 13–16 Oct)", st.Due)
	}
	if _, err := procedure.Reference("licensing", procedure.WithRule("ghost", promised)); !errors.Is(err, procedure.ErrInvalidDefinition) {
		t.Errorf("a rule for an undeclared clock: %v", err)
	}
}

// TestWithRuleWithoutExtension: a period another law sets in place of
// 行政许可法 Art 42 ¶1's twenty days (建筑法 Art 8 ¶2: seven days) comes
// without Art 42's ten-day extension. The licensing definition runs on it
// all the same, and its extend step is refused when fired, leaving the
// case as it was. A rule that allows a shorter extension than a step asks
// for is refused likewise; the spec's own rule is held to its steps when
// the definition is built.
func TestWithRuleWithoutExtension(t *testing.T) {
	permit, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	permit.ID, permit.Name, permit.Period = "construction-permit", "施工许可证核发", deadline.Period{N: 7, Unit: deadline.Days}
	permit.Extension = deadline.Extension{}
	permit.Citations = []xiaoneng.Citation{xiaoneng.Cite("建筑法", 8, 2)}
	d, err := procedure.Reference("licensing", procedure.WithRule("decision", permit))
	if err != nil {
		t.Fatal(err)
	}
	c := licRun(t, d, []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	})
	before := c.Clone()
	err = d.Fire(t.Context(), c, procedure.Event{Trigger: "extend", At: licAt(2025, 9, 29), Actor: licClerk,
		Payload: map[string]string{"reasons": "需现场核查", "approver": "局长"}})
	if !errors.Is(err, procedure.ErrInvalidTransition) || !errors.Is(err, deadline.ErrExtensionRefused) {
		t.Errorf("extending a limit that allows none: %v", err)
	}
	if diff := cmp.Diff(before, c); diff != "" {
		t.Errorf("the refused extension changed the case:\n%s", diff)
	}

	// Five working days where the step asks for ten.
	short, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	short.ID, short.Extension.Max = "short-extension", 5
	d, err = procedure.Reference("licensing", procedure.WithRule("decision", short))
	if err != nil {
		t.Fatal(err)
	}
	c = licRun(t, d, []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	})
	err = d.Fire(t.Context(), c, procedure.Event{Trigger: "extend", At: licAt(2025, 9, 29), Actor: licClerk,
		Payload: map[string]string{"reasons": "需现场核查", "approver": "局长"}})
	if !errors.Is(err, deadline.ErrExtensionRefused) {
		t.Errorf("ten days on a rule allowing five: %v", err)
	}

	// The spec's own rule must allow the extensions its steps make.
	spec := d.Spec()
	none := permit
	none.ID = "no-extension"
	for i := range spec.Clocks {
		if spec.Clocks[i].Name == "decision" {
			spec.Clocks[i].RuleID, spec.Clocks[i].Rule = "", &none
		}
	}
	_, err = procedure.New(spec)
	if !slices.ContainsFunc(defProblems(err), func(pe *procedure.Error) bool {
		return errors.Is(pe, procedure.ErrInvalidDefinition) && strings.Contains(pe.Detail, "allows no extension")
	}) {
		t.Errorf("a spec whose own rule allows no extension its step makes: %v", err)
	}
}

// TestDiagramsGolden keeps the DOT and Mermaid drawings of every
// reference definition in testdata; run with -update to rewrite them.
func TestDiagramsGolden(t *testing.T) {
	for _, name := range procedure.ReferenceNames() {
		d, err := procedure.Reference(name)
		if err != nil {
			t.Fatal(err)
		}
		for ext, text := range map[string]string{".dot": d.DOT(), ".mmd": d.Mermaid()} {
			path := filepath.Join("testdata", "diagrams", name+ext)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./procedure -run TestDiagramsGolden -update)", err)
			}
			if string(want) != text {
				t.Errorf("%s differs from the definition; run with -update and review the change", path)
			}
		}
	}
}

// TestConcurrentCases fires events on many cases of one definition from
// many goroutines; run with -race.
func TestConcurrentCases(t *testing.T) {
	d := licDefinition(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Go(func() {
			ctx := context.Background()
			for i := range 20 {
				c := d.NewCase("C")
				start := licAt(2025, 3, 3).Add(time.Duration(g*20+i) * time.Hour)
				steps := []procedure.Event{
					{Trigger: "receive", At: start, Actor: licClerk, Payload: map[string]string{"voucher": "收件"}},
					{Trigger: "accept", At: start.Add(time.Hour), Actor: licClerk, Payload: licVoucher},
					{Trigger: "grant", At: start.Add(48 * time.Hour), Actor: licClerk},
					{Trigger: "grant", At: start.Add(49 * time.Hour), Actor: licClerk, Payload: licGrant},
				}
				for j, e := range steps {
					err := d.Fire(ctx, c, e)
					// The third event lacks the decision and must fail, with
					// this case's own state; the others must pass.
					if (j == 2) != (err != nil) {
						errs <- err
						return
					}
					var pe *procedure.Error
					if j == 2 && (!errors.As(err, &pe) || pe.State != "accepted" || pe.Trigger != "grant") {
						errs <- err
						return
					}
				}
				if c.State != "granted" {
					errs <- errors.New("case ended in " + string(c.State))
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestGuardsThatBothHoldAreRefused: two transitions on one trigger whose
// guards the validation found exclusive (a Go guard and its negation) but
// which both hold — a Go guard that answers differently when asked twice —
// are refused alike by Fire and by Replay, never resolved by order.
func TestGuardsThatBothHoldAreRefused(t *testing.T) {
	s := tinySpec()
	g := procedure.GuardSpec{Kind: procedure.GuardCustom, Key: "flip", Desc: "须", DescEN: "must"}
	not := g
	not.Not = true
	s.Transitions[1].Guards = []procedure.GuardSpec{g}
	s.Transitions = append(s.Transitions, procedure.TransitionSpec{From: "open", Trigger: "finish", To: "done",
		Guards: []procedure.GuardSpec{not}, Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "notice"}}})
	var calls atomic.Int64
	flip := func(context.Context, procedure.View) bool { return calls.Add(1)%2 == 1 }
	d, err := procedure.New(s, procedure.WithGuard("flip", flip))
	if err != nil {
		t.Fatal(err)
	}
	actor := procedure.Actor{Officer: "王敏", Unit: "审批局"}
	events := []procedure.Event{
		{Trigger: "start", At: time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC), Actor: actor},
		{Trigger: "finish", At: time.Date(2025, 9, 2, 9, 0, 0, 0, time.UTC), Actor: actor},
	}
	c := d.NewCase("T-1")
	if err := d.Fire(context.Background(), c, events[0]); err != nil {
		t.Fatal(err)
	}
	if err := d.Fire(context.Background(), c, events[1]); !errors.Is(err, procedure.ErrInvalidDefinition) {
		t.Errorf("Fire: %v", err)
	}
	calls.Store(0)
	_, err = d.Replay(context.Background(), "T-1", events)
	var pe *procedure.Error
	if !errors.Is(err, procedure.ErrInvalidDefinition) || !errors.As(err, &pe) {
		t.Fatalf("Replay: %v", err)
	}
	if i, ok := pe.Event(); !ok || i != 1 || pe.Path != "events[1]" {
		t.Errorf("Replay names event %d (%v), path %q", i, ok, pe.Path)
	}
	if _, ok := (&procedure.Error{}).Event(); ok {
		t.Error("an error about no event names one")
	}
}
