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
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// years is how far past its coverage a calendar is extended: past the
// longest limit a case counts.
const years = 30

// Calendar is a calendar and, built on first use, its extension past the
// coverage. It is safe for concurrent use.
type Calendar struct {
	cal  *deadline.Calendar
	wide func() *deadline.Calendar
}

// New returns cal with its extension to come.
func New(cal *deadline.Calendar) *Calendar {
	return &Calendar{cal: cal, wide: sync.OnceValue(func() *deadline.Calendar {
		_, to := cal.Coverage()
		wide, err := cal.With(deadline.ExtendThrough(to + years*366))
		if err != nil {
			return cal
		}
		return wide
	})}
}

// Wide returns the calendar extended on the weekly pattern alone.
func (c *Calendar) Wide() *deadline.Calendar { return c.wide() }

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
		if wide, werr := clk.Status(c.wide(), asOf); werr == nil {
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
