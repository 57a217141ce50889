package procedure_test

import (
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// Payloads of the enforcement steps of 行政强制法 Chapter 4.
var (
	enImmediate = map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "立即强制执行决定书", "concealment_evidence": "当事人账户资金于3月28日起分批转出的银行流水"}
	enSuspend   = map[string]string{"suspension_ground": "当事人经营困难，暂无履行能力"}
	enTerminate = map[string]string{"termination_ground": "当事人已注销，无财产可供执行，又无义务承受人"}
	enSetAside  = map[string]string{"ruling": "某复决字〔2026〕15号", "restitution": "退还已划拨的罚款及加处罚款"}
)

// enEnforced is a fine of 20,000 yuan served on Mon 2 Feb 2026, overdue
// from 25 February, for which the party seeks reconsideration on 10 March
// (accepted on the 12th), enforced by the agency on 27 March after the
// thirty days of add-on and the demand's time (行政强制法 Art 46 ¶1,
// Art 37 ¶1): a reconsideration does not stop execution (行政复议法 Art 42).
func enEnforced(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	return chAccepted(t, d, id,
		xnStep{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, state: "enforcement"},
	)
}

// enByCourt is a fine of 20,000 yuan served on Mon 2 Feb 2026, overdue
// from 25 February, with a demand served on 3 March, that the agency
// takes to the court on 4 August, once six months from service have
// passed without a challenge (行政强制法 Art 53).
func enByCourt(t *testing.T, d *procedure.Definition, id string) *procedure.Case {
	t.Helper()
	return xnContinue(t, d, penDemanded(t, d, id), []xnStep{
		{trigger: "enforce", at: xnDay(2026, 8, 4), payload: chCourt, state: "enforcement"},
	})
}

// xnNoClocks checks that no clock of the case runs on day asOf.
func xnNoClocks(t *testing.T, d *procedure.Definition, c *procedure.Case, asOf date.Date) {
	t.Helper()
	if due := xnDue(t, d, c, asOf); len(due) != 0 {
		t.Errorf("clocks still run in state %s: %v", c.State, due)
	}
}

// TestPenaltyImmediateEnforcement: during the demand's time, on evidence
// that the party is moving or hiding property, the agency may decide to
// enforce at once (行政强制法 Art 37 ¶3).
func TestPenaltyImmediateEnforcement(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 37 ¶3 with Art 46 ¶1: a fine enforced at once on Mon 30 Mar 2026, within a demand running to 8 April", func(t *testing.T) {
		c := penServed(t, d, "IM-2026-001")
		xnAdvance(t, d, c, xnAt(2026, 2, 25, 9), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		noEvidence := map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "立即强制执行决定书"}
		xnContinue(t, d, c, []xnStep{
			// No demand served: there is no demand period to cut short.
			{trigger: "enforce", at: xnDay(2026, 3, 2), payload: enImmediate, err: procedure.ErrInvalidTransition, unmet: []string{"demand"}},
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-04-08"}, state: "add_on_accruing"},
			// Art 37 ¶3 shortens the demand's time, not the thirty days of
			// add-on that Art 46 ¶1 puts before enforcing a fine; they end
			// on 26 March.
			{trigger: "enforce", at: xnDay(2026, 3, 20), payload: enImmediate, err: procedure.ErrInvalidTransition, unmet: []string{"add_on"}},
			{trigger: "enforce", at: xnDay(2026, 3, 30), payload: noEvidence, err: procedure.ErrInvalidTransition, unmet: []string{"concealment_evidence"}},
			{trigger: "enforce", at: xnDay(2026, 3, 30), payload: enImmediate, state: "enforcement"},
		})
		if c.Facts["concealment_evidence"] == "" || c.Facts["route"] != "self" {
			t.Errorf("facts %v", c.Facts)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 37 ¶3: a penalty other than a fine, enforced at once; after the demand's time the ordinary decision applies", func(t *testing.T) {
		c := penDecided(t, d, "IM-2026-002", xnDay(2026, 1, 30), "")
		xnContinue(t, d, c, []xnStep{
			{trigger: "deliver", at: xnDay(2026, 2, 2), payload: map[string]string{"service": "直接送达"}, state: "delivered"},
			{trigger: "serve_demand", at: xnDay(2026, 3, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-16"}, state: "delivered"},
		})
		late := c.Clone()
		xnContinue(t, d, c, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 3, 10), payload: enSelf, err: procedure.ErrInvalidTransition, unmet: []string{"concealment_evidence"}},
			{trigger: "enforce", at: xnDay(2026, 3, 10), payload: enImmediate, state: "enforcement"},
		})
		xnReplay(t, d, c)
		// Once the time the demand set has passed, the enforcement is the
		// ordinary one of Art 37 ¶1.
		xnContinue(t, d, late, []xnStep{
			{trigger: "enforce", at: xnDay(2026, 3, 17), payload: enSelf, state: "enforcement"},
		})
		if _, immediate := late.Facts["concealment_evidence"]; immediate {
			t.Errorf("the ordinary enforcement recorded evidence of concealment: %v", late.Facts)
		}
	})
}

