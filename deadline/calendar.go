package deadline

import (
	"fmt"
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// Calendar is a working-day calendar over a closed range of dates (its
// coverage): for each day, whether it is worked, and why.
//
// A Calendar is immutable and safe for concurrent use by any number of
// goroutines. It is built once, from a [Spec] by [New], from the embedded
// data by [ChinaMainland], from JSON by [ParseCalendar], or from other
// calendars by [Join] and [Calendar.With]; construction validates
// everything, so queries fail only on dates outside the coverage.
//
// Every query is a few array look-ups: a calendar precomputes, over its
// coverage, the kind of each day, the number of working days up to each
// day and the date of the k-th working day. AddWorkingDays and
// WorkingDaysBetween cost the same for n = 1 and n = 5000, and allocate
// nothing.
//
// Outside its coverage a calendar never guesses: queries return an error
// wrapping [ErrOutOfCoverage]. The option [ExtendThrough] opts in to
// extending the coverage with the weekly pattern alone; such days are
// marked provisional.
//
// A nil *Calendar is an empty calendar: every query returns an error
// wrapping [ErrOutOfCoverage].
type Calendar struct {
	t          *table
	makeUpRest bool
	cum        []int32 // cum[i]: working days in [from, from+i]
	nth        []int32 // nth[k]: the index of the (k+1)-th working day
}

// Option configures a calendar built by [New], [ParseCalendar] or
// [Calendar.With]. The set of options is closed.
type Option interface{ apply(*config) }

type config struct {
	through    date.Date
	makeUpRest *bool
	overrides  []Override
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// ExtendThrough extends the calendar's coverage to day d with the weekly
// pattern alone, past the published data. It is an explicit opt-in for
// planning ahead of the next year's notice: days in the extension report
// Provisional, and so does every result that used one (see
// [Calendar.Provisional]). An extension never shortens the coverage, and
// is limited, with the published coverage, to 200 years.
func ExtendThrough(d date.Date) Option {
	return optionFunc(func(c *config) { c.through = d })
}

// CountMakeUpDays says whether make-up working days (调休上班日) count as
// working days for working-day periods. The default is true, the common
// practice; no authoritative text settles it (see the package
// documentation), so a calendar built with CountMakeUpDays(false) treats
// them as rest days.
func CountMakeUpDays(count bool) Option {
	return optionFunc(func(c *config) { c.makeUpRest = new(!count) })
}

// WithOverrides changes single days: a local closure, or a rest day an
// agency works. Each date must lie in the published coverage and appear
// once.
func WithOverrides(ovs ...Override) Option {
	return optionFunc(func(c *config) { c.overrides = append(c.overrides, ovs...) })
}

// Override changes one day of a calendar.
type Override struct {
	Date date.Date
	// Working says whether the day is worked. A worked day that falls on
	// a weekly rest day becomes a make-up working day; a day not worked
	// becomes a named rest day of kind [KindHoliday].
	Working bool
	// Name and NameEN say why, e.g. 办公场所搬迁闭馆 / office move.
	Name   string
	NameEN string
	// Notice is the decision or notice behind it.
	Notice string
}

// New builds a calendar from a spec, validated first. The error joins
// one [*Error] per problem found, each wrapping [ErrInvalidCalendar],
// [ErrOutOfCoverage] or [ErrInvertedInterval] and naming its location
// in the spec.
func New(spec Spec, opts ...Option) (*Calendar, error) {
	return newCalendar("New", &spec, specPath, opts)
}

func newCalendar(op string, spec *Spec, path origin, opts []Option) (*Calendar, error) {
	p := problems{op: op}
	spec.validate(&p, path)
	if err := p.err(); err != nil {
		return nil, err
	}
	return build(op, spec.table(), false, opts)
}

// With returns a calendar like c changed by the options. Overrides apply
// on top of c's days; an extension applies past c's coverage.
func (c *Calendar) With(opts ...Option) (*Calendar, error) {
	if c.empty() {
		return nil, errorf("With", 0, ErrOutOfCoverage, "the calendar is empty")
	}
	return build("With", c.t, c.makeUpRest, opts)
}

func build(op string, t *table, makeUpRest bool, opts []Option) (*Calendar, error) {
	var cfg config
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	if cfg.makeUpRest != nil {
		makeUpRest = *cfg.makeUpRest
	}
	if len(cfg.overrides) > 0 || cfg.through > t.to {
		var err error
		if t, err = t.amend(op, cfg); err != nil {
			return nil, err
		}
	}
	c := &Calendar{t: t, makeUpRest: makeUpRest}
	c.index()
	return c, nil
}

// amend returns a copy of t with the overrides and the extension applied.
func (t *table) amend(op string, cfg config) (*table, error) {
	p := problems{op: op}
	seen := map[date.Date]int{}
	for i, o := range cfg.overrides {
		at := fmt.Sprintf("overrides[%d]", i)
		if o.Date < t.from || o.Date > t.pubTo {
			p.add(at, o.Date, ErrOutOfCoverage, "overrides must lie in the published coverage, %s to %s", t.from, t.pubTo)
		}
		if o.Name == "" {
			p.add(at, o.Date, ErrInvalidCalendar, "the override has no name")
		}
		if j, dup := seen[o.Date]; dup {
			p.add(at, o.Date, ErrInvalidCalendar, "already overridden at overrides[%d]", j)
		}
		seen[o.Date] = i
	}
	if cfg.through > t.to && int64(cfg.through-t.from) >= maxCoverageDays {
		p.add("", cfg.through, ErrInvalidCalendar, "an extension through %s would make the coverage longer than %d days", cfg.through, maxCoverageDays)
	}
	if len(t.labels)+len(cfg.overrides) > maxLabels {
		p.add("", 0, ErrInvalidCalendar, "too many named days")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	n := *t
	n.days = slices.Clone(t.days)
	n.labels = slices.Clone(t.labels)
	for _, o := range cfg.overrides {
		id := uint16(len(n.labels))
		n.labels = append(n.labels, label{o.Name, o.NameEN, o.Date.Year(), nonEmpty(o.Notice)})
		kind := KindHoliday
		if o.Working {
			kind = KindWorkday
			if n.weekend[o.Date.Weekday()] {
				kind = KindMakeUpWorkday
			}
		}
		n.days[o.Date-n.from] = dayRec{kind, id}
	}
	for d := n.to + 1; d <= cfg.through; d++ {
		n.days = append(n.days, dayRec{kind: n.weeklyKind(d)})
	}
	if cfg.through > n.to {
		n.to = cfg.through
	}
	return &n, nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// index precomputes the cumulative working-day counts and their inverse.
func (c *Calendar) index() {
	c.cum = make([]int32, len(c.t.days))
	c.nth = make([]int32, 0, len(c.t.days)*5/7+1)
	var k int32
	for i, r := range c.t.days {
		if c.working(r.kind) {
			k++
			c.nth = append(c.nth, int32(i))
		}
		c.cum[i] = k
	}
	c.nth = slices.Clip(c.nth)
}

func (c *Calendar) working(k DayKind) bool {
	return k == KindWorkday || (k == KindMakeUpWorkday && !c.makeUpRest)
}

func (c *Calendar) empty() bool { return c == nil || c.t == nil || len(c.cum) == 0 }

// at returns the index of d, or an error naming op.
func (c *Calendar) at(op string, d date.Date) (int, error) {
	if c.empty() {
		return 0, errorf(op, d, ErrOutOfCoverage, "the calendar is empty")
	}
	i := uint64(d - c.t.from)
	if i >= uint64(len(c.cum)) {
		return 0, c.outside(op, d)
	}
	return int(i), nil
}

func (c *Calendar) outside(op string, d date.Date) error {
	if c.empty() {
		return errorf(op, d, ErrOutOfCoverage, "the calendar is empty")
	}
	return errorf(op, d, ErrOutOfCoverage, fmt.Sprintf("coverage of %s is %s to %s", c.t.id, c.t.from, c.t.to))
}

// ID returns the calendar's identifier, e.g. "cn-mainland".
func (c *Calendar) ID() string {
	if c.empty() {
		return ""
	}
	return c.t.id
}

// Name returns the calendar's names in Chinese and English.
func (c *Calendar) Name() (zh, en string) {
	if c.empty() {
		return "", ""
	}
	return c.t.name, c.t.nameEN
}

// Coverage returns the first and last day the calendar covers, the
// extension of [ExtendThrough] included. An empty calendar returns zeros.
func (c *Calendar) Coverage() (from, to date.Date) {
	if c.empty() {
		return 0, 0
	}
	return c.t.from, c.t.to
}

// Published returns the first and last day covered by published data,
// without any extension.
func (c *Calendar) Published() (from, to date.Date) {
	if c.empty() {
		return 0, 0
	}
	return c.t.from, c.t.pubTo
}

// Provisional reports whether any day from a to b (in either order)
// lies outside the published coverage, so that a result that consulted
// those days rests on the weekly pattern alone.
func (c *Calendar) Provisional(a, b date.Date) bool {
	if c.empty() {
		return false
	}
	return max(a, b) > c.t.pubTo || min(a, b) < c.t.from
}

// Weekend returns the weekly rest days, Sunday first.
func (c *Calendar) Weekend() []time.Weekday {
	var out []time.Weekday
	if c.empty() {
		return out
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if c.t.weekend[wd] {
			out = append(out, wd)
		}
	}
	return out
}

// CountsMakeUpDays reports whether make-up working days count as working
// days (see [CountMakeUpDays]).
func (c *Calendar) CountsMakeUpDays() bool { return !c.empty() && !c.makeUpRest }

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d date.Date) (bool, error) {
	i, err := c.at("IsWorkingDay", d)
	if err != nil {
		return false, err
	}
	return c.working(c.t.days[i].kind), nil
}

// Day returns what the calendar knows of d: its kind, the holiday it
// belongs to or pays for, and the notice behind it.
func (c *Calendar) Day(d date.Date) (Day, error) {
	i, err := c.at("Day", d)
	if err != nil {
		return Day{}, err
	}
	return c.day(i), nil
}

func (c *Calendar) day(i int) Day {
	r := c.t.days[i]
	d := c.t.from + date.Date(i)
	l := c.t.labels[r.label]
	out := Day{
		Date: d, Kind: r.kind, Name: l.name, NameEN: l.nameEN,
		Working:     c.working(r.kind),
		Provisional: d > c.t.pubTo,
	}
	if len(l.notices) > 0 {
		out.Notice = l.notices[0]
	}
	return out
}

// Days returns every day from from to to, both included.
func (c *Calendar) Days(from, to date.Date) ([]Day, error) {
	if to < from {
		return nil, errorf("Days", to, ErrInvertedInterval, fmt.Sprintf("%s is before %s", to, from))
	}
	i, err := c.at("Days", from)
	if err != nil {
		return nil, err
	}
	j, err := c.at("Days", to)
	if err != nil {
		return nil, err
	}
	out := make([]Day, 0, j-i+1)
	for k := i; k <= j; k++ {
		out = append(out, c.day(k))
	}
	return out, nil
}

// AddWorkingDays counts n working days from d. For n > 0 it returns the
// n-th working day strictly after d; for n < 0, the |n|-th working day
// strictly before d; for n == 0, d itself, whatever its kind. The start
// day is never counted (民法典 Art 201), so d may be a rest day.
//
// It returns an error wrapping [ErrOutOfCoverage] when d lies outside the
// coverage or the count runs past it.
func (c *Calendar) AddWorkingDays(d date.Date, n int) (date.Date, error) {
	if _, err := c.at("AddWorkingDays", d); err != nil {
		return 0, err
	}
	out, ok := c.addWD(d, n)
	if !ok {
		return 0, c.runsOut("AddWorkingDays", d, n)
	}
	return out, nil
}

// addWD is AddWorkingDays without an error value: it reports false when
// d or the result lies outside the coverage.
func (c *Calendar) addWD(d date.Date, n int) (date.Date, bool) {
	if c.empty() {
		return 0, false
	}
	i := uint64(d - c.t.from)
	if i >= uint64(len(c.cum)) {
		return 0, false
	}
	if n == 0 {
		return d, true
	}
	k := int(c.cum[i]) // working days in [from, d]
	var t int
	if n > 0 {
		if n > len(c.nth)-k {
			return 0, false
		}
		t = k + n - 1
	} else {
		if c.working(c.t.days[i].kind) {
			k-- // working days strictly before d
		}
		if n < -k {
			return 0, false
		}
		t = k + n
	}
	return c.t.from + date.Date(c.nth[t]), true
}

// cumAt returns the number of working days from the first day of the
// coverage through d, and false when d lies outside it.
func (c *Calendar) cumAt(d date.Date) (int, bool) {
	if c.empty() {
		return 0, false
	}
	i := uint64(d - c.t.from)
	if i >= uint64(len(c.cum)) {
		return 0, false
	}
	return int(c.cum[i]), true
}

// workingIn counts the working days in (from, to], from before to, on
// the days of it the calendar covers, and reports whether it covers them
// all, and whether it counted days past the published coverage: a
// [Calendar.WorkingDaysBetween] that builds no error and, where the
// calendar stops short, says how many working days there are at least.
func (c *Calendar) workingIn(from, to date.Date) (n int, all, provisional bool) {
	if c.empty() {
		return 0, false, false
	}
	lo, cum := c.t.from, c.cum
	hi := lo + date.Date(len(cum)-1)
	all = from >= lo-1 && to <= hi
	a, b := max(from, lo-1), min(to, hi)
	if a >= b {
		return 0, all, false
	}
	n = int(cum[b-lo])
	if a >= lo {
		n -= int(cum[a-lo])
	}
	// The days counted start at the coverage's first day or later.
	return n, all, b > c.t.pubTo
}

func (c *Calendar) runsOut(op string, d date.Date, n int) error {
	if c.empty() {
		return errorf(op, d, ErrOutOfCoverage, "the calendar is empty")
	}
	return errorf(op, d, ErrOutOfCoverage,
		fmt.Sprintf("counting %d working days runs past the coverage of %s, %s to %s", n, c.t.id, c.t.from, c.t.to))
}

// WorkingDaysBetween counts the working days from from to to, the way
// [Calendar.AddWorkingDays] steps: the start day is not counted and the
// end day is. Forward (to after from) it counts the working days in
// (from, to]; backward it counts those in [to, from) and returns the
// count negated. So WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for
// every n the coverage allows, in both directions, also from a rest day.
func (c *Calendar) WorkingDaysBetween(from, to date.Date) (int, error) {
	i, err := c.at("WorkingDaysBetween", from)
	if err != nil {
		return 0, err
	}
	j, err := c.at("WorkingDaysBetween", to)
	if err != nil {
		return 0, err
	}
	if j >= i {
		return int(c.cum[j]) - int(c.cum[i]), nil
	}
	// Working days in [to, from): those up to and including the day
	// before each end.
	before := func(k int) int {
		n := int(c.cum[k])
		if c.working(c.t.days[k].kind) {
			n--
		}
		return n
	}
	return before(j) - before(i), nil
}

// NextWorkingDay returns the first working day strictly after d.
func (c *Calendar) NextWorkingDay(d date.Date) (date.Date, error) {
	return c.AddWorkingDays(d, 1)
}

// PreviousWorkingDay returns the last working day strictly before d.
func (c *Calendar) PreviousWorkingDay(d date.Date) (date.Date, error) {
	return c.AddWorkingDays(d, -1)
}

// Spec returns the calendar as plain data: its published coverage,
// weekly pattern and named days. [New] builds from it a calendar with the
// same days. An extension of [ExtendThrough] and the choice of
// [CountMakeUpDays] are options, not data, and are not part of it.
func (c *Calendar) Spec() Spec {
	if c.empty() {
		return Spec{}
	}
	return c.t.spec()
}
