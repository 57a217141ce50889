package ics

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// MaxBytes bounds the size of a file Decode and Import read: 8 MiB,
// far more than a century of national holidays.
const MaxBytes = 8 << 20

// MaxEventDays bounds the days one event may span.
const MaxEventDays = 366

// Import reads an iCalendar file with Decode and builds the calendar with
// deadline.New and the options. The errors of deadline.New, which wrap
// deadline.ErrInvalidCalendar and say where the spec is wrong, are
// returned as they are.
func Import(data []byte, opts ...deadline.Option) (*deadline.Calendar, error) {
	s, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return deadline.New(s, opts...)
}

// event is what Decode reads of one VEVENT.
type event struct {
	path        string
	first, last date.Date
	kind        string
	year        int
	holiday     int // X-XIAONENG-HOLIDAY, or 0 when absent
	name        string
	nameEN      string
	notices     []string
}

// Decode reads an iCalendar file into a calendar spec, undoing Export:
// the spec of an exported calendar reads back equal to
// deadline.Calendar.Spec. Files from other programs are read as the
// package documentation says. Only VEVENT components count; others, such
// as VTIMEZONE, are skipped.
//
// Decode reports every problem it finds, each an *Error wrapping
// ErrInvalid, joined with errors.Join: a file that is not iCalendar or is
// larger than MaxBytes, an event without an all-day DTSTART, an event
// that recurs (RRULE, RDATE), ends before it starts or spans more than
// MaxEventDays, and X-XIAONENG- properties it cannot read. It does not
// validate the spec: deadline.New does.
func Decode(data []byte) (s deadline.Spec, err error) {
	const op = "Decode"
	if len(data) > MaxBytes {
		return deadline.Spec{}, &Error{Op: op, Detail: fmt.Sprintf("the file has %d bytes, more than the %d allowed", len(data), MaxBytes), Err: ErrInvalid}
	}
	c, err := parse(data)
	if err != nil {
		return deadline.Spec{}, &Error{Op: op, Detail: err.Error(), Err: ErrInvalid}
	}
	p := &problems{op: op}

	props := map[string]string{}
	for _, cp := range c.CalendarProperties {
		k := strings.ToUpper(cp.IANAToken)
		if _, seen := props[k]; !seen {
			props[k] = cp.Value
		}
	}
	s.ID = firstOf(props, propID, "X-WR-RELCALID")
	if s.ID == "" {
		s.ID = "ics"
	}
	s.Name = props[propName]
	s.NameEN = props[propNameEN]
	if _, native := props[propFormat]; !native {
		s.Name = firstOf(props, "X-WR-CALNAME", "NAME")
	}
	s.Source = props[propSource]
	if v, ok := props[propWeekend]; ok {
		s.Weekend = parseWeekend(p, v)
	} else {
		s.Weekend = []time.Weekday{time.Sunday, time.Saturday}
	}

	var events []event
	for i, comp := range c.Components {
		ev, ok := comp.(*ical.VEvent)
		if !ok {
			continue
		}
		if e, ok := readEvent(p, i, ev); ok {
			events = append(events, e)
		}
	}

	if v, ok := props[propCoverage]; ok {
		s.From, s.To = parseCoverage(p, v)
	} else if len(events) > 0 {
		lo, hi := events[0].first, events[0].last
		for _, e := range events[1:] {
			lo, hi = min(lo, e.first), max(hi, e.last)
		}
		s.From = date.New(lo.Year(), time.January, 1)
		s.To = date.New(hi.Year(), time.December, 31)
	} else {
		p.add("", "no "+propCoverage+" and no events to take a coverage from")
	}
	if err := p.err(); err != nil {
		return deadline.Spec{}, err
	}
	s.Arrangements = group(events)
	return s, nil
}

// maxDepth bounds the nesting of components (VCALENDAR > VEVENT > VALARM
// is three), so that the parser, which recurses into each, never goes
// deep.
const maxDepth = 8

// parse runs the iCalendar parser, turning a panic of the parser into an
// error so that no input makes Decode panic.
func parse(data []byte) (c *ical.Calendar, err error) {
	depth := 0
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		switch {
		case len(line) >= 6 && bytes.EqualFold(line[:6], []byte("BEGIN:")):
			depth++
		case len(line) >= 4 && bytes.EqualFold(line[:4], []byte("END:")):
			depth--
		}
		if depth > maxDepth {
			return nil, fmt.Errorf("components are nested more than %d deep", maxDepth)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("the iCalendar parser failed: %v", r)
		}
	}()
	c, err = ical.ParseCalendarWithOptions(bytes.NewReader(data), ical.WithUnknownPropertyHandler(ical.AcceptUnknownPropertyHandler))
	if err == nil && c == nil {
		err = fmt.Errorf("not an iCalendar file")
	}
	return c, err
}