// TestPenaltyEnforcementSuspension: the agency's own enforcement is
// suspended and resumed (行政强制法 Art 39), given up after three years'
// suspension (Art 39 ¶2) or terminated (Art 40).
func TestPenaltyEnforcementSuspension(t *testing.T) {
	d := xnDefinition(t, "penalty")

	t.Run("Art 39: suspended on Wed 1 Apr 2026 and resumed; the three years stop", func(t *testing.T) {
		c := enEnforced(t, d, "ES-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "suspend_enforcement", at: xnDay(2026, 4, 1), err: procedure.ErrInvalidTransition, unmet: []string{"suspension_ground"}},
			{trigger: "suspend_enforcement", at: xnDay(2026, 4, 1), payload: enSuspend, state: "enforcement_suspended"},
		})
		xnWantDue(t, d, c, d8(2026, 4, 1), "enforcement_suspension", d8(2029, 4, 1))
		xnContinue(t, d, c, []xnStep{
			{trigger: "complete_enforcement", at: xnDay(2026, 6, 1), payload: map[string]string{"result": "已划拨"}, err: procedure.ErrInvalidTransition},
			{trigger: "resume_enforcement", at: xnDay(2026, 6, 1), payload: map[string]string{"resumption": "当事人恢复经营，具备履行能力"}, state: "enforcement"},
		})
		if _, running := xnDue(t, d, c, d8(2026, 6, 1))["enforcement_suspension"]; running {
			t.Error("the three years of suspension still run after the resumption")
		}
		xnContinue(t, d, c, []xnStep{
			// Suspended again: the three years count from the new suspension.
			{trigger: "suspend_enforcement", at: xnDay(2026, 7, 1), payload: enSuspend, state: "enforcement_suspended"},
		})
		xnWantDue(t, d, c, d8(2026, 7, 1), "enforcement_suspension", d8(2029, 7, 1))
		xnReplay(t, d, c)
	})

	t.Run("Art 39 ¶2: not enforced after three years' suspension, without apparent harm and where the party truly cannot perform", func(t *testing.T) {
		c := enEnforced(t, d, "ES-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "suspend_enforcement", at: xnDay(2026, 4, 1), payload: enSuspend, state: "enforcement_suspended"},
		})
		both := map[string]string{"no_apparent_harm": "true", "unable_to_perform": "true"}
		xnContinue(t, d, c, []xnStep{
			{trigger: "abandon_enforcement", at: xnDay(2029, 4, 1), payload: both, err: procedure.ErrInvalidTransition, unmet: []string{"enforcement_suspension"}},
			{trigger: "abandon_enforcement", at: xnDay(2029, 4, 2), payload: map[string]string{"no_apparent_harm": "true", "unable_to_perform": "false"}, err: procedure.ErrInvalidTransition, unmet: []string{"unable_to_perform=true"}},
			{trigger: "abandon_enforcement", at: xnDay(2029, 4, 2), payload: map[string]string{"unable_to_perform": "true"}, err: procedure.ErrInvalidTransition, unmet: []string{"no_apparent_harm=true"}},
			{trigger: "abandon_enforcement", at: xnDay(2029, 4, 2), payload: both, state: "enforcement_abandoned"},
		})
		xnNoClocks(t, d, c, d8(2029, 4, 2))
		xnReplay(t, d, c)
	})

	t.Run("Art 40: terminated from enforcement or from a suspension", func(t *testing.T) {
		for _, suspended := range []bool{false, true} {
			c := enEnforced(t, d, "ES-2026-003")
			if suspended {
				xnContinue(t, d, c, []xnStep{
					{trigger: "suspend_enforcement", at: xnDay(2026, 4, 1), payload: enSuspend, state: "enforcement_suspended"},
				})
			}
			xnContinue(t, d, c, []xnStep{
				{trigger: "terminate_enforcement", at: xnDay(2026, 5, 6), err: procedure.ErrInvalidTransition, unmet: []string{"termination_ground"}},
				{trigger: "terminate_enforcement", at: xnDay(2026, 5, 6), payload: enTerminate, state: "enforcement_terminated"},
			})
			xnNoClocks(t, d, c, d8(2026, 5, 6))
			xnReplay(t, d, c)
		}
	})

	t.Run("Art 34: the court's enforcement is not suspended or terminated by the agency", func(t *testing.T) {
		c := enByCourt(t, d, "ES-2026-004")
		xnContinue(t, d, c, []xnStep{
			{trigger: "suspend_enforcement", at: xnDay(2026, 8, 10), payload: enSuspend, err: procedure.ErrInvalidTransition, unmet: []string{"route=self"}},
			{trigger: "terminate_enforcement", at: xnDay(2026, 8, 10), payload: enTerminate, err: procedure.ErrInvalidTransition, unmet: []string{"route=self"}},
		})
	})
}

