package procedure_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// licAt is 10:00 China Standard Time on the given day.
func licAt(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 10, 0, 0, 0, deadline.ChinaStandardTime())
}

var licClerk = procedure.Actor{Officer: "王敏", Unit: "行政审批局窗口"}

// licStep is one event of a scenario, and what should follow.
type licStep struct {
	trigger procedure.Trigger
	at      time.Time
	payload map[string]string
	state   procedure.State // the state after, when the event is allowed
	err     error           // the sentinel, when it is refused
	unmet   int             // how many guards it reports unmet
}

func licRun(t *testing.T, d *procedure.Definition, steps []licStep) *procedure.Case {
	t.Helper()
	ctx := context.Background()
	c := d.NewCase("XK-2025-001")
	for i, s := range steps {
		before := c.Clone()
		err := d.Fire(ctx, c, procedure.Event{Trigger: s.trigger, At: s.at, Actor: licClerk, Reason: "办理", Payload: s.payload})
		if s.err != nil {
			var pe *procedure.Error
			if !errors.Is(err, s.err) || !errors.As(err, &pe) || len(pe.Unmet) != s.unmet {
				t.Fatalf("step %d (%s): error %v, want %v with %d unmet guards", i, s.trigger, err, s.err, s.unmet)
			}
			if diff := cmp.Diff(before, c); diff != "" {
				t.Fatalf("step %d (%s): a refused event changed the case:\n%s", i, s.trigger, diff)
			}
			continue
		}
		if err != nil || c.State != s.state {
			t.Fatalf("step %d (%s): state %s, %v; want %s", i, s.trigger, c.State, err, s.state)
		}
	}
	return c
}

func licDue(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date) map[string]deadline.Status {
	t.Helper()
	due, err := d.Due(c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]deadline.Status{}
	for _, s := range due {
		out[s.Name] = s.Status
	}
	return out
}

