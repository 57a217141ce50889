package procedure_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/procedure"
)

var mdOfficer = procedure.Actor{Officer: "赵磊", Unit: "市发展改革委"}

var (
	mdSummary   = map[string]string{"summary": "意见归纳整理及采纳情况说明"}
	mdMaterials = map[string]string{"materials": "决策草案、依据及履行程序说明"}
	mdOpinion   = map[string]string{"opinion": "合法性审查意见书", "legal_opinions": "法律顾问法律意见书"}
	mdDiscuss   = map[string]string{"meeting": "executive", "materials": "提交讨论材料", "minutes": "会议纪要"}
)

// mdStart initiates a decision on Friday 1 August 2025 with the two facts
// that decide which conditional steps apply (Art 19 ¶1, Art 22 ¶1).
func mdStart(specialised, risk string) scStep {
	return scStep{trigger: "initiate", at: scAt(2025, 8, 1, 10),
		payload: map[string]string{"undertaker": "市交通运输局", "specialised": specialised, "risk": risk}, state: "drafting"}
}

// mdParticipated runs the normal public comment: opened Monday 4
// August, 30 days to Wednesday 3 September (Art 15 ¶1), closed on the
// 4th.
func mdParticipated(specialised, risk string) []scStep {
	return []scStep{
		mdStart(specialised, risk),
		{trigger: "open_comment", at: scAt(2025, 8, 4, 10), payload: map[string]string{"draft": "草案及说明"}, state: "public_comment"},
		{trigger: "close_comment", at: scAt(2025, 9, 4, 9), payload: mdSummary, state: "participated"},
	}
}

// mdInReview runs a decision with expert argumentation and risk
// assessment to the legality review, sent on Friday 26 September 2025:
// 7 working days are 28 Sep (make-up Sunday), 29, 30 Sep, and after the
// 1–8 Oct break 9, 10, 11 (make-up Saturday) and 13 Oct.
func mdInReview() []scStep {
	return append(mdParticipated("true", "true"),
		scStep{trigger: "argue", at: scAt(2025, 9, 10, 10), payload: map[string]string{"expert_opinions": "专家论证意见（署名盖章）"}, state: "expert_argued"},
		scStep{trigger: "assess_risk", at: scAt(2025, 9, 15, 10), payload: map[string]string{"risk_report": "社会稳定风险评估报告"}, state: "risk_assessed"},
		scStep{trigger: "submit_review", at: scAt(2025, 9, 26, 10), payload: mdMaterials, state: "legality_review"},
	)
}

func mdThen(base []scStep, more ...scStep) []scStep {
	return append(append([]scStep(nil), base...), more...)
}