// TestPenaltySetAsideAfterEnforcement: a decision set aside while the
// agency enforces it, or once it has, ends the enforcement (行政强制法 Art
// 40(4)) and what was enforced is restored or returned (Art 41).
func TestPenaltySetAsideAfterEnforcement(t *testing.T) {
	d := xnDefinition(t, "penalty")
	for _, tc := range []struct {
		name string
		then []xnStep
	}{
		{"in enforcement", nil},
		{"in a suspension", []xnStep{{trigger: "suspend_enforcement", at: xnDay(2026, 4, 1), payload: enSuspend, state: "enforcement_suspended"}}},
		{"once executed", []xnStep{{trigger: "complete_enforcement", at: xnDay(2026, 4, 1), payload: map[string]string{"result": "已划拨罚款及加处罚款"}, state: "executed"}}},
	} {
		t.Run("Art 41: set aside on reconsideration, Mon 20 Apr 2026, "+tc.name, func(t *testing.T) {
			c := enEnforced(t, d, "SA-2026-"+tc.name)
			xnContinue(t, d, c, tc.then)
			xnContinue(t, d, c, []xnStep{
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: map[string]string{"ruling": enSetAside["ruling"]}, err: procedure.ErrInvalidTransition, unmet: []string{"restitution"}},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: enSetAside, state: "set_aside"},
			})
			if c.Facts["restitution"] == "" {
				t.Errorf("facts %v", c.Facts)
			}
			xnNoClocks(t, d, c, d8(2026, 4, 20))
			xnReplay(t, d, c)
		})
	}

	t.Run("行政诉讼法 Art 70: set aside by the court after the agency enforced it during the suit", func(t *testing.T) {
		c := penSuedOverdue(t, d, "SA-2026-court")
		xnContinue(t, d, c, []xnStep{
			{trigger: "serve_demand", at: xnDay(2026, 3, 3), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-13"}, state: "add_on_accruing"},
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, state: "enforcement"},
			{trigger: "complete_enforcement", at: xnDay(2026, 4, 1), payload: map[string]string{"result": "已划拨"}, state: "executed"},
			{trigger: "set_aside", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕9号"}, err: procedure.ErrInvalidTransition, unmet: []string{"restitution"}},
			{trigger: "set_aside", at: xnDay(2026, 9, 1), payload: map[string]string{"ruling": "某行初字〔2026〕9号", "restitution": "退还已划拨的款项"}, state: "set_aside"},
		})
		xnReplay(t, d, c)
	})
}

