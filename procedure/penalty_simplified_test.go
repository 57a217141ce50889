package procedure_test

import (
	"testing"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// pspDecide is an on-the-spot decision: the facts, the credentials, the
// numbered form and the notice of Art 44, with the penalty, the party and
// the fine.
func pspDecide(penalty, party, fine string) map[string]string {
	p := map[string]string{
		"basis":       "《道路交通安全法》第九十条",
		"credentials": "执法证A001",
		"form_no":     "No.3302001",
		"notice":      "已告知拟处罚内容及陈述、申辩权利，当事人未申辩",
		"remedy":      "不服的，应当自收到本决定书之日起六十日内先向本级人民政府申请行政复议",
		"penalty":     penalty,
		"party":       party,
	}
	if fine != "" {
		p["fine"] = fine
	}
	return p
}

var pspSigned = map[string]string{"signature": "当事人签名"}

// TestPenaltySimplifiedProcedure walks the simplified procedure of
// 行政处罚法 (2021) Art 51–53 and the payment rules it refers to
// (Art 67–72) on the 2025 and 2026 calendars.
func TestPenaltySimplifiedProcedure(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")

	t.Run("Art 51: the caps on a fine decided on the spot", func(t *testing.T) {
		for _, row := range []struct {
			name    string
			payload map[string]string
			ok      bool
			unmet   []string
			small   bool
		}{
			{"a citizen, 200 yuan", pspDecide("fine", "citizen", "200"), true, nil, false},
			{"a citizen, 200.01 yuan", pspDecide("fine", "citizen", "200.01"), false, []string{"fine=200"}, false},
			{"a citizen, 100 yuan (Art 68 ¶1(1): collectable on the spot)", pspDecide("fine", "citizen", "100"), true, nil, true},
			{"a citizen, 0 yuan is no fine", pspDecide("fine", "citizen", "0"), false, []string{"fine=0.01"}, false},
			{"an organisation, 3,000 yuan", pspDecide("fine", "organisation", "3000"), true, nil, false},
			{"an organisation, 3,000.50 yuan", pspDecide("fine", "organisation", "3000.50"), false, []string{"fine=3000"}, false},
			{"an organisation, 80 yuan", pspDecide("fine", "organisation", "80"), true, nil, true},
			{"a warning", pspDecide("warning", "citizen", ""), true, nil, false},
			{"a fine with no party named", pspDecide("fine", "", "50"), false, []string{"party=citizen", "party=organisation"}, false},
			{"a fine with no amount", pspDecide("fine", "citizen", ""), false, []string{"fine=200"}, false},
			{"confiscation is not a simplified penalty", pspDecide("confiscation", "citizen", ""), false, []string{"penalty=fine", "penalty=warning"}, false},
		} {
			t.Run(row.name, func(t *testing.T) {
				step := xnStep{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: row.payload, state: "decided"}
				if !row.ok {
					step.err, step.unmet = procedure.ErrInvalidTransition, row.unmet
				}
				c := xnRun(t, d, "JY-2025-001", []xnStep{step})
				if row.ok && (c.Facts["small_fine"] == "true") != row.small {
					t.Errorf("facts %v: small fine %v, want %v", c.Facts, c.Facts["small_fine"], row.small)
				}
			})
		}
	})

	t.Run("Art 52 ¶1, Art 44: credentials, a numbered form and the notice before deciding", func(t *testing.T) {
		for _, key := range []string{"basis", "credentials", "form_no", "notice", "remedy"} {
			p := pspDecide("fine", "citizen", "50")
			delete(p, key)
			xnRun(t, d, "JY-2025-002", []xnStep{
				{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: p, err: procedure.ErrInvalidTransition, unmet: []string{key}},
			})
		}
	})

	t.Run("Art 52 ¶1, Art 67 ¶3: a refusal to sign is noted; 15 days from Fri 26 Sep 2025 end on Sat 11 Oct, a make-up working day", func(t *testing.T) {
		c := xnRun(t, d, "JY-2025-003", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("fine", "citizen", "200"), state: "decided"},
			{trigger: "note_refusal", at: xnDay(2025, 9, 26), err: procedure.ErrInvalidTransition, unmet: []string{"refusal_noted"}},
			{trigger: "note_refusal", at: xnDay(2025, 9, 26), payload: map[string]string{"refusal_noted": "当事人拒绝签收，已注明"}, state: "awaiting_payment"},
		})
		st := xnDue(t, d, c, d8(2025, 9, 26))["payment"]
		if st.Due != d8(2025, 10, 11) || st.Limit != 15 || st.Unit != deadline.Days {
			t.Errorf("payment due %s (%d %v), want 2025-10-11", st.Due, st.Limit, st.Unit)
		}
		if c.Facts["handed_over"] != "refused" {
			t.Errorf("facts %v", c.Facts)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "pay", at: xnAt(2025, 10, 11, 16), err: procedure.ErrInvalidTransition, unmet: []string{"receipt"}},
			{trigger: "pay", at: xnAt(2025, 10, 11, 16), payload: map[string]string{"receipt": "电子缴款凭证"}, state: "executed"},
			{trigger: "close", at: xnDay(2025, 10, 13), err: procedure.ErrInvalidTransition, unmet: []string{"filed_with_agency"}},
			{trigger: "close", at: xnDay(2025, 10, 13), payload: map[string]string{"filed_with_agency": "已报大队备案"}, state: "closed"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 52 ¶3: a warning is carried out when handed over, and closed once reported to the agency", func(t *testing.T) {
		c := xnRun(t, d, "JY-2025-004", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("warning", "organisation", ""), state: "decided"},
			{trigger: "hand_over", at: xnDay(2025, 9, 26), err: procedure.ErrInvalidTransition, unmet: []string{"signature"}},
			{trigger: "hand_over", at: xnDay(2025, 9, 26), payload: pspSigned, state: "executed"},
			{trigger: "close", at: xnDay(2025, 9, 29), payload: map[string]string{"filed_with_agency": "已报备案"}, state: "closed"},
		})
		if len(c.Clocks) != 0 {
			t.Errorf("a warning keeps clocks %v", c.Clocks)
		}
	})

	t.Run("Art 68 ¶1(1), Art 70, 71: at most 100 yuan collected on Fri 26 Sep 2025, handed over by Mon 29 Sep, paid into the bank by 9 Oct", func(t *testing.T) {
		c := xnRun(t, d, "JY-2025-005", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("fine", "citizen", "50"), state: "decided"},
			{trigger: "hand_over", at: xnDay(2025, 9, 26), payload: pspSigned, state: "awaiting_payment"},
			{trigger: "collect_small_fine", at: xnDay(2025, 9, 26), err: procedure.ErrInvalidTransition, unmet: []string{"bill"}},
			{trigger: "collect_small_fine", at: xnDay(2025, 9, 26), payload: map[string]string{"bill": "财政票据0001"}, state: "cash_collected"},
		})
		// Sat 27 Sep rests; Sun 28 Sep is a make-up working day.
		st := xnDue(t, d, c, d8(2025, 9, 26))["cash_handover"]
		if st.Due != d8(2025, 9, 29) || st.Limit != 2 || st.Unit != deadline.WorkingDays || st.Citation.Article != 71 {
			t.Errorf("cash handover due %s (%d %v, %s), want 2025-09-29", st.Due, st.Limit, st.Unit, st.Citation)
		}
		if _, ok := xnDue(t, d, c, d8(2025, 9, 26))["payment"]; ok {
			t.Error("the payment clock still runs after collection on the spot")
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "hand_over_cash", at: xnDay(2025, 9, 29), state: "cash_handed_over"},
		})
		xnWantDue(t, d, c, d8(2025, 9, 29), "cash_deposit", d8(2025, 10, 9))
		xnContinue(t, d, c, []xnStep{
			{trigger: "deposit_cash", at: xnDay(2025, 10, 9), payload: map[string]string{"bank_receipt": "银行回单"}, state: "executed"},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 68 ¶1(2): over 100 yuan, only when it would be hard to enforce later", func(t *testing.T) {
		xnRun(t, d, "JY-2025-006", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("fine", "citizen", "150"), state: "decided"},
			{trigger: "hand_over", at: xnDay(2025, 9, 26), payload: pspSigned, state: "awaiting_payment"},
			{trigger: "collect_small_fine", at: xnDay(2025, 9, 26), payload: map[string]string{"bill": "财政票据0002"},
				err: procedure.ErrInvalidTransition, unmet: []string{"small_fine"}},
			{trigger: "collect_hard_to_enforce", at: xnDay(2025, 9, 26), payload: map[string]string{"bill": "财政票据0002"},
				err: procedure.ErrInvalidTransition, unmet: []string{"hard_to_enforce"}},
			{trigger: "collect_hard_to_enforce", at: xnDay(2025, 9, 26), payload: map[string]string{"bill": "财政票据0002", "hard_to_enforce": "外省籍流动摊贩，无固定住所"}, state: "cash_collected"},
		})
	})

	t.Run("Art 69, 71: 3,000 yuan collected afloat at the party's request; handed over within two working days of landing on 30 Sep 2025", func(t *testing.T) {
		c := xnRun(t, d, "JY-2025-007", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("fine", "organisation", "3000"), state: "decided"},
			{trigger: "hand_over", at: xnDay(2025, 9, 26), payload: pspSigned, state: "awaiting_payment"},
			{trigger: "collect_remote", at: xnDay(2025, 9, 26), payload: map[string]string{"remote": "长江航道", "bill": "财政票据0003", "on_water": "true"},
				err: procedure.ErrInvalidTransition, unmet: []string{"party_request"}},
			{trigger: "collect_remote", at: xnDay(2025, 9, 26), payload: map[string]string{"remote": "长江航道", "party_request": "船方提出", "bill": "财政票据0003", "on_water": "true"}, state: "cash_afloat"},
		})
		if due := xnDue(t, d, c, d8(2025, 9, 29)); len(due) != 0 {
			t.Errorf("clocks running before landing: %v", due)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "land", at: xnDay(2025, 9, 30), state: "cash_collected"},
		})
		// 1–8 Oct are the holiday: 9 and 10 Oct are the two working days.
		xnWantDue(t, d, c, d8(2025, 9, 30), "cash_handover", d8(2025, 10, 10))
		xnReplay(t, d, c)
	})

	t.Run("Art 72 ¶1(1): unpaid by Tue 24 Feb 2026 (15 days from 2 Feb end in the Spring Festival), the add-on fine accrues", func(t *testing.T) {
		c := xnRun(t, d, "JY-2026-001", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2026, 2, 2), payload: pspDecide("fine", "organisation", "2000"), state: "decided"},
			{trigger: "hand_over", at: xnDay(2026, 2, 2), payload: pspSigned, state: "awaiting_payment"},
		})
		xnWantDue(t, d, c, d8(2026, 2, 2), "payment", d8(2026, 2, 24))
		xnContinue(t, d, c, []xnStep{
			{trigger: "collect_hard_to_enforce", at: xnDay(2026, 2, 25), payload: map[string]string{"bill": "财政票据0004", "hard_to_enforce": "流动摊贩"}, err: procedure.ErrExpired},
			{trigger: "pay", at: xnDay(2026, 2, 26), payload: map[string]string{"receipt": "缴款书"}, err: procedure.ErrExpired},
		})
		xnAdvance(t, d, c, xnDay(2026, 2, 26), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		if c.State != "add_on_accruing" || c.Facts["overdue"] != "true" {
			t.Fatalf("state %s, facts %v", c.State, c.Facts)
		}
		xnContinue(t, d, c, []xnStep{
			// Two days late: 3 % a day of 2,000 yuan.
			{trigger: "pay", at: xnDay(2026, 2, 26), payload: map[string]string{"receipt": "缴款书", "add_on": "120"}, state: "executed"},
			{trigger: "close", at: xnDay(2026, 2, 27), payload: map[string]string{"filed_with_agency": "已报备案"}, state: "closed"},
		})
		xnReplay(t, d, c)

		enforced := xnRun(t, d, "JY-2026-002", []xnStep{
			{trigger: "decide_on_spot", at: xnDay(2026, 2, 2), payload: pspDecide("fine", "citizen", "200"), state: "decided"},
			{trigger: "note_refusal", at: xnDay(2026, 2, 2), payload: map[string]string{"refusal_noted": "拒绝签收"}, state: "awaiting_payment"},
		})
		xnAdvance(t, d, enforced, xnDay(2026, 4, 1), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 2, 25)})
		xnContinue(t, d, enforced, []xnStep{
			{trigger: "serve_demand", at: xnDay(2026, 3, 2), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-12"}, state: "add_on_accruing"},
			// 行政强制法 Art 46 ¶1: more than thirty days of add-on (25
			// February to 26 March) and a demand; the agency enforces it
			// itself.
			{trigger: "enforce", at: xnDay(2026, 3, 26), payload: map[string]string{"route": "self", "measure": "划拨存款"}, err: procedure.ErrInvalidTransition, unmet: []string{"add_on"}},
			// 行政强制法 Art 43 ¶2: not by cutting off the water.
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: map[string]string{"route": "self", "measure": "停止供水", "enforcement_decision": "强制执行决定书", "utility_cutoff": "true"}, err: procedure.ErrInvalidTransition, unmet: []string{"utility_cutoff"}},
			{trigger: "enforce", at: xnDay(2026, 3, 27), payload: map[string]string{"route": "self", "measure": "划拨存款", "enforcement_decision": "强制执行决定书"}, state: "enforcement"},
			{trigger: "complete_enforcement", at: xnDay(2026, 5, 6), payload: map[string]string{"result": "执行完毕"}, state: "executed"},
		})
		xnReplay(t, d, enforced)
	})

	t.Run("Art 51, 54 ¶1: a case the simplified procedure cannot take goes to the general procedure", func(t *testing.T) {
		xnRun(t, d, "JY-2025-008", []xnStep{
			{trigger: "refer_to_general", at: xnDay(2025, 9, 26), err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
			{trigger: "refer_to_general", at: xnDay(2025, 9, 26), payload: map[string]string{"reasons": "拟罚款五千元，超出当场处罚限额"}, state: "referred"},
			{trigger: "decide_on_spot", at: xnDay(2025, 9, 26), payload: pspDecide("fine", "citizen", "50"), err: procedure.ErrInvalidTransition},
		})
	})
}

