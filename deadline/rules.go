package deadline

import (
	"fmt"

	x "github.com/xiaoneng/xiaoneng"
)

// Reference rule IDs: the time limits of the laws the library encodes,
// as [ReferenceRules] returns them. Each rule's doc names its provision.
const (
	// 行政许可法 Art 32 ¶1(4): notice of everything to supplement, in one
	// go, within 5 days of receipt; missed, the application counts as
	// accepted on receipt.
	RuleLicensingCorrectionNotice = "licensing-correction-notice"
	// 行政许可法 Art 42 ¶1: decision within 20 days of acceptance, plus
	// 10 with the agency head's approval; Art 45 time excluded.
	RuleLicensingDecision = "licensing-decision"
	// 行政许可法 Art 42 ¶2: unified, joint or centralised handling within
	// 45 days, plus 15 with the approval of the head of the people's
	// government at the same level; Art 45 time excluded.
	RuleLicensingJointDecision = "licensing-joint-decision"
	// 行政许可法 Art 43: a lower agency's preliminary review within 20 days.
	RuleLicensingPreliminaryReview = "licensing-preliminary-review"
	// 行政许可法 Art 44: certificate issued and delivered within 10 days.
	RuleLicensingCertificate = "licensing-certificate"
	// 行政许可法 Art 47 ¶1: hearing requested within 5 days of being told.
	RuleLicensingHearingRequest = "licensing-hearing-request"
	// 行政许可法 Art 47 ¶1: hearing organised within 20 days of the request.
	RuleLicensingHearing = "licensing-hearing"

	// 行政处罚法 Art 36 ¶1: no penalty for a violation undiscovered for 2 years.
	RulePenaltyLimitation = "penalty-limitation"
	// 行政处罚法 Art 36 ¶1: 5 years where life, health or financial safety
	// is involved and harm resulted.
	RulePenaltyLimitationSafety = "penalty-limitation-safety"
	// 行政处罚法 Art 48 ¶2: published decision withdrawn within 3 days.
	RulePenaltyWithdrawal = "penalty-publication-withdrawal"
	// 行政处罚法 Art 56: preserved evidence dealt with within 7 days.
	RulePenaltyEvidence = "penalty-evidence-preservation"
	// 行政处罚法 Art 60: decision within 90 days of filing.
	RulePenaltyDecision = "penalty-decision"
	// 行政处罚法 Art 61 ¶1: decision served within 7 days on an absent party.
	RulePenaltyDelivery = "penalty-delivery"
	// 行政处罚法 Art 64 ¶1(1): hearing requested within 5 days of the notice.
	RulePenaltyHearingRequest = "penalty-hearing-request"
	// 行政处罚法 Art 67 ¶3: fine paid within 15 days of receiving the decision.
	RulePenaltyPayment = "penalty-payment"
	// 行政处罚法 Art 71: cash collected on the spot handed over within 2 days.
	RulePenaltyCashHandover = "penalty-cash-handover"

	// 政府信息公开条例 Art 26: information for proactive disclosure published
	// within 20 working days of being made or changed.
	RuleDisclosureProactive = "disclosure-proactive"
	// 政府信息公开条例 Art 30: one correction notice within 7 working days.
	RuleDisclosureCorrectionNotice = "disclosure-correction-notice"
	// 政府信息公开条例 Art 32: a third party's opinion within 15 working days.
	RuleDisclosureThirdParty = "disclosure-third-party"
	// 政府信息公开条例 Art 33 ¶2: reply within 20 working days, plus at most
	// 20 in all with the disclosure office head's consent; Art 33 ¶3
	// excludes consultation time; Art 30 counts the reply from receipt of
	// the correction, so the clock waits while the applicant corrects and
	// then restarts.
	RuleDisclosureReply = "disclosure-reply"

	// 信访工作条例 Art 22 ¶1: petition office routes an item within 15 days.
	RulePetitionRouting = "petition-routing"
	// 信访工作条例 Art 23 ¶2: written notice of receipt within 15 days.
	RulePetitionNotice = "petition-notice"
	// 信访工作条例 Art 23 ¶3: objection to a misrouted item within 5 working days.
	RulePetitionObjection = "petition-objection"
	// 信访工作条例 Art 34: handled within 60 days, plus at most 30.
	RulePetitionHandling = "petition-handling"
	// 信访工作条例 Art 35: review opinion within 30 days of the request.
	RulePetitionReview = "petition-review"
	// 信访工作条例 Art 36 ¶1: re-examination opinion within 30 days; ¶2
	// excludes hearing time.
	RulePetitionReexamination = "petition-reexamination"

	// 行政复议法 Art 30 ¶1: application examined within 5 days (Art 88 ¶2:
	// working days); missed, it counts as accepted (¶3).
	RuleReconsiderationAcceptance = "reconsideration-acceptance"
	// 行政复议法 Art 62 ¶1: decision within 60 days, plus at most 30.
	RuleReconsiderationDecision = "reconsideration-decision"
	// 行政复议法 Art 62 ¶2: simplified procedure, decision within 30 days.
	RuleReconsiderationSimplified = "reconsideration-simplified"

	// 行政强制法 Art 25: sealing or seizure at most 30 days, plus at most
	// 30; testing and appraisal time excluded.
	RuleCompulsionSeizure = "compulsion-seizure"

	// 行政诉讼法 Art 45: suit within 15 days of the reconsideration decision.
	RuleLitigationAfterReconsideration = "litigation-after-reconsideration"
	// 行政诉讼法 Art 46 ¶1: direct suit within 6 months.
	RuleLitigationDirect = "litigation-direct"
)

