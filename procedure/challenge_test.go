package procedure_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Payloads of the challenge steps.
var (
	chReconsider = map[string]string{"challenged": "reconsideration"}
	chSue        = map[string]string{"challenged": "litigation"}
	chUpheld     = map[string]string{"ruling": "某复决字〔2026〕8号"}
	chCourt      = map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
)

// penServed is a fine of 20,000 yuan decided on Fri 30 Jan 2026 and
// served on Mon 2 Feb, awaiting payment.
func penServed(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	c := penDecided(t, d, id, xnDay(2026, 1, 30), "20000")
	return xnContinue(t, d, c, []xnStep{
		{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "awaiting_payment"},
	})
}

// penSuedOverdue is a fine of 20,000 yuan served on Mon 2 Feb 2026, for
// which the party sues on the 10th, overdue from 25 February.
func penSuedOverdue(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	c := penServed(t, d, id)
	xnContinue(t, d, c, []xnStep{
		{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "awaiting_payment"},
	})
	xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
	return c
}

// penDemanded brings a fine of 20,000 yuan decided on Fri 30 Jan 2026 and
// served on Mon 2 Feb to the add-on (from Wed 25 Feb), with a demand
// served on 3 March whose ten working days end on 17 March.
func penDemanded(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	c := penServed(t, d, id)
	xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
	return xnContinue(t, d, c, []xnStep{
		{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-13"}, state: "add_on_accruing"},
	})
}

// chOverdue is penDemanded's case, for which the party seeks
// reconsideration on 10 March.
func chOverdue(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, penDemanded(t, d, id), []xnStep{
		{trigger: "challenge", at: xnDay(2026, 3, 10), payload: chReconsider, state: "add_on_accruing"},
	})
}

// chAccepted is chOverdue's case, whose reconsideration is accepted on
// Thu 12 March by the ordinary procedure, then the steps given.
func chAccepted(t *testing.T, d *procedure.Definition, id string, then ...xnStep) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, chOverdue(t, d, id), append([]xnStep{
		{trigger: "accept_reconsideration", at: xnDay(2026, 3, 12), payload: rcOrdinary, state: "add_on_accruing"},
	}, then...))
}

// TestPenaltyChallenge follows a penalty decision the party challenges:
// the challenge does not stop its execution (行政处罚法 Art 73 ¶1), but it
// bars the application to the court that Art 53 of 行政强制法 allows only
// where the party did not challenge; the decision upheld is enforced
// under 行政复议法 Art 78 or 行政诉讼法 Art 95, and a decision set aside
// ends the case.
func TestPenaltyChallenge(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("行政强制法 Art 53: no application to the court while the party's reconsideration is pending", func(t *testing.T) {
		c := chOverdue(t, d, "CH-2026-001")
		if due := xnDue(t, d, c, d8(2026, 3, 10)); due["challenge"].Due != 0 {
			t.Errorf("the time to challenge still runs after the challenge: %v", due["challenge"])
		}
		xnContinue(t, d, c, []xnStep{
			// Six months from service end on 3 August: without the
			// challenge, the court would be open from the 4th.
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			// A second challenge of the same decision is refused.
			// A suit follows a reconsideration only once it is decided, or
			// its time has lapsed (行政诉讼法 Art 45).
			{trigger: "challenge", at: xnDay(2026, 3, 11), payload: chSue, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration=lapsed"}},
			{trigger: "challenge", at: xnDay(2026, 3, 11), payload: chReconsider, err: procedure.ErrInvalidTransition, unmet: []string{"challenged"}},
		})
	})

	t.Run("行政处罚法 Art 73 ¶1: the challenge does not stop the agency enforcing under its own power", func(t *testing.T) {
		c := chOverdue(t, d, "CH-2026-002")
		// Thirty days of add-on from 25 February end on 26 March (行政强制法
		// Art 46 ¶1).
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "强制执行决定书"}, state: "enforcement"},
		})
	})

	t.Run("行政复议法 Art 78 ¶1(1), 行政诉讼法 Art 45: upheld on Mon 20 Apr 2026, the fifteen days to sue end in the Labour Day break and roll to Wed 6 May", func(t *testing.T) {
		c := chOverdue(t, d, "CH-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), err: procedure.ErrInvalidTransition, unmet: []string{"ruling"}},
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), payload: chUpheld, state: "add_on_accruing"},
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 21), payload: chUpheld, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
		})
		xnWantDue(t, d, c, d8(2026, 4, 20), "suit", d8(2026, 5, 6))
		lastDay, late := c.Clone(), c.Clone()
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 5, 6), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
			{trigger: "enforce", at: xnDay(2026, 5, 7), payload: chCourt, state: "enforcement"},
		})
		if c.Facts["challenged"] != "reconsideration" || c.Facts["upheld"] != "true" || c.Facts["ruling"] != chUpheld["ruling"] {
			t.Errorf("facts %v", c.Facts)
		}
		if due := xnDue(t, d, c, d8(2026, 5, 7)); len(due) != 0 {
			t.Errorf("clocks still running: %v", due)
		}
		xnReplay(t, d, c)

		// The party sues on the last day; the judgment dismissing the
		// claim takes effect on 1 September, and the agency applies to the
		// court the next day (行政诉讼法 Art 95).
		xnContinue(t, d, lastDay, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 5, 6), payload: chSue, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 5, 7), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			{trigger: "conclude_challenge", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕5号"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 9, 2), payload: chCourt, state: "enforcement"},
		})
		if lastDay.Facts["challenged"] != "litigation" || lastDay.Facts["upheld"] != "true" {
			t.Errorf("facts %v", lastDay.Facts)
		}
		xnReplay(t, d, lastDay)

		// A suit on 7 May is out of time, and the decision upheld is not
		// set aside.
		xnContinue(t, d, late, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 5, 7), payload: chSue, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
			{trigger: "set_aside", at: xnDay(2026, 5, 7), payload: chUpheld, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
		})
	})

	t.Run("行政诉讼法 Art 70: a decision set aside ends the case, its clocks stopped", func(t *testing.T) {
		c := penServed(t, d, "CH-2026-004")
		xnContinue(t, d, c, []xnStep{
			{trigger: "set_aside", at: xnDay(2026, 2, 5), payload: chUpheld, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=reconsideration"}},
			{trigger: "challenge", at: xnDay(2026, 2, 5), payload: chSue, state: "awaiting_payment"},
		})
		xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		xnContinue(t, d, c, []xnStep{
			{trigger: "set_aside", at: xnDay(2026, 7, 1), payload: map[string]string{"ruling": "某行初字〔2026〕9号"}, state: "set_aside"},
		})
		if !d.IsTerminal(c.State) {
			t.Errorf("%s is not terminal", c.State)
		}
		if due := xnDue(t, d, c, d8(2026, 7, 1)); len(due) != 0 {
			t.Errorf("clocks still running: %v", due)
		}
	})

	t.Run("行政强制法 Art 53: a decision without a fine, challenged, is not enforced by the court until upheld", func(t *testing.T) {
		c := penDecided(t, d, "CH-2026-005", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-02-12"}, state: "delivered"},
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			{trigger: "conclude_challenge", at: xnDay(2026, 8, 10), payload: map[string]string{"ruling": "某行初字〔2026〕7号"}, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 8, 11), payload: chCourt, state: "enforcement"},
		})
	})
}

