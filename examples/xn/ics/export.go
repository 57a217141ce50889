package ics

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// Format is the value of the X-XIAONENG-FORMAT property of the files
// Export writes.
const Format = "xiaoneng-ics/1"

// Property names this package writes besides the standard ones.
const (
	propFormat   = "X-XIAONENG-FORMAT"
	propID       = "X-XIAONENG-ID"
	propName     = "X-XIAONENG-NAME"
	propNameEN   = "X-XIAONENG-NAME-EN"
	propSource   = "X-XIAONENG-SOURCE"
	propCoverage = "X-XIAONENG-COVERAGE"
	propWeekend  = "X-XIAONENG-WEEKEND"
	propKind     = "X-XIAONENG-KIND"
	propYear     = "X-XIAONENG-YEAR"
	propHoliday  = "X-XIAONENG-HOLIDAY"
	propNotice   = "X-XIAONENG-NOTICE"
)

// Event kinds, the values of X-XIAONENG-KIND.
const (
	// KindHoliday marks the rest days of a holiday (放假).
	KindHoliday = "holiday"
	// KindMakeUp marks make-up working days (调休上班).
	KindMakeUp = "makeup"
)

// Categories of the events, in Chinese and English.
const (
	categoryHoliday   = "放假"
	categoryHolidayEN = "Holiday"
	categoryMakeUp    = "调休上班"
	categoryMakeUpEN  = "Make-up working day"
)

// Options configure Export. The zero value is ready to use.
type Options struct {
	// Stamp is the DTSTAMP of every event. The zero value writes the Unix
	// epoch, so that a calendar always exports to the same bytes; pass
	// the time of export to tell exports apart.
	Stamp time.Time
}

// weekdayCodes are the two-letter day codes of RFC 5545 (BYDAY).
var weekdayCodes = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// Export writes the calendar as an iCalendar file, lines ending in CRLF.
// Each run of consecutive rest days of a holiday is one all-day event,
// and so is each run of make-up working days; events follow the
// calendar's arrangements and holidays in order. An extension past the
// published data and the choice of deadline.CountMakeUpDays are not
// written (see the package documentation).
//
// It returns an error wrapping ErrInvalid for a nil or empty calendar.
func Export(cal *deadline.Calendar, o Options) ([]byte, error) {
	const op = "Export"
	if cal == nil {
		return nil, &Error{Op: op, Detail: "no calendar", Err: ErrInvalid}
	}
	s := cal.Spec()
	if s.ID == "" && s.From == 0 && s.To == 0 {
		return nil, &Error{Op: op, Detail: "the calendar is empty", Err: ErrInvalid}
	}
	stamp := o.Stamp
	if stamp.IsZero() {
		stamp = time.Unix(0, 0)
	}

	c := ical.NewCalendarFor("xiaoneng")
	c.SetProductId("-//xiaoneng//xn calendar export//ZH")
	c.SetCalscale("GREGORIAN")
	c.SetMethod(ical.MethodPublish)
	title := joinNames(s.Name, s.NameEN)
	if title == "" {
		title = s.ID
	}
	c.SetName(title)
	c.SetXWRCalName(title)
	c.SetXWRTimezone("Asia/Shanghai")
	if s.Source != "" {
		c.SetDescription(s.Source)
	}
	calProp(c, propFormat, Format)
	calProp(c, propID, s.ID)
	if s.Name != "" {
		calProp(c, propName, s.Name)
	}
	if s.NameEN != "" {
		calProp(c, propNameEN, s.NameEN)
	}
	if s.Source != "" {
		calProp(c, propSource, s.Source)
	}
	calProp(c, propCoverage, basic(s.From)+"/"+basic(s.To))
	calProp(c, propWeekend, weekendCode(s.Weekend))

	uidBase := uidSafe(s.ID)
	for _, arr := range s.Arrangements {
		for j, h := range arr.Holidays {
			for _, run := range runs(h.Off) {
				addEvent(c, uidBase, stamp, arr, j, h, KindHoliday, run)
			}
			for _, run := range runs(h.Work) {
				addEvent(c, uidBase, stamp, arr, j, h, KindMakeUp, run)
			}
		}
	}
	return []byte(c.Serialize(ical.WithNewLine("\r\n"))), nil
}