// TestMajorDecisionStatute walks 重大行政决策程序暂行条例 (Decree 713) on
// the 2025 calendar: public participation, expert argumentation and risk
// assessment where the facts require them, legality review, collective
// discussion and decision, the report to the Party committee and
// publication — in order, none skipped, minima enforced.
func TestMajorDecisionStatute(t *testing.T) {
	d := scReference(t, "major-decision")

	tests := []struct {
		name  string
		steps []scStep
		asOf  date.Date
		due   map[string]date.Date
		state procedure.State
		facts map[string]string
	}{
		{
			name: "Art 11–32: the whole procedure, published 24 Oct 2025",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 10), payload: mdOpinion, state: "reviewed"},
				scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: mdDiscuss, state: "discussed"},
				scStep{trigger: "decide", at: scAt(2025, 10, 20, 11), payload: map[string]string{"decision": "同意实施"}, state: "decided"},
				scStep{trigger: "report_party", at: scAt(2025, 10, 21, 10), payload: map[string]string{"report": "请示报告"}, state: "reported"},
				scStep{trigger: "publish", at: scAt(2025, 10, 24, 10), payload: map[string]string{"channels": "政府公报、政府网站"}, state: "published"},
			),
			asOf: date.New(2025, 10, 24),
			due:  map[string]date.Date{},
			facts: map[string]string{
				"undertaker": "市交通运输局", "specialised": "true", "risk": "true",
				"expert_opinions": "专家论证意见（署名盖章）", "risk_report": "社会稳定风险评估报告",
				"legality": "lawful", "legal_opinions": "法律顾问法律意见书", "meeting": "executive", "decision": "同意实施", "channels": "政府公报、政府网站",
			},
		},
		{
			name: "Art 15 ¶1: comments for at least 30 days: opened 4 Aug, not closable on 3 Sep, closable on 4 Sep",
			steps: []scStep{
				mdStart("false", "false"),
				{trigger: "open_comment", at: scAt(2025, 8, 4, 10), err: procedure.ErrInvalidTransition, unmet: []string{"draft"}},
				{trigger: "open_comment", at: scAt(2025, 8, 4, 10), payload: map[string]string{"draft": "草案及说明"}, state: "public_comment"},
				{trigger: "close_comment", at: scAt(2025, 9, 3, 17), payload: mdSummary, err: procedure.ErrInvalidTransition, unmet: []string{"comment"}},
				{trigger: "close_comment", at: scAt(2025, 9, 4, 9), err: procedure.ErrInvalidTransition, unmet: []string{"summary"}},
				{trigger: "close_comment", at: scAt(2025, 9, 4, 9), payload: mdSummary, state: "participated"},
			},
			asOf:  date.New(2025, 9, 4),
			due:   map[string]date.Date{},
			state: "participated",
		},
		{
			name: "Art 15 ¶1: a minimum ending in a holiday runs on to the next working day: opened 1 Sep, the 30th day is 1 Oct, closable from 10 Oct",
			steps: []scStep{
				mdStart("false", "false"),
				{trigger: "open_comment", at: scAt(2025, 9, 1, 10), payload: map[string]string{"draft": "草案及说明"}, state: "public_comment"},
				{trigger: "close_comment", at: scAt(2025, 10, 9, 10), payload: mdSummary, err: procedure.ErrInvalidTransition, unmet: []string{"comment"}},
			},
			asOf: date.New(2025, 9, 1),
			due:  map[string]date.Date{"comment": date.New(2025, 10, 9)},
		},
		{
			name: "Art 15 ¶1: a period shortened for urgency, its reason stated when comments are invited, runs to the published date",
			steps: []scStep{
				mdStart("false", "false"),
				{trigger: "open_comment_short", at: scAt(2026, 1, 5, 10), payload: map[string]string{"draft": "草案", "comment_until": "2026-01-15"}, err: procedure.ErrInvalidTransition, unmet: []string{"shortening_reason"}},
				{trigger: "open_comment_short", at: scAt(2026, 1, 5, 10), payload: map[string]string{"draft": "草案", "shortening_reason": "冬季保供情况紧急", "comment_until": "2026-01-15"}, state: "public_comment_short"},
				{trigger: "close_comment", at: scAt(2026, 1, 15, 17), payload: mdSummary, err: procedure.ErrInvalidTransition, unmet: []string{"comment_short"}},
				{trigger: "close_comment", at: scAt(2026, 1, 16, 9), payload: mdSummary, state: "participated"},
			},
			asOf:  date.New(2026, 1, 16),
			due:   map[string]date.Date{},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "false", "risk": "false", "shortening_reason": "冬季保供情况紧急", "comment_until": "2026-01-15", "comment_shortened": "true"},
		},
		{
			name: "Art 16 ¶3, Art 17: hearing materials reach the participants 7 days before; the signed record closes the hearing",
			steps: []scStep{
				mdStart("false", "false"),
				{trigger: "schedule_hearing", at: scAt(2025, 11, 3, 10), payload: map[string]string{"draft": "草案", "hearing_date": "2025-11-09"}, err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
				{trigger: "schedule_hearing", at: scAt(2025, 11, 3, 10), payload: map[string]string{"draft": "草案", "hearing_date": "2025-11-10"}, state: "hearing_scheduled"},
				// Art 16 ¶2: held at the time published, not before.
				{trigger: "hold_hearing", at: scAt(2025, 11, 7, 10), payload: map[string]string{"record": "听证会记录（已签字）", "summary": "意见整理"}, err: procedure.ErrInvalidTransition, unmet: []string{"hearing_date"}},
				{trigger: "hold_hearing", at: scAt(2025, 11, 10, 10), payload: mdSummary, err: procedure.ErrInvalidTransition, unmet: []string{"record"}},
				{trigger: "hold_hearing", at: scAt(2025, 11, 10, 16), payload: map[string]string{"record": "听证会记录（已签字）", "summary": "意见整理"}, state: "participated"},
			},
			asOf: date.New(2025, 11, 10),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 19 ¶1, Art 22 ¶1: a specialised, risky matter cannot skip expert argumentation or risk assessment",
			steps: mdThen(mdParticipated("true", "true"),
				scStep{trigger: "submit_review", at: scAt(2025, 9, 5, 10), payload: mdMaterials, err: procedure.ErrInvalidTransition, unmet: []string{"specialised", "risk"}},
				scStep{trigger: "assess_risk", at: scAt(2025, 9, 5, 10), payload: map[string]string{"risk_report": "报告"}, err: procedure.ErrInvalidTransition, unmet: []string{"specialised"}},
				scStep{trigger: "argue", at: scAt(2025, 9, 10, 10), err: procedure.ErrInvalidTransition, unmet: []string{"expert_opinions"}},
				scStep{trigger: "argue", at: scAt(2025, 9, 10, 10), payload: map[string]string{"expert_opinions": "专家论证意见"}, state: "expert_argued"},
				scStep{trigger: "submit_review", at: scAt(2025, 9, 11, 10), payload: mdMaterials, err: procedure.ErrInvalidTransition, unmet: []string{"risk"}},
				scStep{trigger: "assess_risk", at: scAt(2025, 9, 15, 10), err: procedure.ErrInvalidTransition, unmet: []string{"risk_report"}},
			),
			asOf: date.New(2025, 9, 15),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 22 ¶2: risks already assessed under other rules are not assessed again; the case records the earlier assessment",
			steps: mdThen(mdParticipated("true", "true"),
				scStep{trigger: "rely_on_prior_assessment", at: scAt(2025, 9, 5, 10), payload: map[string]string{"prior_assessment": "项目环境影响评价报告"}, err: procedure.ErrInvalidTransition, unmet: []string{"specialised"}},
				scStep{trigger: "argue", at: scAt(2025, 9, 10, 10), payload: map[string]string{"expert_opinions": "专家论证意见"}, state: "expert_argued"},
				scStep{trigger: "rely_on_prior_assessment", at: scAt(2025, 9, 11, 10), err: procedure.ErrInvalidTransition, unmet: []string{"prior_assessment"}},
				scStep{trigger: "rely_on_prior_assessment", at: scAt(2025, 9, 11, 10), payload: map[string]string{"prior_assessment": "项目环境影响评价报告"}, state: "risk_assessed"},
				scStep{trigger: "submit_review", at: scAt(2025, 9, 12, 10), payload: mdMaterials, state: "legality_review"},
			),
			asOf:  date.New(2025, 9, 12),
			due:   map[string]date.Date{"legality_review": date.New(2025, 9, 23)},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "true", "risk": "true", "expert_opinions": "专家论证意见", "risk_assessment": "prior", "prior_assessment": "项目环境影响评价报告"},
		},
		{
			name: "Art 14 ¶1: a matter that may not be disclosed skips public participation; neither specialised nor risky, it goes to review",
			steps: []scStep{
				mdStart("false", "false"),
				{trigger: "exempt_participation", at: scAt(2025, 8, 5, 10), err: procedure.ErrInvalidTransition, unmet: []string{"nondisclosure_basis"}},
				{trigger: "exempt_participation", at: scAt(2025, 8, 5, 10), payload: map[string]string{"nondisclosure_basis": "涉及国家秘密"}, state: "participated"},
				{trigger: "submit_review", at: scAt(2025, 9, 26, 10), err: procedure.ErrInvalidTransition, unmet: []string{"materials"}},
				{trigger: "submit_review", at: scAt(2025, 9, 26, 10), payload: mdMaterials, state: "legality_review"},
			},
			asOf: date.New(2025, 9, 26),
			due:  map[string]date.Date{"legality_review": date.New(2025, 10, 13)},
		},
		{
			name: "Art 13, Art 14 ¶3: the units whose duties the matter concerns and the specific groups it concerns are consulted before the review",
			steps: []scStep{
				{trigger: "initiate", at: scAt(2025, 8, 1, 10), payload: map[string]string{"undertaker": "市交通运输局", "specialised": "false", "risk": "false",
					"units_to_consult": "市财政局、各区人民政府", "groups_to_consult": "巡游出租汽车驾驶员"}, state: "drafting"},
				{trigger: "consult_groups", at: scAt(2025, 8, 5, 10), payload: map[string]string{"consulted_bodies": "市出租汽车协会、驾驶员代表"}, err: procedure.ErrInvalidTransition, unmet: []string{"group_opinions"}},
				{trigger: "consult_groups", at: scAt(2025, 8, 5, 10), payload: map[string]string{"consulted_bodies": "市出租汽车协会、驾驶员代表", "group_opinions": "座谈会意见汇总"}, state: "drafting"},
				{trigger: "consult_groups", at: scAt(2025, 8, 6, 10), payload: map[string]string{"consulted_bodies": "x", "group_opinions": "x"}, err: procedure.ErrInvalidTransition, unmet: []string{"groups_to_consult"}},
				{trigger: "exempt_participation", at: scAt(2025, 8, 7, 10), payload: map[string]string{"nondisclosure_basis": "涉及国家秘密"}, state: "participated"},
				{trigger: "submit_review", at: scAt(2025, 9, 19, 10), payload: mdMaterials, err: procedure.ErrInvalidTransition, unmet: []string{"units_to_consult"}},
				// No agreement: the organ is told what is in dispute.
				{trigger: "consult_units", at: scAt(2025, 9, 22, 10), payload: map[string]string{"consulted_units": "市财政局、各区人民政府", "consultation": "协商会议纪要", "agreed": "false"}, err: procedure.ErrInvalidTransition, unmet: []string{"dispute_statement"}},
				{trigger: "consult_units", at: scAt(2025, 9, 22, 10), payload: map[string]string{"consulted_units": "市财政局、各区人民政府", "consultation": "协商会议纪要", "agreed": "false", "dispute_statement": "争议问题及各方意见的说明"}, state: "participated"},
				{trigger: "submit_review", at: scAt(2025, 9, 26, 10), payload: mdMaterials, state: "legality_review"},
			},
			asOf: date.New(2025, 9, 26),
			due:  map[string]date.Date{"legality_review": date.New(2025, 10, 13)},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "false", "risk": "false", "participation_exempt": "true", "nondisclosure_basis": "涉及国家秘密",
				"units_to_consult": "", "units_consultation": "disputed", "consulted_units": "市财政局、各区人民政府", "consultation": "协商会议纪要", "dispute_statement": "争议问题及各方意见的说明",
				"groups_to_consult": "", "groups_consultation": "held", "consulted_bodies": "市出租汽车协会、驾驶员代表", "group_opinions": "座谈会意见汇总"},
		},
		{
			name: "Art 26 ¶2: at least 7 working days for the reviewer: no opinion on 13 Oct without a stated reason, one on 14 Oct",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_review", at: scAt(2025, 10, 13, 15), payload: mdOpinion, err: procedure.ErrInvalidTransition, unmet: []string{"early_reason"}},
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 9), payload: map[string]string{"legal_opinions": "法律顾问法律意见书"}, err: procedure.ErrInvalidTransition, unmet: []string{"opinion"}},
				// Art 28: the review takes legal advisers' or public-sector
				// lawyers' opinions.
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 9), payload: map[string]string{"opinion": "合法性审查意见书"}, err: procedure.ErrInvalidTransition, unmet: []string{"legal_opinions"}},
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 9), payload: mdOpinion, state: "reviewed"},
			),
			asOf:  date.New(2025, 10, 14),
			due:   map[string]date.Date{},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "true", "risk": "true", "expert_opinions": "专家论证意见（署名盖章）", "risk_report": "社会稳定风险评估报告", "legality": "lawful", "legal_opinions": "法律顾问法律意见书"},
		},
		{
			name: "Art 26 ¶2 (\"一般\"): the reviewer may conclude early only with its reason in writing, and the case records it",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_review", at: scAt(2025, 10, 10, 15), payload: map[string]string{"opinion": "合法性审查意见书", "legal_opinions": "法律顾问法律意见书", "early_reason": "审查部门提前完成审查"}, state: "reviewed"},
			),
			asOf:  date.New(2025, 10, 10),
			due:   map[string]date.Date{},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "true", "risk": "true", "expert_opinions": "专家论证意见（署名盖章）", "risk_report": "社会稳定风险评估报告", "legality": "lawful", "legal_opinions": "法律顾问法律意见书", "legality_review_shortened": "true", "early_reason": "审查部门提前完成审查"},
		},
		{
			name: "Art 25 ¶2: an unlawful draft goes back for revision and a fresh review of at least 7 working days (10 Oct to 20 Oct)",
			steps: mdThen(mdInReview(),
				scStep{trigger: "fail_review", at: scAt(2025, 10, 9, 10), payload: map[string]string{"opinion": "部分条款违法", "legal_opinions": "公职律师法律意见"}, state: "revising"},
				scStep{trigger: "discuss", at: scAt(2025, 10, 9, 11), payload: mdDiscuss, err: procedure.ErrInvalidTransition},
				scStep{trigger: "submit_review", at: scAt(2025, 10, 10, 10), payload: mdMaterials, state: "legality_review"},
			),
			asOf: date.New(2025, 10, 10),
			// 11 Oct (make-up Saturday), 13–17, 20 Oct.
			due: map[string]date.Date{"legality_review": date.New(2025, 10, 20)},
		},
		{
			name: "Art 25 ¶2: an exploratory reform goes to discussion with its legal risks stated, after the full review time",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_with_risk", at: scAt(2025, 10, 13, 10), payload: map[string]string{"exploratory": "国家尚无明确规定", "legal_risks": "法律风险提示", "legal_opinions": "法律顾问法律意见书"}, err: procedure.ErrInvalidTransition, unmet: []string{"legality_review"}},
				scStep{trigger: "pass_with_risk", at: scAt(2025, 10, 14, 10), payload: map[string]string{"exploratory": "国家尚无明确规定", "legal_opinions": "法律顾问法律意见书"}, err: procedure.ErrInvalidTransition, unmet: []string{"legal_risks"}},
				scStep{trigger: "pass_with_risk", at: scAt(2025, 10, 14, 10), payload: map[string]string{"exploratory": "国家尚无明确规定", "legal_risks": "法律风险提示", "legal_opinions": "法律顾问法律意见书"}, state: "reviewed"},
			),
			asOf:  date.New(2025, 10, 14),
			due:   map[string]date.Date{},
			facts: map[string]string{"undertaker": "市交通运输局", "specialised": "true", "risk": "true", "expert_opinions": "专家论证意见（署名盖章）", "risk_report": "社会稳定风险评估报告", "legality": "risks_stated", "legal_opinions": "法律顾问法律意见书", "legal_risks": "法律风险提示"},
		},
		{
			name: "Art 26 ¶1: materials returned for completion; Art 25 ¶2: the organ may abandon the draft",
			steps: mdThen(mdInReview(),
				scStep{trigger: "return_materials", at: scAt(2025, 9, 29, 10), payload: map[string]string{"missing": "缺少公平竞争审查情况"}, state: "revising"},
				scStep{trigger: "abandon", at: scAt(2025, 9, 30, 10), err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
				scStep{trigger: "abandon", at: scAt(2025, 9, 30, 10), payload: map[string]string{"reasons": "客观情况变化"}, state: "abandoned"},
			),
			asOf: date.New(2025, 9, 30),
			due:  map[string]date.Date{},
		},
		{
			name: "Art 30 ¶1: discussion at the executive or plenary meeting only; Art 30 ¶3: minutes; Art 30 ¶2: a head departing from the majority gives reasons",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 10), payload: mdOpinion, state: "reviewed"},
				scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: map[string]string{"meeting": "director_office", "materials": "材料", "minutes": "纪要"}, err: procedure.ErrInvalidTransition, unmet: []string{"meeting", "meeting"}},
				scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: map[string]string{"meeting": "plenary", "materials": "材料"}, err: procedure.ErrInvalidTransition, unmet: []string{"minutes"}},
				scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: map[string]string{"meeting": "plenary", "materials": "材料", "minutes": "纪要"}, state: "discussed"},
				scStep{trigger: "decide", at: scAt(2025, 10, 20, 11), payload: map[string]string{"decision": "同意", "against_majority": "true"}, err: procedure.ErrInvalidTransition, unmet: []string{"reasons"}},
				scStep{trigger: "decide", at: scAt(2025, 10, 20, 11), payload: map[string]string{"decision": "同意", "against_majority": "true", "reasons": "在会上说明的理由"}, state: "decided"},
			),
			asOf:  date.New(2025, 10, 20),
			due:   map[string]date.Date{},
			state: "decided",
		},
		{
			name: "Art 30 ¶1: the head may decide not to adopt the draft, with reasons",
			steps: mdThen(mdInReview(),
				scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 10), payload: mdOpinion, state: "reviewed"},
				scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: mdDiscuss, state: "discussed"},
				scStep{trigger: "reject", at: scAt(2025, 10, 20, 11), payload: map[string]string{"reasons": "时机不成熟"}, state: "not_adopted"},
			),
			asOf: date.New(2025, 10, 20),
			due:  map[string]date.Date{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scRun(t, d, mdOfficer, tc.steps)
			scWantDue(t, d, c, tc.asOf, tc.due)
			if tc.state != "" && c.State != tc.state {
				t.Errorf("state %s, want %s", c.State, tc.state)
			}
			if tc.facts != nil {
				if diff := cmp.Diff(tc.facts, c.Facts); diff != "" {
					t.Errorf("facts (-want +got):\n%s", diff)
				}
			}
			scReplay(t, d, c)
		})
	}
}

