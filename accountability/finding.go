package accountability

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// RuleID names a rule. The built-in rules are the constants below;
// findings, profiles, ladders and scorecards refer to rules by ID.
type RuleID string

// Built-in rules, one per efficiency system (机关效能建设制度) or statutory
// outcome. [Rules] describes each with its citation.
const (
	// RuleTimeLimit (限时办结): an agency's statutory time limit passed,
	// net of suspended and excluded time.
	RuleTimeLimit RuleID = "time-limit"
	// RuleStepLimit (限时办结, 环节): a step overran its own budget, even
	// when the whole case was on time.
	RuleStepLimit RuleID = "step-limit"
	// RulePromise (服务承诺): a promised limit shorter than the statutory
	// one passed.
	RulePromise RuleID = "promise"
	// RuleOneTimeNotice (一次性告知): a later 补正 notice for one
	// application asks for a material that was already missing when the
	// first notice was given, which had to list everything at once
	// (行政许可法 Art 32 ¶1(4)). When both notices list their materials
	// (the payload lists of [Profile]), the breach is each material the
	// later one asks for that the first neither asked for nor found
	// conforming; asking again for what the first listed and the
	// supplement still lacked is no breach. When either notice lists
	// none, the rule cannot tell, and any later notice is a breach.
	RuleOneTimeNotice RuleID = "one-time-notice"
	// RuleRefusalRegister (否定报备): a refusal with no complete register
	// entry within the allowed days.
	RuleRefusalRegister RuleID = "refusal-register"
	// RuleFirstInquiry (首问负责): an inquiry with no answer, handling or
	// referral in time.
	RuleFirstInquiry RuleID = "first-inquiry"
	// RuleSubstitute (AB角, 同岗替代): the handler away, a substitute
	// designated, and the case idle longer than the allowed working days
	// at a stretch ([Thresholds.IdleDays]). The case is handled on the
	// day of any event an officer of the post fires on it, whatever the
	// event does to the case (telling the interested parties leaves a
	// licence under review): the substitute, or any officer of the unit
	// whose post it is (any the roster does not place in another unit).
	// It is idle on the working days between, and the finding counts the
	// days of the stretches that passed the allowance, and by how much.
	// The law's own outcomes handle nothing.
	RuleSubstitute RuleID = "substitute"
	// RuleVacantPost (AB角, 岗位空缺): the handler away with no substitute
	// designated, on the roster or for the absence, and the case idle
	// longer than the allowed working days at a stretch, counted as for
	// RuleSubstitute: handled on the day of any event by an officer of
	// the post's unit. Every post has a B and none may be left empty
	// (LEGAL.md Part 4): the finding is the unit's, as the unit
	// designates substitutes, and names no officer. The unit is the
	// roster's for the officer away, which need not be the case's; the
	// case's where the roster does not list him.
	RuleVacantPost RuleID = "vacant-post"
	// RuleDeemedAcceptance (视为受理): the 补正 notice deadline missed, so the
	// law deemed the application accepted (行政许可法 Art 32 ¶1(4)).
	RuleDeemedAcceptance RuleID = "deemed-acceptance"
	// RuleDeemedRenewal (视为准予延续): no decision on a renewal before the
	// licence expired, so the law deemed the renewal granted (行政许可法
	// Art 50 ¶2).
	RuleDeemedRenewal RuleID = "deemed-renewal"
	// RuleAssistance (行政协助): a request neither answered nor refused in
	// writing in time.
	RuleAssistance RuleID = "assistance"
	// RuleFollowUp (回访): a concluded complaint not followed up in time.
	RuleFollowUp RuleID = "follow-up"
	// RuleYellowLight (电子监察黄灯): a running limit is near its end. A
	// suspended one (中止: expert review, testing, a hearing, time the law
	// does not count) lights none while the suspension lasts, however
	// little is left: its count stands still, and its due day is not
	// known until it resumes ([deadline.Status.Paused]).
	RuleYellowLight RuleID = "yellow-light"
	// RuleRedLight (电子监察红灯): a running limit has passed, or a
	// suspended one had passed before the suspension began.
	RuleRedLight RuleID = "red-light"
)

// Severity is how grave a finding is (情节). Values are stored: never
// reordered.
type Severity uint8

// Severities, lightest first. The zero value, SeverityUnknown, is never
// given to a finding.
const (
	SeverityUnknown Severity = iota
	// Warning (预警): an electronic-supervision signal, not a breach; it
	// leads to no sanction.
	Warning
	// Minor (情节轻微).
	Minor
	// MoreSerious (情节较重).
	MoreSerious
	// Serious (情节严重).
	Serious
)

var severityNames = [...][3]string{
	{"unknown", "未知", "unknown"},
	{"warning", "预警", "warning"},
	{"minor", "情节轻微", "minor"},
	{"more_serious", "情节较重", "more serious"},
	{"serious", "情节严重", "serious"},
}

