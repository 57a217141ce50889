package procedure_test

import (
	"context"
	"testing"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// Payloads of a suspended reconsideration.
var (
	rsSuspend = map[string]string{"suspension_ground": "申请人因不可抗力不能参加行政复议（第三十九条第一款第五项）", "notice": "行政复议中止通知书"}
	rsResume  = map[string]string{"resumption": "不可抗力消除", "notice": "恢复审理通知书"}
)

// TestPenaltyReconsiderationSuspension follows 行政复议法 Art 39: the
// review is suspended on a ground of ¶1, and resumed once it ceases
// (¶2), the parties told in writing each time (¶3). The sixty days of
// Art 62 ¶1 do not run meanwhile, and the body decides nothing while the
// review is suspended.
func TestPenaltyReconsiderationSuspension(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 39: suspended from 2 April to 12 May, the sixty days end on 22 June", func(t *testing.T) {
		c := chOverdue(t, d, "RS-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "resume_reconsideration", at: xnDay(2026, 3, 12), payload: rsResume, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_procedure"}},
			{trigger: "accept_reconsideration", at: xnDay(2026, 3, 12), payload: rcOrdinary, state: "add_on_accruing"},
			// Accepted on Thu 12 March: sixty days end on Mon 11 May.
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: with(rsSuspend, "notice", ""), err: procedure.ErrInvalidTransition, unmet: []string{"notice"}},
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: rsSuspend, state: "add_on_accruing"},
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 3), payload: rsSuspend, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended"}},
			// Nothing is decided while the review is suspended.
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 10), payload: chUpheld, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended"}},
			{trigger: "set_aside", at: xnDay(2026, 4, 10), payload: map[string]string{"ruling": "某复决字〔2026〕9号"}, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended"}},
			{trigger: "convert_reconsideration", at: xnDay(2026, 4, 10), payload: map[string]string{"approver": "复议机构负责人"}, err: procedure.ErrInvalidTransition},
		})
		if st := xnDue(t, d, c, d8(2026, 4, 15))["reconsideration"]; !st.Paused {
			t.Errorf("the reconsideration's time is not paused while suspended: %+v", st)
		}
		// The sixty days as first counted have passed, but not while the
		// review was suspended: nothing lapses.
		if fired, err := d.Advance(context.Background(), c, xnAt(2026, 5, 12, 9)); err != nil || len(fired) != 0 {
			t.Fatalf("Advance on 12 May while suspended: %v, %v", fired, err)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "resume_reconsideration", at: xnDay(2026, 5, 12), payload: rsResume, state: "add_on_accruing"},
			{trigger: "resume_reconsideration", at: xnDay(2026, 5, 13), payload: rsResume, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended=true"}},
		})
		// Twenty of the sixty days ran, 13 March to 1 April. Suspended
		// from 2 April, resumed on 12 May: neither day counts (the
		// suspension's first and the resumption's day, deadline's ledger).
		// The forty left run from 13 May to Sun 21 June, rolled to Mon 22
		// June.
		xnWantDue(t, d, c, d8(2026, 5, 12), "reconsideration", d8(2026, 6, 22))
		xnFacts(t, c, map[string]string{"reconsideration_suspended": "false", "suspension_ground": rsSuspend["suspension_ground"], "resumption": "不可抗力消除"})
		decided := c.Clone()
		xnAdvance(t, d, c, xnAt(2026, 6, 23, 9), procedure.Event{Trigger: "reconsideration_lapsed", At: xnMidnight(2026, 6, 23)})
		xnReplay(t, d, c)

		xnContinue(t, d, decided, []xnStep{
			{trigger: "conclude_challenge", at: xnDay(2026, 6, 1), payload: chUpheld, state: "add_on_accruing"},
		})
		xnReplay(t, d, decided)
	})

	t.Run("Art 39 with Art 62 ¶2: the simplified procedure's thirty days are suspended alike", func(t *testing.T) {
		c := chOverdue(t, d, "RS-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "accept_reconsideration", at: xnDay(2026, 3, 12), payload: rcSimplified, state: "add_on_accruing"},
			{trigger: "suspend_reconsideration", at: xnDay(2026, 3, 20), payload: rsSuspend, state: "add_on_accruing"},
			{trigger: "resume_reconsideration", at: xnDay(2026, 3, 30), payload: rsResume, state: "add_on_accruing"},
		})
		// Seven of the thirty days ran, 13 to 19 March; suspended from 20
		// March, resumed on the 30th, the twenty-three left run from 31
		// March to Wed 22 April (unsuspended, they would have ended on
		// Sat 11 April, rolled to Mon 13 April).
		xnWantDue(t, d, c, d8(2026, 3, 30), "reconsideration_simplified", d8(2026, 4, 22))
		xnReplay(t, d, c)
	})
}

