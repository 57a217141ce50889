package procedure

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2/clock"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// RestTime is when an agency may not carry out administrative
// enforcement, save in an emergency: at night or on a statutory holiday
// (行政强制法 Art 43 ¶1: 夜间或者法定节假日), as guards of kind
// [GuardOutsideRest] test it. The Law defines neither term: the zero
// value is no night and every rest day; [DefaultRestTime] is the common
// reading, and a definition built without [WithRestTime] uses it.
type RestTime struct {
	// The night runs from NightFrom to NightTo, China Standard Time, on
	// into the next morning when NightFrom is the later: from 22:00 to
	// 06:00. It includes NightFrom and excludes NightTo. Equal bounds
	// mean no night. Both lie in [00:00, 24:00).
	NightFrom, NightTo clock.Clock
	// HolidaysOnly reads 法定节假日 as the statutory holidays alone, with
	// the days the annual arrangement joins to them (and any other
	// holiday the calendar names), leaving the weekly rest days out.
	// By default every day the calendar does not count as a working day
	// is a rest day: a weekend as much as a holiday, but not a make-up
	// working day.
	HolidaysOnly bool
}

// DefaultRestTime returns the common reading of 行政强制法 Art 43 ¶1: the
// night from 22:00 to 06:00, the span 噪声污染防治法 Art 88(2) defines as
// 夜间 (行政强制法 defines none, and under Art 88(2) a city may set its
// own hours), and every day the calendar does not count as a working
// day, as the Supreme People's Court answered of a forced demolition on
// a Saturday, reading Art 43 ¶1 with Art 69 ((2016)最高法行他81号).
func DefaultRestTime() RestTime {
	return RestTime{NightFrom: clock.New(22, 0, 0, 0), NightTo: clock.New(6, 0, 0, 0)}
}

// WithRestTime sets when the definition's guards of kind
// [GuardOutsideRest] find an event at rest time: a city's own night, or
// the narrower reading of 法定节假日 ([RestTime.HolidaysOnly]). The
// default is [DefaultRestTime]. A bound outside [00:00, 24:00) is a
// problem of the definition.
func WithRestTime(r RestTime) Option {
	return optionFunc(func(c *config) { c.rest = &r })
}

// validate reports a bound of the night that is not a time of day.
func (r RestTime) validate() error {
	for _, b := range []struct {
		name string
		c    clock.Clock
	}{{"NightFrom", r.NightFrom}, {"NightTo", r.NightTo}} {
		if b.c < 0 || b.c >= clock.Day {
			return fmt.Errorf("rest time: %s must be a time of day, in [00:00, 24:00), got %v", b.name, time.Duration(b.c))
		}
	}
	return nil
}

// IsNight reports whether instant t, in China Standard Time, falls at
// night.
func (r RestTime) IsNight(t time.Time) bool {
	tod := clock.NewAt(t.In(deadline.ChinaStandardTime()))
	switch from, to := r.NightFrom, r.NightTo; {
	case from < to:
		return from <= tod && tod < to
	case from > to:
		return tod >= from || tod < to
	}
	return false
}

// Contains reports whether instant t falls at rest time: at night, or on
// a rest day of cal (its day in China Standard Time). A day cal does not
// cover is an error wrapping [deadline.ErrOutOfCoverage], unless t falls
// at night, which needs no calendar; a nil cal, one wrapping
// [deadline.ErrInvalidCalendar].
func (r RestTime) Contains(cal *deadline.Calendar, t time.Time) (bool, error) {
	if r.IsNight(t) {
		return true, nil
	}
	if cal == nil {
		return false, fmt.Errorf("%w: rest time: no calendar", deadline.ErrInvalidCalendar)
	}
	day, err := cal.Day(deadline.DateOf(t))
	if err != nil {
		return false, err
	}
	if r.HolidaysOnly {
		return day.Kind == deadline.KindHoliday, nil
	}
	return !day.Working, nil
}
