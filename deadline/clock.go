package deadline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/internal/text"
)

// Clock is a legal clock: a [Rule] started on a day, and a ledger of what
// happened to it since — suspensions (中止, 不计算在期限内), restarts (中断,
// 重新计算), extensions (延长) and the stop (办结). From the ledger and a
// calendar it answers the due date, the units elapsed, remaining and
// overdue ([Clock.Status]), and explains every day it counted or skipped
// ([Clock.Explain]).
//
// A Clock is an immutable value: every ledger method returns a new clock
// and leaves the receiver as it was, also when it refuses the entry.
// Clocks are safe to share between goroutines, to store, and to compare
// with [Clock.Equal]; their JSON form reads back identical.
//
// The ledger methods check everything that does not depend on the
// calendar: entries come in date order, one suspension at a time, the
// rule allows the cause, extensions stay within the cap with an approver
// and a reason. [Clock.Extend] also checks, against the calendar, that the
// extension comes before the period ends.
//
// The zero Clock is not started: its ledger methods and queries return
// errors wrapping [ErrEntryRefused].
type Clock struct {
	rule   *Rule // never modified after Start, shared by the clock's copies
	start  date.Date
	ledger []Entry
}

// EntryKind is the kind of a ledger entry. Values are stored: they are
// never reordered, only appended.
type EntryKind uint8

// Ledger entry kinds. The zero value, EntryUnknown, is always refused.
const (
	EntryUnknown EntryKind = iota
	// EntrySuspend stops the count from its day on (中止); that day is
	// not counted.
	EntrySuspend
	// EntryResume ends the open suspension; its day is the last day not
	// counted, and the count goes on from the next day.
	EntryResume
	// EntryRestart counts the limit again from its day (重新计算), which
	// is not counted, as if the clock had been started that day.
	EntryRestart
	// EntryExtend extends the limit by Units of the rule's unit (延长).
	EntryExtend
	// EntryStop stops the clock for good on its day (办结, 终止).
	EntryStop
)

var entryKindNames = [...][2]string{
	EntryUnknown: {"unknown", "未知"},
	EntrySuspend: {"suspend", "中止计算"},
	EntryResume:  {"resume", "恢复计算"},
	EntryRestart: {"restart", "重新计算"},
	EntryExtend:  {"extend", "延长"},
	EntryStop:    {"stop", "停止"},
}

func (k EntryKind) names() [2]string {
	if int(k) < len(entryKindNames) {
		return entryKindNames[k]
	}
	return entryKindNames[0]
}

// String returns the kind's name in the JSON form, e.g. "suspend".
func (k EntryKind) String() string { return k.names()[0] }

// Chinese returns the kind in Chinese, e.g. 中止计算.
func (k EntryKind) Chinese() string { return k.names()[1] }