// TestPenaltySetAsideAfterPayment: a fine the party paid of its own
// accord while challenging it, then set aside, ends the case. Set aside
// on reconsideration, it is returned (行政复议法 Art 72 ¶2: setting aside a
// fine orders the property returned or its value paid), and the step
// records the restitution. Set aside by a judgment (行政诉讼法 Art 70), what
// was paid without enforcement comes back as state compensation, which
// the party claims from the agency (国家赔偿法 Art 4(1), Art 9 ¶2, Art 36(1)):
// the step needs no restitution, and records one given. Only what the
// agency enforced must be restored with the set-aside itself (行政强制法 Art
// 41, TestPenaltySetAsideAfterEnforcement).
func TestPenaltySetAsideAfterPayment(t *testing.T) {
	judgment := map[string]string{"ruling": "某行初字〔2026〕21号"}
	for _, name := range []string{"penalty", "penalty-simplified"} {
		d := xnDefinition(t, name)
		var reconsidered, sued *procedure.Case
		// Within the fifteen days to pay (行政处罚法 Art 67 ¶3).
		paid := xnDay(2026, 3, 13)
		if name == "penalty" {
			paid = xnDay(2026, 2, 13)
			reconsidered = xnContinue(t, d, penServed(t, d, "SP-PAID-1"), []xnStep{
				{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chReconsider, state: "awaiting_payment"},
			})
			sued = xnContinue(t, d, penServed(t, d, "SP-PAID-3"), []xnStep{
				{trigger: "challenge", at: xnDay(2026, 2, 10), payload: chSue, state: "awaiting_payment"},
			})
		} else {
			reconsidered = pspReconsidered(t, d, "SP-PAID-2")
			// Decided on the spot: reconsideration first (行政复议法 Art 23
			// ¶1(1)), then a suit within fifteen days of its decision.
			sued = pspUpheld(t, d, "SP-PAID-4",
				xnStep{trigger: "challenge", at: xnDay(2026, 3, 11), payload: chSue, state: "awaiting_payment"})
		}
		t.Run(name+": paid, then set aside on reconsideration on Mon 20 Apr 2026", func(t *testing.T) {
			c := reconsidered.Clone()
			xnContinue(t, d, c, []xnStep{
				{trigger: "pay", at: paid, payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: map[string]string{"ruling": "某复决字〔2026〕15号"}, err: procedure.ErrInvalidTransition, unmet: []string{"restitution"}},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: map[string]string{"ruling": "某复决字〔2026〕15号", "restitution": "退还已缴纳的罚款"}, state: "set_aside"},
			})
			xnReplay(t, d, c)
		})
		t.Run(name+": paid, then set aside by a judgment on Mon 20 Apr 2026", func(t *testing.T) {
			c := xnContinue(t, d, sued.Clone(), []xnStep{
				{trigger: "pay", at: paid, payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), state: "executed", err: procedure.ErrInvalidTransition, unmet: []string{"ruling"}},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: judgment, state: "set_aside"},
			})
			xnReplay(t, d, c)
			xnFacts(t, c, map[string]string{"restitution": "", "ruling": judgment["ruling"]})
			given := xnContinue(t, d, sued.Clone(), []xnStep{
				{trigger: "pay", at: paid, payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
				{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: with(judgment, "restitution", "依国家赔偿决定退还罚款及利息"), state: "set_aside"},
			})
			xnFacts(t, given, map[string]string{"restitution": "依国家赔偿决定退还罚款及利息"})
			// Ordered to decide anew, with a time set or without.
			anew := xnContinue(t, d, sued.Clone(), []xnStep{
				{trigger: "pay", at: paid, payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
				{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: with(judgment, "set_aside_ground", "facts", "redecide_by", "2026-06-19"), state: "redecision_ordered"},
			})
			xnReplay(t, d, anew)
			if _, ok := anew.Clock("redecision"); !ok {
				t.Error("no redecision clock for the time the judgment set")
			}
			xnContinue(t, d, sued.Clone(), []xnStep{
				{trigger: "pay", at: paid, payload: map[string]string{"receipt": "缴款书"}, state: "executed"},
				{trigger: "set_aside_redecide", at: xnDay(2026, 4, 20), payload: with(judgment, "set_aside_ground", "facts"), state: "redecision_ordered"},
			})
		})
	}
}

