package procedure_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var cpOfficer = procedure.Actor{Officer: "林静", Unit: "市效能投诉中心"}

var (
	cpComplaint = map[string]string{"matter": "窗口人员推诿，营业执照变更逾期未办", "address": "福州市鼓楼区某路1号"}
	cpAssign    = map[string]string{"handler": "区市场监管局", "report_by": "2025-11-20"}
	cpConclude  = map[string]string{"opinion": "处理意见书：投诉属实，责令整改", "reply": "书面答复", "result": "支持"}
)

// cpRegistered is the start of most scenarios: a complaint registered on
// Monday 22 September 2025. Routing (信访工作条例 Art 22 ¶1) and the
// written notice (Art 23 ¶2) each have 15 days: the 15th day, 7 October,
// falls in the National Day break (1–8 Oct), so both end on Thursday 9
// October.
var cpRegistered = []scStep{
	{trigger: "register", at: scAt(2025, 9, 22, 10), payload: cpComplaint, state: "registered"},
}

func cpSteps(more ...scStep) []scStep { return append(append([]scStep(nil), cpRegistered...), more...) }

// cpInvestigating: notified on 24 Sep; assigned on Friday 26 Sep to the
// district market regulator with a report due 20 Nov (its 5 working days
// to object: 28, 29, 30 Sep, 9, 10 Oct); taken up on Thursday 9 Oct, so
// handled within 60 days (Art 34): 8 December 2025, a Monday.
var cpInvestigating = cpSteps(
	scStep{trigger: "notify", at: scAt(2025, 9, 24, 10), payload: map[string]string{"notice": "受理告知书"}, state: "registered"},
	scStep{trigger: "assign", at: scAt(2025, 9, 26, 10), payload: cpAssign, state: "transferred"},
	scStep{trigger: "accept_case", at: scAt(2025, 10, 9, 10), payload: map[string]string{"accepted_by": "区市场监管局 张伟"}, state: "investigating"},
)

func cpInvestigatingThen(more ...scStep) []scStep {
	return append(append([]scStep(nil), cpInvestigating...), more...)
}

