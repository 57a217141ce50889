package procedure

import (
	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// State names a state of a procedure, e.g. "accepted". States are the
// stable identifiers stored in cases; their labels are in [StateSpec].
type State string

// Trigger names what makes a case move, e.g. "accept".
type Trigger string

// Spec is a procedure definition as plain data: states, triggers, clocks,
// transitions with their guards and clock effects, and the automatic
// outcomes of the law. [New] validates it, reporting every problem, and
// compiles it into a [Definition]. It has JSON tags, and [ParseDefinition]
// reads it from JSON.
type Spec struct {
	// ID identifies the procedure, e.g. "licensing"; Version tells
	// revisions apart, e.g. "2019". Cases record both.
	ID      string `json:"id"`
	Version string `json:"version"`
	// Name and NameEN describe the procedure.
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
	// Basis are the provisions the procedure as a whole rests on.
	Basis []xiaoneng.Citation `json:"basis"`
	// Initial is the state a new case is in.
	Initial     State            `json:"initial"`
	States      []StateSpec      `json:"states"`
	Triggers    []TriggerSpec    `json:"triggers"`
	Clocks      []ClockSpec      `json:"clocks,omitempty"`
	Transitions []TransitionSpec `json:"transitions"`
	Timeouts    []Timeout        `json:"timeouts,omitempty"`
}

// StateSpec describes a state.
type StateSpec struct {
	ID     State  `json:"id"`
	Name   string `json:"name"`    // in Chinese, e.g. 已受理
	NameEN string `json:"name_en"` // in English, e.g. accepted
	// Terminal states end the case: no transition leaves them.
	Terminal bool `json:"terminal,omitempty"`
}

// TriggerSpec describes a trigger.
type TriggerSpec struct {
	ID     Trigger `json:"id"`
	Name   string  `json:"name"`    // in Chinese, e.g. 受理
	NameEN string  `json:"name_en"` // in English, e.g. accept
}

// ClockSpec declares a legal clock the procedure keeps: a name and the
// [deadline.Rule] it runs on, given by the ID of a reference rule
// ([deadline.LookupRule]) or inline.
type ClockSpec struct {
	Name   string         `json:"name"`
	RuleID string         `json:"rule_id,omitempty"`
	Rule   *deadline.Rule `json:"rule,omitempty"`
	// Role says what the clock measures: a limit the agency must meet
	// (the zero value), a party's period, a minimum, or a window.
	Role ClockRole `json:"role,omitempty"`
	// Steps are, for a window, the triggers that take the step it times
	// (request_correction for the seven days to ask for corrections);
	// each must stop the clock. Other roles take none.
	Steps []Trigger `json:"steps,omitempty"`
}

// ClockRole says what a clock measures. Only an agency's limits light
// warning lights and count towards its efficiency.
type ClockRole string

// Clock roles.
const (
	// RoleLimit, the zero value, is a time limit the agency must meet
	// (法定时限, 承诺时限).
	RoleLimit ClockRole = ""
	// RoleParty is a party's period, such as the applicant's five days
	// to request a hearing (行政许可法 Art 47 ¶1): its running out is the
	// party's matter, not the agency's delay.
	RoleParty ClockRole = "party"
	// RoleMinimum is a period the agency must let pass before a step,
	// such as at least 30 days of public comment (重大行政决策程序暂行条例
	// Art 15 ¶1): its running out means the step may proceed.
	RoleMinimum ClockRole = "minimum"
	// RoleWindow is a period within which the agency may take a step that
	// only some cases need: ask for the corrections of an unclear request
	// within seven working days (政府信息公开条例 Art 30), object to a
	// petition transferred to the wrong organ within five (信访工作条例 Art
	// 23). The step taken after the period is late, and its steps
	// ([ClockSpec.Steps]) say which triggers take it; the period passing
	// without it is no delay — the case goes on (a reply within the twenty
	// working days of Art 33) — so a window lights no lights.
	RoleWindow ClockRole = "window"
)

// TransitionSpec is one step of the procedure: on Trigger, from From to
// To (the same state for a step that changes no state), if every guard
// holds; with its clock effects, the facts it records, and the provision
// it rests on.
type TransitionSpec struct {
	From    State   `json:"from"`
	Trigger Trigger `json:"trigger"`
	To      State   `json:"to"`
	// Guards must all hold for the step to be allowed. A failing guard
	// says in words why (its Desc).
	Guards []GuardSpec `json:"guards,omitempty"`
	// Effects change the case's clocks, in order.
	Effects []Effect `json:"effects,omitempty"`
	// Set records facts on the case (key to value); Record copies the
	// named keys of the event's payload into facts.
	Set    map[string]string `json:"set,omitempty"`
	Record []string          `json:"record,omitempty"`
	// Citation is the provision the step rests on.
	Citation xiaoneng.Citation `json:"citation"`
	// Receipt marks a filing the agency receives (an application,
	// materials, a request): under office hours that defer (see
	// [WithOfficeHours]), its clock effects apply, and its days_before
	// guards count, from the day it counts as received, not the day it
	// arrived: a renewal handed in after closing time on the last day
	// for it is a day late (行政许可法 Art 50 ¶1).
	Receipt bool `json:"receipt,omitempty"`
}

// GuardKind is what a guard tests. Values are stored: never reordered.
type GuardKind string

// Guard kinds.
const (
	// GuardPayload holds when the event's payload has Key, non-empty, or
	// equal to Value when Value is set.
	//
	// A Value of "true" or "false" makes Key a flag, in the payload and
	// in the fact recorded from it: an event that gives it as anything
	// but "true", "false" or nothing is refused with ErrInvalidEvent,
	// rather than read as not "true". So are an at_most or at_least
	// guard's number and a days_before, in_period or date_reached
	// guard's date given in another form. A key two guards read as
	// different types, or a fact Set to a value not of its key's type,
	// is a problem of the definition.
	GuardPayload GuardKind = "payload"
	// GuardFact holds when the case's facts have Key, non-empty, or equal
	// to Value when Value is set; a Value of "true" or "false" makes Key
	// a flag, as for GuardPayload.
	GuardFact GuardKind = "fact"
	// GuardClockRunning holds when clock Key has started and not stopped.
	GuardClockRunning GuardKind = "clock_running"
	// GuardClockStopped holds when clock Key has stopped.
	GuardClockStopped GuardKind = "clock_stopped"
	// GuardClockExpired holds when clock Key's period ended before the
	// event: its due date is known and the event comes after that day.
	// A stopped clock keeps its due date, so the guard holds for it too:
	// an outcome of a period that lapsed unanswered also needs the clock
	// running: a clock_running guard, or a stop effect on that one clock,
	// which refuses it stopped (a stop of every instance, Effect.All,
	// passes over stopped ones).
	GuardClockExpired GuardKind = "clock_expired"
	// GuardClocksStopped holds when at least one instance of the clock
	// spec Key exists and every one has stopped (e.g. every department of
	// a joint licence has decided).
	GuardClocksStopped GuardKind = "clocks_stopped"
	// GuardDaysBefore holds when the payload's date Key (YYYY-MM-DD)
	// lies at least Value days after the event's day. Value "30" (or
	// "30 days") counts calendar days: an application 30 days before a
	// licence expires (行政许可法 Art 50 ¶1). Value "7 working_days" counts
	// working days on the definition's calendar, where the law says so:
	// the date must be on or after the 7th working day after the event's
	// day, as for a penalty hearing notified 7 days ahead (行政处罚法 Art 64
	// ¶1(2), whose 7 days Art 85 makes working days) or a licensing
	// hearing (行政许可法 Art 48 ¶1(1), read with Art 82). A date whose
	// count the calendar does not cover refuses the event with
	// [ErrCannotCount].
	GuardDaysBefore GuardKind = "days_before"
	// GuardDateReached holds when the case's fact Key is a date
	// (YYYY-MM-DD) and the event's day is that day or later: a hearing
	// held no earlier than the day notified for it (行政许可法 Art 48
	// ¶1(1), 行政处罚法 Art 64 ¶1(2)), which the notice recorded. Value,
	// if set, is a number of calendar days after that day: "1" is the day
	// after, as enforcement once the time a demand set has passed
	// (行政强制法 Art 37). A case without the fact, or with one that is
	// not a date, fails it.
	GuardDateReached GuardKind = "date_reached"
	// GuardWithin holds when clock Key has started and the event's day is
	// at most Value calendar days after the day it started: Value "0" is
	// the same day, as a licence decided on the spot, the day the
	// application is received (行政许可法 Art 34 ¶2).
	GuardWithin GuardKind = "within"
	// GuardInPeriod holds when a day falls within a period counted from
	// the payload's date Key (YYYY-MM-DD): the period of the rule of the
	// clock Value, which the definition declares and need not start, so
	// that [WithRule] can replace it. The day is the payload's date On, if
	// the guard names one, or else the event's day; it must lie between
	// Key's date and the event's day, both included, and on or before the
	// period's last day, rolled as the rule says. A violation is penalised
	// only if discovered within two years of the day it was committed or,
	// if it continued, ended (行政处罚法 Art 36): Key "act_ended", On
	// "discovered", Value a clock on rule "penalty-limitation". A date
	// whose period the calendar cannot count refuses the event with
	// [ErrCannotCount].
	GuardInPeriod GuardKind = "in_period"
	// GuardSinceDue holds when clock Key's period has a due day and the
	// event's day is no later than the last day of a period counted from
	// that day: the period of the rule of the clock Value, which the
	// definition declares and need not start. An agency without power to
	// enforce applies to the court within three months of the day the
	// party's time to seek reconsideration or to sue ended (行政强制法 Art
	// 53): Key "challenge", Value a clock of three months. It does not
	// test that Key's period has ended; a clock_expired guard on Key
	// does. A period the calendar cannot count refuses the event with
	// [ErrCannotCount].
	GuardSinceDue GuardKind = "since_due"
	// GuardAtMost holds when the payload's number Key is at most Value,
	// both read as exact decimals: a fine of at most 200 yuan for a
	// citizen on the spot (行政处罚法 Art 51). A guard that names a fact
	// Than, instead of a Value, bounds the payload's number by that
	// fact's: a fine varied on reconsideration is no heavier than the one
	// decided (行政复议法 Art 63 ¶2), Key "fine", Than "fine". A case
	// without the fact fails it.
	GuardAtMost GuardKind = "at_most"
	// GuardAtLeast holds when the payload's number Key is at least Value,
	// or at least the fact Than.
	GuardAtLeast GuardKind = "at_least"
	// GuardCustom calls the Go guard registered under Key with
	// [WithGuard].
	GuardCustom GuardKind = "custom"
	// GuardOutsideRest holds when the event's instant falls neither at
	// night nor on a rest day, as the definition's [RestTime] says, or
	// when the payload gives Key: no administrative enforcement at night
	// or on a statutory holiday, save in an emergency, whose statement
	// Key holds (行政强制法 Art 43 ¶1). A Key of "" admits no exception.
	// Not inverts the whole test. An event on a day the calendar does
	// not cover, without Key, is refused with [ErrCannotCount].
	GuardOutsideRest GuardKind = "outside_rest"
)

// GuardSpec is one guard of a transition.
type GuardSpec struct {
	Kind  GuardKind `json:"kind"`
	Key   string    `json:"key"`
	Value string    `json:"value,omitempty"`
	// On names, for an in_period guard only, the payload date tested
	// instead of the event's day.
	On string `json:"on,omitempty"`
	// Than names, for an at_most or at_least guard only, the fact whose
	// number is the bound, instead of Value: the guard has one or the
	// other.
	Than string `json:"than,omitempty"`
	// Not inverts the test.
	Not bool `json:"not,omitempty"`
	// Desc and DescEN say what must hold, as an error reports it when it
	// does not: 不予许可须说明理由并告知救济权利.
	Desc   string `json:"desc"`
	DescEN string `json:"desc_en"`
	// Citation is the provision the guard enforces, if any.
	Citation xiaoneng.Citation `json:"citation,omitzero"`
}

// ClockOp is what an effect does to a clock. Values are stored: never
// reordered.
type ClockOp string

// Clock operations, one per ledger entry kind of [deadline.Clock].
const (
	OpStart   ClockOp = "start"
	OpSuspend ClockOp = "suspend"
	OpResume  ClockOp = "resume"
	OpRestart ClockOp = "restart"
	OpExtend  ClockOp = "extend"
	OpStop    ClockOp = "stop"
)

// Effect is what a transition does to one clock, on the day of the event
// (its instant in China Standard Time).
type Effect struct {
	Op    ClockOp `json:"op"`
	Clock string  `json:"clock"`
	// Per names a payload key whose value tells instances of the clock
	// apart: with Per "department", an event with payload department=市监局
	// acts on the clock "review:市监局". Each department of a joint
	// licence keeps its own clock this way.
	Per string `json:"per,omitempty"`
	// All applies a suspend, resume, extend or stop to every running
	// instance of the clock, and does nothing when none runs.
	All bool `json:"all,omitempty"`
	// Cause is why time is excluded (suspend) or counted again (restart);
	// the clock's rule must allow it. Zero takes the cause from the
	// payload key "cause" (e.g. cause=expert_review), for steps such as
	// 行政许可法 Art 45 that name several.
	Cause deadline.Cause `json:"cause,omitzero"`
	// Units is how much an extension adds; zero takes it from the
	// payload key "units". The approver is the payload key "approver",
	// or else the event's officer; the reason is the event's reason.
	Units int `json:"units,omitzero"`
	// From starts the clock as of the day another clock started, instead
	// of the event's day: 行政许可法 Art 32 ¶1(4) makes a deemed
	// acceptance count from the day the materials were received.
	From string `json:"from,omitempty"`
	// Until names a payload key holding a date (YYYY-MM-DD): the clock
	// runs until that day, as a licence's term does before renewal
	// (行政许可法 Art 50). The clock's rule supplies the citation.
	Until string `json:"until,omitempty"`
}

// Timeout is an automatic outcome the law attaches to a clock running
// out (视为受理, 视为准予延续, 视为放弃申请): when the case is in one of States
// and Clock's period has ended, [Definition.Advance] fires Trigger, by
// operation of law, at the end of the due day.
type Timeout struct {
	Clock    string            `json:"clock"`
	States   []State           `json:"states"`
	Trigger  Trigger           `json:"trigger"`
	Citation xiaoneng.Citation `json:"citation"`
}