func (s Severity) names() [3]string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return severityNames[0]
}

// String returns the severity's name in the JSON form, e.g. "more_serious".
func (s Severity) String() string { return s.names()[0] }

// Chinese returns the severity in Chinese, e.g. 情节较重.
func (s Severity) Chinese() string { return s.names()[1] }

// English returns the severity in English, e.g. "more serious".
func (s Severity) English() string { return s.names()[2] }

// MarshalText writes the severity as [Severity.String] does.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity written by [Severity.MarshalText].
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n[0] == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return &Error{Op: "UnmarshalText", Err: ErrInvalidInput, Detail: fmt.Sprintf("unknown severity %.40q", b)}
}

// Finding is one breach a rule found: which rule, in which case, by which
// officer of which unit, at which step, how grave, on what evidence, under
// which provision.
type Finding struct {
	Rule RuleID `json:"rule"`
	// Case is the case's ID, Definition its procedure; both empty for an
	// inquiry.
	Case       string `json:"case,omitempty"`
	Definition string `json:"definition,omitempty"`
	// Inquiry is the inquiry's ID, for RuleFirstInquiry.
	Inquiry string `json:"inquiry,omitempty"`
	// Unit is the record's unit (the inquiry's, for RuleFirstInquiry),
	// or, for a finding that is a unit's alone, that unit: for
	// RuleVacantPost the unit of the officer away, for RuleAssistance the
	// agency asked.
	Unit string `json:"unit"`
	// Officer is who is responsible: the holder of the step, or the
	// substitute. For a limit passed, the officer who held the case
	// longest after it passed (Delay shows every holder's share). Empty
	// where the finding is a unit's alone (see Unit): no ladder
	// sanctions it.
	Officer string `json:"officer"`
	// Step is the state of the case the breach happened in, and Clock
	// the clock concerned, where they apply.
	Step  procedure.State `json:"step,omitempty"`
	Clock string          `json:"clock,omitempty"`
	// Day is when the breach happened: the first day past a limit, the
	// day of the event at fault.
	Day      date.Date `json:"day"`
	Severity Severity  `json:"severity"`
	// Provisional marks a finding on a limit that counted days past its
	// calendar's published coverage ([deadline.Status.Provisional]): a
	// light on a limit that falls due after the last holiday notice the
	// calendar holds, counted as if those days followed the weekly
	// pattern alone, or any finding counted on a calendar extended with
	// [deadline.ExtendThrough]. Its due day, and the days left, may
	// change when the next notice is published. Whether a limit had run
	// out by a day the notices cover never does: on the shipped calendar
	// no breach is provisional.
	Provisional bool `json:"provisional,omitempty"`
	// Overdue is how many counting days (working or calendar, as the
	// limit counts) the limit was passed by, net of suspended time; Delay
	// attributes them to the steps they passed in, and sums to Overdue.
	Overdue int         `json:"overdue,omitzero"`
	Delay   []StepDelay `json:"delay,omitempty"`
	// Evidence are the events of the record the finding rests on.
	Evidence []EventRef `json:"evidence,omitempty"`
	// Citation is the provision, or the local rule, the finding applies.
	Citation xiaoneng.Citation `json:"citation"`
	// Message and MessageEN say it for people.
	Message   string `json:"message"`
	MessageEN string `json:"message_en"`
	// Exempt is set when an exemption of the record covers the finding.
	Exempt *Exemption `json:"exempt,omitempty"`
}

// Sanctionable reports whether the finding can lead to a sanction: it is
// a breach, not a warning, and no exemption covers it.
func (f Finding) Sanctionable() bool { return f.Severity > Warning && f.Exempt == nil }

// EventRef points at an event of a case's log.
type EventRef struct {
	// Index is the event's position in the log, from 0.
	Index   int               `json:"index"`
	Trigger procedure.Trigger `json:"trigger"`
	At      time.Time         `json:"at"`
}

// StepDelay is the part of a delay that passed during one step, and who
// held the step.
type StepDelay struct {
	Step    procedure.State `json:"step"`
	Officer string          `json:"officer"`
	// Unit is the unit that held the step, when not the record's.
	Unit string `json:"unit,omitempty"`
	Days int    `json:"days"`
	// Waiting marks the days that passed while the case waited on a
	// party's period ([procedure.RoleParty]: the applicant's five days to
	// request a hearing, 行政许可法 Art 47 ¶1) or on a period the agency
	// must let pass ([procedure.RoleMinimum]): no officer's delay, so
	// Officer and Unit are empty. [Profile.ChargeWaiting] charges them
	// to the step's holder instead.
	Waiting bool `json:"waiting,omitempty"`
}
