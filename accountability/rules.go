package accountability

import (
	"github.com/xiaoneng/xiaoneng"
)

// RuleInfo describes a built-in rule: the efficiency system it enforces,
// and the provision it cites when the finding's source names none.
type RuleInfo struct {
	ID     RuleID
	Name   string // 中文
	NameEN string
	// Citation is the default citation. Findings on a clock cite the
	// clock's rule, findings on a step of a procedure cite the step's
	// provision; [Thresholds.Citations] overrides either.
	Citation xiaoneng.Citation
}

// fujian is the provincial regulation the efficiency systems are modelled
// on (LEGAL.md Part 4: adopted 2013-11-29, revised 2024-03-27; its articles
// were not checked, so it is cited as a whole).
const fujian xiaoneng.LawID = "福建省机关效能建设工作条例"

// Rules returns the built-in rules, a fresh copy on every call.
func Rules() []RuleInfo {
	local := xiaoneng.Citation{Law: fujian}
	return []RuleInfo{
		{RuleTimeLimit, "限时办结", "time limit", local},
		{RuleStepLimit, "限时办结（环节时限）", "step time limit", local},
		{RulePromise, "服务承诺", "service commitment", local},
		{RuleOneTimeNotice, "一次性告知", "one-time notification", xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1, 4)},
		{RuleRefusalRegister, "否定报备", "refusal reporting", local},
		{RuleFirstInquiry, "首问负责", "first-inquiry responsibility", local},
		{RuleSubstitute, "AB角（同岗替代）", "paired posts", local},
		{RuleVacantPost, "AB角（岗位空缺）", "paired posts: a post left empty", local},
		{RuleDeemedAcceptance, "视为受理", "deemed acceptance", xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1, 4)},
		{RuleDeemedRenewal, "视为准予延续", "deemed renewal", xiaoneng.Cite(xiaoneng.LicensingLaw, 50, 2)},
		{RuleAssistance, "行政协助", "administrative assistance", xiaoneng.Cite(xiaoneng.PenaltyLaw, 26)},
		{RuleFollowUp, "投诉回访", "complaint follow-up", local},
		{RuleYellowLight, "电子监察黄灯预警", "electronic supervision: yellow light", local},
		{RuleRedLight, "电子监察红灯", "electronic supervision: red light", local},
	}
}

// LookupRule returns the description of a built-in rule.
func LookupRule(id RuleID) (RuleInfo, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}