// Payloads of the stay steps.
var (
	stBody     = map[string]string{"stay_ground": "申请人申请停止执行，行政复议机关认为其要求合理", "stay_order": "某复停字〔2026〕1号"}
	stCourt    = map[string]string{"stay_ground": "执行会造成难以弥补的损失，停止执行不损害公共利益", "stay_order": "某行初字〔2026〕5-1号"}
	stSelf     = map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "强制执行决定书"}
	stDemand   = map[string]string{"demand": "催告书", "perform_by": "2026-03-31"}
	stNoBody   = "stayed_in_reconsideration=true"
	stNoCourt  = "stayed_in_litigation=true"
	stRevoking = map[string]string{"lift_order": "某行初字〔2026〕5-2号"}
)

// TestPenaltyStay follows a stay of execution while a penalty is
// challenged: execution goes on unless the reconsideration body or the
// court stays it (行政复议法 Art 42 ¶1, 行政诉讼法 Art 56 ¶1). A stay bars the
// agency's own enforcement and its demand to perform, not the party's
// payment; it ends when the decision is upheld, or, in a suit, when the
// ruling is revoked on reconsideration of it (行政诉讼法 Art 56 ¶2).
func TestPenaltyStay(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("行政复议法 Art 42 ¶1: stayed during the reconsideration, enforced once it is upheld", func(t *testing.T) {
		c := chOverdue(t, d, "ST-2026-001")
		paid := c.Clone()
		xnContinue(t, d, c, []xnStep{
			{trigger: "stay", at: xnDay(2026, 3, 11), err: procedure.ErrInvalidTransition, unmet: []string{"stay_ground", "stay_order"}},
			{trigger: "lift_stay", at: xnDay(2026, 3, 11), payload: stRevoking, err: procedure.ErrInvalidTransition, unmet: []string{stNoCourt}},
			{trigger: "stay", at: xnDay(2026, 3, 11), payload: stBody, state: "add_on_accruing"},
			{trigger: "stay", at: xnDay(2026, 3, 12), payload: stBody, err: procedure.ErrInvalidTransition, unmet: []string{stNoBody}},
			// The thirty days of add-on end on 26 March: without the stay,
			// the agency could enforce on the 27th (as in TestPenaltyChallenge).
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: stSelf, err: procedure.ErrInvalidTransition, unmet: []string{stNoBody}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 27), payload: stDemand, err: procedure.ErrInvalidTransition, unmet: []string{stNoBody}},
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), payload: chUpheld, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 4, 21), payload: stSelf, state: "enforcement"},
		})
		if c.Facts["stayed_in_reconsideration"] != "false" || c.Facts["stay_order"] != stBody["stay_order"] {
			t.Errorf("facts %v", c.Facts)
		}
		xnReplay(t, d, c)

		// The party may pay while execution is stayed.
		xnContinue(t, d, paid, []xnStep{
			{trigger: "stay", at: xnDay(2026, 3, 11), payload: stBody, state: "add_on_accruing"},
			{trigger: "pay", at: xnDay(2026, 3, 12), payload: map[string]string{"receipt": "缴款凭证", "add_on": "9000"}, state: "executed"},
		})
	})

	t.Run("行政诉讼法 Art 56: a court's stay, revoked on reconsideration of the ruling", func(t *testing.T) {
		c := penDecided(t, d, "ST-2026-002", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "challenge", at: xnDay(2026, 2, 5), payload: chSue, state: "delivered"},
			{trigger: "stay", at: xnDay(2026, 2, 6), payload: stCourt, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 9), payload: stDemand, err: procedure.ErrInvalidTransition, unmet: []string{stNoCourt}},
			{trigger: "lift_stay", at: xnDay(2026, 2, 20), err: procedure.ErrInvalidTransition, unmet: []string{"lift_order"}},
			{trigger: "lift_stay", at: xnDay(2026, 2, 20), payload: stRevoking, state: "delivered"},
			{trigger: "lift_stay", at: xnDay(2026, 2, 21), payload: stRevoking, err: procedure.ErrInvalidTransition, unmet: []string{stNoCourt}},
			// Execution goes on while the suit is pending (行政处罚法 Art 73 ¶1).
			{trigger: "serve_demand", at: xnDay(2026, 2, 23), payload: stDemand, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 4, 1), payload: stSelf, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("行政诉讼法 Art 45: a suit after reconsideration is stayed afresh by the court", func(t *testing.T) {
		c := chOverdue(t, d, "ST-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "stay", at: xnDay(2026, 3, 11), payload: stBody, state: "add_on_accruing"},
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), payload: chUpheld, state: "add_on_accruing"},
			// Upheld, the decision is no longer stayed: a stay now would
			// need a suit.
			{trigger: "stay", at: xnDay(2026, 4, 21), payload: stBody, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			{trigger: "challenge", at: xnDay(2026, 4, 30), payload: chSue, state: "add_on_accruing"},
			{trigger: "stay", at: xnDay(2026, 5, 6), payload: stCourt, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 5, 7), payload: stSelf, err: procedure.ErrInvalidTransition, unmet: []string{stNoCourt}},
			{trigger: "set_aside", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕6号"}, state: "set_aside"},
		})
		xnReplay(t, d, c)
	})

	t.Run("no stay without a pending challenge", func(t *testing.T) {
		c := penServed(t, d, "ST-2026-004")
		xnContinue(t, d, c, []xnStep{
			{trigger: "stay", at: xnDay(2026, 2, 3), payload: stBody, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=reconsideration", "challenged=litigation"}},
		})
	})
}

