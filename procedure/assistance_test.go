package procedure_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The helpers prefixed sc (scenario) are shared by the statute tests of
// the joint-licensing, complaint, assistance and major-decision
// definitions.

// scAt is hh:00 China Standard Time on the given day.
func scAt(y int, m time.Month, d, hh int) time.Time {
	return time.Date(y, m, d, hh, 0, 0, 0, deadline.ChinaStandardTime())
}

// scStep is one event of a scenario and what must follow: the state
// after it, or its refusal with the sentinel err and the guards, named
// by their keys, that it reports unmet (none when the definition has no
// step at all from the state on the trigger).
type scStep struct {
	trigger procedure.Trigger
	at      time.Time
	payload map[string]string
	state   procedure.State
	err     error
	unmet   []string
}

// scRun fires the steps on a new case and checks each outcome; a refused
// step must leave the case unchanged and name the state and trigger.
func scRun(t *testing.T, d *procedure.Definition, actor procedure.Actor, steps []scStep) *procedure.Case {
	t.Helper()
	ctx := context.Background()
	c := d.NewCase("CASE-1")
	for i, s := range steps {
		before := c.Clone()
		err := d.Fire(ctx, c, procedure.Event{Trigger: s.trigger, At: s.at, Actor: actor, Reason: "依法办理", Payload: s.payload})
		if s.err == nil {
			if err != nil || c.State != s.state {
				t.Fatalf("step %d (%s): state %s, error %v; want %s", i, s.trigger, c.State, err, s.state)
			}
			continue
		}
		var pe *procedure.Error
		if !errors.Is(err, s.err) || !errors.As(err, &pe) {
			t.Fatalf("step %d (%s): error %v, want %v", i, s.trigger, err, s.err)
		}
		if pe.State != before.State || pe.Trigger != s.trigger {
			t.Errorf("step %d (%s): error names state %s, trigger %s", i, s.trigger, pe.State, pe.Trigger)
		}
		if errors.Is(s.err, procedure.ErrInvalidTransition) {
			scCheckUnmet(t, d, before.State, s.trigger, s.unmet, pe.Unmet, i)
		}
		if diff := cmp.Diff(before, c); diff != "" {
			t.Fatalf("step %d (%s): a refused event changed the case:\n%s", i, s.trigger, diff)
		}
	}
	return c
}

// scCheckUnmet checks that the unmet guards reported are exactly those
// with the given keys among the steps from state on trigger, each
// matched by its words (Desc) as the definition states them.
func scCheckUnmet(t *testing.T, d *procedure.Definition, from procedure.State, trigger procedure.Trigger, keys, got []string, step int) {
	t.Helper()
	pool := slices.Clone(got)
	for _, key := range keys {
		var descs []string
		for _, tr := range d.Transitions(from) {
			if tr.Trigger != trigger {
				continue
			}
			for _, g := range tr.Guards {
				if g.Key == key {
					descs = append(descs, g.Desc)
				}
			}
		}
		i := slices.IndexFunc(pool, func(u string) bool {
			return slices.ContainsFunc(descs, func(desc string) bool { return strings.HasPrefix(u, desc) })
		})
		if len(descs) == 0 || i < 0 {
			t.Errorf("step %d (%s from %s): guard %q not reported unmet; unmet: %q", step, trigger, from, key, got)
			continue
		}
		pool = slices.Delete(pool, i, i+1)
	}
	if len(pool) > 0 {
		t.Errorf("step %d (%s from %s): unexpected unmet guards %q", step, trigger, from, pool)
	}
}

// scDue returns the running clocks of a case as of a day, by instance
// name.
func scDue(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date) map[string]procedure.ClockStatus {
	t.Helper()
	due, err := d.Due(c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]procedure.ClockStatus{}
	for _, s := range due {
		out[s.Name] = s
	}
	return out
}

// scWantDue checks the due dates of the running clocks as of a day:
// exactly the clocks named, each due on its day.
func scWantDue(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date, want map[string]date.Date) {
	t.Helper()
	got := map[string]date.Date{}
	for name, s := range scDue(t, d, c, asOf) {
		got[name] = s.Due
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("due dates as of %s (-want +got):\n%s", asOf, diff)
	}
}

// scReplay checks that replaying the case's events rebuilds it exactly.
func scReplay(t *testing.T, d *procedure.Definition, c *procedure.Case) {
	t.Helper()
	replayed, err := d.Replay(context.Background(), c.ID, c.Events)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	if diff := cmp.Diff(c, replayed); diff != "" {
		t.Errorf("replay differs (-live +replay):\n%s", diff)
	}
}