// TestPenaltySimplifiedReconsiderationSuspension: a penalty decided on
// the spot is challenged by reconsideration first (行政复议法 Art 23
// ¶1(1)), whose review is suspended and resumed as any other (Art 39).
func TestPenaltySimplifiedReconsiderationSuspension(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspReconsidered(t, d, "SP-RS-1",
		xnStep{trigger: "accept_reconsideration", at: xnDay(2026, 3, 6), payload: rcSimplified, state: "awaiting_payment"},
		xnStep{trigger: "suspend_reconsideration", at: xnDay(2026, 3, 9), payload: rsSuspend, state: "awaiting_payment"},
		xnStep{trigger: "conclude_challenge", at: xnDay(2026, 3, 10), payload: chUpheld, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended"}},
		xnStep{trigger: "resume_reconsideration", at: xnDay(2026, 3, 16), payload: rsResume, state: "awaiting_payment"},
		xnStep{trigger: "conclude_challenge", at: xnDay(2026, 3, 17), payload: chUpheld, state: "awaiting_payment"},
	)
	xnReplay(t, d, c)
}

// TestPenaltyModelsInReconsideration runs the model from a fine under
// reconsideration, accepted by the ordinary procedure, and from one whose
// review is suspended until the applicant's heirs are known (行政复议法
// Art 39 ¶1(1), ending under Art 41(5)), and from a fine sued against
// and overdue, whose suit may be withdrawn (行政诉讼法 Art 62): random
// events from a new case seldom reach them.
func TestPenaltyModelsInReconsideration(t *testing.T) {
	d := xnDefinition(t, "penalty")
	c := chAccepted(t, d, "M-RECONSIDERATION")
	heirs := xnContinue(t, d, c.Clone(), []xnStep{
		{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: rsHeirs, state: "add_on_accruing"},
	})
	sued := penSuedOverdue(t, d, "M-SUIT")
	for _, start := range []*procedure.Case{c, heirs, sued} {
		t.Run(string(start.Events[len(start.Events)-1].Trigger), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) { runModel(t, d, start) })
		})
	}
}

// Payloads of an ended reconsideration.
var (
	rtWithdrawn = map[string]string{"termination_ground": "申请人撤回行政复议申请，行政复议机构准予撤回（第四十一条第一项）", "ruling": "某复终字〔2026〕1号"}
	rtLapsed    = map[string]string{"suspension_lapsed": "true", "ruling": "某复终字〔2026〕2号"}
	rsHeirs     = map[string]string{"suspension_ground": "申请人死亡，其近亲属尚未确定是否参加行政复议（第三十九条第一款第一项）", "notice": "行政复议中止通知书", "successor_pending": "true"}
)