// pspHandedOver is a fine of 100 yuan decided on the spot on Mon 2
// March 2026 and handed to the party.
func pspHandedOver(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	return xnRun(t, d, id, []xnStep{
		{trigger: "decide_on_spot", at: xnDay(2026, 3, 2), payload: pspDecide("fine", "citizen", "100"), state: "decided"},
		{trigger: "hand_over", at: xnDay(2026, 3, 2), payload: pspSigned, state: "awaiting_payment"},
	})
}

// pspReconsidered is a fine of 100 yuan decided on the spot on Mon 2
// March 2026, for which the party seeks reconsideration on the 5th, then
// the steps that follow.
func pspReconsidered(t *testing.T, d *procedure.Definition, id string, then ...xnStep) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, pspHandedOver(t, d, id), append([]xnStep{
		{trigger: "challenge", at: xnDay(2026, 3, 5), payload: chReconsider, state: "awaiting_payment"},
	}, then...))
}

// pspUpheld is pspReconsidered's case, whose review is accepted by the
// simplified procedure on Fri 6 March and upheld on Tue 10 March, then
// the steps given: the fifteen days to sue run from the decision
// (行政诉讼法 Art 45).
func pspUpheld(t *testing.T, d *procedure.Definition, id string, then ...xnStep) *procedure.Case {
	t.Helper()
	return pspReconsidered(t, d, id, append([]xnStep{
		{trigger: "accept_reconsideration", at: xnDay(2026, 3, 6), payload: rcSimplified, state: "awaiting_payment"},
		{trigger: "conclude_challenge", at: xnDay(2026, 3, 10), payload: chUpheld, state: "awaiting_payment"},
	}, then...)...)
}