// scReference builds a reference definition or fails the test.
func scReference(t testing.TB, name string, opts ...procedure.Option) *procedure.Definition {
	t.Helper()
	d, err := procedure.Reference(name, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var astOfficer = procedure.Actor{Officer: "陈立", Unit: "市场监管局法规科"}

var (
	astRequest = map[string]string{"case_ref": "市监处罚〔2025〕88号", "requested_agency": "市公安局", "matter": "协查当事人身份信息"}
	astAgree   = map[string]string{"reply": "同意协助的复函", "complete_by": "2025-10-31"}
	astRefuse  = map[string]string{"ground": "协助事项不属于本机关职权范围", "reasons": "复函说明理由"}
)

// TestAssistanceStatute walks an assistance request (行政处罚法 Art 26)
// on the 2025 calendar. Art 26 makes assistance within the requested
// agency's powers a duty but fixes no time limit and no form of refusal:
// the 5-working-day answer limit and the written reasons are agency
// data, replaceable with WithRule.
func TestAssistanceStatute(t *testing.T) {
	d := scReference(t, "assistance")
	requested := scAt(2025, 9, 29, 10) // Monday before the National Day break

	tests := []struct {
		name  string
		steps []scStep
		// asOf and due: the running clocks and their due dates.
		asOf date.Date
		due  map[string]date.Date
		// red names the clock that is overdue as of asOf, if any.
		red   string
		facts map[string]string
	}{
		{
			name: "Art 26: request on 29 Sep, answered in time and assisted by the date agreed",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
				{trigger: "agree", at: scAt(2025, 10, 10, 9), payload: astAgree, state: "assisting"},
			},
			asOf: date.New(2025, 10, 10),
			due:  map[string]date.Date{"completion": date.New(2025, 10, 31)},
		},
		{
			name: "Art 26 with the default answer limit: 5 working days across the National Day break, due 13 Oct (11 Oct is a make-up working Saturday)",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
			},
			asOf: date.New(2025, 9, 29),
			due:  map[string]date.Date{"answer": date.New(2025, 10, 13)},
		},
		{
			name: "no answer by 13 Oct: red on 14 Oct",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
			},
			asOf: date.New(2025, 10, 14),
			due:  map[string]date.Date{"answer": date.New(2025, 10, 13)},
			red:  "answer",
		},
		{
			name: "Art 26: a request must serve a penalty case and name the matter",
			steps: []scStep{
				{trigger: "request", at: requested, payload: map[string]string{"requested_agency": "市公安局"}, err: procedure.ErrInvalidTransition, unmet: []string{"case_ref", "matter"}},
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
			},
			asOf: date.New(2025, 9, 29),
			due:  map[string]date.Date{"answer": date.New(2025, 10, 13)},
		},
		{
			name: "Art 26: refusal states its ground, and reasons in writing (agency rule)",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
				{trigger: "refuse", at: scAt(2025, 9, 30, 9), payload: map[string]string{"ground": "不属于本机关职权范围"}, err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
				{trigger: "refuse", at: scAt(2025, 9, 30, 9), payload: map[string]string{"reasons": "复函"}, err: procedure.ErrInvalidTransition, unmet: []string{"ground"}},
				{trigger: "refuse", at: scAt(2025, 9, 30, 9), payload: astRefuse, state: "refused"},
				{trigger: "agree", at: scAt(2025, 9, 30, 10), payload: astAgree, err: procedure.ErrInvalidTransition},
			},
			asOf:  date.New(2025, 9, 30),
			due:   map[string]date.Date{},
			facts: map[string]string{"case_ref": "市监处罚〔2025〕88号", "requested_agency": "市公安局", "matter": "协查当事人身份信息", "ground": "协助事项不属于本机关职权范围"},
		},
		{
			name: "Art 26: assistance completed and reported; a completion date before the answer is refused",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
				{trigger: "agree", at: scAt(2025, 10, 10, 9), payload: map[string]string{"reply": "复函"}, err: procedure.ErrInvalidTransition, unmet: []string{"complete_by"}},
				{trigger: "agree", at: scAt(2025, 10, 10, 9), payload: map[string]string{"reply": "复函", "complete_by": "2025-10-09"}, err: procedure.ErrInvalidEvent},
				{trigger: "agree", at: scAt(2025, 10, 10, 9), payload: astAgree, state: "assisting"},
				{trigger: "complete", at: scAt(2025, 10, 30, 9), payload: map[string]string{"result": "已提供身份信息"}, state: "completed"},
			},
			asOf: date.New(2025, 10, 30),
			due:  map[string]date.Date{},
		},
		{
			name: "the requesting agency withdraws; nothing is left running",
			steps: []scStep{
				{trigger: "request", at: requested, payload: astRequest, state: "requested"},
				{trigger: "withdraw", at: scAt(2025, 9, 30, 9), payload: map[string]string{"reasons": "当事人已主动提供"}, state: "withdrawn"},
				{trigger: "complete", at: scAt(2025, 9, 30, 10), payload: map[string]string{"result": "x"}, err: procedure.ErrInvalidTransition},
			},
			asOf: date.New(2025, 9, 30),
			due:  map[string]date.Date{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scRun(t, d, astOfficer, tc.steps)
			scWantDue(t, d, c, tc.asOf, tc.due)
			for name, s := range scDue(t, d, c, tc.asOf) {
				if red := s.Light == deadline.LevelRed; red != (name == tc.red) {
					t.Errorf("clock %s: level %v as of %s", name, s.Light, tc.asOf)
				}
			}
			if tc.facts != nil {
				if diff := cmp.Diff(tc.facts, c.Facts); diff != "" {
					t.Errorf("facts (-want +got):\n%s", diff)
				}
			}
			scReplay(t, d, c)
		})
	}
}

// TestAssistanceAgencyLimit shows that the answer limit is agency data:
// an agency that promises 3 working days replaces the default rule.
func TestAssistanceAgencyLimit(t *testing.T) {
	promised := deadline.Rule{
		ID: "assistance-answer-3", Name: "答复协助请求（本机关承诺3个工作日）",
		Period:    deadline.Period{N: 3, Unit: deadline.WorkingDays},
		Citations: []xiaoneng.Citation{{Law: "某市行政执法协助办法"}},
	}
	d := scReference(t, "assistance", procedure.WithRule("answer", promised))
	c := scRun(t, d, astOfficer, []scStep{
		{trigger: "request", at: scAt(2025, 9, 29, 10), payload: astRequest, state: "requested"},
	})
	// 30 Sep (1), 1–8 Oct off, 9 Oct (2), 10 Oct (3).
	scWantDue(t, d, c, date.New(2025, 9, 29), map[string]date.Date{"answer": date.New(2025, 10, 10)})
	if got := scDue(t, d, c, date.New(2025, 9, 29))["answer"].Citation; got != promised.Citations[0] {
		t.Errorf("the clock cites %v, want the agency's own measure", got)
	}
}