// TestPenaltyReconsiderationTermination follows 行政复议法 Art 41: the
// review ends without a decision when the application is withdrawn with
// leave (item 1), when no one succeeds a dead or dissolved applicant
// (items 2 and 3), or when a suspension on Art 39 ¶1(1), (2) or (4) has
// lasted sixty days and its ground has not ceased (item 5). The decision
// then stands as though it had not been challenged: a withdrawn
// application is not made again on the same facts and reasons (行政复议法
// 实施条例 Art 38 ¶2), a suit may still be brought within the time first
// allowed (the Supreme People's Court's interpretation 法释〔2018〕1号
// Art 58), and once that time has passed the agency may apply to the
// court (行政强制法 Art 53).
func TestPenaltyReconsiderationTermination(t *testing.T) {
	d := xnDefinition(t, "penalty")
	t.Run("Art 41(1): withdrawn with leave, then sued within the six months first allowed", func(t *testing.T) {
		c := chAccepted(t, d, "RT-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "terminate_reconsideration", at: xnDay(2026, 3, 20), payload: with(rtWithdrawn, "ruling", ""), err: procedure.ErrInvalidTransition, unmet: []string{"ruling"}},
			{trigger: "terminate_reconsideration", at: xnDay(2026, 3, 20), payload: rtWithdrawn, state: "add_on_accruing"},
			// Ended once; not accepted, suspended or applied for again.
			{trigger: "terminate_reconsideration", at: xnDay(2026, 3, 23), payload: rtWithdrawn, err: procedure.ErrInvalidTransition},
			{trigger: "accept_reconsideration", at: xnDay(2026, 3, 23), payload: rcOrdinary, err: procedure.ErrInvalidTransition},
			{trigger: "suspend_reconsideration", at: xnDay(2026, 3, 23), payload: rsSuspend, err: procedure.ErrInvalidTransition},
			{trigger: "challenge", at: xnDay(2026, 3, 23), payload: chReconsider, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration"}},
		})
		xnFacts(t, c, map[string]string{"challenged": "", "reconsideration": "terminated", "termination_ground": rtWithdrawn["termination_ground"], "ruling": rtWithdrawn["ruling"]})
		due := xnDue(t, d, c, d8(2026, 3, 23))
		if _, ok := due["reconsideration"]; ok {
			t.Errorf("the reconsideration's time still runs after the review ended: %+v", due["reconsideration"])
		}
		// The six months from service on 2 February run again, to 3
		// August, as first counted.
		xnWantDue(t, d, c, d8(2026, 3, 23), "challenge", d8(2026, 8, 3))
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 4, 1), payload: chSue, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, err: procedure.ErrInvalidTransition},
		})
		xnFacts(t, c, map[string]string{"challenged": "litigation"})
		xnReplay(t, d, c)
	})

	t.Run("行政强制法 Art 53: withdrawn and not sued, the court is open once the six months have passed", func(t *testing.T) {
		c := chAccepted(t, d, "RT-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "terminate_reconsideration", at: xnDay(2026, 3, 20), payload: rtWithdrawn, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 8, 3), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 41(5): suspended sixty days on Art 39 ¶1(1), the ground not ceased", func(t *testing.T) {
		c := chAccepted(t, d, "RT-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: rsHeirs, state: "add_on_accruing"},
		})
		// Sixty days from Thu 2 April end on Mon 1 June.
		xnWantDue(t, d, c, d8(2026, 4, 2), "reconsideration_suspension", d8(2026, 6, 1))
		xnContinue(t, d, c, []xnStep{
			{trigger: "terminate_reconsideration", at: xnDay(2026, 6, 1), payload: rtLapsed, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspension"}},
			{trigger: "terminate_reconsideration", at: xnDay(2026, 6, 2), payload: rtLapsed, state: "add_on_accruing"},
		})
		due := xnDue(t, d, c, d8(2026, 6, 2))
		for _, clock := range []string{"reconsideration", "reconsideration_suspension"} {
			if _, ok := due[clock]; ok {
				t.Errorf("clock %s still runs after the review ended", clock)
			}
		}
		xnFacts(t, c, map[string]string{"reconsideration": "terminated", "reconsideration_suspended": "false", "challenged": ""})
		xnReplay(t, d, c)
	})

	t.Run("Art 41(5) needs a suspension on Art 39 ¶1(1), (2) or (4), not resumed", func(t *testing.T) {
		other := chAccepted(t, d, "RT-2026-004")
		xnContinue(t, d, other, []xnStep{
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: rsSuspend, state: "add_on_accruing"},
			{trigger: "terminate_reconsideration", at: xnDay(2026, 6, 2), payload: rtLapsed, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspension"}},
		})
		if _, ok := xnDue(t, d, other, d8(2026, 4, 2))["reconsideration_suspension"]; ok {
			t.Error("a suspension on another ground starts the sixty days of Art 41(5)")
		}
		resumed := chAccepted(t, d, "RT-2026-005")
		xnContinue(t, d, resumed, []xnStep{
			{trigger: "suspend_reconsideration", at: xnDay(2026, 4, 2), payload: rsHeirs, state: "add_on_accruing"},
			{trigger: "resume_reconsideration", at: xnDay(2026, 4, 20), payload: rsResume, state: "add_on_accruing"},
			{trigger: "terminate_reconsideration", at: xnDay(2026, 4, 21), payload: rtLapsed, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_suspended=true"}},
		})
		if _, ok := xnDue(t, d, resumed, d8(2026, 4, 20))["reconsideration_suspension"]; ok {
			t.Error("the sixty days of Art 41(5) still run after the review resumed")
		}
		xnReplay(t, d, other)
		xnReplay(t, d, resumed)
	})
}

// TestPenaltySimplifiedReconsiderationTermination: a penalty decided on
// the spot is reconsidered before any suit (行政复议法 Art 23 ¶1(1)), so
// a review ended by withdrawal leaves neither a suit nor a new
// application on the same facts and reasons (行政复议法实施条例 Art 38
// ¶2). A stay of execution ends with the review (行政复议法 Art 42: only
// 行政复议期间).
func TestPenaltySimplifiedReconsiderationTermination(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspReconsidered(t, d, "SP-RT-1",
		xnStep{trigger: "accept_reconsideration", at: xnDay(2026, 3, 6), payload: rcSimplified, state: "awaiting_payment"},
		xnStep{trigger: "stay", at: xnDay(2026, 3, 6), payload: stBody, state: "awaiting_payment"},
		xnStep{trigger: "terminate_reconsideration", at: xnDay(2026, 3, 9), payload: rtWithdrawn, state: "awaiting_payment"},
		xnStep{trigger: "challenge", at: xnDay(2026, 3, 10), payload: chSue, err: procedure.ErrInvalidTransition},
		xnStep{trigger: "challenge", at: xnDay(2026, 3, 10), payload: chReconsider, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration"}},
	)
	xnFacts(t, c, map[string]string{"stayed_in_reconsideration": "false", "reconsideration": "terminated"})
	if _, ok := xnDue(t, d, c, d8(2026, 3, 9))["reconsideration_simplified"]; ok {
		t.Error("the reconsideration's time still runs after the review ended")
	}
	xnReplay(t, d, c)
}

// swWithdrawn is the court's ruling allowing the party to withdraw its
// suit (行政诉讼法 Art 62).
var swWithdrawn = map[string]string{"ruling": "某行初字〔2026〕5号之一（准予撤诉）"}

// TestPenaltySuitWithdrawal follows a suit the party withdraws with the
// court's leave (行政诉讼法 Art 62). A suit brought directly leaves the
// decision as though unchallenged: the six months to sue run as first
// counted, no reconsideration is applied for afterwards (the court
// accepted a suit against the decision, 行政复议法 Art 30 ¶1(7)), and once
// the six months have passed the agency may apply to the court (行政强制法
// Art 53). A suit brought after a reconsideration decision leaves that
// decision standing, with its fifteen days to sue as first counted
// (行政诉讼法 Art 45). Whether a new suit repeats the withdrawn one's facts
// and reasons is the court's to decide when it accepts it (法释〔2018〕1号
// Art 60): a suit the court accepted within the time is recorded.
func TestPenaltySuitWithdrawal(t *testing.T) {
	d := xnDefinition(t, "penalty")
	t.Run("a direct suit withdrawn on Fri 20 Mar 2026: the court is open once the six months have passed", func(t *testing.T) {
		c := penSuedOverdue(t, d, "SW-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "withdraw_suit", at: xnDay(2026, 3, 20), err: procedure.ErrInvalidTransition, unmet: []string{"ruling"}},
			{trigger: "withdraw_suit", at: xnDay(2026, 3, 20), payload: swWithdrawn, state: "add_on_accruing"},
			{trigger: "withdraw_suit", at: xnDay(2026, 3, 23), payload: swWithdrawn, err: procedure.ErrInvalidTransition},
			{trigger: "conclude_challenge", at: xnDay(2026, 3, 23), payload: chUpheld, err: procedure.ErrInvalidTransition},
			{trigger: "challenge", at: xnDay(2026, 3, 23), payload: chReconsider, err: procedure.ErrInvalidTransition, unmet: []string{"litigation"}},
		})
		xnFacts(t, c, map[string]string{"challenged": "", "litigation": "withdrawn", "stayed_in_litigation": "false", "ruling": swWithdrawn["ruling"]})
		// The six months from service on Mon 2 February, to Mon 3 August.
		xnWantDue(t, d, c, d8(2026, 3, 23), "challenge", d8(2026, 8, 3))
		xnContinue(t, d, c, []xnStep{
			{trigger: "serve_demand", at: xnDay(2026, 3, 23), payload: map[string]string{"demand": "催告书", "perform_by": "2026-04-02"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 8, 3), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("a new suit the court accepted within the six months", func(t *testing.T) {
		c := penSuedOverdue(t, d, "SW-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "withdraw_suit", at: xnDay(2026, 3, 20), payload: swWithdrawn, state: "add_on_accruing"},
			{trigger: "challenge", at: xnDay(2026, 4, 1), payload: chSue, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, err: procedure.ErrInvalidTransition},
		})
		xnFacts(t, c, map[string]string{"challenged": "litigation", "litigation": "withdrawn"})
		xnReplay(t, d, c)
	})

	t.Run("withdrawn after a reconsideration decision: the decision stands", func(t *testing.T) {
		c := chAccepted(t, d, "SW-2026-003", []xnStep{
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 10), payload: chUpheld, state: "add_on_accruing"},
		}...)
		suit, ok := xnDue(t, d, c, d8(2026, 4, 10))["suit"]
		if !ok {
			t.Fatal("no time to sue after the reconsideration decision")
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 4, 15), payload: chSue, state: "add_on_accruing"},
			{trigger: "withdraw_suit", at: xnDay(2026, 4, 20), payload: swWithdrawn, state: "add_on_accruing"},
			{trigger: "challenge", at: xnDay(2026, 4, 21), payload: chReconsider, err: procedure.ErrInvalidTransition},
		})
		xnFacts(t, c, map[string]string{"challenged": "reconsideration", "upheld": "true", "litigation": "withdrawn", "stayed_in_litigation": "false"})
		// The fifteen days from the decision, as first counted.
		xnWantDue(t, d, c, d8(2026, 4, 20), "suit", suit.Due)
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 4, 21), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
		})
		// Once they have passed, the decision upheld on reconsideration is
		// taken to the court (行政复议法 Art 78 ¶1(1)).
		after := suit.Due + 1
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(after.Year(), after.Month(), after.Day()), payload: chCourt, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("withdrawn after the reconsideration body's time ended without a decision", func(t *testing.T) {
		c := chAccepted(t, d, "SW-2026-004")
		// Sixty days from Thu 12 March end on Mon 11 May.
		xnAdvance(t, d, c, xnAt(2026, 5, 12, 9), procedure.Event{Trigger: "reconsideration_lapsed", At: xnMidnight(2026, 5, 12)})
		suit, ok := xnDue(t, d, c, d8(2026, 5, 12))["suit"]
		if !ok {
			t.Fatal("no time to sue after the reconsideration lapsed")
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 5, 13), payload: chSue, state: "add_on_accruing"},
			{trigger: "withdraw_suit", at: xnDay(2026, 5, 20), payload: swWithdrawn, state: "add_on_accruing"},
		})
		xnFacts(t, c, map[string]string{"challenged": "reconsideration", "reconsideration": "lapsed", "upheld": "false", "litigation": "withdrawn"})
		xnWantDue(t, d, c, d8(2026, 5, 20), "suit", suit.Due)
		xnReplay(t, d, c)
	})
}