// TestPenaltySimplifiedEnforcementSteps: a fine decided on the spot is
// enforced at once, suspended, terminated or resumed, and performed by
// agreement, as a general one is (行政强制法 Art 37 ¶3, Art 39, Art 40,
// Art 42).
func TestPenaltySimplifiedEnforcementSteps(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	c := pspHandedOver(t, d, "SP-EN-1")
	xnAdvance(t, d, c, xnDay(2026, 3, 18), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 3, 18)})
	xnContinue(t, d, c, []xnStep{
		{trigger: "serve_demand", at: xnDay(2026, 4, 20), payload: map[string]string{"demand": "催告书", "perform_by": "2026-05-06"}, state: "add_on_accruing"},
		{trigger: "enforce", at: xnDay(2026, 4, 22), payload: enImmediate, state: "enforcement"},
		{trigger: "suspend_enforcement", at: xnDay(2026, 4, 23), payload: enSuspend, state: "enforcement_suspended"},
	})
	ended := xnContinue(t, d, c.Clone(), []xnStep{
		{trigger: "terminate_enforcement", at: xnDay(2026, 5, 6), payload: enTerminate, state: "enforcement_terminated"},
	})
	xnReplay(t, d, ended)
	xnContinue(t, d, c, []xnStep{
		{trigger: "resume_enforcement", at: xnDay(2026, 5, 6), payload: map[string]string{"resumption": "当事人已返回"}, state: "enforcement"},
		{trigger: "agree_enforcement", at: xnDay(2026, 5, 7), payload: map[string]string{"agreement": "执行协议：5月15日前缴清", "no_harm": "true"}, state: "enforcement_agreed"},
		{trigger: "perform_agreement", at: xnDay(2026, 5, 15), payload: map[string]string{"performance": "已缴清"}, state: "executed"},
	})
	xnReplay(t, d, c)
}