func licDefinition(t testing.TB) *procedure.Definition {
	t.Helper()
	d, err := procedure.Reference("licensing")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var (
	licVoucher = map[string]string{"voucher": "凭证001"}
	licGrant   = map[string]string{"decision": "准予许可决定书"}
	// licOnSpot is a decision on the spot, on complete materials in the
	// legal form (Art 34 ¶2).
	licOnSpot = map[string]string{"decision": "准予许可决定书", "complete": "true"}
	// licHearingTime is the written notice of the time a hearing needs,
	// which the decision's limit excludes (Art 45).
	licHearingTime = "听证所需时间不计算在审查期限内"
)

// licHearingNotice is a hearing notice for day (YYYY-MM-DD) that states
// the time the hearing needs (Art 45, Art 48 ¶1(1)).
func licHearingNotice(day string) map[string]string {
	return map[string]string{"duration": licHearingTime, "hearing_date": day}
}

// TestLicensingStatute walks the licensing procedure through its
// articles on the 2025 calendar.
func TestLicensingStatute(t *testing.T) {
	d := licDefinition(t)
	d20250926 := date.New(2025, 9, 26)

	t.Run("Art 32 ¶1(5), Art 42 ¶1: accepted on 26 Sep 2025, decided within 20 working days across the National Day break", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件001"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
		})
		st := licDue(t, d, c, d20250926)["decision"]
		if st.Due != date.New(2025, 10, 30) || st.Limit != 20 {
			t.Errorf("decision due %s (limit %d), want 2025-10-30", st.Due, st.Limit)
		}
		if due := licDue(t, d, c, date.New(2025, 10, 29)); due["decision"].Level(deadline.DefaultPolicy()) != deadline.LevelYellow {
			t.Errorf("the day before the due date the light is %v, want yellow", due["decision"].Level(deadline.DefaultPolicy()))
		}
	})

	t.Run("Art 42 ¶1: one extension of ten working days, with the head's approval and the reasons told", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件001"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "extend", at: licAt(2025, 10, 28), payload: map[string]string{"reasons": "需现场核查"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "extend", at: licAt(2025, 10, 28), payload: map[string]string{"reasons": "需现场核查", "approver": "局长"}, state: "accepted"},
			{trigger: "extend", at: licAt(2025, 10, 29), payload: map[string]string{"reasons": "再延", "approver": "局长"}, err: procedure.ErrInvalidTransition},
		})
		if st := licDue(t, d, c, date.New(2025, 10, 31))["decision"]; st.Due != date.New(2025, 11, 13) || st.Extended != 10 {
			t.Errorf("extended decision due %s (+%d), want 2025-11-13 (+10)", st.Due, st.Extended)
		}
	})

	t.Run("Art 45: expert review is not counted; Art 42 ¶1 decision after it", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件001"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "exclude_time", at: licAt(2025, 10, 13), payload: map[string]string{"cause": "expert_review"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "exclude_time", at: licAt(2025, 10, 13), payload: map[string]string{"cause": "correction", "duration": "5个工作日"}, err: procedure.ErrInvalidTransition},
			{trigger: "exclude_time", at: licAt(2025, 10, 13), payload: map[string]string{"cause": "expert_review", "duration": "5个工作日"}, state: "excluded_time"},
			{trigger: "grant", at: licAt(2025, 10, 15), payload: licGrant, err: procedure.ErrInvalidTransition},
			{trigger: "resume_count", at: licAt(2025, 10, 17), state: "accepted"},
		})
		if st := licDue(t, d, c, date.New(2025, 10, 20))["decision"]; st.Due != date.New(2025, 11, 6) {
			t.Errorf("decision due %s after five working days of expert review, want 2025-11-06", st.Due)
		}
	})

	t.Run("Art 32 ¶1(4): no notice of supplements within five working days — deemed accepted on receipt", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 1, 24), payload: map[string]string{"voucher": "收件002"}, state: "received"},
		})
		ctx := context.Background()
		// The notice period ends with 7 February: a notice on the 7th is in
		// time; on the 10th the law has already decided.
		late := procedure.Event{Trigger: "request_supplement", At: licAt(2025, 2, 10), Actor: licClerk, Payload: map[string]string{"missing": "营业执照复印件"}}
		if err := d.Fire(ctx, c, late); !errors.Is(err, procedure.ErrExpired) {
			t.Fatalf("a late notice: %v, want ErrExpired", err)
		}
		evs, err := d.Advance(ctx, c, licAt(2025, 2, 10))
		if err != nil || len(evs) != 1 || evs[0].Trigger != "deem_accepted" || !evs[0].Auto {
			t.Fatalf("Advance: %+v, %v", evs, err)
		}
		if !evs[0].At.Equal(time.Date(2025, 2, 8, 0, 0, 0, 0, deadline.ChinaStandardTime())) {
			t.Errorf("deemed accepted at %s, want when 7 February ended", evs[0].At)
		}
		if c.State != "accepted" || c.Facts["deemed_accepted"] != "true" {
			t.Errorf("state %s, facts %v", c.State, c.Facts)
		}
		// The decision period counts from the day the materials arrived.
		st := licDue(t, d, c, date.New(2025, 2, 10))["decision"]
		if st.Started != date.New(2025, 1, 24) || st.Due != date.New(2025, 2, 27) {
			t.Errorf("decision counted from %s, due %s; want from 2025-01-24, due 2025-02-27", st.Started, st.Due)
		}
		if more, err := d.Advance(ctx, c, licAt(2025, 3, 1)); err != nil || len(more) != 0 {
			t.Errorf("Advance again fired %d events, %v", len(more), err)
		}
		replayed, err := d.Replay(ctx, c.ID, c.Events)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c, replayed); diff != "" {
			t.Errorf("replay differs:\n%s", diff)
		}
	})

	t.Run("Art 32 ¶1(4): a notice within five working days is in time", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 1, 24), payload: map[string]string{"voucher": "收件003"}, state: "received"},
			{trigger: "request_supplement", at: licAt(2025, 2, 7), payload: map[string]string{}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "request_supplement", at: licAt(2025, 2, 7), payload: map[string]string{"missing": "营业执照复印件；场所证明"}, state: "awaiting_supplement"},
			{trigger: "supplement", at: licAt(2025, 2, 20), payload: licVoucher, state: "accepted"},
		})
	})

	t.Run("Art 32 ¶1(2): a matter outside the agency's powers is refused at once, naming the agency to apply to", func(t *testing.T) {
		refusal := map[string]string{"reasons": "不属于本机关职权范围", "voucher": "不予受理001", "ground": "outside_remit"}
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件007"}, state: "received"},
			// The step for this ground misses the competent agency, and
			// only that is reported: the step for other grounds is not
			// the one meant.
			{trigger: "refuse_acceptance", at: licAt(2025, 9, 25), payload: refusal, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "refuse_acceptance", at: licAt(2025, 9, 25), payload: with(refusal, "competent_unit", "县卫生健康局"), state: "not_accepted"},
		})
	})

	t.Run("Art 32 ¶1(1): a matter that needs no licence is not accepted, with reasons and a voucher", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件008"}, state: "received"},
			{trigger: "refuse_acceptance", at: licAt(2025, 9, 25),
				payload: map[string]string{"reasons": "仅销售预包装食品，备案即可", "voucher": "不予受理002", "ground": "no_licence_needed"}, state: "not_accepted"},
		})
	})

	t.Run("Art 47 ¶1: a hearing requested within five working days of being told; Art 48 ¶1(1) with Art 82: notice seven working days ahead", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件004"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "notify_hearing_right", at: licAt(2025, 9, 30), state: "hearing_notice"},
			// Told on 30 September: five working days run to 14 October.
			{trigger: "request_hearing", at: licAt(2025, 10, 14), state: "hearing"},
			// Noticed on Wednesday 15 October: the seventh working day
			// after is Friday the 24th; seven calendar days, the 22nd,
			// are too few.
			// Art 45: the notice tells the applicant in writing of the time
			// the hearing needs, which the limit excludes.
			{trigger: "notify_hearing", at: licAt(2025, 10, 15), payload: map[string]string{"hearing_date": "2025-10-24"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "notify_hearing", at: licAt(2025, 10, 15), payload: licHearingNotice("2025-10-22"), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "notify_hearing", at: licAt(2025, 10, 15), payload: licHearingNotice("2025-10-23"), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "notify_hearing", at: licAt(2025, 10, 15), payload: licHearingNotice("2025-10-24"), state: "hearing"},
			{trigger: "hold_hearing", at: licAt(2025, 10, 24), payload: map[string]string{"record": "听证笔录"}, state: "accepted"},
		})
		// Hearing time, from the request on 14 October to the hearing on
		// the 24th (nine working days), is not counted (Art 45).
		if st := licDue(t, d, c, date.New(2025, 10, 27))["decision"]; st.Due != date.New(2025, 11, 12) {
			t.Errorf("decision due %s after the hearing, want 2025-11-12 (7 working days used before the request, 13 left from 27 October)", st.Due)
		}
		late := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件005"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "notify_hearing_right", at: licAt(2025, 9, 30), state: "hearing_notice"},
			{trigger: "hearing_window_closed", at: licAt(2025, 10, 14), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "request_hearing", at: licAt(2025, 10, 15), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "hearing_window_closed", at: licAt(2025, 10, 15), state: "accepted"},
		})
		if late.State != "accepted" {
			t.Errorf("state %s", late.State)
		}
	})

	t.Run("Art 38: a refusal gives reasons and the rights to reconsideration and litigation; Art 44: licence delivered within ten working days", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件006"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "refuse", at: licAt(2025, 10, 20), payload: map[string]string{}, err: procedure.ErrInvalidTransition, unmet: 2},
			{trigger: "refuse", at: licAt(2025, 10, 20), payload: map[string]string{"reasons": "不符合条件"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "refuse", at: licAt(2025, 10, 20), payload: map[string]string{"reasons": "不符合条件", "appeal_rights": "可于六十日内申请复议"}, state: "refused"},
			{trigger: "grant", at: licAt(2025, 10, 21), payload: licGrant, err: procedure.ErrInvalidTransition},
		})
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件007"}, state: "received"},
			{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
			{trigger: "grant", at: licAt(2025, 9, 30), payload: licGrant, state: "granted"},
		})
		// Ten working days from 30 September: 9, 10, 11 (a make-up
		// Saturday), 13–17 and 20, 21 October.
		if st := licDue(t, d, c, date.New(2025, 9, 30))["certificate"]; st.Due != date.New(2025, 10, 21) {
			t.Errorf("certificate due %s, want 2025-10-21", st.Due)
		}
	})

	t.Run("Art 34 ¶2: decided on the spot", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件008"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-0001"}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 25), state: "in_force"},
		})
	})

	t.Run("Art 50: renewal applied for 30 days before expiry; no decision before expiry — deemed renewed", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件009"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-0002"}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 26), state: "in_force"},
			{trigger: "apply_renewal", at: licAt(2026, 8, 15), payload: map[string]string{"expires": "2026-09-10"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "apply_renewal", at: licAt(2026, 8, 10), payload: map[string]string{"expires": "2026-09-10"}, state: "renewal_pending"},
		})
		ctx := context.Background()
		if err := d.Fire(ctx, c, procedure.Event{Trigger: "grant_renewal", At: licAt(2026, 9, 11), Actor: licClerk}); !errors.Is(err, procedure.ErrExpired) {
			t.Fatalf("a decision after expiry: %v, want ErrExpired", err)
		}
		evs, err := d.Advance(ctx, c, licAt(2026, 9, 11))
		if err != nil || len(evs) != 1 || evs[0].Trigger != "deem_renewed" {
			t.Fatalf("Advance: %+v, %v", evs, err)
		}
		if c.State != "in_force" || c.Facts["deemed_renewed"] != "true" {
			t.Errorf("state %s, facts %v", c.State, c.Facts)
		}
		if !slices.ContainsFunc(c.Events, func(e procedure.Event) bool { return e.Auto && e.Trigger == "deem_renewed" }) {
			t.Errorf("the automatic outcome is not in the log")
		}
		// Renewed, the licence does not lapse at the end of the old term
		// (Art 70 ¶1(1) is 有效期届满未延续): it lapses once the renewed
		// term, when the agency records it, has ended.
		for _, s := range []licStep{
			{trigger: "lapse", at: licAt(2026, 9, 11), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "record_term", at: licAt(2026, 9, 14), payload: map[string]string{"expires": "2031-09-10"}, state: "in_force"},
			{trigger: "lapse", at: licAt(2031, 9, 10), err: procedure.ErrInvalidTransition, unmet: 1},
		} {
			err := d.Fire(ctx, c, procedure.Event{Trigger: s.trigger, At: s.at, Actor: licClerk, Payload: s.payload})
			if (s.err == nil) != (err == nil) || (s.err != nil && !errors.Is(err, s.err)) || c.State != "in_force" {
				t.Errorf("%s on %s: %v, state %s", s.trigger, s.at.Format(time.DateOnly), err, c.State)
			}
		}
		if c.Facts["expires"] != "2031-09-10" {
			t.Errorf("the renewed term is recorded as %q", c.Facts["expires"])
		}
	})

	t.Run("Art 70 ¶1(1): a licence not renewed lapses at expiry, which Art 70 ¶1(1) names, not Art 50 ¶1 (the time to apply)", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件011"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-0004", "expires": "2026-09-10"}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 26), state: "in_force"},
			// Not while the term runs: the last day is 10 September.
			{trigger: "lapse", at: licAt(2026, 9, 10), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "lapse", at: licAt(2026, 9, 11), state: "expired"},
			// Art 70 ¶1(1): the agency cancels it (注销), stating how.
			{trigger: "cancel", at: licAt(2026, 9, 14), err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "cancel", at: licAt(2026, 9, 14), payload: map[string]string{"cancellation": "公告注销"}, state: "cancelled"},
		})
		if !d.IsTerminal("cancelled") || d.IsTerminal("expired") {
			t.Errorf("an expired licence ends the case; it should end only once cancelled")
		}
		for _, tr := range d.Transitions("in_force") {
			if tr.Trigger == "lapse" && (tr.Citation.Article != 70 || tr.Citation.Paragraph != 1 || tr.Citation.Item != 1) {
				t.Errorf("lapse cites %s, want 行政许可法 Art 70 ¶1(1) (有效期届满未延续)", tr.Citation)
			}
		}
	})

	t.Run("Art 8 ¶2, Art 70 ¶1(4): a licence withdrawn in the public interest, on a statutory ground, then cancelled", func(t *testing.T) {
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件012"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: map[string]string{"decision": "准予许可决定书"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-0005", "expires": "2030-09-24"}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 26), state: "in_force"},
			{trigger: "withdraw_licence", at: licAt(2026, 3, 2), payload: map[string]string{"reasons": "规划调整"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "withdraw_licence", at: licAt(2026, 3, 2), payload: map[string]string{"reasons": "规划调整", "ground": "准予许可所依据的客观情况发生重大变化"}, state: "withdrawn"},
			{trigger: "cancel", at: licAt(2026, 3, 3), payload: map[string]string{"cancellation": "收回许可证件"}, state: "cancelled"},
		})
		if c.Facts["ground"] == "" || c.Facts["cancellation"] != "收回许可证件" {
			t.Errorf("facts %v", c.Facts)
		}
		for _, tr := range d.Transitions("withdrawn") {
			if tr.Citation.Article != 70 || tr.Citation.Item != 4 {
				t.Errorf("cancel after withdrawal cites %s, want 行政许可法 Art 70 ¶1(4)", tr.Citation)
			}
		}
	})

	t.Run("Art 69 ¶1, ¶3, ¶4, Art 70 ¶1(4): a licence granted to an unqualified applicant, revoked, then cancelled", func(t *testing.T) {
		unqualified := map[string]string{"reasons": "申请人不符合法定条件", "ground": "对不符合法定条件的申请人准予行政许可"}
		c := licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件013"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-0006", "expires": "2030-09-24"}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 26), state: "in_force"},
			// A ground of Art 69 ¶1 is needed, and no grave harm to the
			// public interest (¶3).
			{trigger: "revoke_licence", at: licAt(2026, 3, 2), payload: map[string]string{"reasons": "申请人不符合法定条件"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "revoke_licence", at: licAt(2026, 3, 2), payload: map[string]string{"reasons": "申请人不符合法定条件", "ground": unqualified["ground"], "public_interest_harm": "true"}, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "revoke_licence", at: licAt(2026, 3, 2), payload: unqualified, state: "revoked"},
			{trigger: "revoke_licence", at: licAt(2026, 3, 3), payload: unqualified, err: procedure.ErrInvalidTransition},
			{trigger: "cancel", at: licAt(2026, 3, 3), payload: map[string]string{"cancellation": "收回许可证件"}, state: "cancelled"},
		})
		// ¶4: the licensee's lawful interests harmed by the revocation are
		// compensated.
		if c.Facts["compensable"] != "true" || c.Facts["ground"] != unqualified["ground"] {
			t.Errorf("facts %v", c.Facts)
		}
		for _, tr := range d.Transitions("revoked") {
			if tr.Citation.Article != 70 || tr.Citation.Item != 4 {
				t.Errorf("cancel after revocation cites %s, want 行政许可法 Art 70 ¶1(4)", tr.Citation)
			}
		}
	})

	// renewing is a licence decided on the spot on Thu 25 Sep 2025, in
	// force to 10 Sep 2026, whose renewal was applied for on 10 Aug 2026,
	// then the steps that follow.
	renewing := func(no string, then ...licStep) []licStep {
		return append([]licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件" + no}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
			{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-" + no}, state: "issued"},
			{trigger: "deliver", at: licAt(2025, 9, 26), state: "in_force"},
			{trigger: "apply_renewal", at: licAt(2026, 8, 10), payload: map[string]string{"expires": "2026-09-10"}, state: "renewal_pending"},
		}, then...)
	}

	t.Run("Art 69 ¶2, ¶4: a licence obtained by fraud is revoked, also while its renewal is pending, without compensation", func(t *testing.T) {
		c := licRun(t, d, renewing("0014",
			licStep{trigger: "revoke_licence", at: licAt(2026, 8, 20), payload: map[string]string{"improper_means": "yes", "reasons": "提供虚假材料"}, err: procedure.ErrInvalidEvent},
			licStep{trigger: "revoke_licence", at: licAt(2026, 8, 20), payload: map[string]string{"improper_means": "true", "reasons": "提供虚假材料取得许可"}, state: "revoked"},
		))
		if c.Facts["compensable"] != "false" || c.Facts["improper_means"] != "true" {
			t.Errorf("facts %v", c.Facts)
		}
		if due := licDue(t, d, c, date.New(2026, 8, 20)); len(due) != 0 {
			t.Errorf("clocks still running after the revocation: %v", due)
		}
	})

	t.Run("Art 50 ¶2: a decision before expiry", func(t *testing.T) {
		licRun(t, d, renewing("0003",
			licStep{trigger: "grant_renewal", at: licAt(2026, 9, 10), err: procedure.ErrInvalidTransition, unmet: 1},
			licStep{trigger: "grant_renewal", at: licAt(2026, 9, 10), payload: map[string]string{"expires": "2031-09-10"}, state: "in_force"},
		))
	})

	// A refusal of the renewal does not end the licence: it runs to the
	// end of its term, 10 September, and lapses after it (Art 70 ¶1(1)).
	t.Run("Art 50 ¶2, Art 70 ¶1(1): a refused renewal runs to the end of the term", func(t *testing.T) {
		licRun(t, d, renewing("0004",
			licStep{trigger: "refuse_renewal", at: licAt(2026, 8, 20), payload: map[string]string{"reasons": "不再符合许可条件", "appeal_rights": "可申请行政复议或者提起行政诉讼"}, state: "in_force"},
			licStep{trigger: "lapse", at: licAt(2026, 9, 10), err: procedure.ErrInvalidTransition, unmet: 1},
			licStep{trigger: "lapse", at: licAt(2026, 9, 11), state: "expired"},
		))
	})
}