// TestComplaintStatute walks an efficiency complaint — 登记, 转办/交办,
// 查办, 催办, 办结 with a written reply, 回访 — on the 2025/2026 calendar,
// with the limits of 信访工作条例 (2022) and the agency's follow-up limit.
func TestComplaintStatute(t *testing.T) {
	d := scReference(t, "complaint")

	tests := []struct {
		name  string
		steps []scStep
		asOf  date.Date
		due   map[string]date.Date
		facts map[string]string
	}{
		{
			name:  "Art 22 ¶1, Art 23 ¶2: registered 22 Sep 2025; route and notify within 15 days, rolled past the National Day break to 9 Oct",
			steps: cpRegistered,
			asOf:  date.New(2025, 9, 22),
			due:   map[string]date.Date{"routing": date.New(2025, 10, 9), "notice": date.New(2025, 10, 9)},
		},
		{
			name: "Art 19 ¶1: the complaint's request, facts and reasons are recorded; Art 23 ¶2: an unknown address needs no notice",
			steps: []scStep{
				// With no address given, the registration meant is the one
				// for an unknown address: it fails on the matter alone.
				{trigger: "register", at: scAt(2025, 9, 22, 10), err: procedure.ErrInvalidTransition, unmet: []string{"matter"}},
				{trigger: "register", at: scAt(2025, 9, 22, 10), payload: map[string]string{"matter": "匿名反映窗口态度"}, state: "registered"},
				// No notice clock runs: the guard that one must is unmet.
				{trigger: "notify", at: scAt(2025, 9, 23, 10), payload: map[string]string{"notice": "告知书"}, err: procedure.ErrInvalidTransition, unmet: []string{"notice"}},
			},
			asOf:  date.New(2025, 9, 23),
			due:   map[string]date.Date{"routing": date.New(2025, 10, 9)},
			facts: map[string]string{"matter": "匿名反映窗口态度", "address_unknown": "true"},
		},
		{
			name: "Art 22 ¶1(3): assigned with a deadline to report back; Art 23 ¶3: 5 working days to object",
			steps: cpSteps(
				scStep{trigger: "assign", at: scAt(2025, 9, 26, 10), payload: map[string]string{"handler": "区市场监管局"}, err: procedure.ErrInvalidTransition, unmet: []string{"report_by"}},
				scStep{trigger: "assign", at: scAt(2025, 9, 26, 10), payload: cpAssign, state: "transferred"},
			),
			asOf: date.New(2025, 9, 26),
			due: map[string]date.Date{
				"notice":    date.New(2025, 10, 9),
				"objection": date.New(2025, 10, 10),
				"report":    date.New(2025, 11, 20),
			},
		},
		{
			name:  "Art 34: taken up 9 Oct, to be concluded by 8 Dec; the report to the assigning office is due 20 Nov",
			steps: cpInvestigating,
			asOf:  date.New(2025, 10, 9),
			due:   map[string]date.Date{"handling": date.New(2025, 12, 8), "report": date.New(2025, 11, 20)},
		},
		{
			name: "Art 40 ¶1: urged after the report date passed; Art 34: one extension of 30 days with the head's approval and the reasons told, to 7 Jan 2026",
			steps: cpInvestigatingThen(
				scStep{trigger: "urge", at: scAt(2025, 11, 21, 10), payload: map[string]string{"urging_notice": "催办单第12号"}, state: "investigating"},
				scStep{trigger: "extend", at: scAt(2025, 12, 1, 10), payload: map[string]string{"reasons": "涉及多部门", "units": "30"}, err: procedure.ErrInvalidTransition, unmet: []string{"approver"}},
				scStep{trigger: "extend", at: scAt(2025, 12, 1, 10), payload: map[string]string{"approver": "局长", "units": "30"}, err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
				scStep{trigger: "extend", at: scAt(2025, 12, 1, 10), payload: map[string]string{"approver": "局长", "reasons": "涉及多部门", "units": "31"}, err: procedure.ErrInvalidTransition},
				scStep{trigger: "extend", at: scAt(2025, 12, 1, 10), payload: map[string]string{"approver": "局长", "reasons": "涉及多部门", "units": "30"}, state: "investigating"},
				scStep{trigger: "extend", at: scAt(2025, 12, 2, 10), payload: map[string]string{"approver": "局长", "reasons": "再延", "units": "5"}, err: procedure.ErrInvalidTransition},
			),
			asOf:  date.New(2025, 12, 1),
			due:   map[string]date.Date{"handling": date.New(2026, 1, 7), "report": date.New(2025, 11, 20)},
			facts: map[string]string{"matter": cpComplaint["matter"], "handler": "区市场监管局", "report_by": "2025-11-20", "assigned": "true", "accepted_by": "区市场监管局 张伟", "urged": "true"},
		},
		{
			name: "Art 32 ¶1, Art 34: concluded 19 Dec with a handling opinion and a written reply; follow-up within 10 working days (agency data) by 5 Jan 2026",
			steps: cpInvestigatingThen(
				scStep{trigger: "conclude", at: scAt(2025, 12, 19, 10), payload: map[string]string{"opinion": "处理意见书"}, err: procedure.ErrInvalidTransition, unmet: []string{"reply"}},
				scStep{trigger: "conclude", at: scAt(2025, 12, 19, 10), payload: cpConclude, state: "concluded"},
			),
			asOf: date.New(2025, 12, 19),
			// 22–26, 29–31 Dec, 1–3 Jan off, the make-up Sunday 4 Jan, 5 Jan.
			due: map[string]date.Date{"follow_up": date.New(2026, 1, 5)},
		},
		{
			name: "Art 21 ¶2: the follow-up visit records the complainant's evaluation and closes the case",
			steps: cpInvestigatingThen(
				scStep{trigger: "conclude", at: scAt(2025, 12, 19, 10), payload: cpConclude, state: "concluded"},
				scStep{trigger: "follow_up", at: scAt(2026, 1, 5, 10), err: procedure.ErrInvalidTransition, unmet: []string{"feedback"}},
				scStep{trigger: "follow_up", at: scAt(2026, 1, 5, 10), payload: map[string]string{"feedback": "满意"}, state: "closed"},
				scStep{trigger: "urge", at: scAt(2026, 1, 6, 10), payload: map[string]string{"urging_notice": "x"}, err: procedure.ErrInvalidTransition},
			),
			asOf: date.New(2026, 1, 5),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 23 ¶1: a matter outside the remit: the complainant is told where to go, and no clock is left running",
			steps: cpSteps(
				scStep{trigger: "redirect", at: scAt(2025, 9, 23, 10), err: procedure.ErrInvalidTransition, unmet: []string{"competent_body"}},
				scStep{trigger: "redirect", at: scAt(2025, 9, 23, 10), payload: map[string]string{"competent_body": "市人社局"}, state: "redirected"},
			),
			asOf: date.New(2025, 9, 23),
			due:  map[string]date.Date{},
		},
		{
			name: "no step skipped: no investigation before routing, no conclusion before investigation, no follow-up before conclusion",
			steps: cpSteps(
				scStep{trigger: "conclude", at: scAt(2025, 9, 23, 10), payload: cpConclude, err: procedure.ErrInvalidTransition},
				scStep{trigger: "follow_up", at: scAt(2025, 9, 23, 10), payload: map[string]string{"feedback": "满意"}, err: procedure.ErrInvalidTransition},
				scStep{trigger: "extend", at: scAt(2025, 9, 23, 10), payload: map[string]string{"approver": "局长", "reasons": "x", "units": "30"}, err: procedure.ErrInvalidTransition},
			),
			asOf: date.New(2025, 9, 23),
			due:  map[string]date.Date{"routing": date.New(2025, 10, 9), "notice": date.New(2025, 10, 9)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scRun(t, d, cpOfficer, tc.steps)
			scWantDue(t, d, c, tc.asOf, tc.due)
			if tc.facts != nil {
				if diff := cmp.Diff(tc.facts, c.Facts); diff != "" {
					t.Errorf("facts (-want +got):\n%s", diff)
				}
			}
			scReplay(t, d, c)
		})
	}
}

// TestComplaintObjection follows 信访工作条例 Art 23 ¶3 across the 2026
// Spring Festival: transferred on Thursday 12 February, the handler has
// 5 working days to object — 13 Feb, the make-up Saturday 14 Feb, then
// after the 15–23 Feb break 24, 25, 26 Feb. An objection on the 26th
// returns the file, and the routing office has 15 days again, to Friday
// 13 March; one on the 27th is too late.
func TestComplaintObjection(t *testing.T) {
	d := scReference(t, "complaint")
	transferred := []scStep{
		{trigger: "register", at: scAt(2026, 2, 11, 10), payload: cpComplaint, state: "registered"},
		{trigger: "transfer", at: scAt(2026, 2, 12, 10), payload: map[string]string{"handler": "区住建局"}, state: "transferred"},
	}
	objection := map[string]string{"reasons": "投诉事项属于区城管局职责", "approved_by": "市效能投诉中心"}

	tests := []struct {
		name  string
		steps []scStep
		asOf  date.Date
		due   map[string]date.Date
	}{
		{
			name:  "Art 23 ¶3: the objection period ends 26 Feb 2026",
			steps: transferred,
			asOf:  date.New(2026, 2, 12),
			due:   map[string]date.Date{"notice": date.New(2026, 2, 26), "objection": date.New(2026, 2, 26)},
		},
		{
			name: "Art 23 ¶3: in time, with reasons and the routing office's agreement; routing again by 13 Mar",
			steps: append(append([]scStep(nil), transferred...),
				scStep{trigger: "object", at: scAt(2026, 2, 26, 16), payload: map[string]string{"reasons": "不属于本单位职责"}, err: procedure.ErrInvalidTransition, unmet: []string{"approved_by"}},
				scStep{trigger: "object", at: scAt(2026, 2, 26, 16), payload: objection, state: "registered"},
				scStep{trigger: "transfer", at: scAt(2026, 2, 27, 10), payload: map[string]string{"handler": "区城管局"}, state: "transferred"},
			),
			asOf: date.New(2026, 2, 27),
			// 28 Feb (the make-up Saturday), 2–5 Mar.
			due: map[string]date.Date{"notice": date.New(2026, 2, 26), "objection": date.New(2026, 3, 5)},
		},
		{
			name: "Art 23 ¶3: an objection after 26 Feb is refused; the handler must take the case up",
			steps: append(append([]scStep(nil), transferred...),
				scStep{trigger: "object", at: scAt(2026, 2, 27, 9), payload: objection, err: procedure.ErrInvalidTransition, unmet: []string{"objection"}},
				scStep{trigger: "accept_case", at: scAt(2026, 2, 27, 10), payload: map[string]string{"accepted_by": "区住建局 周敏"}, state: "investigating"},
			),
			asOf: date.New(2026, 2, 27),
			// Art 34: 60 days from 27 Feb is 28 April.
			due: map[string]date.Date{"notice": date.New(2026, 2, 26), "handling": date.New(2026, 4, 28)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scRun(t, d, cpOfficer, tc.steps)
			scWantDue(t, d, c, tc.asOf, tc.due)
			scReplay(t, d, c)
		})
	}

	// After the objection the routing office routes again within 15 days.
	c := scRun(t, d, cpOfficer, append(append([]scStep(nil), transferred...),
		scStep{trigger: "object", at: scAt(2026, 2, 26, 16), payload: objection, state: "registered"}))
	scWantDue(t, d, c, date.New(2026, 2, 26), map[string]date.Date{"notice": date.New(2026, 2, 26), "routing": date.New(2026, 3, 13)})
	if st := scDue(t, d, c, date.New(2026, 2, 27))["notice"]; st.Light != deadline.LevelRed {
		t.Errorf("the notice owed since 12 Feb is %v on 27 Feb, want red", st.Light)
	}
}
