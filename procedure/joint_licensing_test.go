package procedure_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var jlClerk = procedure.Actor{Officer: "刘洋", Unit: "市政务服务中心并联审批窗口"}

const (
	jlMarket = "市场监管局"
	jlEnv    = "生态环境局"
)

var (
	jlVoucher = map[string]string{"voucher": "受理凭证2025-118"}
	jlGrant   = map[string]string{"decision": "准予行政许可决定书"}
	jlRefuse  = map[string]string{"reasons": "环评审查意见不予通过", "appeal_rights": "可于六十日内申请行政复议或六个月内提起行政诉讼"}
)

func jlRefer(dept string) map[string]string { return map[string]string{"department": dept} }

func jlOpinion(dept string) map[string]string {
	return map[string]string{"department": dept, "opinion": dept + "审查意见书"}
}

// jlAccepted is the start of every scenario: received on Wednesday 24
// September 2025 and accepted by the lead department on Thursday 25.
// From the 25th the whole case has 45 working days (Art 42 ¶2): 26 Sep,
// the make-up Sunday 28 Sep, 29–30 Sep, then after the 1–8 Oct break
// 9, 10 and the make-up Saturday 11 Oct make 7; 38 more working days end
// on Wednesday 3 December.
var jlAccepted = []scStep{
	{trigger: "receive", at: scAt(2025, 9, 24, 10), payload: map[string]string{"voucher": "收件凭证"}, state: "received"},
	{trigger: "accept", at: scAt(2025, 9, 25, 10), payload: jlVoucher, state: "accepted"},
}

// jlReferred adds the referrals: the market regulator on Friday 26 Sep
// (15 working days: 28, 29, 30 Sep, 9, 10, 11, 13–17, 20–23 Oct, due 23
// Oct) and the environment bureau on Monday 29 Sep (due 27 Oct).
var jlReferred = append(append([]scStep(nil), jlAccepted...),
	scStep{trigger: "refer", at: scAt(2025, 9, 26, 10), payload: jlRefer(jlMarket), state: "in_review"},
	scStep{trigger: "refer", at: scAt(2025, 9, 29, 10), payload: jlRefer(jlEnv), state: "in_review"},
)

// jlReferredDue are the clocks of the case jlReferred leaves: the whole
// case due on 3 December, each department on its own clock.
var jlReferredDue = map[string]date.Date{
	"decision":           date.New(2025, 12, 3),
	"review:" + jlMarket: date.New(2025, 10, 23),
	"review:" + jlEnv:    date.New(2025, 10, 27),
}

func jlSteps(more ...scStep) []scStep { return append(append([]scStep(nil), jlReferred...), more...) }

