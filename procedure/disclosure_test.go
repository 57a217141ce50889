package procedure_test

import (
	"testing"
	"time"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

var disInPerson = map[string]string{"channel": "in_person"}

// disReceived is a request received in person on day on.
func disReceived(t *testing.T, d *procedure.Definition, id string, on time.Time) *procedure.Case {
	t.Helper()
	return xnRun(t, d, id, []xnStep{{trigger: "receive", at: on, payload: disInPerson, state: "received"}})
}

// TestDisclosureRequest walks a request under 政府信息公开条例 (2019)
// through its articles on the 2025 and 2026 calendars.
func TestDisclosureRequest(t *testing.T) {
	d := xnDefinition(t, "disclosure")

	t.Run("Art 31(1), 33 ¶2, 30: received Thu 25 Sep 2025; correction notice by Sat 11 Oct, reply by 29 Oct, across the National Day break", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-001", xnDay(2025, 9, 25))
		due := xnDue(t, d, c, d8(2025, 9, 25))
		// Working days: 26 Sep, Sun 28 Sep (make-up), 29, 30 Sep, 9, 10 Oct
		// and Sat 11 Oct (make-up) are the first seven.
		if st := due["correction_notice"]; st.Due != d8(2025, 10, 11) || st.Limit != 7 || st.Citation.Article != 30 {
			t.Errorf("correction notice due %s (%d, %s), want 2025-10-11", st.Due, st.Limit, st.Citation)
		}
		if st := due["reply"]; st.Due != d8(2025, 10, 29) || st.Limit != 20 || st.Unit != deadline.WorkingDays || st.Citation.Article != 33 {
			t.Errorf("reply due %s (%d %v, %s), want 2025-10-29 (20 working days)", st.Due, st.Limit, st.Unit, st.Citation)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "disclose", at: xnDay(2025, 10, 29), err: procedure.ErrInvalidTransition, unmet: []string{"provision"}},
			{trigger: "disclose", at: xnDay(2025, 10, 29), payload: map[string]string{"provision": "电子邮件提供"}, state: "disclosed"},
		})
		if due := xnDue(t, d, c, d8(2025, 10, 29)); len(due) != 0 {
			t.Errorf("clocks still running after the reply: %v", due)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 29 ¶1, 31: the day of receipt by channel", func(t *testing.T) {
		for _, row := range []struct {
			name    string
			payload map[string]string
			unmet   []string
		}{
			{"Art 31(1): in person", disInPerson, nil},
			{"Art 29 ¶1: orally, the office filling in the form", map[string]string{"channel": "oral", "form_filled": "工作人员代填"}, nil},
			{"Art 29 ¶1: orally, with no form filled in", map[string]string{"channel": "oral"}, []string{"form_filled"}},
			{"Art 31(2): registered post, the day signed for", map[string]string{"channel": "registered_post"}, nil},
			{"Art 31(2): ordinary letter, confirmed with the applicant", map[string]string{"channel": "ordinary_mail", "confirmed": "电话确认"}, nil},
			{"Art 31(2): ordinary letter, not confirmed", map[string]string{"channel": "ordinary_mail"}, []string{"confirmed"}},
			{"Art 31(3): online, both sides confirm", map[string]string{"channel": "internet", "confirmed": "平台回执"}, nil},
			{"Art 31(3): fax, not confirmed", map[string]string{"channel": "fax"}, []string{"confirmed"}},
			{"no channel named", map[string]string{}, []string{"channel=in_person", "channel=fax"}},
		} {
			t.Run(row.name, func(t *testing.T) {
				step := xnStep{trigger: "receive", at: xnDay(2026, 1, 5), payload: row.payload, state: "received"}
				if row.unmet != nil {
					step.err, step.unmet = procedure.ErrInvalidTransition, row.unmet
				}
				c := xnRun(t, d, "GK-2026-001", []xnStep{step})
				if row.unmet == nil {
					// Received Mon 5 Jan 2026: reply by 2 Feb.
					xnWantDue(t, d, c, d8(2026, 1, 5), "reply", d8(2026, 2, 2))
					if c.Facts["channel"] != row.payload["channel"] {
						t.Errorf("facts %v", c.Facts)
					}
				}
			})
		}
	})

	t.Run("Art 33 ¶1: a reply on the spot starts no clock", func(t *testing.T) {
		c := xnRun(t, d, "GK-2025-002", []xnStep{
			{trigger: "reply_on_spot", at: xnDay(2025, 9, 25), err: procedure.ErrInvalidTransition, unmet: []string{"reply"}},
			{trigger: "reply_on_spot", at: xnDay(2025, 9, 25), payload: map[string]string{"reply": "第三十六条第一项：已在政府网站公开，当场告知网址"}, state: "replied_on_spot"},
		})
		if len(c.Clocks) != 0 {
			t.Errorf("clocks %v", c.Clocks)
		}
	})

	t.Run("Art 30: one correction notice within 7 working days; the reply counts again from the corrected request", func(t *testing.T) {
		c := disReceived(t, d, "GK-2026-002", xnDay(2026, 2, 2))
		xnWantDue(t, d, c, d8(2026, 2, 2), "correction_notice", d8(2026, 2, 11))
		notice := map[string]string{"items": "请明确所需信息的文号或时间范围", "correct_by": "2026-03-06"}
		xnContinue(t, d, c, []xnStep{
			{trigger: "request_correction", at: xnDay(2026, 2, 12), payload: notice, err: procedure.ErrInvalidTransition, unmet: []string{"correction_notice"}},
			{trigger: "request_correction", at: xnDay(2026, 2, 11), payload: map[string]string{"items": "请明确所需信息", "correct_by": "2026-02-11"},
				err: procedure.ErrInvalidTransition, unmet: []string{"correct_by"}},
			{trigger: "request_correction", at: xnDay(2026, 2, 11), payload: map[string]string{"correct_by": "2026-03-06"},
				err: procedure.ErrInvalidTransition, unmet: []string{"items"}},
			{trigger: "request_correction", at: xnDay(2026, 2, 11), payload: notice, state: "awaiting_correction"},
		})
		xnWantDue(t, d, c, d8(2026, 2, 11), "correction", d8(2026, 3, 6))
		if due := xnDue(t, d, c, d8(2026, 2, 11)); due["correction"].Role != procedure.RoleParty || due["reply"].Role == procedure.RoleParty {
			t.Errorf("the period to correct is the applicant's (party %v), the reply the agency's (party %v)", due["correction"].Role == procedure.RoleParty, due["reply"].Role == procedure.RoleParty)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "correct", at: xnDay(2026, 2, 24), payload: map[string]string{"corrected": "补正后的申请"}, state: "received"},
		})
		// Twenty working days from Tue 24 Feb: Sat 28 Feb (make-up) counts;
		// the last is Mon 23 Mar.
		st := xnDue(t, d, c, d8(2026, 2, 24))["reply"]
		if st.Due != d8(2026, 3, 23) || st.Started != d8(2026, 2, 24) {
			t.Errorf("reply counted from %s, due %s; want from 2026-02-24, due 2026-03-23", st.Started, st.Due)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "request_correction", at: xnDay(2026, 2, 24), payload: map[string]string{"items": "再次补正", "correct_by": "2026-03-06"},
				err: procedure.ErrInvalidTransition, unmet: []string{"correction_requested"}},
		})
		xnReplay(t, d, c)
	})

	t.Run("Art 30: no correction by 27 Feb 2026 — the request counts as abandoned when that day ends", func(t *testing.T) {
		c := disReceived(t, d, "GK-2026-003", xnDay(2026, 2, 2))
		xnContinue(t, d, c, []xnStep{
			{trigger: "request_correction", at: xnDay(2026, 2, 4), payload: map[string]string{"items": "请明确所需信息", "correct_by": "2026-02-27"}, state: "awaiting_correction"},
			{trigger: "correct", at: xnAt(2026, 2, 28, 9), payload: map[string]string{"corrected": "补正申请"}, err: procedure.ErrExpired},
		})
		xnAdvance(t, d, c, xnAt(2026, 2, 28, 9), procedure.Event{Trigger: "deem_abandoned", At: xnMidnight(2026, 2, 28)})
		if c.State != "abandoned" {
			t.Fatalf("state %s", c.State)
		}
		if due := xnDue(t, d, c, d8(2026, 2, 28)); len(due) != 0 {
			t.Errorf("clocks still running: %v", due)
		}
		xnReplay(t, d, c)

		// With good reason, before the period ends, a new period is set.
		reset := disReceived(t, d, "GK-2026-004", xnDay(2026, 2, 2))
		xnContinue(t, d, reset, []xnStep{
			{trigger: "request_correction", at: xnDay(2026, 2, 4), payload: map[string]string{"items": "请明确所需信息", "correct_by": "2026-02-27"}, state: "awaiting_correction"},
			{trigger: "reset_correction_period", at: xnDay(2026, 2, 26), payload: map[string]string{"correct_by": "2026-03-13"},
				err: procedure.ErrInvalidTransition, unmet: []string{"good_reason"}},
			{trigger: "reset_correction_period", at: xnDay(2026, 2, 26), payload: map[string]string{"good_reason": "申请人住院", "correct_by": "2026-03-13"}, state: "awaiting_correction"},
		})
		xnAdvance(t, d, reset, xnDay(2026, 3, 2))
		xnContinue(t, d, reset, []xnStep{
			{trigger: "correct", at: xnDay(2026, 3, 13), payload: map[string]string{"corrected": "补正申请"}, state: "received"},
		})
		xnReplay(t, d, reset)
	})

	t.Run("Art 33 ¶2: one extension of at most 20 working days, with the disclosure office head's consent", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-003", xnDay(2025, 9, 25))
		ext := func(units string) map[string]string {
			return map[string]string{"approver": "公开办主任", "applicant_told": "已书面告知", "units": units}
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "extend", at: xnDay(2025, 10, 28), payload: map[string]string{"applicant_told": "已书面告知", "units": "20"},
				err: procedure.ErrInvalidTransition, unmet: []string{"approver"}},
			{trigger: "extend", at: xnDay(2025, 10, 28), payload: map[string]string{"approver": "公开办主任", "units": "20"},
				err: procedure.ErrInvalidTransition, unmet: []string{"applicant_told"}},
			{trigger: "extend", at: xnDay(2025, 10, 28), payload: ext("21"), err: procedure.ErrInvalidTransition, unmet: []string{"units=20"}},
			{trigger: "extend", at: xnDay(2025, 10, 28), payload: ext("20"), state: "received"},
			// The cap is spent: a second extension is refused by the clock.
			{trigger: "extend", at: xnDay(2025, 10, 29), payload: ext("1"), err: procedure.ErrInvalidTransition},
		})
		// Twenty more working days after 29 Oct: 30, 31 Oct, 3–7, 10–14,
		// 17–21, 24, 25 and 26 Nov.
		st := xnDue(t, d, c, d8(2025, 10, 28))["reply"]
		if st.Due != d8(2025, 11, 26) || st.Extended != 20 || st.Limit != 40 {
			t.Errorf("extended reply due %s (+%d, limit %d), want 2025-11-26 (+20)", st.Due, st.Extended, st.Limit)
		}
		if reply, ok := c.Clock("reply"); !ok || len(reply.Ledger()) != 1 || reply.Ledger()[0].Approver != "公开办主任" {
			t.Errorf("the consent of the disclosure office head is not on the reply clock's ledger: %+v", reply.Ledger())
		}
	})

	t.Run("Art 32, 33 ¶3: the third party's 15 working days are not counted; silent by Fri 28 Nov 2025, the agency decides", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-004", xnDay(2025, 11, 3))
		xnWantDue(t, d, c, d8(2025, 11, 3), "reply", d8(2025, 12, 1))
		xnContinue(t, d, c, []xnStep{
			{trigger: "consult_third_party", at: xnDay(2025, 11, 7), payload: map[string]string{"third_party": "某建材公司"},
				err: procedure.ErrInvalidTransition, unmet: []string{"letter"}},
			{trigger: "consult_third_party", at: xnDay(2025, 11, 7), payload: map[string]string{"third_party": "某建材公司", "letter": "征求意见书"}, state: "consulting_third_party"},
			{trigger: "disclose", at: xnDay(2025, 11, 10), payload: map[string]string{"provision": "提供"}, err: procedure.ErrInvalidTransition},
		})
		due := xnDue(t, d, c, d8(2025, 11, 10))
		if st := due["third_party"]; st.Due != d8(2025, 11, 28) || st.Limit != 15 || st.Citation.Article != 32 {
			t.Errorf("third party due %s (%d, %s), want 2025-11-28", st.Due, st.Limit, st.Citation)
		}
		if st := due["reply"]; !st.Paused || st.Elapsed != 3 {
			t.Errorf("reply clock paused %v after %d working days, want paused after 3 (4–6 Nov)", st.Paused, st.Elapsed)
		}
		xnContinue(t, d, c, []xnStep{
			{trigger: "third_party_consents", at: xnDay(2025, 11, 29), payload: map[string]string{"opinion": "同意"}, err: procedure.ErrExpired},
		})
		xnAdvance(t, d, c, xnDay(2025, 12, 1), procedure.Event{Trigger: "third_party_silent", At: xnMidnight(2025, 11, 29)})
		if c.State != "received" || c.Facts["third_party_opinion"] != "none" {
			t.Fatalf("state %s, facts %v", c.State, c.Facts)
		}
		// The outcome takes effect on the due day, 28 Nov: 7–28 Nov are not
		// counted, and 17 working days remain from Mon 1 Dec: 23 Dec.
		xnWantDue(t, d, c, d8(2025, 12, 1), "reply", d8(2025, 12, 23))
		xnContinue(t, d, c, []xnStep{
			{trigger: "withhold", at: xnDay(2025, 12, 22), payload: map[string]string{"reasons": "涉及商业秘密"},
				err: procedure.ErrInvalidTransition, unmet: []string{"ground"}},
			{trigger: "withhold", at: xnDay(2025, 12, 22), payload: map[string]string{"reasons": "涉及商业秘密", "ground": "第十五条"}, state: "withheld"},
		})
		xnReplay(t, d, c)
	})

	// Art 32 withholds only over an objection with reasonable grounds: one
	// the agency finds unfounded does not stand in the way.
	t.Run("Art 32: an objection without reasonable grounds does not stop disclosure", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-006", xnDay(2025, 11, 3))
		xnContinue(t, d, c, []xnStep{
			{trigger: "consult_third_party", at: xnDay(2025, 11, 7), payload: map[string]string{"third_party": "某建材公司", "letter": "征求意见书"}, state: "consulting_third_party"},
			{trigger: "third_party_objects", at: xnDay(2025, 11, 12), payload: map[string]string{"reasons": "不愿公开", "reasonable": "false"}, state: "received"},
			{trigger: "disclose", at: xnDay(2025, 11, 20), payload: map[string]string{"provision": "提供"}, state: "disclosed"},
		})
		if got := c.Facts["third_party_opinion"]; got != "objects_without_reason" {
			t.Errorf("third_party_opinion = %q", got)
		}
		xnReplay(t, d, c)
	})

	t.Run("Art 32: over a justified objection, disclosure only for a grave public interest, with written notice to the third party", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-005", xnDay(2025, 11, 3))
		xnContinue(t, d, c, []xnStep{
			{trigger: "consult_third_party", at: xnDay(2025, 11, 7), payload: map[string]string{"third_party": "某建材公司", "letter": "征求意见书"}, state: "consulting_third_party"},
			{trigger: "third_party_objects", at: xnDay(2025, 11, 12), err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
			{trigger: "third_party_objects", at: xnDay(2025, 11, 12), payload: map[string]string{"reasons": "涉及商业秘密", "reasonable": "true"}, state: "received"},
		})
		// 7–12 Nov not counted: 3 working days used, 17 left from 13 Nov.
		xnWantDue(t, d, c, d8(2025, 11, 12), "reply", d8(2025, 12, 5))
		xnContinue(t, d, c, []xnStep{
			{trigger: "disclose", at: xnDay(2025, 11, 20), payload: map[string]string{"provision": "提供"},
				// The third party objected: the disclosure meant is the one
				// over its objection.
				err: procedure.ErrInvalidTransition, unmet: []string{"public_interest", "third_party_notice"}},
			{trigger: "disclose", at: xnDay(2025, 11, 20), payload: map[string]string{"provision": "提供", "public_interest": "涉及公共安全"},
				err: procedure.ErrInvalidTransition, unmet: []string{"third_party_notice"}},
			{trigger: "disclose", at: xnDay(2025, 11, 20), payload: map[string]string{"provision": "提供", "public_interest": "涉及公共安全", "third_party_notice": "书面告知书"}, state: "disclosed"},
		})
	})

	t.Run("Art 34: the co-author agency silent for 15 working days is deemed to consent", func(t *testing.T) {
		c := disReceived(t, d, "GK-2025-006", xnDay(2025, 11, 3))
		xnContinue(t, d, c, []xnStep{
			{trigger: "consult_agency", at: xnDay(2025, 11, 7), err: procedure.ErrInvalidTransition, unmet: []string{"agency"}},
			{trigger: "consult_agency", at: xnDay(2025, 11, 7), payload: map[string]string{"agency": "市自然资源局"}, state: "consulting_agency"},
		})
		xnWantDue(t, d, c, d8(2025, 11, 7), "agency_opinion", d8(2025, 11, 28))
		xnAdvance(t, d, c, xnDay(2025, 12, 1), procedure.Event{Trigger: "agency_deemed_consent", At: xnMidnight(2025, 11, 29)})
		if c.State != "received" || c.Facts["agency_opinion"] != "deemed_consent" {
			t.Fatalf("state %s, facts %v", c.State, c.Facts)
		}
		xnWantDue(t, d, c, d8(2025, 12, 1), "reply", d8(2025, 12, 23))
		xnContinue(t, d, c, []xnStep{
			{trigger: "disclose", at: xnDay(2025, 12, 2), payload: map[string]string{"provision": "提供"}, state: "disclosed"},
		})
		xnReplay(t, d, c)

		answered := disReceived(t, d, "GK-2025-007", xnDay(2025, 11, 3))
		xnContinue(t, d, answered, []xnStep{
			{trigger: "consult_agency", at: xnDay(2025, 11, 7), payload: map[string]string{"agency": "市自然资源局"}, state: "consulting_agency"},
			{trigger: "agency_objects", at: xnDay(2025, 11, 11), payload: map[string]string{"reasons": "信息尚未定稿"}, state: "received"},
		})
		if answered.Facts["agency_opinion"] != "objects" {
			t.Errorf("facts %v", answered.Facts)
		}
	})

	t.Run("Art 33 ¶3, Art 17 ¶3: consulting another organ is not counted and has no deemed outcome", func(t *testing.T) {
		c := disReceived(t, d, "GK-2026-005", xnDay(2026, 1, 5))
		xnContinue(t, d, c, []xnStep{
			{trigger: "consult_other_organ", at: xnDay(2026, 1, 9), payload: map[string]string{"matter": "是否属于国家秘密"},
				err: procedure.ErrInvalidTransition, unmet: []string{"organ"}},
			{trigger: "consult_other_organ", at: xnDay(2026, 1, 9), payload: map[string]string{"organ": "市保密局", "matter": "是否属于国家秘密"}, state: "consulting_other_organ"},
		})
		if st := xnDue(t, d, c, d8(2026, 1, 19))["reply"]; !st.Paused || st.HasDue() || st.Elapsed != 3 {
			t.Errorf("reply clock paused %v, due %s, %d working days used; want paused, no due date, 3 used (6–8 Jan)", st.Paused, st.Due, st.Elapsed)
		}
		xnAdvance(t, d, c, xnDay(2026, 1, 19))
		xnContinue(t, d, c, []xnStep{
			{trigger: "other_organ_replies", at: xnDay(2026, 1, 20), payload: map[string]string{"opinion": "不属于国家秘密"}, state: "received"},
		})
		// 9–20 Jan not counted: 17 working days remain from 21 Jan, to 12 Feb.
		xnWantDue(t, d, c, d8(2026, 1, 20), "reply", d8(2026, 2, 12))
		xnReplay(t, d, c)
	})

	t.Run("Art 35, 36, 37, 39: the kinds of reply", func(t *testing.T) {
		for _, row := range []struct {
			name    string
			trigger procedure.Trigger
			payload map[string]string
			state   procedure.State
		}{
			{"Art 36(1): already published", "reply_published", map[string]string{"access": "政府网站政策文件栏目"}, "told_where_published"},
			{"Art 36(2): disclosed", "disclose", map[string]string{"provision": "纸质复印件"}, "disclosed"},
			{"Art 37: partly disclosed", "disclose_partly", map[string]string{"provision": "删除个人信息后提供", "reasons": "含个人隐私"}, "partly_disclosed"},
			{"Art 36(3): withheld", "withhold", map[string]string{"ground": "第十六条第二款", "reasons": "过程性信息"}, "withheld"},
			{"Art 36(4): not held", "reply_not_held", map[string]string{"search": "经检索档案系统未找到"}, "not_held"},
			{"Art 36(5): not this agency's", "reply_not_responsible", map[string]string{"reasons": "由市住建局制作", "competent_agency": "市住建局"}, "not_responsible"},
			{"Art 36(6): repeated request", "reply_repeat", map[string]string{"earlier_reply": "〔2025〕第12号答复"}, "repeat_request"},
			{"Art 36(7): special law", "reply_special_law", map[string]string{"special_law": "《不动产登记暂行条例》"}, "special_procedure"},
			{"Art 39 ¶1: a complaint in the form of a request", "treat_as_other", map[string]string{"reasons": "实为投诉举报"}, "not_a_request"},
			{"Art 35: clearly unreasonable numbers", "decline_unreasonable", map[string]string{"explanation": "已要求说明理由", "reasons": "理由不合理"}, "not_processed"},
		} {
			t.Run(row.name, func(t *testing.T) {
				c := disReceived(t, d, "GK-2025-008", xnDay(2025, 9, 25))
				var keys []string
				for k := range row.payload {
					if k != "competent_agency" {
						keys = append(keys, k)
					}
				}
				xnContinue(t, d, c, []xnStep{
					{trigger: row.trigger, at: xnDay(2025, 10, 9), payload: map[string]string{}, err: procedure.ErrInvalidTransition, unmet: keys},
					{trigger: row.trigger, at: xnDay(2025, 10, 9), payload: row.payload, state: row.state},
				})
				if !d.IsTerminal(c.State) {
					t.Errorf("state %s is not terminal", c.State)
				}
				if due := xnDue(t, d, c, d8(2025, 10, 9)); len(due) != 0 {
					t.Errorf("clocks still running: %v", due)
				}
			})
		}
	})
}

