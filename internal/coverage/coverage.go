// Package coverage counts clocks near the end of a calendar's coverage
// without guessing: an answer about a day the calendar covers is given
// even when counting it needs days past the coverage, and an answer about
// a day it does not cover is refused.
//
// Whether a limit was reached by a day, and whether a clock had stopped
// by then, is counted on the days up to that day alone. The due day of a
// clock that has not run out by then, and the rest days a calendar-day
// limit rolls over, may lie past the coverage, but no such answer depends
// on them: they are counted on the calendar extended on the weekly pattern
// alone ([deadline.ExtendThrough]), and the status says Provisional.
package coverage

import (
	"errors"
	"runtime"
	"sync"
	"weak"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// years is how far past its coverage a calendar is extended: past the
// longest limit a case counts.
const years = 30

// Calendar is a calendar and, built on first use, its extension past the
// coverage. It is safe for concurrent use.
type Calendar struct {
	cal *deadline.Calendar
	ext *extension
}

// extension is a calendar's extension, built on first use and shared by
// every Calendar of that calendar: thirty years of days take about 240 KB
// and 0.2 ms to build, and a service holds a definition, an evaluator and
// a catalogue per procedure, all on the national calendar.
type extension struct {
	once sync.Once
	// wide is the extended calendar, nil if the calendar cannot be
	// extended (an empty one). It holds no reference to the calendar it
	// extends, so that the calendar can be collected (see shared).
	wide *deadline.Calendar
}

// shared holds the extension of each calendar in use, by a weak pointer
// to the calendar: an entry keeps nothing alive, and is removed once its
// calendar has been collected.
var shared sync.Map // weak.Pointer[deadline.Calendar] → *extension

// New returns cal with its extension to come, shared with every other
// Calendar of cal.
func New(cal *deadline.Calendar) *Calendar {
	if cal == nil {
		return &Calendar{ext: &extension{}}
	}
	key := weak.Make(cal)
	if ext, ok := shared.Load(key); ok {
		return &Calendar{cal: cal, ext: ext.(*extension)}
	}
	ext, loaded := shared.LoadOrStore(key, &extension{})
	if !loaded {
		runtime.AddCleanup(cal, func(key weak.Pointer[deadline.Calendar]) { shared.Delete(key) }, key)
	}
	return &Calendar{cal: cal, ext: ext.(*extension)}
}

// Wide returns the calendar extended on the weekly pattern alone (the
// calendar itself if it cannot be extended).
func (c *Calendar) Wide() *deadline.Calendar {
	c.ext.once.Do(func() {
		if c.cal == nil {
			return
		}
		_, to := c.cal.Coverage()
		if wide, err := c.cal.With(deadline.ExtendThrough(to + years*366)); err == nil {
			c.ext.wide = wide
		}
	})
	if c.ext.wide == nil {
		return c.cal
	}
	return c.ext.wide
}

// Covers reports whether the calendar covers day. A nil Calendar, that
// of a zero value of the packages using it, covers nothing.
func (c *Calendar) Covers(day date.Date) bool {
	if c == nil {
		return false
	}
	from, to := c.cal.Coverage()
	return from <= day && day <= to
}

// Widens reports whether what the calendar refused with err, for an
// answer about day, is to be counted again on the wide calendar: the
// refusal is for want of coverage, and day is covered. Whether a clock
// ran out, or an entry fits it (an extension before the period ended),
// by day is counted on the days up to day alone.
func (c *Calendar) Widens(err error, day date.Date) bool {
	return errors.Is(err, deadline.ErrOutOfCoverage) && c.Covers(day)
}

// Status returns clk's status as of day asOf, for a caller that draws
// conclusions about day about alone: whether the clock had run out or
// stopped by then. Where the calendar cannot count it for want of the days
// after about, it is counted on the wide calendar, and says Provisional;
// where it does not cover about itself, the calendar's error stands.
func (c *Calendar) Status(clk deadline.Clock, asOf, about date.Date) (deadline.Status, error) {
	if c == nil {
		return clk.Status(nil, asOf)
	}
	st, err := clk.Status(c.cal, asOf)
	if err != nil && c.Widens(err, about) {
		if wide, werr := clk.Status(c.Wide(), asOf); werr == nil {
			return wide, nil
		}
	}
	return st, err
}

// About is the day a status as of asOf is about: the day the clock
// stopped, if it had by then (the count ends there), or asOf.
func About(clk deadline.Clock, asOf date.Date) date.Date {
	if last := clk.LastDay(); clk.Stopped() && last <= asOf {
		return last
	}
	return asOf
}

// Light returns st, clk's status as of asOf on the calendar, fit for its
// warning light, which counts the working days left
// ([deadline.Status.Level]). Where the working days up to the due day of
// a running limit of days that does not roll lie past the coverage
// (st.WorkingDaysKnown is false), they are counted on the wide calendar,
// and the status says Provisional, as a due day counted there does. As
// of a day the calendar does not cover, the light would be a guess: the
// error wraps [deadline.ErrOutOfCoverage].
func (c *Calendar) Light(clk deadline.Clock, st deadline.Status, asOf date.Date) (deadline.Status, error) {
	if st.WorkingDaysKnown || !st.HasDue() || st.Stopped || st.Unit == deadline.WorkingDays {
		return st, nil
	}
	if !c.Covers(asOf) {
		return st, &deadline.Error{Op: "Status", Date: asOf, Err: deadline.ErrOutOfCoverage,
			Detail: "the warning light counts the working days up to the due day " + st.Due.String()}
	}
	return clk.Status(c.Wide(), asOf)
}
