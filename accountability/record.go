package accountability

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Input is what an evaluation reads: the case records of a period, the
// inquiries received (首问负责), and the roster of officers with their
// absences and substitutes (AB角).
type Input struct {
	Records   []Record  `json:"records"`
	Inquiries []Inquiry `json:"inquiries,omitempty"`
	Roster    Roster    `json:"roster"`
}

// Record is one case as the rules read it: the case itself (state, event
// log and clocks, from package procedure), the unit that handles it, the
// refusal register entries made for it (否定报备), and any exemption
// claimed for it.
type Record struct {
	// Unit is the unit (单位) the case belongs to.
	Unit string `json:"unit"`
	// Case is the case, as [procedure.Definition.Fire] left it. Its
	// Definition names the procedure; the evaluator must know it.
	Case *procedure.Case `json:"case"`
	// Register holds the refusal register entries (否定报备登记) for the case.
	Register []RegisterEntry `json:"register,omitempty"`
	// Statutory gives, by clock name, the statutory limit of a clock
	// where the case's item states its own instead of the definition's
	// (建筑法 Art 8 ¶2: seven days for a construction permit, where the
	// licensing definition has the twenty working days of 行政许可法 Art
	// 42); package catalogue's Limits gives it. A case run on a promised
	// limit is judged against it as the statute.
	Statutory map[string]deadline.Rule `json:"statutory,omitempty"`
	// Exemptions are the grounds on which no efficiency liability arises
	// for some or all of the case's findings.
	Exemptions []Exemption `json:"exemptions,omitempty"`
}

// RegisterEntry is an entry of the refusal register (否定报备): a refusal
// checked against the law and reported to the leader, with who, the
// reasons, the legal basis and the leader's opinion.
type RegisterEntry struct {
	// Event is the index, in the case's log, of the refusal the entry
	// reports.
	Event int `json:"event"`
	// Day is the day of the entry.
	Day date.Date `json:"day"`
	// Officer made the entry.
	Officer string `json:"officer"`
	// Reasons, Basis and LeaderOpinion are the entry's contents; an
	// entry lacking any of them does not count.
	Reasons       string `json:"reasons"`
	Basis         string `json:"basis"`
	LeaderOpinion string `json:"leader_opinion"`
}

// complete reports whether the entry holds everything the register needs.
func (r RegisterEntry) complete() bool {
	return !text.Blank(r.Reasons) && !text.Blank(r.Basis) && !text.Blank(r.LeaderOpinion) && !text.Blank(r.Officer)
}

// Exemption is a ground on which no efficiency liability arises (免责):
// the person served committed fraud, no specific rule existed, or force
// majeure. Findings it covers are kept, marked exempt, and left out of
// sanctions and deductions.
type Exemption struct {
	// Rule is the rule it covers; empty covers every rule.
	Rule RuleID `json:"rule,omitempty"`
	// Ground is why.
	Ground Ground `json:"ground"`
	// Reason says it in words, with the evidence.
	Reason string `json:"reason"`
}

// Ground is a ground of exemption. Values are stored: never reordered.
type Ground uint8

// Grounds of exemption, after the Zhejiang measures (浙江省影响机关工作效能
// 行为责任追究办法 Art 8, as quoted in LEGAL.md; a local rule, not national
// law). The zero value, GroundUnknown, exempts nothing.
const (
	GroundUnknown      Ground = iota
	GroundFraud               // 服务对象弄虚作假: the person served committed fraud
	GroundNoRule              // 无具体规定: no specific rule existed
	GroundForceMajeure        // 不可抗力: accident or force majeure
)

var groundNames = [...][2]string{{"unknown", "未知"}, {"fraud", "服务对象弄虚作假"}, {"no_rule", "无具体规定"}, {"force_majeure", "不可抗力"}}

// String returns the ground's name in the JSON form.
func (g Ground) String() string {
	if int(g) < len(groundNames) {
		return groundNames[g][0]
	}
	return groundNames[0][0]
}

// Chinese returns the ground in Chinese.
func (g Ground) Chinese() string {
	if int(g) < len(groundNames) {
		return groundNames[g][1]
	}
	return groundNames[0][1]
}

// MarshalText writes the ground as [Ground.String] does.
func (g Ground) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText reads a ground written by [Ground.MarshalText].
func (g *Ground) UnmarshalText(b []byte) error {
	for i, n := range groundNames {
		if n[0] == string(b) {
			*g = Ground(i)
			return nil
		}
	}
	return &Error{Op: "UnmarshalText", Err: ErrInvalidInput, Detail: fmt.Sprintf("unknown ground of exemption %.40q", b)}
}

// Inquiry is an enquiry a member of the public put to an officer, in
// person, by telephone or online (首问负责制): the first officer asked must
// answer it, handle it, or refer it to the competent officer or agency.
type Inquiry struct {
	ID      string    `json:"id"`
	Unit    string    `json:"unit"`
	Officer string    `json:"officer"` // the first officer asked
	At      time.Time `json:"at"`
	// Outcome is what the officer did, and OutcomeAt when; the zero
	// Outcome means nothing was done.
	Outcome   Outcome   `json:"outcome,omitzero"`
	OutcomeAt time.Time `json:"outcome_at,omitzero"`
	// ReferredTo names the officer or agency an inquiry was referred to.
	ReferredTo string `json:"referred_to,omitempty"`
}

// Outcome is what became of an inquiry. Values are stored: never
// reordered.
type Outcome uint8

// Inquiry outcomes. The zero value, OutcomeNone, means nothing was done.
const (
	OutcomeNone     Outcome = iota
	OutcomeAnswered         // 答复
	OutcomeHandled          // 办理
	OutcomeReferred         // 引导、转交
)

var outcomeNames = [...][2]string{{"none", "未处理"}, {"answered", "已答复"}, {"handled", "已办理"}, {"referred", "已引导转交"}}

// String returns the outcome's name in the JSON form.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o][0]
	}
	return outcomeNames[0][0]
}

// Chinese returns the outcome in Chinese.
func (o Outcome) Chinese() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o][1]
	}
	return outcomeNames[0][1]
}

// MarshalText writes the outcome as [Outcome.String] does.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an outcome written by [Outcome.MarshalText].
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, n := range outcomeNames {
		if n[0] == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return &Error{Op: "UnmarshalText", Err: ErrInvalidInput, Detail: fmt.Sprintf("unknown inquiry outcome %.40q", b)}
}

// Roster lists the officers, the posts they hold with their designated
// substitutes (岗位责任, AB角), and their absences.
type Roster struct {
	Officers []Officer `json:"officers"`
	Absences []Absence `json:"absences,omitempty"`
}

// Officer is an officer on the roster.
type Officer struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Unit string `json:"unit"`
	// Substitute is the officer who holds the post when this one is
	// away (B角).
	Substitute string `json:"substitute,omitempty"`
}

// Absence is a period an officer is away (出差, 休假, 学习), both days
// included; the substitute takes over and is responsible meanwhile.
type Absence struct {
	Officer string    `json:"officer"`
	From    date.Date `json:"from"`
	To      date.Date `json:"to"`
	// Substitute overrides the officer's designated substitute for this
	// absence; empty means the one on the roster.
	Substitute string `json:"substitute,omitempty"`
}