// readEvent reads the i-th component, a VEVENT.
func readEvent(p *problems, i int, ev *ical.VEvent) (event, bool) {
	e := event{path: fmt.Sprintf("VEVENT[%d]", i)}
	if uid := value(ev, "UID"); uid != "" {
		e.path += " (UID " + uid + ")"
	}
	ok := true
	bad := func(prop, detail string) {
		p.add(e.path+"."+prop, detail)
		ok = false
	}
	for _, prop := range []string{"RRULE", "RDATE"} {
		if has(ev, prop) {
			bad(prop, "recurring events are not supported: list each day")
		}
	}
	start, found := value2(ev, "DTSTART")
	if !found {
		bad("DTSTART", "missing")
		return e, false
	}
	first, err := parseBasic(start)
	if err != nil {
		bad("DTSTART", err.Error())
		return e, false
	}
	e.first, e.last = first, first
	if end, found := value2(ev, "DTEND"); found {
		d, err := parseBasic(end)
		switch {
		case err != nil:
			bad("DTEND", err.Error())
		case d <= first:
			bad("DTEND", "the event ends before it starts (DTEND is the day after the last)")
		default:
			e.last = d - 1
		}
	} else if dur, found := value2(ev, "DURATION"); found {
		n, err := parseDays(dur)
		if err != nil {
			bad("DURATION", err.Error())
		} else {
			e.last = first + date.Date(n-1)
		}
	}
	if int64(e.last-e.first) >= MaxEventDays {
		bad("DTEND", fmt.Sprintf("the event spans more than %d days", MaxEventDays))
	}

	e.kind = strings.ToLower(value(ev, propKind))
	switch e.kind {
	case KindHoliday, KindMakeUp:
	case "":
		e.kind = guessKind(ev)
	default:
		bad(propKind, fmt.Sprintf("%q is neither %q nor %q", e.kind, KindHoliday, KindMakeUp))
	}
	e.year = first.Year()
	if y, found := value2(ev, propYear); found {
		n, err := strconv.Atoi(strings.TrimSpace(y))
		if err != nil || n < 1 || n > 9999 {
			bad(propYear, fmt.Sprintf("%q is not a year", y))
		} else {
			e.year = n
		}
	}
	if h, found := value2(ev, propHoliday); found {
		n, err := strconv.Atoi(strings.TrimSpace(h))
		if err != nil || n < 1 || n > 100000 {
			bad(propHoliday, fmt.Sprintf("%q is not a holiday number", h))
		} else {
			e.holiday = n
		}
	}
	_, hasName := value2(ev, propName)
	_, hasNameEN := value2(ev, propNameEN)
	if hasName || hasNameEN {
		e.name, e.nameEN = value(ev, propName), value(ev, propNameEN)
	} else {
		e.name = foreignName(value(ev, "SUMMARY"), e.kind)
	}
	for _, prop := range ev.Properties {
		if strings.EqualFold(prop.IANAToken, propNotice) {
			e.notices = append(e.notices, prop.Value)
		}
	}
	if !has(ev, propNotice) {
		if u := value(ev, "URL"); u != "" {
			e.notices = []string{u}
		}
	}
	return e, ok
}

// group rebuilds the arrangements: events with the same year and notices
// form one arrangement, and within it events with the same holiday number
// (or, without one, the same names) one holiday, each in the order it
// first appears.
func group(events []event) []deadline.Arrangement {
	var arrs []deadline.Arrangement
	arrIndex := map[string]int{}
	holIndex := map[string]int{}
	for _, e := range events {
		ak := fmt.Sprint(e.year, "\x00", strings.Join(e.notices, "\x00"))
		ai, ok := arrIndex[ak]
		if !ok {
			ai = len(arrs)
			arrIndex[ak] = ai
			arrs = append(arrs, deadline.Arrangement{Year: e.year, Notices: append([]string(nil), e.notices...)})
		}
		hk := fmt.Sprint(ak, "\x01", e.holiday, "\x00", e.name, "\x00", e.nameEN)
		hi, ok := holIndex[hk]
		if !ok {
			hi = len(arrs[ai].Holidays)
			holIndex[hk] = hi
			arrs[ai].Holidays = append(arrs[ai].Holidays, deadline.Holiday{Name: e.name, NameEN: e.nameEN})
		}
		h := &arrs[ai].Holidays[hi]
		for d := e.first; d <= e.last; d++ {
			if e.kind == KindMakeUp {
				h.Work = append(h.Work, d)
			} else {
				h.Off = append(h.Off, d)
			}
		}
	}
	return arrs
}

