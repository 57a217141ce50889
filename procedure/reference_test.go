package procedure_test

import (
	"context"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestReferenceDefinitionsComplete checks every reference definition for
// what the law and the readers of its diagrams need: names in Chinese and
// English, a valid citation on every step and automatic outcome, a basis.
func TestReferenceDefinitionsComplete(t *testing.T) {
	names := procedure.ReferenceNames()
	if len(names) != 8 {
		t.Errorf("%d reference definitions, want 8: %v", len(names), names)
	}
	for _, name := range names {
		d, err := procedure.Reference(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := d.Spec()
		if len(s.Basis) == 0 {
			t.Errorf("%s: no basis", name)
		}
		for _, st := range s.States {
			if st.Name == "" || st.NameEN == "" {
				t.Errorf("%s: state %s lacks a name", name, st.ID)
			}
		}
		for _, tr := range s.Triggers {
			if tr.Name == "" || tr.NameEN == "" {
				t.Errorf("%s: trigger %s lacks a name", name, tr.ID)
			}
		}
		for i, tr := range s.Transitions {
			if tr.Citation.IsZero() || tr.Citation.Validate() != nil || tr.Citation.Article == 0 {
				t.Errorf("%s: transitions[%d] %s -%s-> %s cites %q", name, i, tr.From, tr.Trigger, tr.To, tr.Citation)
			}
		}
		for i, to := range s.Timeouts {
			if to.Citation.Article == 0 {
				t.Errorf("%s: timeouts[%d] cites no article", name, i)
			}
		}
	}
}

// TestDisclosureReplyWaitsForCorrection: 政府信息公开条例 Art 30 counts the
// reply from receipt of the corrected request, so the reply clock waits
// while the applicant corrects and then starts afresh.
func TestDisclosureReplyWaitsForCorrection(t *testing.T) {
	d, err := procedure.Reference("disclosure")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := d.NewCase("GK-1")
	fire := func(trigger procedure.Trigger, y, m, day int, payload map[string]string) {
		t.Helper()
		at := licAt(y, time.Month(m), day)
		if err := d.Fire(ctx, c, procedure.Event{Trigger: trigger, At: at, Actor: licClerk, Reason: "办理", Payload: payload}); err != nil {
			t.Fatalf("%s: %v", trigger, err)
		}
	}
	fire("receive", 2025, 9, 25, map[string]string{"channel": "in_person"})
	fire("request_correction", 2025, 9, 30, map[string]string{"items": "所需信息的名称", "correct_by": "2025-10-31"})
	due := licDue(t, d, c, date.New(2025, 10, 30))
	if st := due["reply"]; !st.Paused || st.Overdue != 0 {
		t.Errorf("while the applicant corrects the reply clock is %+v; want paused, not overdue", st)
	}
	fire("correct", 2025, 10, 20, map[string]string{"corrected": "补正申请"})
	// Twenty working days from 20 October 2025: 21–24, 27–31 October,
	// 3–7, 10–14 and 17 November.
	if st := licDue(t, d, c, date.New(2025, 10, 20))["reply"]; st.Paused || st.Started != date.New(2025, 10, 20) || st.Due != date.New(2025, 11, 17) {
		t.Errorf("after the correction the reply clock is %+v; want restarted on 2025-10-20, due 2025-11-17", st)
	}
}