// TestDisclosureDeferredReply: requests clearly beyond a reasonable
// number or frequency, whose reasons the agency finds reasonable, are
// replied to by a later time it sets and tells the applicant of
// (政府信息公开条例 Art 35), in place of the twenty working days of Art 33.
func TestDisclosureDeferredReply(t *testing.T) {
	d := xnDefinition(t, "disclosure")
	c := disReceived(t, d, "GK-2026-035", xnDay(2026, 3, 2))
	deferral := map[string]string{"explanation": "已要求说明理由", "deferral_reasons": "用于课题研究，理由合理", "reply_by": "2026-06-30"}
	xnContinue(t, d, c, []xnStep{
		{trigger: "defer_reply", at: xnDay(2026, 3, 9), payload: map[string]string{"explanation": "已要求说明理由", "deferral_reasons": "理由合理"},
			err: procedure.ErrInvalidTransition, unmet: []string{"reply_by"}},
		{trigger: "defer_reply", at: xnDay(2026, 3, 9), payload: deferral, state: "received"},
		// One later time: the time to reply no longer runs, so it is
		// neither deferred again, nor extended, nor suspended for a
		// correction.
		{trigger: "defer_reply", at: xnDay(2026, 3, 10), payload: deferral, err: procedure.ErrInvalidTransition, unmet: []string{"reply"}},
		{trigger: "extend", at: xnDay(2026, 3, 10), payload: map[string]string{"approver": "负责人", "applicant_told": "已告知", "units": "20"},
			err: procedure.ErrInvalidTransition, unmet: []string{"reply"}},
	})
	due := xnDue(t, d, c, d8(2026, 3, 9))
	if len(due) != 1 || due["deferred_reply"].Due != d8(2026, 6, 30) || due["deferred_reply"].Citation.Article != 35 {
		t.Errorf("clocks running: %v; want only the later time to reply, 30 June", due)
	}
	// A third party consulted meanwhile: the later time runs on.
	xnContinue(t, d, c, []xnStep{
		{trigger: "consult_third_party", at: xnDay(2026, 4, 1), payload: map[string]string{"third_party": "某公司", "letter": "征求意见函"}, state: "consulting_third_party"},
		{trigger: "third_party_consents", at: xnDay(2026, 4, 8), payload: map[string]string{"opinion": "同意公开"}, state: "received"},
		{trigger: "disclose", at: xnDay(2026, 6, 30), payload: map[string]string{"provision": "纸质复印件"}, state: "disclosed"},
	})
	if due := xnDue(t, d, c, d8(2026, 6, 30)); len(due) != 0 {
		t.Errorf("clocks still running after the reply: %v", due)
	}
	xnReplay(t, d, c)
}