// guessKind tells a make-up working day from a holiday in a file written
// by another program, by its categories and summary.
func guessKind(ev *ical.VEvent) string {
	texts := []string{value(ev, "SUMMARY")}
	for _, prop := range ev.Properties {
		if strings.EqualFold(prop.IANAToken, "CATEGORIES") {
			texts = append(texts, prop.Value)
		}
	}
	for _, t := range texts {
		l := strings.ToLower(t)
		for _, mark := range []string{categoryMakeUp, "补班", "上班", "work"} {
			if strings.Contains(l, mark) {
				return KindMakeUp
			}
		}
	}
	return KindHoliday
}

// foreignName takes a holiday's name from the summary of an event
// written by another program, dropping the make-up markers.
func foreignName(summary, kind string) string {
	name := strings.TrimSpace(summary)
	if kind == KindMakeUp {
		for _, mark := range []string{categoryMakeUp, "补班", "上班"} {
			name = strings.ReplaceAll(name, mark, "")
		}
		name = strings.Trim(name, " （）()")
	}
	return name
}

// parseBasic reads an RFC 5545 date, 20250101. A date-time is refused:
// calendar days are all-day events.
func parseBasic(v string) (date.Date, error) {
	v = strings.TrimSpace(v)
	if len(v) != 8 {
		return 0, fmt.Errorf("%q is not a date of the form YYYYMMDD (an all-day event)", v)
	}
	d, err := deadline.ParseDate(v[0:4] + "-" + v[4:6] + "-" + v[6:8])
	if err != nil {
		return 0, fmt.Errorf("%q is not a date of the form YYYYMMDD", v)
	}
	return d, nil
}

// parseDays reads a duration of whole days or weeks, P3D or P1W.
func parseDays(v string) (int, error) {
	v = strings.TrimSpace(v)
	if len(v) < 3 || v[0] != 'P' || strings.ContainsAny(v, "T") {
		return 0, fmt.Errorf("%q is not a duration of whole days (P3D) or weeks (P1W)", v)
	}
	unit := v[len(v)-1]
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || n < 1 || n > MaxEventDays || (unit != 'D' && unit != 'W') {
		return 0, fmt.Errorf("%q is not a duration of whole days (P3D) or weeks (P1W)", v)
	}
	if unit == 'W' {
		n *= 7
	}
	return n, nil
}

func parseWeekend(p *problems, v string) []time.Weekday {
	v = strings.TrimSpace(v)
	var ws []time.Weekday
	if v == "NONE" {
		return nil
	}
	for _, code := range strings.Split(v, ",") {
		found := false
		for wd, c := range weekdayCodes {
			if strings.EqualFold(strings.TrimSpace(code), c) {
				ws = append(ws, time.Weekday(wd))
				found = true
			}
		}
		if !found {
			p.add(propWeekend, fmt.Sprintf("%q is not a day code (SU, MO, TU, WE, TH, FR, SA) or NONE", code))
		}
	}
	return ws
}

func parseCoverage(p *problems, v string) (from, to date.Date) {
	a, b, ok := strings.Cut(strings.TrimSpace(v), "/")
	if !ok {
		p.add(propCoverage, fmt.Sprintf("%q is not of the form YYYYMMDD/YYYYMMDD", v))
		return 0, 0
	}
	from, err := parseBasic(a)
	if err != nil {
		p.add(propCoverage, err.Error())
	}
	to, err = parseBasic(b)
	if err != nil {
		p.add(propCoverage, err.Error())
	}
	return from, to
}

// value returns the value of the first property named name, or "".
func value(ev *ical.VEvent, name string) string {
	v, _ := value2(ev, name)
	return v
}

// value2 returns the value of the first property named name, and
// whether there is one.
func value2(ev *ical.VEvent, name string) (string, bool) {
	for _, prop := range ev.Properties {
		if strings.EqualFold(prop.IANAToken, name) {
			return prop.Value, true
		}
	}
	return "", false
}

func has(ev *ical.VEvent, name string) bool {
	_, ok := value2(ev, name)
	return ok
}

func firstOf(props map[string]string, names ...string) string {
	for _, n := range names {
		if v := props[n]; v != "" {
			return v
		}
	}
	return ""
}
