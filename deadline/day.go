package deadline

import (
	"fmt"

	"github.com/rickb777/date/v2"
)

// DayKind is what a calendar says a day is. Values are stored and logged:
// they are never reordered, only appended.
type DayKind uint8

// Day kinds. The zero value, KindUnknown, is never returned for a day in
// coverage.
const (
	KindUnknown DayKind = iota
	// KindWorkday is an ordinary working day (工作日) of the weekly pattern.
	KindWorkday
	// KindWeekend is a rest day (休息日) of the weekly pattern.
	KindWeekend
	// KindHoliday is a named rest day that replaces the weekly pattern:
	// a statutory holiday (法定节假日) with the days joined to it by the
	// annual arrangement, a regional festival, or an agency's closure.
	KindHoliday
	// KindMakeUpWorkday is a weekly rest day worked instead (调休上班日),
	// to pay for the holiday named with it.
	KindMakeUpWorkday
)

var dayKindNames = [...][3]string{
	KindUnknown:       {"unknown", "未知", "unknown"},
	KindWorkday:       {"workday", "工作日", "workday"},
	KindWeekend:       {"weekend", "休息日", "weekend"},
	KindHoliday:       {"holiday", "节假日", "holiday"},
	KindMakeUpWorkday: {"makeup_workday", "调休上班日", "make-up workday"},
}

func (k DayKind) names() [3]string {
	if int(k) < len(dayKindNames) {
		return dayKindNames[k]
	}
	return dayKindNames[0]
}

// String returns the kind's code, as JSON and the reference CLI write it:
// "workday", "weekend", "holiday", "makeup_workday".
func (k DayKind) String() string { return k.names()[0] }

// Chinese returns the kind in Chinese: 调休上班日.
func (k DayKind) Chinese() string { return k.names()[1] }

// English returns the kind in English: "make-up workday".
func (k DayKind) English() string { return k.names()[2] }

// MarshalText writes the kind as [DayKind.String] does.
func (k DayKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind written by [DayKind.MarshalText].
func (k *DayKind) UnmarshalText(b []byte) error {
	for i, n := range dayKindNames {
		if n[0] == string(b) {
			*k = DayKind(i)
			return nil
		}
	}
	return &Error{Op: "UnmarshalText", Err: ErrInvalidCalendar, Detail: fmt.Sprintf("unknown day kind %.40q", b)}
}

// Day is what a calendar knows of one date.
//
// For a holiday, Name and NameEN name it; for a make-up working day they
// name the holiday it pays for; for a day an override changed they name
// the override. Notice is the address of the notice or decision the day
// comes from, when the calendar's data records one.
type Day struct {
	Date   date.Date
	Kind   DayKind
	Name   string
	NameEN string
	Notice string
	// Working reports whether the day counts as a working day in this
	// calendar. It follows Kind, except that a calendar built with
	// CountMakeUpDays(false) counts make-up working days as rest days.
	Working bool
	// Provisional reports that the day lies outside the calendar's
	// published coverage and comes from the weekly pattern alone (see
	// [ExtendThrough]).
	Provisional bool
}