// TestReceiptUnderOfficeHours: an application received after closing on
// a Friday counts as received on the next working day, so the five days
// of Art 32 ¶1(4) count from there; an agency's own step keeps its day.
func TestReceiptUnderOfficeHours(t *testing.T) {
	hours := deadline.OfficeHours{Close: 17 * 60 * 60 * 1e9, Defer: true}
	d, err := procedure.Reference("licensing", procedure.WithOfficeHours(hours))
	if err != nil {
		t.Fatal(err)
	}
	c := d.NewCase("XK-H")
	late := time.Date(2025, 1, 24, 18, 0, 0, 0, deadline.ChinaStandardTime()) // Friday, after 17:00
	if err := d.Fire(context.Background(), c, procedure.Event{Trigger: "receive", At: late, Actor: licClerk, Payload: map[string]string{"voucher": "收件"}}); err != nil {
		t.Fatal(err)
	}
	clk, _ := c.Clock("notice")
	// Sunday 26 January 2025 is a make-up working day.
	if clk.Started() != date.New(2025, 1, 26) {
		t.Errorf("received after hours counts from %s, want 2025-01-26", clk.Started())
	}
}

// TestAutomaticOutcomeOnDueDay: the deemed acceptance of Art 32 ¶1(4)
// takes effect as the due day ends and belongs to that day, so the
// notice clock it stops is not counted late, whatever the office hours.
func TestAutomaticOutcomeOnDueDay(t *testing.T) {
	for _, hours := range []deadline.OfficeHours{{}, {Close: 17 * 60 * 60 * 1e9}} {
		d, err := procedure.Reference("licensing", procedure.WithOfficeHours(hours))
		if err != nil {
			t.Fatal(err)
		}
		c := licRun(t, d, []licStep{{trigger: "receive", at: licAt(2025, 1, 24), payload: map[string]string{"voucher": "收件"}, state: "received"}})
		if _, err := d.Advance(context.Background(), c, licAt(2025, 2, 10)); err != nil {
			t.Fatal(err)
		}
		clk, _ := c.Clock("notice")
		st, err := clk.Status(d.Calendar(), date.New(2025, 2, 10))
		if err != nil || !st.Stopped || st.StoppedOn != date.New(2025, 2, 7) || st.Late() {
			t.Errorf("closing %v: notice clock %+v, %v; want stopped on 2025-02-07, not late", hours.Close, st, err)
		}
	}
}

