package procedure_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// Payloads of a forced demolition.
var (
	dmDecision = with(penDecision(""), "demolition", "违法建筑物：某村三组加建第三层（约120平方米）")
	dmAnnounce = map[string]string{"announcement": "某执拆告字〔2026〕1号", "demolish_by": "2026-02-13"}
	dmDemand   = map[string]string{"demand": "催告书", "perform_by": "2026-02-13"}
	dmEnforce  = map[string]string{"route": "self", "measure": "强制拆除", "enforcement_decision": "强制拆除决定书"}
)

// dmServed is a decision of Fri 30 Jan 2026 that orders an illegal
// building demolished, served on Mon 2 Feb, announced on the 3rd with a
// time to demolish it by the 13th, and with a demand served the same day
// to perform by then: the six months to challenge it end on Mon 3 August
// (2 August is a Sunday).
func dmServed(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, penDecidedAs(t, d, id, xnDay(2026, 1, 30), dmDecision), []xnStep{
		{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
		{trigger: "announce_demolition", at: xnDay(2026, 2, 3), payload: dmAnnounce, state: "delivered"},
		{trigger: "serve_demand", at: xnDay(2026, 2, 3), payload: dmDemand, state: "delivered"},
	})
}

// TestPenaltyForcedDemolition follows 行政强制法 Art 44: an illegal
// building, structure or installation is demolished by force only after
// the agency has announced it and set the party a time to demolish it,
// and only once the party has let the statutory time to seek
// reconsideration or to sue pass without doing either. The agency's own
// enforcement of any other decision goes on while it is challenged
// (行政处罚法 Art 73 ¶1); a demolition waits. A decision upheld on a
// challenge is enforced under 行政复议法 Art 78 ¶1(1) or 行政诉讼法 Art 95.
func TestPenaltyForcedDemolition(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 44: no demolition before the time to challenge has passed", func(t *testing.T) {
		c := dmServed(t, d, "DM-2026-001")
		if got := c.Facts["demolition"]; got != dmDecision["demolition"] {
			t.Errorf("the decision recorded demolition %q, want %q", got, dmDecision["demolition"])
		}
		xnContinue(t, d, c, []xnStep{
			// The time the announcement and the demand set has passed,
			// but the party may still sue until 3 August.
			{trigger: "enforce", at: xnDay(2026, 3, 2), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
			{trigger: "enforce", at: xnDay(2026, 8, 3), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: dmEnforce, state: "enforcement"},
			{trigger: "complete_enforcement", at: xnDay(2026, 8, 6), payload: map[string]string{"result": "已拆除"}, state: "executed"},
		})
		if got := c.Events[len(c.Events)-2].Trigger; got != "enforce" {
			t.Fatalf("event %d is %s, want enforce", len(c.Events)-2, got)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 44: no demolition without the announcement and the time it sets", func(t *testing.T) {
		c := penDecidedAs(t, d, "DM-2026-002", xnDay(2026, 1, 30), dmDecision)
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 3), payload: dmDemand, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"announcement", "demolish_by"}},
			// The announcement sets a time after the day it is made.
			{trigger: "announce_demolition", at: xnDay(2026, 8, 4), payload: with(dmAnnounce, "demolish_by", "2026-08-04"), err: procedure.ErrInvalidTransition, unmet: []string{"demolish_by"}},
			{trigger: "announce_demolition", at: xnDay(2026, 8, 4), payload: with(dmAnnounce, "demolish_by", "2026-08-14"), state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 8, 14), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"demolish_by"}},
			{trigger: "enforce", at: xnDay(2026, 8, 17), payload: dmEnforce, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 44: only a decision that orders a demolition is announced, and the ordinary route is not open to one", func(t *testing.T) {
		c := penDecided(t, d, "DM-2026-003", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "announce_demolition", at: xnDay(2026, 2, 3), payload: dmAnnounce, err: procedure.ErrInvalidTransition, unmet: []string{"demolition"}},
		})
		dm := dmServed(t, d, "DM-2026-004")
		xnContinue(t, d, dm, []xnStep{
			// Art 37 ¶3's enforcement at once, where the party hides its
			// property, has no place in a demolition.
			{trigger: "enforce", at: xnDay(2026, 2, 5), payload: with(dmEnforce, "concealment_evidence", "转移财物的证据"), err: procedure.ErrInvalidTransition, unmet: []string{"demolish_by", "challenge"}},
		})
	})

	t.Run("Art 73 ¶1 of 行政处罚法 and Art 44: a challenge holds up a demolition, not other enforcement", func(t *testing.T) {
		other := penDecided(t, d, "DM-2026-005", xnDay(2026, 1, 30), "")
		xnContinue(t, d, other, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 2, 3), payload: dmDemand, state: "delivered"},
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 3, 2), payload: with(dmEnforce, "measure", "强制恢复原状"), state: "enforcement"},
		})
		c := dmServed(t, d, "DM-2026-006")
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 3, 2), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			{trigger: "enforce", at: xnDay(2026, 8, 4), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"upheld=true"}},
			// 行政诉讼法 Art 95: the judgment upholds the decision.
			{trigger: "conclude_challenge", at: xnDay(2026, 8, 10), payload: map[string]string{"ruling": "某行初字〔2026〕7号"}, state: "delivered"},
			{trigger: "enforce", at: xnDay(2026, 8, 11), payload: dmEnforce, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})

	t.Run("行政复议法 Art 78 ¶1(1): upheld on reconsideration, the decision is demolished once the time to sue has passed", func(t *testing.T) {
		c := dmServed(t, d, "DM-2026-007")
		xnContinue(t, d, c, []xnStep{
			{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chReconsider, state: "delivered"},
			{trigger: "accept_reconsideration", at: xnDay(2026, 2, 11), payload: rcOrdinary, state: "delivered"},
			{trigger: "conclude_challenge", at: xnDay(2026, 4, 1), payload: chUpheld, state: "delivered"},
		})
		// The fifteen days to sue from the reconsideration decision
		// (行政诉讼法 Art 45) end on Thu 16 April.
		if got := xnDue(t, d, c, d8(2026, 4, 1))["suit"].Due; got != d8(2026, 4, 16) {
			t.Fatalf("the time to sue ends on %v, want 2026-04-16", got)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 4, 16), payload: dmEnforce, err: procedure.ErrInvalidTransition, unmet: []string{"suit"}},
			{trigger: "enforce", at: xnDay(2026, 4, 17), payload: dmEnforce, state: "enforcement"},
		})
		xnReplay(t, d, c)
	})
}

// TestPenaltyModelsForDemolition runs the model from a decision ordering
// a demolition, announced and demanded: random events from a new case
// do not reach it.
func TestPenaltyModelsForDemolition(t *testing.T) {
	d := xnDefinition(t, "penalty")
	c := dmServed(t, d, "M-DEMOLITION")
	rapid.Check(t, func(t *rapid.T) { runModel(t, d, c) })
}