// TestPenaltySimplifiedStay: a penalty decided on the spot, stayed in the
// reconsideration (行政复议法 Art 42 ¶1), is not enforced until upheld.
func TestPenaltySimplifiedStay(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspReconsidered(t, d, "SP-ST-1",
		xnStep{trigger: "stay", at: xnDay(2026, 3, 6), payload: stBody, state: "awaiting_payment"},
	)
	xnAdvance(t, d, c, xnDay(2026, 3, 18), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 3, 18)})
	xnContinue(t, d, c, []xnStep{
		{trigger: "serve_demand", at: xnDay(2026, 3, 19), payload: stDemand, err: procedure.ErrInvalidTransition, unmet: []string{stNoBody}},
		{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), payload: chUpheld, state: "add_on_accruing"},
		{trigger: "serve_demand", at: xnDay(2026, 4, 21), payload: map[string]string{"demand": "催告书", "perform_by": "2026-05-06"}, state: "add_on_accruing"},
	})
	xnReplay(t, d, c)
}

// Payloads of the reconsideration body's steps.
var (
	rcOrdinary   = map[string]string{"reconsideration_procedure": "ordinary"}
	rcSimplified = map[string]string{"reconsideration_procedure": "simplified"}
	rcApproved   = map[string]string{"approver": "复议机构负责人", "notice": "延期审理通知书", "units": "30"}
)

// TestPenaltyReconsiderationLapse follows the reconsideration body's own
// time: sixty days from acceptance (行政复议法 Art 62 ¶1), thirty in the
// simplified procedure (¶2), which may move to the ordinary one (Art 55).
// When it ends without a decision, the party may sue within fifteen days
// of its end (行政诉讼法 Art 45); a late decision opens its own fifteen.
func TestPenaltyReconsiderationLapse(t *testing.T) {
	d := xnDefinition(t, "penalty")
	accepted := func(t *testing.T, id string) *procedure.Case {
		t.Helper()
		c := chAccepted(t, d, id,
			xnStep{trigger: "accept_reconsideration", at: xnDay(2026, 3, 13), payload: rcOrdinary, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration"}},
		)
		// Accepted on Thu 12 March: sixty days end on Mon 11 May.
		xnWantDue(t, d, c, d8(2026, 3, 12), "reconsideration", d8(2026, 5, 11))
		return c
	}

	t.Run("Art 62 ¶1: lapsed on Mon 11 May 2026, suit by Tue 26 May", func(t *testing.T) {
		c := accepted(t, "RC-2026-001")
		// Nothing lapses before the day after the sixtieth.
		if fired, err := d.Advance(context.Background(), c, xnAt(2026, 5, 11, 18)); err != nil || len(fired) != 0 {
			t.Fatalf("Advance on 11 May: %v, %v", fired, err)
		}
		xnAdvance(t, d, c, xnAt(2026, 5, 12, 9), procedure.Event{Trigger: "reconsideration_lapsed", At: xnMidnight(2026, 5, 12)})
		if c.Facts["reconsideration"] != "lapsed" {
			t.Errorf("facts %v", c.Facts)
		}
		xnWantDue(t, d, c, d8(2026, 5, 12), "suit", d8(2026, 5, 26))
		late, decided := c.Clone(), c.Clone()
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 5, 26), payload: chSue, state: "add_on_accruing"},
			{trigger: "stay", at: xnDay(2026, 5, 27), payload: stCourt, state: "add_on_accruing"},
			{trigger: "conclude_challenge", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕11号"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 9, 2), payload: chCourt, state: "enforcement"},
		})
		xnReplay(t, d, c)

		xnContinue(t, d, late, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 5, 27), payload: chSue, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
		})

		// Decided late, on Wed 20 May: fifteen days from then end on Thu
		// 4 June, and the court is applied to on the 5th (行政复议法 Art 78
		// ¶1(1)).
		xnContinue(t, d, decided, []xnStep{
			{trigger: "conclude_challenge", at: xnDay(2026, 5, 20), payload: chUpheld, state: "add_on_accruing"},
		})
		xnWantDue(t, d, decided, d8(2026, 5, 20), "suit", d8(2026, 6, 4))
		xnContinue(t, d, decided, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 6, 4), payload: chCourt, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
			{trigger: "enforce", at: xnDay(2026, 6, 5), payload: chCourt, state: "enforcement"},
		})
		xnReplay(t, d, decided)
	})

	t.Run("Art 62 ¶1: extended by thirty days, decided in time", func(t *testing.T) {
		c := accepted(t, "RC-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "extend_reconsideration", at: xnDay(2026, 5, 6), payload: map[string]string{"approver": "复议机构负责人", "units": "30"}, err: procedure.ErrInvalidTransition, unmet: []string{"notice"}},
			// At most thirty days.
			{trigger: "extend_reconsideration", at: xnDay(2026, 5, 6), payload: map[string]string{"approver": "复议机构负责人", "notice": "延期审理通知书", "units": "31"}, err: procedure.ErrInvalidTransition},
			{trigger: "extend_reconsideration", at: xnDay(2026, 5, 6), payload: rcApproved, state: "add_on_accruing"},
			{trigger: "extend_reconsideration", at: xnDay(2026, 5, 7), payload: rcApproved, err: procedure.ErrInvalidTransition},
		})
		xnWantDue(t, d, c, d8(2026, 5, 6), "reconsideration", d8(2026, 6, 10))
		if fired, err := d.Advance(context.Background(), c, xnAt(2026, 5, 20, 9)); err != nil || len(fired) != 0 {
			t.Fatalf("Advance on 20 May: %v, %v", fired, err)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "conclude_challenge", at: xnDay(2026, 6, 10), payload: chUpheld, state: "add_on_accruing"},
		})
		if due := xnDue(t, d, c, d8(2026, 6, 10)); due["reconsideration"].Due != 0 {
			t.Errorf("the reconsideration's time still runs after the decision: %v", due["reconsideration"])
		}
		xnReplay(t, d, c)
	})

	t.Run("no acceptance before the application", func(t *testing.T) {
		c := penServed(t, d, "RC-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "accept_reconsideration", at: xnDay(2026, 2, 3), payload: rcOrdinary, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=reconsideration"}},
			{trigger: "challenge", at: xnDay(2026, 2, 3), payload: chSue, state: "awaiting_payment"},
			{trigger: "accept_reconsideration", at: xnDay(2026, 2, 4), payload: rcOrdinary, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=reconsideration"}},
		})
	})
}