// TestClockErrorsKeepTheirCause: a step refused by its clock reports both
// the procedure's sentinel and the deadline package's, with the case and
// state; the extension's reason is the one the guard checked.
func TestClockErrorsKeepTheirCause(t *testing.T) {
	d := licDefinition(t)
	ctx := context.Background()
	c := licRun(t, d, []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	})
	ext := procedure.Event{Trigger: "extend", At: licAt(2025, 10, 28), Actor: licClerk, Payload: map[string]string{"reasons": "需现场核查", "approver": "局长"}}
	if err := d.Fire(ctx, c, ext); err != nil {
		t.Fatalf("an extension with its reasons in the payload: %v", err)
	}
	clk, _ := c.Clock("decision")
	if l := clk.Ledger(); l[len(l)-1].Reason != "需现场核查" || l[len(l)-1].Approver != "局长" {
		t.Errorf("ledger entry %+v", l[len(l)-1])
	}
	ext.At = licAt(2025, 10, 29)
	err := d.Fire(ctx, c, ext)
	var pe *procedure.Error
	if !errors.Is(err, procedure.ErrInvalidTransition) || !errors.Is(err, deadline.ErrExtensionRefused) || !errors.As(err, &pe) || pe.Case != c.ID || pe.State != "accepted" {
		t.Errorf("a second extension: %v", err)
	}
	bad := procedure.Event{Trigger: "exclude_time", At: licAt(2025, 10, 30), Actor: licClerk, Payload: map[string]string{"duration": "3日"}}
	if err := d.Fire(ctx, c, bad); !errors.Is(err, procedure.ErrInvalidEvent) || !errors.As(err, &pe) || pe.Case != c.ID || pe.State != "accepted" {
		t.Errorf("an exclusion without a cause: %v", err)
	}
}