// MarshalText writes the kind as [EntryKind.String] does.
func (k EntryKind) MarshalText() ([]byte, error) {
	if k == EntryUnknown || int(k) >= len(entryKindNames) {
		return nil, errorf("MarshalText", 0, ErrEntryRefused, "unknown entry kind "+strconv.Itoa(int(k)))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind written by [EntryKind.MarshalText].
func (k *EntryKind) UnmarshalText(b []byte) error {
	for i := EntrySuspend; int(i) < len(entryKindNames); i++ {
		if entryKindNames[i][0] == string(b) {
			*k = i
			return nil
		}
	}
	return errorf("UnmarshalText", 0, ErrEntryRefused, fmt.Sprintf("unknown entry kind %.40q", b))
}

// Entry is one line of a clock's ledger.
type Entry struct {
	Kind EntryKind `json:"kind"`
	// On is the entry's day: the first day not counted for a suspension,
	// the last day not counted for a resumption, the new start for a
	// restart, the day of approval for an extension, the last day for a
	// stop.
	On date.Date `json:"on"`
	// Cause is why time is excluded or restarted; it must be one the
	// rule allows. Suspensions and restarts only.
	Cause Cause `json:"cause,omitzero"`
	// Units is how much an extension adds, in the rule's unit.
	Units int `json:"units,omitzero"`
	// Approver is who approved an extension (批准人). Extensions only.
	Approver string `json:"approver,omitempty"`
	// Reason says why, in words (延长理由, 中止原因, 办结情况).
	Reason string `json:"reason,omitempty"`
}

// Start starts a clock on rule r on day on; as for every period, day on
// itself is not counted (民法典 Art 201). The rule is validated and
// copied; to start many clocks on one rule, validate it once with
// [NewTemplate].
func Start(r Rule, on date.Date) (Clock, error) {
	t, err := NewTemplate(r)
	if err != nil {
		if on == 0 {
			all := []error{err}
			if u, ok := err.(interface{ Unwrap() []error }); ok {
				all = slices.Clone(u.Unwrap()) // one flat list of problems
			}
			err = errors.Join(append(all, errorf("Start", 0, ErrEntryRefused, "the clock needs a start day"))...)
		}
		return Clock{}, withOp(err, "Start")
	}
	return t.Start(on)
}

// Template is a validated rule that clocks start from without validating
// or copying it again: [Start] does both on every call, a Template once.
// Clocks started from one template share its rule, which nothing can
// change. A Template is immutable and safe for concurrent use; the zero
// Template starts nothing.
type Template struct{ rule *Rule }

// NewTemplate validates rule r, like [Rule.Validate], and copies it.
func NewTemplate(r Rule) (Template, error) {
	p := problems{op: "NewTemplate"}
	r.validate(&p, "rule.")
	if err := p.err(); err != nil {
		return Template{}, err
	}
	r = r.clone()
	return Template{rule: &r}, nil
}

// Start starts a clock on the template's rule on day on.
func (t Template) Start(on date.Date) (Clock, error) {
	switch {
	case t.rule == nil:
		return Clock{}, errorf("Start", on, ErrInvalidRule, "the template has no rule")
	case on == 0:
		return Clock{}, errorf("Start", 0, ErrEntryRefused, "the clock needs a start day")
	}
	return Clock{rule: t.rule, start: on}, nil
}

// Term returns a template on the same rule whose limit is a fixed number
// of calendar days that never rolls and cannot be extended: the clock of
// a term that ends on a known day, such as a licence's validity awaiting
// a renewal decision (行政许可法 Art 50 ¶2). The rule's citations are
// kept; days must be positive.
func (t Template) Term(days int) (Template, error) {
	p := Period{N: days, Unit: Days}
	switch {
	case t.rule == nil:
		return Template{}, errorf("Term", 0, ErrInvalidRule, "the template has no rule")
	case days <= 0:
		return Template{}, errorf("Term", 0, ErrInvalidPeriod, fmt.Sprintf("a term of %d days", days))
	case p.Validate() != nil:
		return Template{}, withOp(p.Validate(), "Term")
	}
	// The rule's slices are never modified, so the copy may share them.
	r := *t.rule
	r.Period, r.Roll, r.Extension = p, RollNone, Extension{}
	return Template{rule: &r}, nil
}

// Rule returns a copy of the template's rule.
func (t Template) Rule() Rule {
	if t.rule == nil {
		return Rule{}
	}
	return t.rule.clone()
}

// IsZero reports whether the clock was never started.
func (c Clock) IsZero() bool { return c.start == 0 }

// Rule returns a copy of the clock's rule.
func (c Clock) Rule() Rule {
	if c.rule == nil {
		return Rule{}
	}
	return c.rule.clone()
}

// RuleID returns the ID of the clock's rule, without copying the rule.
func (c Clock) RuleID() string {
	if c.rule == nil {
		return ""
	}
	return c.rule.ID
}

// RuleName returns the name of the clock's rule in Chinese and in
// English, without copying the rule.
func (c Clock) RuleName() (zh, en string) {
	if c.rule == nil {
		return "", ""
	}
	return c.rule.Name, c.rule.NameEN
}

// Period returns the period of the clock's rule (before any extension),
// without copying the rule.
func (c Clock) Period() Period {
	if c.rule == nil {
		return Period{}
	}
	return c.rule.Period
}

// Citation returns the provision of the clock's rule, without copying
// the rule.
func (c Clock) Citation() xiaoneng.Citation {
	if c.rule == nil {
		return xiaoneng.Citation{}
	}
	return c.rule.Citation()
}

// Started returns the day the clock was first started.
func (c Clock) Started() date.Date { return c.start }

// Stopped reports whether the clock has stopped (its last entry is a
// stop).
func (c Clock) Stopped() bool {
	n := len(c.ledger)
	return n > 0 && c.ledger[n-1].Kind == EntryStop
}

// StoppedEarly reports whether the clock stopped so soon after its start
// that it cannot have been late, whatever the calendar: on or before
// [Clock.EarliestDue]. No status needs computing: a scan of many closed
// cases skips most of them.
func (c Clock) StoppedEarly() bool {
	// Read the fields, not through the value methods: each of those
	// inlined copies the clock.
	n := len(c.ledger)
	if n == 0 || c.rule == nil || c.ledger[n-1].Kind != EntryStop {
		return false
	}
	return c.ledger[n-1].On <= earliestDue(c.start, c.rule.Period)
}

// EarliestDue returns a day the clock cannot fall due before, whatever
// its ledger and calendar: its start plus N calendar days for a limit of
// N working or calendar days, N times 28 days for N months, N times 365
// for N years. A working day is at least a calendar day, and
// suspensions, restarts, extensions and rolling only move a due date
// later. Before that day a clock needs no status to know it has not run
// out.
func (c Clock) EarliestDue() date.Date {
	if c.rule == nil {
		return c.start
	}
	return earliestDue(c.start, c.rule.Period)
}

func earliestDue(start date.Date, p Period) date.Date {
	n := p.N
	switch p.Unit {
	case Months:
		n *= 28
	case Years:
		n *= 365
	}
	return start + date.Date(max(n, 0))
}

// LastDay returns the day of the last ledger entry, or the start day when
// the ledger is empty: the day as of which [Clock.Status] reads the whole
// ledger.
func (c Clock) LastDay() date.Date {
	if n := len(c.ledger); n > 0 {
		return c.ledger[n-1].On
	}
	return c.start
}

// Ledger returns a copy of the clock's ledger, oldest entry first.
func (c Clock) Ledger() []Entry { return slices.Clone(c.ledger) }

// Equal reports whether two clocks have the same rule, start and ledger.
func (c Clock) Equal(o Clock) bool {
	if c.IsZero() || o.IsZero() {
		return c.IsZero() && o.IsZero()
	}
	return c.start == o.start && c.rule.Equal(*o.rule) && slices.Equal(c.ledger, o.ledger)
}

// Suspend stops the count from day from on, for a cause the rule
// excludes (e.g. expert review under 行政许可法 Art 45). Day from is not
// counted. The suspension stays open until [Clock.Resume] or
// [Clock.Restart]. It may begin on the day the last one ended: a hearing
// asked for on the day expert review ends leaves that day uncounted once,
// and the count goes on after the hearing as if the two were one.
func (c Clock) Suspend(from date.Date, cause Cause, reason string) (Clock, error) {
	return c.apply(nil, Entry{Kind: EntrySuspend, On: from, Cause: cause, Reason: reason}, false)
}

// Resume ends the open suspension: through is the last day not counted,
// and the count goes on from the day after.
func (c Clock) Resume(through date.Date) (Clock, error) {
	return c.apply(nil, Entry{Kind: EntryResume, On: through}, false)
}

// Exclude records a closed suspension: the days from from through
// through, both included, are not counted. It is Suspend followed by
// Resume, applied together or not at all.
func (c Clock) Exclude(from, through date.Date, cause Cause, reason string) (Clock, error) {
	if through < from {
		return c, &Error{Op: "Exclude", Date: through, Err: ErrInvertedInterval,
			Detail: fmt.Sprintf("the excluded time ends on %s before it starts on %s", through, from)}
	}
	n, err := c.Suspend(from, cause, reason)
	if err != nil {
		return c, withOp(err, "Exclude")
	}
	n, err = n.Resume(through)
	if err != nil {
		return c, withOp(err, "Exclude")
	}
	return n, nil
}

// Restart counts the limit again from day on, for a cause the rule
// restarts on (e.g. 政府信息公开条例 Art 30: from receipt of the corrected
// request). The result equals a clock started on day on: earlier
// suspensions and extensions no longer count, and an open suspension
// ends.
func (c Clock) Restart(on date.Date, cause Cause, reason string) (Clock, error) {
	return c.apply(nil, Entry{Kind: EntryRestart, On: on, Cause: cause, Reason: reason}, false)
}

// Extend extends the limit by units of the rule's unit, approved on day
// on by approver for reason (e.g. 行政许可法 Art 42: ten working days,
// approved by the agency head, with the reasons told to the applicant).
// It is refused, with an error wrapping [ErrExtensionRefused], without an
// approver or a reason, beyond the rule's cap or number of extensions, or
// when day on falls after the period has ended on the calendar.
func (c Clock) Extend(cal *Calendar, on date.Date, units int, approver, reason string) (Clock, error) {
	return c.apply(cal, Entry{Kind: EntryExtend, On: on, Units: units, Approver: approver, Reason: reason}, true)
}

// Stop stops the clock on day on (办结): the count ends there, and the
// status says whether it ended in time. A stopped clock takes no more
// entries.
func (c Clock) Stop(on date.Date, reason string) (Clock, error) {
	return c.apply(nil, Entry{Kind: EntryStop, On: on, Reason: reason}, false)
}

// Apply adds one entry of any kind, with the checks of the method for
// that kind. The calendar is needed for extensions only.
func (c Clock) Apply(cal *Calendar, e Entry) (Clock, error) {
	return c.apply(cal, e, e.Kind == EntryExtend)
}

// ledgerState is what the ledger says now.
type ledgerState struct {
	last      date.Date // day of the last entry, or the start
	base      date.Date // the start, or the last restart
	suspended bool
	suspFrom  date.Date
	stopped   bool
	extUnits  int
	extTimes  int
}

func (c *Clock) state() ledgerState {
	s := ledgerState{last: c.start, base: c.start}
	for _, e := range c.ledger {
		s.last = e.On
		switch e.Kind {
		case EntrySuspend:
			s.suspended, s.suspFrom = true, e.On
		case EntryResume:
			s.suspended = false
		case EntryRestart:
			s = ledgerState{last: e.On, base: e.On}
		case EntryExtend:
			s.extUnits += e.Units
			s.extTimes++
		case EntryStop:
			s.stopped = true
		}
	}
	return s
}

// apply returns c with entry e appended to a copy of its ledger, or c and
// the refusal.
func (c Clock) apply(cal *Calendar, e Entry, checkLate bool) (Clock, error) {
	if err := c.admit(cal, &e, checkLate); err != nil {
		return c, err
	}
	// The new ledger is allocated at its length: appending to the
	// clipped ledger would double its room, which no later Apply uses,
	// as each copies the ledger again.
	n := c
	n.ledger = make([]Entry, len(c.ledger)+1)
	copy(n.ledger, c.ledger)
	n.ledger[len(c.ledger)] = e
	return n, nil
}

// admit checks entry e against c's rule and ledger (and, for a late
// extension, the calendar), and returns the refusal, if any. The clock
// and the entry are passed by reference, and a refusal is built by
// refuse: copies of both, for a closure that builds it, would cost every
// entry admitted.
func (c *Clock) admit(cal *Calendar, e *Entry, checkLate bool) error {
	refuse := func(err error, format string, args ...any) error { return c.refuse(e, err, format, args...) }
	if c.IsZero() {
		return refuse(ErrEntryRefused, "the clock was never started")
	}
	s := c.state()
	switch {
	case s.stopped:
		return refuse(ErrClockStopped, "the clock stopped on %s", s.last)
	case e.On == 0:
		return refuse(ErrEntryRefused, "the entry has no day")
	case e.On < s.last:
		return refuse(ErrEntryRefused, "the entry is dated before the last one, of %s", s.last)
	}
	r := c.rule
	switch e.Kind {
	case EntrySuspend:
		if s.suspended {
			return refuse(ErrOverlap, "already suspended since %s", s.suspFrom)
		}
		if _, ok := r.allows(r.Exclusions, e.Cause); !ok {
			return refuse(ErrEntryRefused, "rule %s does not exclude time for %s (%s)", r.ID, e.Cause.English(), e.Cause.Chinese())
		}
	case EntryResume:
		if !s.suspended {
			return refuse(ErrEntryRefused, "the clock is not suspended")
		}
		if e.On < s.suspFrom {
			return refuse(ErrInvertedInterval, "the suspension started on %s", s.suspFrom)
		}
	case EntryRestart:
		if _, ok := r.allows(r.Restarts, e.Cause); !ok {
			return refuse(ErrEntryRefused, "rule %s does not restart for %s (%s)", r.ID, e.Cause.English(), e.Cause.Chinese())
		}
	case EntryExtend:
		x := r.Extension
		switch {
		case x.Max == 0:
			return refuse(ErrExtensionRefused, "rule %s allows no extension", r.ID)
		case e.Units <= 0:
			return refuse(ErrExtensionRefused, "an extension of %d %s", e.Units, r.Period.Unit.names()[2])
		case text.Blank(e.Approver):
			return refuse(ErrExtensionRefused, "an extension needs an approver (%s)", x.Approver)
		case text.Blank(e.Reason):
			return refuse(ErrExtensionRefused, "an extension needs a reason")
		case s.extTimes >= x.times():
			return refuse(ErrExtensionRefused, "rule %s allows %d extension(s), already granted", r.ID, x.times())
		case e.Units > x.Max-s.extUnits:
			return refuse(ErrExtensionRefused, "rule %s allows at most %d %s in all, %d already granted", r.ID, x.Max, r.Period.Unit.names()[2], s.extUnits)
		}
		if checkLate {
			if cal == nil {
				return refuse(ErrExtensionRefused, "a calendar is needed to check that the extension comes before the period ends")
			}
			st, err := c.Status(cal, e.On)
			if err != nil {
				return withOp(err, e.op())
			}
			// Paused with a known due date: the count ran out before the
			// suspension began, and the period with it.
			if st.Due != 0 && (e.On > st.Due || st.Paused) {
				return refuse(ErrExtensionRefused, "granted on %s, after the period ended on %s", e.On, st.Due)
			}
		}
	case EntryStop:
	default:
		return refuse(ErrEntryRefused, "unknown entry kind %d", e.Kind)
	}
	return nil
}

// refuse is admit's refusal of entry e, located in c's ledger.
func (c *Clock) refuse(e *Entry, err error, format string, args ...any) error {
	return &Error{Op: e.op(), Path: fmt.Sprintf("ledger[%d]", len(c.ledger)), Date: e.On, Err: err, Detail: fmt.Sprintf(format, args...)}
}

// op is the name of the operation that makes entry e.
func (e *Entry) op() string { return entryOps[min(int(e.Kind), len(entryOps)-1)] }

var entryOps = [...]string{"Apply", "Suspend", "Resume", "Restart", "Extend", "Stop", "Apply"}