// TestPenaltySimplifiedCourtApplication: a party who objects to a penalty
// decided on the spot must seek reconsideration first (行政复议法 Art 23
// ¶1(1)), within sixty days (Art 20 ¶1); it cannot sue directly. So an
// agency without power to enforce applies to the court once those sixty
// days have passed without reconsideration or payment, and within the
// three months that follow (行政强制法 Art 53).
func TestPenaltySimplifiedCourtApplication(t *testing.T) {
	d := xnDefinition(t, "penalty-simplified")
	court := map[string]string{"route": "court", "measure": "申请人民法院强制执行"}
	c := xnRun(t, d, "SP-COURT-1", []xnStep{
		{trigger: "decide_on_spot", at: xnDay(2026, 3, 2), payload: pspDecide("fine", "citizen", "100"), state: "decided"},
		{trigger: "hand_over", at: xnDay(2026, 3, 2), payload: pspSigned, state: "awaiting_payment"},
	})
	// Sixty days from Monday 2 March end on Friday 1 May, in the Labour
	// Day break (1–5 May), and roll to Wednesday 6 May.
	xnWantDue(t, d, c, d8(2026, 3, 2), "challenge", d8(2026, 5, 6))
	// Fifteen days to pay end on Tuesday 17 March (行政处罚法 Art 67 ¶3);
	// the add-on runs from the 18th (Art 72 ¶1(1)).
	xnAdvance(t, d, c, xnDay(2026, 3, 18), procedure.Event{Trigger: "payment_overdue", At: xnMidnight(2026, 3, 18)})
	xnContinue(t, d, c, []xnStep{
		{trigger: "serve_demand", at: xnDay(2026, 3, 19), payload: map[string]string{"demand": "催告书", "perform_by": "2026-03-30"}, state: "add_on_accruing"},
		// The demand's ten working days have run (20 March to 2 April),
		// but the time to seek reconsideration has not.
		{trigger: "enforce", at: xnDay(2026, 5, 6), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
	})
	lastDay, tooLate := c.Clone(), c.Clone()
	xnContinue(t, d, c, []xnStep{
		{trigger: "enforce", at: xnDay(2026, 5, 7), payload: court, state: "enforcement"},
	})
	xnReplay(t, d, c)
	// Three months from 6 May end on Thursday 6 August: an application
	// that day is in time, one on the 7th too late.
	xnContinue(t, d, lastDay, []xnStep{
		{trigger: "enforce", at: xnDay(2026, 8, 6), payload: court, state: "enforcement"},
	})
	xnContinue(t, d, tooLate, []xnStep{
		{trigger: "enforce", at: xnDay(2026, 8, 7), payload: court, err: procedure.ErrInvalidTransition, unmet: []string{"challenge"}},
	})
}