// addEvent adds the all-day event of one run of days of holiday h, the
// j-th of arrangement arr.
func addEvent(c *ical.Calendar, uidBase string, stamp time.Time, arr deadline.Arrangement, j int, h deadline.Holiday, kind string, run [2]date.Date) {
	uid := fmt.Sprintf("%s-%d-%02d-%s-%s@xiaoneng", uidBase, arr.Year, j+1, kind, basic(run[0]))
	e := c.AddEvent(uid)
	e.SetDtStampTime(stamp)
	e.SetProperty(ical.ComponentPropertyDtStart, basic(run[0]), ical.WithValue(string(ical.ValueDataTypeDate)))
	e.SetProperty(ical.ComponentPropertyDtEnd, basic(run[1]+1), ical.WithValue(string(ical.ValueDataTypeDate)))
	names := joinNames(h.Name, h.NameEN)
	var desc strings.Builder
	if kind == KindHoliday {
		e.SetSummary(names)
		e.AddCategory(categoryHoliday)
		e.AddCategory(categoryHolidayEN)
		e.SetTimeTransparency(ical.TransparencyTransparent)
		fmt.Fprintf(&desc, "%s %s: %s", categoryHoliday, categoryHolidayEN, slashNames(h.Name, h.NameEN))
	} else {
		summary := categoryMakeUp + "（" + h.Name + "）"
		if h.NameEN != "" {
			summary += " " + categoryMakeUpEN + " (" + h.NameEN + ")"
		}
		e.SetSummary(summary)
		e.AddCategory(categoryMakeUp)
		e.AddCategory(categoryMakeUpEN)
		e.SetTimeTransparency(ical.TransparencyOpaque)
		fmt.Fprintf(&desc, "%s %s, for %s", categoryMakeUp, categoryMakeUpEN, slashNames(h.Name, h.NameEN))
	}
	for _, n := range arr.Notices {
		fmt.Fprintf(&desc, "\n依据 Notice: %s", n)
	}
	e.SetDescription(desc.String())
	if len(arr.Notices) > 0 {
		e.SetURL(arr.Notices[0])
	}
	e.SetProperty(ical.ComponentProperty(propKind), kind)
	e.SetProperty(ical.ComponentProperty(propYear), strconv.Itoa(arr.Year))
	e.SetProperty(ical.ComponentProperty(propHoliday), strconv.Itoa(j+1))
	if h.Name != "" {
		e.SetProperty(ical.ComponentProperty(propName), h.Name)
	}
	if h.NameEN != "" {
		e.SetProperty(ical.ComponentProperty(propNameEN), h.NameEN)
	}
	for _, n := range arr.Notices {
		e.AddProperty(ical.ComponentProperty(propNotice), n)
	}
}

// calProp appends a calendar property with a text value.
func calProp(c *ical.Calendar, name, value string) {
	c.CalendarProperties = append(c.CalendarProperties, ical.CalendarProperty{
		BaseProperty: ical.BaseProperty{IANAToken: name, ICalParameters: map[string][]string{}, Value: value},
	})
}

// runs splits sorted dates into runs of consecutive days, each given by
// its first and last day.
func runs(ds []date.Date) [][2]date.Date {
	var out [][2]date.Date
	for i := 0; i < len(ds); {
		j := i
		for j+1 < len(ds) && ds[j+1] == ds[j]+1 {
			j++
		}
		out = append(out, [2]date.Date{ds[i], ds[j]})
		i = j + 1
	}
	return out
}

// basic writes a date in the basic form of RFC 5545: 20250101.
func basic(d date.Date) string {
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d%02d%02d", y, int(m), dd)
}

func weekendCode(ws []time.Weekday) string {
	if len(ws) == 0 {
		return "NONE"
	}
	codes := make([]string, len(ws))
	for i, w := range ws {
		codes[i] = weekdayCodes[w%7]
	}
	return strings.Join(codes, ",")
}

// joinNames writes a Chinese and an English name side by side.
func joinNames(zh, en string) string {
	switch {
	case zh == "":
		return en
	case en == "":
		return zh
	}
	return zh + " " + en
}

func slashNames(zh, en string) string {
	switch {
	case zh == "":
		return en
	case en == "":
		return zh
	}
	return zh + " / " + en
}

// uidSafe keeps the letters, digits, '-', '_' and '.' of a calendar ID
// for use in UIDs.
func uidSafe(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < 128 && (r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "calendar"
	}
	return b.String()
}