// TestPenaltySimplifiedSuitWithdrawal: a penalty decided on the spot is
// sued only after reconsideration (行政复议法 Art 23 ¶1(1)); a suit
// withdrawn (行政诉讼法 Art 62) leaves the reconsideration decision
// standing, with its fifteen days to sue as first counted.
func TestPenaltySimplifiedSuitWithdrawal(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspUpheld(t, d, "SW-2026-101")
	suit, ok := xnDue(t, d, c, d8(2026, 3, 10))["suit"]
	if !ok {
		t.Fatal("no time to sue after the reconsideration decision")
	}
	xnContinue(t, d, c, []xnStep{
		{trigger: "withdraw_suit", at: xnDay(2026, 3, 11), payload: swWithdrawn, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=litigation"}},
		{trigger: "challenge", at: xnDay(2026, 3, 11), payload: chSue, state: "awaiting_payment"},
		{trigger: "withdraw_suit", at: xnDay(2026, 3, 16), payload: swWithdrawn, state: "awaiting_payment"},
	})
	xnFacts(t, c, map[string]string{"challenged": "reconsideration", "upheld": "true", "litigation": "withdrawn"})
	xnWantDue(t, d, c, d8(2026, 3, 16), "suit", suit.Due)
	xnReplay(t, d, c)
}