// TestJointLicensingStatute walks a joint licence (行政许可法 Art 26 ¶2,
// Art 42 ¶2) on the 2025 calendar: one lead department accepts, the
// others review in parallel on their own clocks, and the lead decides
// once every department has given its opinion.
func TestJointLicensingStatute(t *testing.T) {
	d := scReference(t, "joint-licensing")

	tests := []struct {
		name  string
		steps []scStep
		asOf  date.Date
		due   map[string]date.Date
	}{
		{
			name:  "Art 26 ¶2, Art 42 ¶2: accepted 25 Sep 2025, the whole case is due 3 Dec; each department on its own clock",
			steps: jlReferred,
			asOf:  date.New(2025, 9, 29),
			due:   jlReferredDue,
		},
		{
			name: "Art 26 ¶2, Art 38 ¶1, Art 44: all departments give opinions, the lead grants, the licence is delivered within 10 working days",
			steps: jlSteps(
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 22, 10), payload: jlOpinion(jlMarket), state: "in_review"},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 29, 10), payload: jlOpinion(jlEnv), state: "in_review"},
				scStep{trigger: "grant", at: scAt(2025, 10, 30, 10), payload: jlGrant, state: "granted"},
			),
			asOf: date.New(2025, 10, 30),
			// 31 Oct, 3–7 Nov, 10–13 Nov.
			due: map[string]date.Date{"certificate": date.New(2025, 11, 13)},
		},
		{
			name: "Art 36: the interested parties are told while the departments review; the review's clocks run on",
			steps: jlSteps(
				scStep{trigger: "notify_interested", at: scAt(2025, 10, 9, 10), err: procedure.ErrInvalidTransition, unmet: []string{"parties"}},
				scStep{trigger: "notify_interested", at: scAt(2025, 10, 9, 10), payload: map[string]string{"parties": "相邻住户"}, state: "in_review"},
			),
			asOf: date.New(2025, 10, 9),
			due:  jlReferredDue,
		},
		{
			name: "Art 26 ¶2: no decision while a department has not given its opinion",
			steps: jlSteps(
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 22, 10), payload: jlOpinion(jlMarket), state: "in_review"},
				scStep{trigger: "grant", at: scAt(2025, 10, 23, 10), payload: jlGrant, err: procedure.ErrInvalidTransition, unmet: []string{"review"}},
				scStep{trigger: "refuse", at: scAt(2025, 10, 23, 10), payload: jlRefuse, err: procedure.ErrInvalidTransition, unmet: []string{"review"}},
			),
			asOf: date.New(2025, 10, 23),
			due: map[string]date.Date{
				"decision":        date.New(2025, 12, 3),
				"review:" + jlEnv: date.New(2025, 10, 27),
			},
		},
		{
			name: "Art 26 ¶2: a department that was not referred, or has already answered, cannot give an opinion",
			steps: jlSteps(
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 9, 10), payload: jlOpinion("住建局"), err: procedure.ErrInvalidTransition},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 9, 10), payload: map[string]string{"opinion": "意见"}, err: procedure.ErrInvalidTransition, unmet: []string{"department"}},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 9, 11), payload: jlOpinion(jlMarket), state: "in_review"},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 10, 10), payload: jlOpinion(jlMarket), err: procedure.ErrInvalidTransition},
			),
			asOf: date.New(2025, 10, 10),
			due: map[string]date.Date{
				"decision":        date.New(2025, 12, 3),
				"review:" + jlEnv: date.New(2025, 10, 27),
			},
		},
		{
			name: "Art 38 ¶2: a refusal gives reasons and states the rights of appeal",
			steps: jlSteps(
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 22, 10), payload: jlOpinion(jlMarket), state: "in_review"},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 24, 10), payload: jlOpinion(jlEnv), state: "in_review"},
				scStep{trigger: "refuse", at: scAt(2025, 10, 27, 10), payload: map[string]string{"reasons": "环评不予通过"}, err: procedure.ErrInvalidTransition, unmet: []string{"appeal_rights"}},
				scStep{trigger: "refuse", at: scAt(2025, 10, 27, 10), payload: jlRefuse, state: "refused"},
			),
			asOf: date.New(2025, 10, 27),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 42 ¶2: 15 more working days with the approval of the head of the people's government, due 24 Dec",
			steps: jlSteps(
				scStep{trigger: "extend", at: scAt(2025, 11, 28, 10), payload: map[string]string{"reasons": "需补充现场核查"}, err: procedure.ErrInvalidTransition, unmet: []string{"approver"}},
				scStep{trigger: "extend", at: scAt(2025, 11, 28, 10), payload: map[string]string{"approver": "副市长"}, err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
				scStep{trigger: "extend", at: scAt(2025, 11, 28, 10), payload: map[string]string{"reasons": "需补充现场核查", "approver": "副市长"}, state: "in_review"},
				scStep{trigger: "extend", at: scAt(2025, 12, 1, 10), payload: map[string]string{"reasons": "再次延长", "approver": "副市长"}, err: procedure.ErrInvalidTransition},
			),
			asOf: date.New(2025, 11, 28),
			due: map[string]date.Date{
				"decision":           date.New(2025, 12, 24),
				"review:" + jlMarket: date.New(2025, 10, 23),
				"review:" + jlEnv:    date.New(2025, 10, 27),
			},
		},
		{
			name: "Art 45: expert review 13–17 Oct is not counted, on the whole case or on the departments still reviewing",
			steps: jlSteps(
				scStep{trigger: "exclude_time", at: scAt(2025, 10, 13, 9), payload: map[string]string{"cause": "expert_review"}, err: procedure.ErrInvalidTransition, unmet: []string{"duration"}},
				scStep{trigger: "exclude_time", at: scAt(2025, 10, 13, 9), payload: map[string]string{"cause": "expert_review", "duration": "5个工作日"}, state: "excluded_time"},
				scStep{trigger: "grant", at: scAt(2025, 10, 14, 9), payload: jlGrant, err: procedure.ErrInvalidTransition},
				scStep{trigger: "resume_count", at: scAt(2025, 10, 17, 17), state: "in_review"},
			),
			asOf: date.New(2025, 10, 20),
			due: map[string]date.Date{
				"decision":           date.New(2025, 12, 10),
				"review:" + jlMarket: date.New(2025, 10, 30),
				"review:" + jlEnv:    date.New(2025, 11, 3),
			},
		},
		{
			// Told of the right to a hearing on Tue 30 Sep, the applicant
			// asks on the fifth working day, 14 Oct (Art 47 ¶1, Art 82);
			// the hearing, noticed on 15 Oct, is held on the seventh
			// working day after, 24 Oct (Art 48 ¶1(1)). The 14th to the
			// 24th, nine working days, are not counted (Art 45): not by
			// the whole case, due 16 Dec instead of 3 Dec, nor by the
			// department still reviewing, due 7 Nov instead of 27 Oct.
			// The market regulator, whose opinion came on 13 Oct while
			// the applicant considered, is not held up.
			name: "Art 47 ¶1, Art 48 ¶1(1), Art 45: a hearing stops the whole case's clock and every department's still running",
			steps: jlSteps(
				scStep{trigger: "notify_hearing_right", at: scAt(2025, 9, 30, 10), state: "hearing_notice"},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 13, 10), payload: jlOpinion(jlMarket), state: "hearing_notice"},
				scStep{trigger: "request_hearing", at: scAt(2025, 10, 14, 10), state: "hearing"},
				scStep{trigger: "department_opinion", at: scAt(2025, 10, 15, 10), payload: jlOpinion(jlEnv), err: procedure.ErrInvalidTransition},
				scStep{trigger: "notify_hearing", at: scAt(2025, 10, 15, 10), payload: licHearingNotice("2025-10-23"),
					err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
				scStep{trigger: "notify_hearing", at: scAt(2025, 10, 15, 10), payload: licHearingNotice("2025-10-24"), state: "hearing"},
				scStep{trigger: "hold_hearing", at: scAt(2025, 10, 23, 10), payload: map[string]string{"record": "听证笔录"},
					err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
				scStep{trigger: "hold_hearing", at: scAt(2025, 10, 24, 10), payload: map[string]string{"record": "听证笔录"}, state: "in_review"},
			),
			asOf: date.New(2025, 10, 27),
			due: map[string]date.Date{
				"decision":        date.New(2025, 12, 16),
				"review:" + jlEnv: date.New(2025, 11, 7),
			},
		},
		{
			name: "Art 47 ¶1: a hearing asked for after the five working days is refused, and the review goes on",
			steps: jlSteps(
				scStep{trigger: "notify_hearing_right", at: scAt(2025, 9, 30, 10), state: "hearing_notice"},
				scStep{trigger: "request_hearing", at: scAt(2025, 10, 15, 10), err: procedure.ErrInvalidTransition, unmet: []string{"hearing_request"}},
				scStep{trigger: "hearing_window_closed", at: scAt(2025, 10, 15, 10), state: "in_review"},
			),
			asOf: date.New(2025, 10, 15),
			due: map[string]date.Date{
				"decision":           date.New(2025, 12, 3),
				"review:" + jlMarket: date.New(2025, 10, 23),
				"review:" + jlEnv:    date.New(2025, 10, 27),
			},
		},
		{
			// With no ground given, the non-acceptance meant is the one
			// for any ground but a matter outside the agency's powers:
			// it fails on the reasons alone.
			name: "Art 32 ¶1, ¶2: not accepted, with reasons and a sealed voucher",
			steps: []scStep{
				{trigger: "receive", at: scAt(2025, 9, 24, 10), payload: map[string]string{"voucher": "收件凭证"}, state: "received"},
				{trigger: "refuse_acceptance", at: scAt(2025, 9, 25, 10), payload: jlVoucher, err: procedure.ErrInvalidTransition,
					unmet: []string{"reasons"}},
				{trigger: "refer", at: scAt(2025, 9, 25, 10), payload: jlRefer(jlMarket), err: procedure.ErrInvalidTransition},
				{trigger: "refuse_acceptance", at: scAt(2025, 9, 25, 10), payload: map[string]string{"reasons": "不属于联合办理事项", "voucher": "不予受理凭证"}, state: "not_accepted"},
			},
			asOf: date.New(2025, 9, 25),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 32 ¶1(2): outside the agency's powers, the applicant is told which agency to apply to",
			steps: []scStep{
				{trigger: "receive", at: scAt(2025, 9, 24, 10), payload: map[string]string{"voucher": "收件凭证"}, state: "received"},
				{trigger: "refuse_acceptance", at: scAt(2025, 9, 25, 10),
					payload: map[string]string{"reasons": "不属于本机关职权范围", "voucher": "不予受理凭证", "ground": "outside_remit"},
					err:     procedure.ErrInvalidTransition, unmet: []string{"competent_unit"}},
				{trigger: "refuse_acceptance", at: scAt(2025, 9, 25, 10),
					payload: map[string]string{"reasons": "不属于本机关职权范围", "voucher": "不予受理凭证", "ground": "outside_remit", "competent_unit": "市自然资源和规划局"},
					state:   "not_accepted"},
			},
			asOf: date.New(2025, 9, 25),
			due:  map[string]date.Date{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scRun(t, d, jlClerk, tc.steps)
			scWantDue(t, d, c, tc.asOf, tc.due)
			scReplay(t, d, c)
		})
	}
}