// TestMajorDecisionNoSkipping carries a case along the whole procedure
// and, before each step, fires every later step of the path with a
// payload that satisfies every payload guard: each must be refused with
// ErrInvalidTransition and leave the case unchanged, so no step can be
// skipped.
func TestMajorDecisionNoSkipping(t *testing.T) {
	d := scReference(t, "major-decision")
	ctx := context.Background()
	path := mdThen(mdInReview(),
		scStep{trigger: "pass_review", at: scAt(2025, 10, 14, 10), payload: mdOpinion, state: "reviewed"},
		scStep{trigger: "discuss", at: scAt(2025, 10, 20, 10), payload: mdDiscuss, state: "discussed"},
		scStep{trigger: "decide", at: scAt(2025, 10, 20, 11), payload: map[string]string{"decision": "同意实施"}, state: "decided"},
		scStep{trigger: "report_party", at: scAt(2025, 10, 21, 10), payload: map[string]string{"report": "请示报告"}, state: "reported"},
		scStep{trigger: "publish", at: scAt(2025, 10, 24, 10), payload: map[string]string{"channels": "政府公报"}, state: "published"},
	)
	everything := map[string]string{
		"draft": "x", "summary": "x", "materials": "x", "opinion": "x", "expert_opinions": "x", "risk_report": "x",
		"meeting": "executive", "minutes": "x", "decision": "x", "report": "x", "channels": "x", "reasons": "x",
		"undertaker": "x", "specialised": "false", "risk": "false",
	}
	c := d.NewCase("ZD-2025-01")
	for i, s := range path {
		for _, skip := range path[i+1:] {
			before := c.Clone()
			err := d.Fire(ctx, c, procedure.Event{Trigger: skip.trigger, At: s.at, Actor: mdOfficer, Payload: everything})
			var pe *procedure.Error
			if !errors.Is(err, procedure.ErrInvalidTransition) || !errors.As(err, &pe) || pe.State != before.State {
				t.Fatalf("in %s, skipping ahead to %s: %v, want ErrInvalidTransition", before.State, skip.trigger, err)
			}
			if diff := cmp.Diff(before, c); diff != "" {
				t.Fatalf("a refused %s changed the case:\n%s", skip.trigger, diff)
			}
		}
		if err := d.Fire(ctx, c, procedure.Event{Trigger: s.trigger, At: s.at, Actor: mdOfficer, Payload: s.payload}); err != nil || c.State != s.state {
			t.Fatalf("step %d (%s): %s, %v", i, s.trigger, c.State, err)
		}
	}
	scReplay(t, d, c)
}