// TestPenaltyEnforcementAgreement: in its own enforcement the agency may
// agree with the party on how to perform, in stages, and reduce or waive
// the add-on fine for remedial measures; an agreement not performed
// resumes the enforcement (行政强制法 Art 42).
func TestPenaltyEnforcementAgreement(t *testing.T) {
	d := xnDefinition(t, "penalty")
	agree := map[string]string{"agreement": "执行协议：4月30日前缴纳一万元，5月29日前缴清余款", "no_harm": "true"}

	t.Run("Art 42 ¶1: agreed on Wed 1 Apr 2026 and performed", func(t *testing.T) {
		c := enEnforced(t, d, "EA-2026-001")
		xnContinue(t, d, c, []xnStep{
			{trigger: "agree_enforcement", at: xnDay(2026, 4, 1), payload: with(agree, "no_harm", "false"), err: procedure.ErrInvalidTransition, unmet: []string{"no_harm=true"}},
			{trigger: "agree_enforcement", at: xnDay(2026, 4, 1), payload: with(agree, "add_on_relief", "减免加处罚款五千元"), err: procedure.ErrInvalidTransition, unmet: []string{"remedial_measures"}},
			{trigger: "agree_enforcement", at: xnDay(2026, 4, 1), payload: with(agree, "add_on_relief", "减免加处罚款五千元", "remedial_measures", "已停止违法行为并消除影响"), state: "enforcement_agreed"},
			{trigger: "perform_agreement", at: xnDay(2026, 5, 29), err: procedure.ErrInvalidTransition, unmet: []string{"performance"}},
			{trigger: "perform_agreement", at: xnDay(2026, 5, 29), payload: map[string]string{"performance": "已分两期缴清"}, state: "executed"},
		})
		if c.Facts["add_on_relief"] == "" || c.Facts["remedial_measures"] == "" || c.Facts["agreement"] == "" {
			t.Errorf("facts %v", c.Facts)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 42 ¶2: an agreement not performed resumes the enforcement", func(t *testing.T) {
		c := enEnforced(t, d, "EA-2026-002")
		xnContinue(t, d, c, []xnStep{
			{trigger: "agree_enforcement", at: xnDay(2026, 4, 1), payload: agree, state: "enforcement_agreed"},
			{trigger: "resume_enforcement", at: xnDay(2026, 5, 6), err: procedure.ErrInvalidTransition, unmet: []string{"breach"}},
			{trigger: "resume_enforcement", at: xnDay(2026, 5, 6), payload: map[string]string{"breach": "第一期未按期缴纳"}, state: "enforcement"},
			{trigger: "complete_enforcement", at: xnDay(2026, 5, 8), payload: map[string]string{"result": "已划拨"}, state: "executed"},
		})
		if _, ok := c.Facts["add_on_relief"]; ok {
			t.Errorf("an agreement without relief recorded one: %v", c.Facts)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 41: the decision set aside while the agreement runs", func(t *testing.T) {
		c := enEnforced(t, d, "EA-2026-003")
		xnContinue(t, d, c, []xnStep{
			{trigger: "agree_enforcement", at: xnDay(2026, 4, 1), payload: agree, state: "enforcement_agreed"},
			{trigger: "set_aside", at: xnDay(2026, 4, 20), payload: enSetAside, state: "set_aside"},
		})
		xnReplay(t, d, c)
	})

	t.Run("the court's enforcement has no agreement with the agency", func(t *testing.T) {
		c := enByCourt(t, d, "EA-2026-004")
		xnContinue(t, d, c, []xnStep{
			{trigger: "agree_enforcement", at: xnDay(2026, 8, 10), payload: agree, err: procedure.ErrInvalidTransition, unmet: []string{"route=self"}},
		})
	})
}

// TestPenaltyEnforcementNoUtilityCutoff follows 行政强制法 Art 43 ¶2: the
// agency does not force the party to comply by cutting off residents'
// water, power, heating or gas, whatever else the enforcement allows
// (for a penalty decided on the spot, see TestPenaltySimplifiedProcedure).
func TestPenaltyEnforcementNoUtilityCutoff(t *testing.T) {
	d := xnDefinition(t, "penalty")
	c := chAccepted(t, d, "EN-UT-1",
		xnStep{trigger: "enforce", at: xnDay(2026, 3, 27), payload: with(with(enSelf, "measure", "停止供水、供电"), "utility_cutoff", "true"), err: procedure.ErrInvalidTransition, unmet: []string{"utility_cutoff"}},
		xnStep{trigger: "enforce", at: xnDay(2026, 3, 27), payload: enSelf, state: "enforcement"},
	)
	xnReplay(t, d, c)
}