// TestPenaltySimplifiedReconsiderationLapse: a penalty decided on the
// spot, its reconsideration accepted in the simplified procedure (行政复议法
// Art 53 ¶1(1)) and moved to the ordinary one (Art 55), keeps the sixty
// days from the acceptance (Art 62 ¶1).
func TestPenaltySimplifiedReconsiderationLapse(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspReconsidered(t, d, "SP-RC-1",
		xnStep{trigger: "accept_reconsideration", at: xnDay(2026, 3, 9), payload: rcSimplified, state: "awaiting_payment"},
		xnStep{trigger: "extend_reconsideration", at: xnDay(2026, 3, 10), payload: rcApproved, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration"}},
	)
	// Thirty days from Mon 9 March end on Wed 8 April.
	xnWantDue(t, d, c, d8(2026, 3, 9), "reconsideration_simplified", d8(2026, 4, 8))
	simplified := c.Clone()
	xnContinue(t, d, c, []xnStep{
		{trigger: "convert_reconsideration", at: xnDay(2026, 3, 16), payload: map[string]string{"approver": "复议机构负责人"}, state: "awaiting_payment"},
		{trigger: "convert_reconsideration", at: xnDay(2026, 3, 17), payload: map[string]string{"approver": "复议机构负责人"}, err: procedure.ErrInvalidTransition, unmet: []string{"reconsideration_simplified"}},
	})
	// Sixty days from 9 March end on Fri 8 May.
	xnWantDue(t, d, c, d8(2026, 3, 16), "reconsideration", d8(2026, 5, 8))
	if due := xnDue(t, d, c, d8(2026, 3, 16)); due["reconsideration_simplified"].Due != 0 {
		t.Errorf("the simplified procedure's time still runs: %v", due["reconsideration_simplified"])
	}
	xnReplay(t, d, c)

	// Not moved, the thirty days lapse on 8 April; the fine, unpaid since
	// 17 March, accrues its add-on first.
	fired, err := d.Advance(context.Background(), simplified, xnAt(2026, 4, 9, 9))
	if err != nil {
		t.Fatal(err)
	}
	var triggers []procedure.Trigger
	for _, e := range fired {
		triggers = append(triggers, e.Trigger)
	}
	if want := []procedure.Trigger{"payment_overdue", "reconsideration_lapsed"}; !slices.Equal(triggers, want) {
		t.Errorf("Advance fired %v, want %v", triggers, want)
	}
	xnWantDue(t, d, simplified, d8(2026, 4, 9), "suit", d8(2026, 4, 23))
	xnReplay(t, d, simplified)
}

// TestPenaltySimplifiedChallenge: a penalty decided on the spot is
// challenged by reconsideration first (行政复议法 Art 23 ¶1(1)); a suit
// comes after the reconsideration decision.
func TestPenaltySimplifiedChallenge(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := xnRun(t, d, "SP-CH-1", []xnStep{
		{trigger: "decide_on_spot", at: xnDay(2026, 3, 2), payload: pspDecide("fine", "citizen", "100"), state: "decided"},
		{trigger: "hand_over", at: xnDay(2026, 3, 2), payload: pspSigned, state: "awaiting_payment"},
		{trigger: "challenge", at: xnDay(2026, 3, 5), payload: chSue, err: procedure.ErrInvalidTransition, unmet: []string{"challenged=reconsideration"}},
		{trigger: "challenge", at: xnDay(2026, 3, 5), payload: chReconsider, state: "awaiting_payment"},
	})
	// The fifteen days to pay end on 17 March (行政处罚法 Art 67 ¶3).
	xnAdvance(t, d, c, xnDay(2026, 3, 18), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 3, 18)})
	xnContinue(t, d, c, []xnStep{
		{trigger: "conclude_challenge", at: xnDay(2026, 4, 20), payload: chUpheld, state: "add_on_accruing"},
		{trigger: "challenge", at: xnDay(2026, 4, 30), payload: chSue, state: "add_on_accruing"},
		{trigger: "set_aside", at: xnDay(2026, 7, 1), payload: map[string]string{"ruling": "某行初字〔2026〕3号"}, state: "set_aside"},
	})
	xnReplay(t, d, c)
}