// TestLogRecordsStates: the log tells the path of the case, and Replay
// refuses a log whose states do not follow from its events.
func TestLogRecordsStates(t *testing.T) {
	d := licDefinition(t)
	c := licRun(t, d, []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	})
	if c.Events[0].To != "received" || c.Events[1].To != "accepted" {
		t.Fatalf("log states %q, %q", c.Events[0].To, c.Events[1].To)
	}
	forged := slices.Clone(c.Events)
	forged[1].To = "granted"
	_, err := d.Replay(context.Background(), c.ID, forged)
	var pe *procedure.Error
	if !errors.Is(err, procedure.ErrInvalidEvent) || !errors.As(err, &pe) || pe.Path != "events[1]" {
		t.Errorf("a forged state: %v", err)
	}
}

// with returns a copy of payload p with the keys and values kv, in
// pairs, set.
func with(p map[string]string, kv ...string) map[string]string {
	out := maps.Clone(p)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// The order of a hearing and of a decision on the spot, step by step.
func TestHearingAndOnTheSpotOrder(t *testing.T) {
	d := licDefinition(t)
	accepted := []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "accept", at: licAt(2025, 9, 26), payload: licVoucher, state: "accepted"},
	}
	record := map[string]string{"record": "听证笔录"}
	for _, tc := range []struct {
		name  string
		steps []licStep
	}{
		// Art 48 ¶1(1): the hearing is held at the time and place notified
		// seven days before; not without notice, nor before that day.
		{"Art 48 ¶1(1): no hearing without notice of its day", []licStep{
			{trigger: "notify_hearing_right", at: licAt(2025, 9, 30), state: "hearing_notice"},
			{trigger: "request_hearing", at: licAt(2025, 10, 9), state: "hearing"},
			{trigger: "hold_hearing", at: licAt(2025, 10, 10), payload: record, err: procedure.ErrInvalidTransition, unmet: 1},
		}},
		{"Art 48 ¶1(1): not before the day notified, and on it", []licStep{
			{trigger: "notify_hearing_right", at: licAt(2025, 9, 30), state: "hearing_notice"},
			{trigger: "request_hearing", at: licAt(2025, 10, 14), state: "hearing"},
			{trigger: "notify_hearing", at: licAt(2025, 10, 15), payload: licHearingNotice("2025-10-24"), state: "hearing"},
			{trigger: "hold_hearing", at: licAt(2025, 10, 16), payload: record, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "hold_hearing", at: licAt(2025, 10, 24), payload: record, state: "accepted"},
			// Art 45: expert review begun the afternoon of the hearing.
			{trigger: "exclude_time", at: licAt(2025, 10, 24).Add(5 * time.Hour), payload: map[string]string{"cause": "expert_review", "duration": "10个工作日"}, state: "excluded_time"},
		}},
		// Art 47 ¶1 with Art 45: told of the right to a hearing on the day
		// expert review ends, the applicant asks for one that afternoon.
		{"Art 47 ¶1: a hearing asked for on the day review ends", []licStep{
			{trigger: "exclude_time", at: licAt(2025, 10, 13), payload: map[string]string{"cause": "expert_review", "duration": "5个工作日"}, state: "excluded_time"},
			{trigger: "resume_count", at: licAt(2025, 10, 17), state: "accepted"},
			{trigger: "notify_hearing_right", at: licAt(2025, 10, 17).Add(time.Hour), state: "hearing_notice"},
			{trigger: "request_hearing", at: licAt(2025, 10, 17).Add(2 * time.Hour), state: "hearing"},
		}},
		// Art 42 ¶1: the decision clock runs while the applicant may still
		// ask for a hearing, and the head may extend it then.
		{"Art 42 ¶1: an extension while a hearing may be asked for", []licStep{
			{trigger: "notify_hearing_right", at: licAt(2025, 10, 28), state: "hearing_notice"},
			{trigger: "extend", at: licAt(2025, 10, 29), payload: map[string]string{"reasons": "待听证申请期满", "approver": "局长"}, state: "hearing_notice"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			licRun(t, d, append(slices.Clone(accepted), tc.steps...))
		})
	}
	t.Run("Art 42 ¶1: the extension moves the due day", func(t *testing.T) {
		c := licRun(t, d, append(slices.Clone(accepted),
			licStep{trigger: "notify_hearing_right", at: licAt(2025, 10, 28), state: "hearing_notice"},
			licStep{trigger: "extend", at: licAt(2025, 10, 29), payload: map[string]string{"reasons": "待听证申请期满", "approver": "局长"}, state: "hearing_notice"}))
		if st := licDue(t, d, c, date.New(2025, 10, 29))["decision"]; st.Due != date.New(2025, 11, 13) {
			t.Errorf("decision due %s, want 2025-11-13 (20 + 10 working days from 26 September)", st.Due)
		}
	})
	// Art 34 ¶2: a decision on the spot is made the day the application
	// is received; days later it is an ordinary decision, which needs
	// acceptance first (Art 32 ¶2) and runs the clock of Art 42.
	t.Run("Art 34 ¶2: on the spot is the day of receipt", func(t *testing.T) {
		licRun(t, d, []licStep{
			{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 30), payload: licOnSpot, err: procedure.ErrInvalidTransition, unmet: 1},
			{trigger: "decide_on_spot", at: licAt(2025, 9, 25).Add(time.Hour), payload: licOnSpot, state: "granted"},
		})
	})
}