// TestJointLicensingDueNamesLateDepartment checks that the electronic
// supervision view names the department that is late: the market
// regulator answered on 22 Oct, the environment bureau, due 27 Oct, has
// not; on 28 Oct its clock alone is red, one working day over.
func TestJointLicensingDueNamesLateDepartment(t *testing.T) {
	d := scReference(t, "joint-licensing")
	c := scRun(t, d, jlClerk, jlSteps(
		scStep{trigger: "department_opinion", at: scAt(2025, 10, 22, 10), payload: jlOpinion(jlMarket), state: "in_review"},
	))
	due, err := d.Due(c, date.New(2025, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	var red []procedure.ClockStatus
	for _, s := range due {
		if s.Light == deadline.LevelRed {
			red = append(red, s)
		}
	}
	if len(red) != 1 || red[0].Name != "review:"+jlEnv || red[0].Spec != "review" || red[0].Overdue != 1 {
		t.Fatalf("red clocks as of 2025-10-28: %+v; want review:%s alone, 1 working day over", red, jlEnv)
	}
	if len(due) != 2 || due[0].Name != "review:"+jlEnv || due[1].Name != "decision" {
		t.Errorf("Due lists %d clocks, first %q; want the late department first, then the decision", len(due), due[0].Name)
	}
	if r, _ := d.Rule("review"); r.Period != (deadline.Period{N: 15, Unit: deadline.WorkingDays}) {
		t.Errorf("default department limit %v, want 15 working days", r.Period)
	}
}

// TestJointLicensingDeemedAccepted: received on Thursday 12 February
// 2026, the lead department misses the 5-working-day notice (13 Feb, the
// make-up Saturday 14 Feb, then after the 15–23 Feb Spring Festival
// break 24, 25, 26 Feb). At the end of 26 Feb the application counts as
// accepted on receipt (Art 32 ¶1(4)), and the 45 working days run from
// 12 Feb to 23 April (after 4–6 April Qingming).
func TestJointLicensingDeemedAccepted(t *testing.T) {
	d := scReference(t, "joint-licensing")
	ctx := context.Background()
	c := scRun(t, d, jlClerk, []scStep{
		{trigger: "receive", at: scAt(2026, 2, 12, 10), payload: map[string]string{"voucher": "收件凭证"}, state: "received"},
	})
	scWantDue(t, d, c, date.New(2026, 2, 12), map[string]date.Date{"notice": date.New(2026, 2, 26)})

	late := procedure.Event{Trigger: "request_supplement", At: scAt(2026, 2, 27, 9), Actor: jlClerk, Payload: map[string]string{"missing": "消防验收意见"}}
	if err := d.Fire(ctx, c, late); !errors.Is(err, procedure.ErrExpired) {
		t.Fatalf("a notice after the period: %v, want ErrExpired", err)
	}
	fired, err := d.Advance(ctx, c, scAt(2026, 2, 27, 9))
	if err != nil || len(fired) != 1 || fired[0].Trigger != "deem_accepted" || !fired[0].At.Equal(scAt(2026, 2, 27, 0)) {
		t.Fatalf("Advance: %+v, %v; want deem_accepted at the end of 26 Feb", fired, err)
	}
	if c.State != "accepted" || c.Facts["deemed_accepted"] != "true" {
		t.Errorf("state %s, facts %v", c.State, c.Facts)
	}
	scWantDue(t, d, c, date.New(2026, 2, 27), map[string]date.Date{"decision": date.New(2026, 4, 23)})
	if err := d.Fire(ctx, c, procedure.Event{Trigger: "refer", At: scAt(2026, 2, 27, 10), Actor: jlClerk, Payload: jlRefer(jlMarket)}); err != nil || c.State != "in_review" {
		t.Fatalf("refer after deemed acceptance: %s, %v", c.State, err)
	}
	scReplay(t, d, c)
}

// TestLicensingReceiptUnderOfficeHoursBothProcedures: under office hours
// that defer a filing received after closing, the application of a joint
// licence counts as received on the next working day, as a single
// agency's does, and so do the supplements that complete it. The five
// days of 行政许可法 Art 32 ¶1(4), and the deemed acceptance when they
// pass, count from that day: received after closing on Friday 24 January
// 2025, the application counts as received on the make-up Sunday 26
// January; the five working days are 27 January, then after the 28
// January–4 February Spring Festival break 5, 6, 7 and the make-up
// Saturday 8 February.
func TestLicensingReceiptUnderOfficeHoursBothProcedures(t *testing.T) {
	ctx := context.Background()
	hours := deadline.OfficeHours{Close: 17 * 60 * 60 * 1e9, Defer: true} // closes at 17:00
	afterHours := func(y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 18, 0, 0, 0, deadline.ChinaStandardTime())
	}
	for _, name := range []string{"licensing", "joint-licensing"} {
		d, err := procedure.Reference(name, procedure.WithOfficeHours(hours))
		if err != nil {
			t.Fatal(err)
		}
		fire := func(t *testing.T, c *procedure.Case, trigger procedure.Trigger, at time.Time, payload map[string]string) {
			t.Helper()
			if err := d.Fire(ctx, c, procedure.Event{Trigger: trigger, At: at, Actor: jlClerk, Payload: payload}); err != nil {
				t.Fatalf("%s: %v", trigger, err)
			}
		}
		t.Run(name+": Art 32 ¶1(4), the deemed acceptance counts from the day of receipt", func(t *testing.T) {
			c := d.NewCase("XK-HOURS")
			fire(t, c, "receive", afterHours(2025, 1, 24), map[string]string{"voucher": "收件凭证"})
			notice, _ := c.Clock("notice")
			if notice.Started() != date.New(2025, 1, 26) {
				t.Errorf("received after hours counts from %s, want 2025-01-26", notice.Started())
			}
			scWantDue(t, d, c, date.New(2025, 1, 27), map[string]date.Date{"notice": date.New(2025, 2, 8)})
			// Still in time on the fifth working day.
			if fired, err := d.Advance(ctx, c, time.Date(2025, 2, 8, 12, 0, 0, 0, deadline.ChinaStandardTime())); err != nil || len(fired) != 0 {
				t.Fatalf("Advance on 8 Feb: %+v, %v; want nothing yet", fired, err)
			}
			fired, err := d.Advance(ctx, c, afterHours(2025, 2, 8))
			if err != nil || len(fired) != 1 || fired[0].Trigger != "deem_accepted" || !fired[0].At.Equal(hours.LastMoment(date.New(2025, 2, 8))) {
				t.Fatalf("Advance: %+v, %v; want deem_accepted as 8 Feb closes", fired, err)
			}
			decision, _ := c.Clock("decision")
			if decision.Started() != date.New(2025, 1, 26) {
				t.Errorf("the deemed acceptance counts from %s, want the day of receipt, 2025-01-26", decision.Started())
			}
		})
		t.Run(name+": Art 32 ¶1(5), supplements received after hours are accepted on the next working day", func(t *testing.T) {
			c := d.NewCase("XK-HOURS-2")
			fire(t, c, "receive", time.Date(2025, 3, 3, 10, 0, 0, 0, deadline.ChinaStandardTime()), map[string]string{"voucher": "收件凭证"})
			fire(t, c, "request_supplement", time.Date(2025, 3, 4, 10, 0, 0, 0, deadline.ChinaStandardTime()), map[string]string{"missing": "营业执照副本"})
			fire(t, c, "supplement", afterHours(2025, 3, 7), map[string]string{"voucher": "受理凭证"})
			decision, _ := c.Clock("decision")
			if decision.Started() != date.New(2025, 3, 10) {
				t.Errorf("supplements received after hours on Fri 7 March count from %s, want Mon 2025-03-10", decision.Started())
			}
		})
	}
}