// TestPenaltyModelsAfterService runs the model from cases served with
// their decision, where random events from a new case seldom reach: the
// fine payable, then overdue, the decision without a fine, the fine
// decided on the spot, and the fine in the agency's own enforcement.
func TestPenaltyModelsAfterService(t *testing.T) {
	pen, simple := xnDefinition(t, "penalty"), xnDefinition(t, "penalty-simplified")
	fine := penServed(t, pen, "M-FINE")
	other := penDecided(t, pen, "M-OTHER", xnDay(2026, 1, 30), "")
	xnContinue(t, pen, other, []xnStep{
		{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
	})
	late := fine.Clone()
	xnAdvance(t, pen, late, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
	spot := pspHandedOver(t, simple, "M-SPOT")
	for _, start := range []struct {
		name string
		d    *procedure.Definition
		c    *procedure.Case
	}{{"fine payable", pen, fine}, {"fine overdue", pen, late}, {"no fine", pen, other}, {"on the spot", simple, spot}, {"enforced", pen, enEnforced(t, pen, "M-ENFORCED")}} {
		t.Run(start.name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) { runModel(t, start.d, start.c) })
		})
	}
}

// Payloads of variations.
var (
	vrRecon    = func(fine string) map[string]string { return vrRuling("某复决字〔2026〕12号", fine) }
	vrCourt    = func(fine string) map[string]string { return vrRuling("某行初字〔2026〕9号", fine) }
	vrContrary = map[string]string{"ruling": "某行初字〔2026〕9号", "fine": "25000", "contrary_request": "true"}
)

// vrRuling is a variation's payload: the ruling, and the fine as varied
// unless fine is empty (the variation leaves no fine).
func vrRuling(ruling, fine string) map[string]string {
	p := map[string]string{"ruling": ruling}
	if fine != "" {
		p["fine"] = fine
	}
	return p
}

// vrRefusedHeavier checks that a variation to fine is refused for the
// one reason that it is heavier than the fine the case records, as the
// guard of article art (行政复议法 Art 63 ¶2 or 行政诉讼法 Art 77 ¶2) says.
func vrRefusedHeavier(t *testing.T, d *procedure.Definition, c *procedure.Case, at time.Time, payload map[string]string, art int) {
	t.Helper()
	before := c.Clone()
	err := d.Fire(context.Background(), c, procedure.Event{Trigger: "vary", At: at, Actor: xnOfficer, Reason: "依法办理", Payload: payload})
	var pe *procedure.Error
	if !errors.As(err, &pe) || !errors.Is(err, procedure.ErrInvalidTransition) || len(pe.Unmet) != 1 || !strings.Contains(pe.Unmet[0], "不高于原罚款") {
		t.Fatalf("a variation to %s yuan over %s: %v, want only the bound unmet", payload["fine"], c.Facts["fine"], err)
	}
	var cite xiaoneng.Citation
	for _, tr := range d.Transitions(c.State) {
		for _, g := range tr.Guards {
			if tr.Trigger == "vary" && g.Kind == procedure.GuardAtMost && strings.HasPrefix(pe.Unmet[0], g.Desc) {
				cite = g.Citation
			}
		}
	}
	if cite.Article != art || cite.Paragraph != 2 {
		t.Errorf("the bound unmet cites %s, want Art %d ¶2", cite, art)
	}
	if diff := cmp.Diff(before, c); diff != "" {
		t.Fatalf("the refused variation changed the case:\n%s", diff)
	}
}

// vrVaried fires a variation that must be allowed, checks the state and
// facts it leaves, and that the case replays.
func vrVaried(t *testing.T, d *procedure.Definition, c *procedure.Case, at time.Time, payload map[string]string, state procedure.State, facts map[string]string) {
	t.Helper()
	chConcluded(t, d, c, xnStep{trigger: "vary", at: at, payload: payload, state: state}, facts)
}

// chConcluded fires a step concluding a challenge that must be allowed,
// checks the facts it leaves, and that the case replays.
func chConcluded(t *testing.T, d *procedure.Definition, c *procedure.Case, step xnStep, facts map[string]string) {
	t.Helper()
	xnContinue(t, d, c, []xnStep{step})
	xnFacts(t, c, facts)
	xnReplay(t, d, c)
}

