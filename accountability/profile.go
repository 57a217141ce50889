package accountability

import (
	"fmt"
	"maps"
	"slices"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Profile tells the rules what the events and clocks of one procedure
// mean: which triggers are 补正 notices, which are refusals that need a
// register entry, which automatic outcomes record an agency's failure,
// which clocks a specific rule judges, and the budgets of its steps.
//
// The time limits themselves need no profile: every clock the definition
// declares as an agency's limit ([procedure.RoleLimit]) is judged, on its
// own rule, with its citation.
type Profile struct {
	// Definition is the procedure's ID, e.g. "licensing".
	Definition string `json:"definition"`
	// Notices are the triggers of 补正 notices (一次性告知). A later notice
	// for one application is a breach when it asks for a material that
	// was already missing when the first was given; see [RuleOneTimeNotice].
	Notices []procedure.Trigger `json:"notices,omitempty"`
	// Missing and Conforming are the payload keys of a notice's lists:
	// the materials it asks for and those found conforming, joined with
	// "；" (as package catalogue writes them). The defaults are "missing"
	// and "conforming".
	Missing    string `json:"missing,omitempty"`
	Conforming string `json:"conforming,omitempty"`
	// Refusals are the triggers of refusals and denials that need an
	// entry in the refusal register (否定报备).
	Refusals []procedure.Trigger `json:"refusals,omitempty"`
	// Deemed are the automatic outcomes that record an agency's failure
	// to act in time (视为受理, 视为准予延续). Each is a breach of
	// RuleDeemedAcceptance, unless DeemedRules names another rule.
	Deemed []procedure.Trigger `json:"deemed,omitempty"`
	// DeemedRules assign a deemed outcome to the rule that finds it, by
	// trigger: a renewal deemed granted to RuleDeemedRenewal. Each
	// trigger is one of Deemed, and each rule one of the rules of deemed
	// outcomes (RuleDeemedAcceptance, RuleDeemedRenewal), whose findings
	// say what the law deemed and cite the outcome's transition.
	DeemedRules map[procedure.Trigger]RuleID `json:"deemed_rules,omitempty"`
	// ClockRules assign the overruns of a clock to a specific rule
	// instead of RuleTimeLimit: an assistance answer to RuleAssistance, a
	// complaint's follow-up to RuleFollowUp.
	ClockRules map[string]RuleID `json:"clock_rules,omitempty"`
	// Budgets are the time each step may take (环节时限), by state, for
	// RuleStepLimit. No statute sets them: they are each unit's data.
	Budgets map[procedure.State]deadline.Period `json:"budgets,omitempty"`
	// Handler is the payload key by which an event assigns the case to
	// an officer; the default is "handler".
	Handler string `json:"handler,omitempty"`
	// Units name, for states held by another unit than the record's (a
	// request with the agency asked, a complaint with the organ it was
	// transferred to), the payload key of the entering event that names
	// that unit. Findings in such a state are the named unit's, and its
	// officer is known only if one of its officers acted in the case.
	Units map[procedure.State]string `json:"units,omitempty"`
	// ChargeWaiting charges the holder of a step with the days of an
	// overrun that passed while a party's period (procedure.RoleParty) or
	// a period the agency must let pass (procedure.RoleMinimum) ran in
	// it. By default those days are no officer's: the case waited on the
	// party or on the law (a party's period running out is the party's
	// matter, not the agency's delay), and the finding names them as a
	// [StepDelay] with Waiting set. Days after such a period ended, until
	// the step was taken, are the holder's either way.
	ChargeWaiting bool `json:"charge_waiting,omitempty"`
}

func (p Profile) clone() Profile {
	p.Notices = slices.Clone(p.Notices)
	p.Refusals = slices.Clone(p.Refusals)
	p.Deemed = slices.Clone(p.Deemed)
	p.DeemedRules = maps.Clone(p.DeemedRules)
	p.ClockRules = maps.Clone(p.ClockRules)
	p.Budgets = maps.Clone(p.Budgets)
	p.Units = maps.Clone(p.Units)
	return p
}

// ReferenceProfile returns the profile of the reference definition id,
// a fresh copy, to adjust and pass to [WithProfiles] — which replaces a
// definition's whole profile, so that a profile built from nothing would
// lose the notices, refusals and deemed outcomes:
//
//	p, _ := accountability.ReferenceProfile("licensing")
//	p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 10, Unit: deadline.WorkingDays}}
//	e, err := accountability.New(accountability.WithProfiles(p))
func ReferenceProfile(id string) (Profile, bool) {
	for _, p := range ReferenceProfiles() {
		if p.Definition == id {
			return p, true
		}
	}
	return Profile{}, false
}

// ReferenceProfiles returns the profiles of the reference definitions of
// package procedure, a fresh copy on every call. They set no step budgets:
// those are each unit's data.
func ReferenceProfiles() []Profile {
	t := func(ts ...procedure.Trigger) []procedure.Trigger { return ts }
	return []Profile{
		{Definition: "licensing", Notices: t("request_supplement"),
			Refusals: t("refuse_acceptance", "refuse", "refuse_renewal"), Deemed: t("deem_accepted", "deem_renewed"),
			DeemedRules: map[procedure.Trigger]RuleID{"deem_renewed": RuleDeemedRenewal}},
		{Definition: "joint-licensing", Notices: t("request_supplement"),
			Refusals: t("refuse_acceptance", "refuse"), Deemed: t("deem_accepted")},
		{Definition: "disclosure", Notices: t("request_correction"),
			Refusals: t("withhold", "disclose_partly", "reply_not_held", "reply_not_responsible", "reply_repeat", "decline_unreasonable")},
		{Definition: "assistance", Refusals: t("refuse"), ClockRules: map[string]RuleID{"answer": RuleAssistance},
			Units: map[procedure.State]string{"requested": "requested_agency"}},
		// The complaint definition's "handler" names the organ a complaint
		// is transferred to, not an officer.
		{Definition: "complaint", ClockRules: map[string]RuleID{"follow_up": RuleFollowUp}, Handler: "assigned_officer",
			Units: map[procedure.State]string{"transferred": "handler"}},
		{Definition: "penalty"},
		{Definition: "penalty-simplified"},
		{Definition: "major-decision"},
	}
}

// Thresholds are the figures the rules use. No national rule sets them;
// local rules differ, so they are data. [DefaultThresholds] gives common
// values.
type Thresholds struct {
	// Grades set the severity of an overrun by how many counting days
	// it lasted: the first grade whose UpTo is at least the overrun;
	// beyond the last, Serious.
	Grades []Grade `json:"grades"`
	// RegisterDays is how many calendar days after a refusal its
	// register entry may be made (否定报备).
	RegisterDays int `json:"register_days"`
	// InquiryDays is how many working days an inquiry may wait for an
	// answer, handling or referral (首问负责); 0 means the same day.
	InquiryDays int `json:"inquiry_days"`
	// IdleDays is how many working days in a row a case may lie idle
	// while its handler is away (AB角): days on which no one of the post
	// acted on it (see [RuleSubstitute]).
	IdleDays int `json:"idle_days"`
	// Severity is the severity of each finding that is not an overrun;
	// a rule missing here gets Minor.
	Severity map[RuleID]Severity `json:"severity,omitempty"`
	// Citations name the local rule each efficiency system applies; a
	// rule missing here gets the default citation (see [Rules]).
	Citations map[RuleID]xiaoneng.Citation `json:"citations,omitempty"`
	// Policy sets the electronic-supervision lights.
	Policy deadline.Policy `json:"policy"`
}

// Grade is one step of the severity scale of overruns.
type Grade struct {
	UpTo     int      `json:"up_to"`
	Severity Severity `json:"severity"`
}

// DefaultThresholds returns: an overrun of up to 3 counting days minor,
// up to 10 more serious, serious beyond; a register entry within 3
// days of the refusal; an inquiry dealt with within 1 working day; a case
// idle at most 2 working days while its handler is away; a deemed
// acceptance or renewal more serious; the default warning lights.
func DefaultThresholds() Thresholds {
	return Thresholds{
		Grades:       []Grade{{3, Minor}, {10, MoreSerious}},
		RegisterDays: 3,
		InquiryDays:  1,
		IdleDays:     2,
		Severity:     map[RuleID]Severity{RuleDeemedAcceptance: MoreSerious, RuleDeemedRenewal: MoreSerious},
		Policy:       deadline.DefaultPolicy(),
	}
}

// grade returns the severity of an overrun of n counting days.
func (t *Thresholds) grade(n int) Severity {
	for _, g := range t.Grades {
		if n <= g.UpTo {
			return g.Severity
		}
	}
	return Serious
}

func (t *Thresholds) severity(r RuleID) Severity {
	if s, ok := t.Severity[r]; ok {
		return s
	}
	return Minor
}

func (t *Thresholds) validate(p *problems) {
	last := 0
	for i, g := range t.Grades {
		at := fmt.Sprintf("thresholds.grades[%d]", i)
		if g.UpTo < 1 || g.UpTo <= last && i > 0 {
			p.add(at, "grades must rise from 1 day: %d after %d", g.UpTo, last)
		}
		if g.Severity < Minor || g.Severity > Serious {
			p.add(at, "a grade's severity is minor, more serious or serious, not %s", g.Severity)
		}
		last = g.UpTo
	}
	if t.RegisterDays < 0 || t.InquiryDays < 0 || t.IdleDays < 0 {
		p.add("thresholds", "day counts cannot be negative")
	}
	for r, s := range t.Severity {
		if s < Warning || s > Serious {
			p.add("thresholds.severity["+string(r)+"]", "unknown severity %d", s)
		}
	}
	for r, c := range t.Citations {
		if err := c.Validate(); err != nil {
			p.add("thresholds.citations["+string(r)+"]", "%v", err)
		}
	}
	if err := t.Policy.Validate(); err != nil {
		p.add("thresholds.policy", "%v", err)
	}
}