// ReferenceRules returns the time limits of the laws the library encodes,
// each with its provisions: 行政许可法, 行政处罚法, 政府信息公开条例,
// 信访工作条例, 行政复议法, 行政强制法 and 行政诉讼法. The result is a fresh
// copy on every call.
//
// Units follow the counting rule of each law: 行政许可法 Art 82 makes every
// licensing period working days; 行政处罚法 Art 85 only its 2/3/5/7-day
// periods, so its 15 and 90 days are calendar days; 行政复议法 Art 88 ¶2
// its 3/5/7/10-day periods; 行政强制法 Art 69 periods of 10 days or less;
// 政府信息公开条例 says 工作日 in each period; 信访工作条例 counts plain days
// except where it says 工作日. Calendar-day limits roll off rest days
// (民法典 Art 203, [RollRestDays]).
//
// One reading is the library's: Art 82 speaks of the periods in which
// the agency acts, and the applicant's 5 days to request a hearing
// (Art 47) are counted in working days with them. Replace the rule to
// read it otherwise.
func ReferenceRules() []Rule {
	var (
		xk = func(art int, pi ...int) x.Citation { return x.Cite(x.LicensingLaw, art, pi...) }
		cf = func(art int, pi ...int) x.Citation { return x.Cite(x.PenaltyLaw, art, pi...) }
		gk = func(art int, pi ...int) x.Citation { return x.Cite(x.DisclosureRegs, art, pi...) }
		xf = func(art int, pi ...int) x.Citation { return x.Cite(x.PetitionRegs, art, pi...) }
		fy = func(art int, pi ...int) x.Citation { return x.Cite(x.ReconsiderationLaw, art, pi...) }
		qz = func(art int, pi ...int) x.Citation { return x.Cite(x.CompulsionLaw, art, pi...) }
		ss = func(art int, pi ...int) x.Citation { return x.Cite(x.LitigationLaw, art, pi...) }
	)
	wd := func(n int) Period { return Period{n, WorkingDays} }
	days := func(n int) Period { return Period{n, Days} }
	cite := func(cs ...x.Citation) []x.Citation { return cs }
	excluded := func(c x.Citation, causes ...Cause) []Allowance {
		out := make([]Allowance, len(causes))
		for i, cause := range causes {
			out[i] = Allowance{cause, c}
		}
		return out
	}
	art45 := excluded(xk(45), CauseHearing, CauseTender, CauseAuction, CauseInspection, CauseTesting,
		CauseQuarantine, CauseAppraisal, CauseExpertReview)
	art82, art85 := xk(82), cf(85)

	return []Rule{
		{ID: RuleLicensingCorrectionNotice, Name: "一次告知补正", NameEN: "one-time notice of supplements",
			Period: wd(5), Citations: cite(xk(32, 1, 4), art82)},
		{ID: RuleLicensingDecision, Name: "作出行政许可决定", NameEN: "licensing decision",
			Period:     wd(20),
			Extension:  Extension{Max: 10, Approver: "本行政机关负责人", ApproverEN: "head of the agency", Citation: xk(42, 1)},
			Exclusions: art45, Citations: cite(xk(42, 1), art82)},
		{ID: RuleLicensingJointDecision, Name: "统一办理、联合办理、集中办理", NameEN: "unified, joint or centralised licensing",
			Period:     wd(45),
			Extension:  Extension{Max: 15, Approver: "本级人民政府负责人", ApproverEN: "head of the people's government at the same level", Citation: xk(42, 2)},
			Exclusions: art45, Citations: cite(xk(42, 2), art82)},
		{ID: RuleLicensingPreliminaryReview, Name: "下级行政机关初步审查", NameEN: "preliminary review by the lower agency",
			Period: wd(20), Exclusions: art45, Citations: cite(xk(43), art82)},
		{ID: RuleLicensingCertificate, Name: "颁发、送达行政许可证件", NameEN: "issue and deliver the licence",
			Period: wd(10), Exclusions: art45, Citations: cite(xk(44), art82)},
		{ID: RuleLicensingHearingRequest, Name: "申请听证", NameEN: "request a hearing",
			Period: wd(5), Citations: cite(xk(47, 1), art82)},
		{ID: RuleLicensingHearing, Name: "组织听证", NameEN: "organise the hearing",
			Period: wd(20), Citations: cite(xk(47, 1), art82)},

		{ID: RulePenaltyLimitation, Name: "行政处罚追责时效", NameEN: "limitation of penalties",
			Period: Period{2, Years}, Citations: cite(cf(36, 1), cf(36, 2))},
		{ID: RulePenaltyLimitationSafety, Name: "行政处罚追责时效（生命健康安全、金融安全）", NameEN: "limitation of penalties (life, health or financial safety)",
			Period: Period{5, Years}, Citations: cite(cf(36, 1), cf(36, 2))},
		{ID: RulePenaltyWithdrawal, Name: "撤回行政处罚决定信息", NameEN: "withdraw a published decision",
			Period: wd(3), Citations: cite(cf(48, 2), art85)},
		{ID: RulePenaltyEvidence, Name: "先行登记保存处理决定", NameEN: "decide on preserved evidence",
			Period: wd(7), Citations: cite(cf(56), art85)},
		{ID: RulePenaltyDecision, Name: "作出行政处罚决定", NameEN: "penalty decision",
			Period: days(90), Citations: cite(cf(60), x.Cite(x.CivilCode, 203))},
		{ID: RulePenaltyDelivery, Name: "送达行政处罚决定书", NameEN: "serve the penalty decision",
			Period: wd(7), Citations: cite(cf(61, 1), art85)},
		{ID: RulePenaltyHearingRequest, Name: "要求听证", NameEN: "request a hearing",
			Period: wd(5), Citations: cite(cf(64, 1, 1), art85)},
		{ID: RulePenaltyPayment, Name: "缴纳罚款", NameEN: "pay the fine",
			Period: days(15), Citations: cite(cf(67, 3), x.Cite(x.CivilCode, 203))},
		{ID: RulePenaltyCashHandover, Name: "当场收缴罚款交至行政机关", NameEN: "hand over fines collected on the spot",
			Period: wd(2), Citations: cite(cf(71), art85)},

		{ID: RuleDisclosureProactive, Name: "主动公开", NameEN: "proactive disclosure",
			Period: wd(20), Citations: cite(gk(26))},
		{ID: RuleDisclosureCorrectionNotice, Name: "一次性告知补正", NameEN: "one-time request for correction",
			Period: wd(7), Citations: cite(gk(30))},
		{ID: RuleDisclosureThirdParty, Name: "第三方提出意见", NameEN: "third party's opinion",
			Period: wd(15), Citations: cite(gk(32))},
		{ID: RuleDisclosureReply, Name: "答复政府信息公开申请", NameEN: "reply to an information request",
			Period: wd(20),
			// Art 33 ¶2 caps the extensions' total, not their number.
			Extension: Extension{Max: 20, Times: 20, Approver: "政府信息公开工作机构负责人", ApproverEN: "head of the disclosure office", Citation: gk(33, 2)},
			// Art 30 counts the reply from receipt of the corrected request:
			// the clock waits while the applicant corrects, then restarts.
			Exclusions: append(excluded(gk(33, 3), CauseConsultation), excluded(gk(30), CauseCorrection)...),
			Restarts:   excluded(gk(30), CauseCorrection),
			Citations:  cite(gk(33, 2))},

		{ID: RulePetitionRouting, Name: "信访部门登记转送交办", NameEN: "route a petition",
			Period: days(15), Citations: cite(xf(22, 1))},
		{ID: RulePetitionNotice, Name: "书面告知信访人", NameEN: "notify the petitioner in writing",
			Period: days(15), Citations: cite(xf(23, 2))},
		{ID: RulePetitionObjection, Name: "对转送交办事项提出异议", NameEN: "object to a misrouted petition",
			Period: wd(5), Citations: cite(xf(23, 3))},
		{ID: RulePetitionHandling, Name: "信访事项办结", NameEN: "handle a petition",
			Period:    days(60),
			Extension: Extension{Max: 30, Approver: "本机关、单位负责人", ApproverEN: "head of the organ or unit", Citation: xf(34)},
			Citations: cite(xf(34))},
		{ID: RulePetitionReview, Name: "复查意见", NameEN: "review opinion",
			Period: days(30), Citations: cite(xf(35))},
		{ID: RulePetitionReexamination, Name: "复核意见", NameEN: "re-examination opinion",
			Period: days(30), Exclusions: excluded(xf(36, 2), CauseHearing), Citations: cite(xf(36, 1))},

		{ID: RuleReconsiderationAcceptance, Name: "行政复议申请审查", NameEN: "examine a reconsideration application",
			Period: wd(5), Citations: cite(fy(30, 1), fy(88, 2))},
		// Art 39 ¶1 suspends the review (中止) on its grounds, and ¶2
		// resumes it: the time suspended is not counted, the common reading
		// of 中止, which the Law does not put in words.
		{ID: RuleReconsiderationDecision, Name: "作出行政复议决定", NameEN: "reconsideration decision",
			Period:     days(60),
			Extension:  Extension{Max: 30, Approver: "行政复议机构的负责人", ApproverEN: "head of the reconsideration office", Citation: fy(62, 1)},
			Exclusions: excluded(fy(39, 1), CauseOther),
			Citations:  cite(fy(62, 1), fy(88, 1))},
		{ID: RuleReconsiderationSimplified, Name: "简易程序作出行政复议决定", NameEN: "reconsideration decision, simplified procedure",
			Period: days(30), Exclusions: excluded(fy(39, 1), CauseOther), Citations: cite(fy(62, 2), fy(88, 1))},

		{ID: RuleCompulsionSeizure, Name: "查封、扣押期限", NameEN: "sealing or seizure",
			Period:     days(30),
			Extension:  Extension{Max: 30, Approver: "行政机关负责人", ApproverEN: "head of the agency", Citation: qz(25, 1)},
			Exclusions: excluded(qz(25, 3), CauseTesting, CauseInspection, CauseQuarantine, CauseAppraisal),
			Citations:  cite(qz(25, 1), qz(69))},

		{ID: RuleLitigationAfterReconsideration, Name: "复议后起诉", NameEN: "suit after reconsideration",
			Period: days(15), Citations: cite(ss(45))},
		{ID: RuleLitigationDirect, Name: "直接起诉", NameEN: "direct suit",
			Period: Period{6, Months}, Citations: cite(ss(46, 1))},
	}
}

// LookupRule returns the reference rule with the given ID, or an error
// wrapping [ErrUnknownRule].
func LookupRule(id string) (Rule, error) {
	for _, r := range ReferenceRules() {
		if r.ID == id {
			return r, nil
		}
	}
	return Rule{}, errorf("LookupRule", 0, ErrUnknownRule, fmt.Sprintf("no reference rule %q", id))
}
