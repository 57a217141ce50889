package deadline

import (
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"
)

// cst is China Standard Time, UTC+8 all year, with no daylight saving:
// a fixed zone, so no time-zone database is needed. It is never modified.
var cst = time.FixedZone("CST", 8*60*60)

// ChinaStandardTime returns the zone in which the package turns instants
// into civil dates: China Standard Time, a fixed UTC+8 with no daylight
// saving.
func ChinaStandardTime() *time.Location { return cst }

// DateOf returns the civil date of instant t in China Standard Time.
// It divides the instant's Unix time, with the fixed UTC+8 offset, into
// days, rather than converting the time's location: scans call it for
// every event.
func DateOf(t time.Time) date.Date {
	const day = 24 * 60 * 60
	s := t.Unix() + 8*60*60
	q := s / day
	if s%day < 0 {
		q-- // floor division for instants before 1970
	}
	return date.Date(q + date.ZeroOffset)
}

// OfficeHours says when an agency's day ends for receiving filings, and
// whether a filing it cannot receive that day counts as received on the
// next working day.
//
// The zero value is a day that ends at 24:00 and a receipt that counts on
// the day it arrives, whatever the day: the rule of 民法典 Art 203 for
// periods without business hours.
type OfficeHours struct {
	// Close is the closing time (停止业务活动的时间), China Standard Time.
	// Zero, midnight, means the day ends at 24:00.
	Close clock.Clock
	// Defer makes a receipt at or after closing time, or on a rest day,
	// count as received on the next working day, as rules that set
	// business hours provide.
	Defer bool
}

// Received returns the day instant t counts as received: its date in
// China Standard Time, moved to the next working day when h defers
// receipts made after closing time or on a rest day. The calendar is
// consulted only when h defers.
func (c *Calendar) Received(t time.Time, h OfficeHours) (date.Date, error) {
	const op = "Received"
	local := t.In(cst)
	d := date.NewAt(local)
	if !h.Defer {
		return d, nil
	}
	working, err := c.IsWorkingDay(d)
	if err != nil {
		return 0, withOp(err, op)
	}
	if working && (h.Close == 0 || clock.NewAt(local) < h.Close) {
		return d, nil
	}
	next, err := c.NextWorkingDay(d)
	if err != nil {
		return 0, withOp(err, op)
	}
	return next, nil
}

// LastMoment returns the instant day d ends for filings: its closing
// time, or 24:00 (the next midnight) when the agency keeps no business
// hours (民法典 Art 203 ¶2). A filing is in time if it arrives before it.
func (h OfficeHours) LastMoment(d date.Date) time.Time {
	if h.Close == 0 {
		return (d + 1).MidnightIn(cst)
	}
	return d.Time(h.Close, cst)
}
