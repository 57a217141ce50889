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
// reconsideration, accepted by the ordinary procedure: random events
// from a new case do not reach it.
func TestPenaltyModelsInReconsideration(t *testing.T) {
	d := xnDefinition(t, "penalty")
	c := chOverdue(t, d, "M-RECONSIDERATION")
	xnContinue(t, d, c, []xnStep{
		{trigger: "accept_reconsideration", at: xnDay(2026, 3, 12), payload: rcOrdinary, state: "add_on_accruing"},
	})
	rapid.Check(t, func(t *rapid.T) { runModel(t, d, c) })
}