// TestPenaltyVariation follows a penalty varied on challenge: by the
// reconsideration body (行政复议法 Art 63) or the court (行政诉讼法 Art 77),
// never to the party's detriment (Art 63 ¶2, Art 77 ¶2) unless a third
// party, or an interested party suing too, asked for the contrary.
func TestPenaltyVariation(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 63: 20,000 yuan varied to 12,000 on reconsideration, then to 9,000 by the court; 25,000 and then 15,000 refused", func(t *testing.T) {
		c := chAccepted(t, d, "VR-2026-001")
		vrRefusedHeavier(t, d, c, xnDay(2026, 4, 20), vrRecon("25000"), 63)
		xnContinue(t, d, c, []xnStep{
			{trigger: "vary", at: xnDay(2026, 4, 20), payload: vrRecon("12000"), state: "add_on_accruing"},
			// The decision is made: it is not varied twice.
			{trigger: "vary", at: xnDay(2026, 4, 21), payload: vrRecon("10000"), err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
		})
		if c.Facts["fine"] != "12000" || c.Facts["varied"] != "reconsideration" || c.Facts["upheld"] != "true" {
			t.Errorf("facts after the variation: %v", c.Facts)
		}
		due := xnDue(t, d, c, d8(2026, 4, 20))
		if _, running := due["reconsideration"]; running {
			t.Error("the reconsideration body's sixty days still run after its decision")
		}
		// Fifteen days to sue from Mon 20 April end in the Labour Day
		// break and roll to Wed 6 May (行政诉讼法 Art 45).
		xnWantDue(t, d, c, d8(2026, 4, 20), "suit", d8(2026, 5, 6))
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 4, 30), payload: chSue, state: "add_on_accruing"},
		})
		// The court's bound is the fine as the reconsideration varied it.
		vrRefusedHeavier(t, d, c, xnDay(2026, 9, 1), vrCourt("15000"), 77)
		vrVaried(t, d, c, xnDay(2026, 9, 1), vrCourt("9000"), "add_on_accruing", map[string]string{"fine": "9000", "varied": "litigation"})
	})

	t.Run("Art 77 ¶2: heavier where an interested party sued with the contrary claim", func(t *testing.T) {
		c := penServed(t, d, "VR-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "awaiting_payment"},
		})
		vrVaried(t, d, c, xnDay(2026, 2, 12), vrContrary, "awaiting_payment", map[string]string{"fine": "25000", "contrary_request": ""})
	})

	t.Run("Art 77 ¶2: a fine added to a penalty without one where an interested party sued with the contrary claim", func(t *testing.T) {
		c := penDecided(t, d, "VR-2026-004", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "delivered"},
		})
		vrVaried(t, d, c, xnDay(2026, 6, 8), map[string]string{"ruling": "某行初字〔2026〕14号", "fine": "5000", "contrary_request": "true"}, "awaiting_payment", map[string]string{"fine": "5000", "varied": "litigation"})
		// Fifteen days to pay from the judgment, Mon 8 June, end on Tue
		// 23 June (行政处罚法 Art 67 ¶3).
		xnWantDue(t, d, c, d8(2026, 6, 8), "payment", d8(2026, 6, 23))
	})

	t.Run("Art 63: the fine varied into another penalty; none added back without a contrary claim", func(t *testing.T) {
		c := penServed(t, d, "VR-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 2, 5), payload: chReconsider, state: "awaiting_payment"},
			{trigger: "vary", at: xnDay(2026, 2, 12), payload: vrRecon(""), state: "delivered"},
		})
		due := xnDue(t, d, c, d8(2026, 2, 12))
		if _, running := due["payment"]; running || c.Facts["fine"] != "" {
			t.Errorf("no fine is left, yet the fine %q is payable: %v", c.Facts["fine"], due["payment"])
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 2, 13), payload: chSue, state: "delivered"},
			// A fine is added back only on an interested party's contrary
			// claim (Art 77 ¶2).
			{trigger: "vary", at: xnDay(2026, 6, 1), payload: vrCourt("100"), err: procedure.ErrInvalidTransition, unmet: []string{"contrary_request"}},
			{trigger: "vary", at: xnDay(2026, 6, 1), payload: vrCourt(""), state: "delivered"},
		})
		xnReplay(t, d, c)
	})
}

// TestPenaltySimplifiedVariation: a fine decided on the spot, varied on
// reconsideration (行政复议法 Art 63) to a smaller fine, or to a warning,
// which the decision itself carries out.
func TestPenaltySimplifiedVariation(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	t.Run("to 50 yuan", func(t *testing.T) {
		c := pspReconsidered(t, d, "SP-VR-1")
		vrRefusedHeavier(t, d, c, xnDay(2026, 3, 10), vrRecon("100.01"), 63)
		vrVaried(t, d, c, xnDay(2026, 3, 10), vrRecon("50"), "awaiting_payment", map[string]string{"fine": "50", "varied": "reconsideration"})
	})
	t.Run("to a warning", func(t *testing.T) {
		c := pspReconsidered(t, d, "SP-VR-2")
		vrVaried(t, d, c, xnDay(2026, 3, 10), vrRecon(""), "executed", map[string]string{"penalty": "warning", "fine": ""})
		if due := xnDue(t, d, c, d8(2026, 3, 10)); len(due) != 0 {
			t.Errorf("clocks still run: %v", due)
		}
	})
}