// 行政许可法 Art 50 ¶1 with 民法典 Art 203 ¶2: under office hours closing
// at 17:00, a renewal handed in at 18:00 on Friday 7 August 2026 counts as
// received on Monday 10 August, 27 days before the licence expires on 6
// September: a day late, as its clock says. One handed in at 16:00 the
// same day is in time.
func TestRenewalAfterClosingTime(t *testing.T) {
	d, err := procedure.Reference("licensing", procedure.WithOfficeHours(deadline.OfficeHours{Close: 17 * 60 * 60 * 1e9, Defer: true}))
	if err != nil {
		t.Fatal(err)
	}
	inForce := []licStep{
		{trigger: "receive", at: licAt(2025, 9, 25), payload: map[string]string{"voucher": "收件"}, state: "received"},
		{trigger: "decide_on_spot", at: licAt(2025, 9, 25), payload: licOnSpot, state: "granted"},
		{trigger: "issue_certificate", at: licAt(2025, 9, 25), payload: map[string]string{"certificate": "JY-1"}, state: "issued"},
		{trigger: "deliver", at: licAt(2025, 9, 25), state: "in_force"},
	}
	expires := map[string]string{"expires": "2026-09-06"}
	at := func(hour int) time.Time { return time.Date(2026, 8, 7, hour, 0, 0, 0, deadline.ChinaStandardTime()) }
	licRun(t, d, append(slices.Clone(inForce),
		licStep{trigger: "apply_renewal", at: at(18), payload: expires, err: procedure.ErrInvalidTransition, unmet: 1},
		licStep{trigger: "apply_renewal", at: at(16), payload: expires, state: "renewal_pending"}))
}
