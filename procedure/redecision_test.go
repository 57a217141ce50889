package procedure_test

import (
	"testing"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// rdOrder is the payload of a set-aside with an order to decide anew: the
// ruling, its ground and, unless by is empty, the time it sets.
func rdOrder(ruling, ground, by string) map[string]string {
	p := map[string]string{"ruling": ruling, "set_aside_ground": ground}
	if by != "" {
		p["redecide_by"] = by
	}
	return p
}

// rdAnew is the payload of the new decision: same says whether it is the
// same, or basically the same, as the one set aside.
func rdAnew(same string) map[string]string {
	return map[string]string{"new_decision": "某罚决字〔2026〕30号", "same_decision": same}
}

// TestPenaltyRedecision follows a penalty set aside with an order to
// decide anew (行政复议法 Art 64 ¶1, 行政诉讼法 Art 70): the case waits for
// the new decision, within the time the ruling sets, and the new decision
// may not be the same, or basically the same, on the same facts and
// reasons (行政复议法 Art 64 ¶2, 行政诉讼法 Art 71), unless the
// reconsideration body set the penalty aside for breach of statutory
// procedure.
func TestPenaltyRedecision(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 64: enforced, set aside for breach of procedure on Mon 20 Apr 2026, decided anew the same by 20 May", func(t *testing.T) {
		c := enEnforced(t, d, "RD-2026-001")
		const restitution = "退还已划拨的罚款及加处罚款"
		order := rdOrder("某复决字〔2026〕21号", "procedure", "2026-05-20")
		noPeriod := with(rdOrder("某复决字〔2026〕21号", "procedure", ""), "restitution", restitution)
		sameDay := with(order, "redecide_by", "2026-04-20", "restitution", restitution)
		xnContinue(t, d, c, []xnStep{
			// Setting aside what was enforced restores it (行政强制法 Art 41).
			{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: order, err: procedure.ErrInvalidTransition, unmet: []string{"restitution"}},
			// The reconsideration body sets the time (Art 64 ¶1: 一定期限).
			{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: noPeriod, err: procedure.ErrInvalidTransition, unmet: []string{"redecide_by"}},
			{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: sameDay, err: procedure.ErrInvalidTransition, unmet: []string{"redecide_by"}},
			{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: with(order, "restitution", restitution), state: "redecision_ordered"},
		})
		xnFacts(t, c, map[string]string{"set_aside_ground": "procedure", "redecide_by": "2026-05-20", "restitution": restitution})
		// The order's time is the only clock left running: payment,
		// add-on, demand and the reconsideration end with the set-aside.
		due := xnDue(t, d, c, d8(2026, 4, 20))
		if len(due) != 1 {
			t.Errorf("running clocks %v, want only redecision", due)
		}
		xnWantDue(t, d, c, d8(2026, 4, 20), "redecision", d8(2026, 5, 20))
		xnContinue(t, d, c, []xnStep{
			{trigger: "redecide", at: xnDay(2026, 5, 18), payload: map[string]string{"same_decision": "true"}, err: procedure.ErrInvalidTransition, unmet: []string{"new_decision"}},
			// Set aside for breach of procedure: the same penalty may be
			// decided anew, by the procedure the law requires.
			{trigger: "redecide", at: xnDay(2026, 5, 18), payload: rdAnew("true"), state: "redecided"},
		})
		xnFacts(t, c, map[string]string{"new_decision": "某罚决字〔2026〕30号", "same_decision": "true"})
		xnNoClocks(t, d, c, d8(2026, 5, 18))
		xnReplay(t, d, c)
	})

	t.Run("Art 64 ¶2: set aside for unclear facts, the same penalty is refused", func(t *testing.T) {
		c := chAccepted(t, d, "RD-2026-002",
			xnStep{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: rdOrder("某复决字〔2026〕22号", "facts", "2026-06-19"), state: "redecision_ordered"},
			xnStep{trigger: "redecide", at: xnDay(2026, 6, 1), payload: rdAnew("true"), err: procedure.ErrInvalidTransition, unmet: []string{"set_aside_ground=procedure"}},
			xnStep{trigger: "redecide", at: xnDay(2026, 6, 1), payload: rdAnew("false"), state: "redecided"},
		)
		xnReplay(t, d, c)
	})

	t.Run("Art 70, Art 71: set aside by the court with no time set, the same penalty refused even for breach of procedure", func(t *testing.T) {
		c := xnContinue(t, d, penSuedOverdue(t, d, "RD-2026-003"), []xnStep{
			// The order records why the penalty was set aside.
			{trigger: "set_aside_redecide", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕12号"}, err: procedure.ErrInvalidTransition, unmet: []string{"set_aside_ground"}},
			{trigger: "set_aside_redecide", at: xnDay(2026, 9, 1), payload: rdOrder("某行初字〔2026〕12号", "procedure", ""), state: "redecision_ordered"},
		})
		xnNoClocks(t, d, c, d8(2026, 9, 1))
		xnContinue(t, d, c, []xnStep{
			{trigger: "redecide", at: xnDay(2026, 10, 9), payload: rdAnew("true"), err: procedure.ErrInvalidTransition, unmet: []string{"same_decision=false"}},
			{trigger: "redecide", at: xnDay(2026, 10, 9), payload: rdAnew("false"), state: "redecided"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 70: a time the judgment sets is kept", func(t *testing.T) {
		c := xnContinue(t, d, penSuedOverdue(t, d, "RD-2026-004"), []xnStep{
			{trigger: "set_aside_redecide", at: xnDay(2026, 9, 1), payload: rdOrder("某行初字〔2026〕13号", "basis", "2026-10-30"), state: "redecision_ordered"},
		})
		xnWantDue(t, d, c, d8(2026, 9, 1), "redecision", d8(2026, 10, 30))
		xnReplay(t, d, c)
	})

	t.Run("on the spot: set aside on reconsideration, decided anew", func(t *testing.T) {
		simple := xnDefinition(t, "penalty-simplified")
		c := xnContinue(t, simple, pspReconsidered(t, simple, "RD-2026-005"), []xnStep{
			{trigger: "set_aside_redecide", at: xnDay(2026, 3, 10), payload: rdOrder("某复决字〔2026〕23号", "basis", "2026-04-09"), state: "redecision_ordered"},
		})
		xnWantDue(t, simple, c, d8(2026, 3, 10), "redecision", d8(2026, 4, 9))
		xnContinue(t, simple, c, []xnStep{
			{trigger: "redecide", at: xnDay(2026, 4, 8), payload: rdAnew("false"), state: "redecided"},
		})
		xnNoClocks(t, simple, c, d8(2026, 4, 8))
		xnReplay(t, simple, c)
	})
}