// TestPenaltySetAsideInPart follows a penalty set aside in part on
// challenge (部分撤销: 行政复议法 Art 64 ¶1, 行政诉讼法 Art 70): what remains
// stands, a fine no heavier than the one decided, with no exception for a
// contrary request; the challenge is concluded as by a variation.
func TestPenaltySetAsideInPart(t *testing.T) {
	d := xnDefinition(t, "penalty")
	part := func(at time.Time, ruling, fine string, state procedure.State) xnStep {
		return xnStep{trigger: "set_aside_in_part", at: at, payload: vrRuling(ruling, fine), state: state}
	}
	refused := func(s xnStep, payload map[string]string) xnStep {
		s.payload, s.err, s.unmet = payload, procedure.ErrInvalidTransition, []string{"fine"}
		return s
	}

	t.Run("Art 64 ¶1: 20,000 yuan, 8,000 of it set aside on reconsideration, Mon 20 Apr 2026", func(t *testing.T) {
		keep := part(xnDay(2026, 4, 20), "某复决字〔2026〕16号", "12000", "add_on_accruing")
		c := chAccepted(t, d, "SP-2026-001",
			refused(keep, vrRuling("某复决字〔2026〕16号", "20000.01")),
			refused(keep, map[string]string{"ruling": "某复决字〔2026〕16号", "fine": "25000", "contrary_request": "true"}),
		)
		chConcluded(t, d, c, keep, map[string]string{"fine": "12000", "set_aside_in_part": "reconsideration", "upheld": "true", "varied": ""})
		// Fifteen days to sue from Mon 20 April roll to Wed 6 May (行政诉讼法 Art 45).
		xnWantDue(t, d, c, d8(2026, 4, 20), "suit", d8(2026, 5, 6))
	})

	t.Run("Art 70: the fine set aside on Tue 1 Sep 2026, the rest of the penalty stands", func(t *testing.T) {
		c := penSuedOverdue(t, d, "SP-2026-002")
		chConcluded(t, d, c, part(xnDay(2026, 9, 1), "某行初字〔2026〕11号", "", "delivered"), map[string]string{"fine": "", "set_aside_in_part": "litigation"})
		xnNoClocks(t, d, c, d8(2026, 9, 1))
	})

	t.Run("on the spot: the fine set aside, a warning remains", func(t *testing.T) {
		simple := xnDefinition(t, "penalty-simplified")
		c := pspReconsidered(t, simple, "SP-2026-003")
		chConcluded(t, simple, c, part(xnDay(2026, 3, 10), "某复决字〔2026〕17号", "", "executed"), map[string]string{"penalty": "warning", "set_aside_in_part": "reconsideration"})
	})
}

// TestPenaltyDemandObjection: after a demand to perform, the party may
// state a defence; the agency records and reviews it, and adopts what
// holds (行政强制法 Art 36). It enforces by its own power only once the
// defence is reviewed and not adopted.
func TestPenaltyDemandObjection(t *testing.T) {
	d := xnDefinition(t, "penalty")
	demanded := func(t *testing.T, id string) *procedure.Case {
		t.Helper()
		c := penServed(t, d, id)
		xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		return xnContinue(t, d, c, []xnStep{
			// No demand yet: nothing to object to.
			{trigger: "object_to_demand", at: xnDay(2026, 3, 2), payload: map[string]string{"objection": "已缴纳"}, err: procedure.ErrInvalidTransition, unmet: []string{"demand"}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-13"}, state: "add_on_accruing"},
			{trigger: "object_to_demand", at: xnDay(2026, 3, 5), payload: map[string]string{"objection": "罚款已于2月20日缴纳，附缴款凭证"}, state: "add_on_accruing"},
			{trigger: "object_to_demand", at: xnDay(2026, 3, 6), payload: map[string]string{"objection": "补充说明"}, err: procedure.ErrInvalidTransition, unmet: []string{"demand_objection=pending"}},
			// Thirty days of add-on end on 26 March (Art 46 ¶1): the
			// defence is still unreviewed on the 27th.
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"demand_objection=pending"}},
			{trigger: "review_objection", at: xnDay(2026, 3, 27), payload: map[string]string{"adopted": "true"}, err: procedure.ErrInvalidTransition, unmet: []string{"objection_review"}},
		})
	}
	t.Run("not adopted: enforced", func(t *testing.T) {
		c := demanded(t, "DO-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "review_objection", at: xnDay(2026, 3, 27), payload: map[string]string{"objection_review": "经核，缴款凭证所载为他案罚款", "adopted": "false"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, state: "enforcement"},
		})
		if c.Facts["demand_objection"] != "rejected" || c.Facts["objection"] == "" || c.Facts["objection_review"] == "" {
			t.Errorf("facts: %v", c.Facts)
		}
		xnReplay(t, d, c)
	})
	t.Run("adopted: not enforced", func(t *testing.T) {
		c := demanded(t, "DO-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "review_objection", at: xnDay(2026, 3, 27), payload: map[string]string{"objection_review": "经核，罚款已缴纳", "adopted": "true"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"demand_objection=adopted"}},
			{trigger: "pay", at: xnDay(2026, 3, 30), payload: map[string]string{"receipt": "缴款书", "add_on": "0"}, state: "executed"},
		})
		xnReplay(t, d, c)
	})
}

// enSelf is enforcement by the agency's own power (行政强制法 Art 37).
var enSelf = map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "强制执行决定书"}
