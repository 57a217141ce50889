package deadline_test

import (
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// oracle answers the calendar questions the slow, obvious way: from the
// spec's lists, day by day. It shares no code with Calendar.
type oracle struct {
	from, to  date.Date
	weekend   []int
	off, work map[date.Date]bool
	countMU   bool
}

func newOracle(s deadline.Spec, countMakeUp bool) oracle {
	o := oracle{from: s.From, to: s.To, off: map[date.Date]bool{}, work: map[date.Date]bool{}, countMU: countMakeUp}
	for _, wd := range s.Weekend {
		o.weekend = append(o.weekend, int(wd))
	}
	for _, a := range s.Arrangements {
		for _, h := range a.Holidays {
			for _, d := range h.Off {
				o.off[d] = true
			}
			for _, d := range h.Work {
				o.work[d] = true
			}
		}
	}
	return o
}

func (o oracle) covers(d date.Date) bool { return d >= o.from && d <= o.to }

// working is the rule of the shared data file: a day works if it is a
// make-up working day, or a weekday of the pattern not listed as a
// holiday.
func (o oracle) working(d date.Date) bool {
	if o.work[d] {
		return o.countMU
	}
	return !o.off[d] && !slices.Contains(o.weekend, int(d.Weekday()))
}

// add counts n working days from d, one day at a time.
func (o oracle) add(d date.Date, n int) (date.Date, bool) {
	if !o.covers(d) {
		return 0, false
	}
	step := date.Date(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d += step
		if !o.covers(d) {
			return 0, false
		}
		if o.working(d) {
			n--
		}
	}
	return d, true
}

// between counts the working days stepping from a to b, a not counted
// and b counted: in (a, b], or in [b, a) negated when b < a.
func (o oracle) between(a, b date.Date) (int, bool) {
	if !o.covers(a) || !o.covers(b) {
		return 0, false
	}
	n := 0
	for d := a + 1; d <= b; d++ {
		if o.working(d) {
			n++
		}
	}
	for d := b; d < a; d++ {
		if o.working(d) {
			n--
		}
	}
	return n, true
}
