package deadline

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// Unit is the unit a period counts in. Values are stored: they are never
// reordered, only appended.
type Unit uint8

// Units. The zero value, UnitUnknown, makes a period invalid.
const (
	UnitUnknown Unit = iota
	// WorkingDays counts working days (工作日): 行政许可法 Art 82, 行政处罚法
	// Art 85 for its 2/3/5/7-day periods, 政府信息公开条例 throughout.
	WorkingDays
	// Days counts calendar days (日).
	Days
	// Months counts calendar months (月): the period ends on the
	// corresponding day, or the month's last day (民法典 Art 202).
	Months
	// Years counts calendar years (年), like Months.
	Years
)

var unitNames = [...][3]string{
	UnitUnknown: {"unknown", "?", "unknown"},
	WorkingDays: {"working_days", "个工作日", "working days"},
	Days:        {"days", "日", "days"},
	Months:      {"months", "个月", "months"},
	Years:       {"years", "年", "years"},
}

func (u Unit) names() [3]string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return unitNames[0]
}

// String returns the unit's name in the JSON form: "working_days",
// "days", "months" or "years".
func (u Unit) String() string { return u.names()[0] }

// Chinese returns the unit as a count is written before it: "个工作日",
// "日", "个月", "年".
func (u Unit) Chinese() string { return u.names()[1] }

// English returns the unit's name in English, plural: "working days".
func (u Unit) English() string { return u.names()[2] }

// MarshalText writes the unit as [Unit.String] does.
func (u Unit) MarshalText() ([]byte, error) {
	if u == UnitUnknown || int(u) >= len(unitNames) {
		return nil, errorf("MarshalText", 0, ErrInvalidPeriod, "unknown unit "+strconv.Itoa(int(u)))
	}
	return []byte(u.String()), nil
}

// UnmarshalText reads a unit written by [Unit.MarshalText].
func (u *Unit) UnmarshalText(b []byte) error {
	for i := WorkingDays; int(i) < len(unitNames); i++ {
		if unitNames[i][0] == string(b) {
			*u = i
			return nil
		}
	}
	return errorf("UnmarshalText", 0, ErrInvalidPeriod, fmt.Sprintf("unknown unit %.40q", b))
}

// Period is a length of time in one unit: 20 working days, 90 days, six
// months. The zero value is invalid: it has no unit.
type Period struct {
	N    int  `json:"n"`
	Unit Unit `json:"unit"`
}

// Validate reports whether the period has a known unit and a length that
// is not negative. Periods longer than 100 years are refused too: no
// administrative time limit is that long, and the bound keeps date
// arithmetic exact.
func (p Period) Validate() error {
	switch {
	case p.Unit == UnitUnknown || int(p.Unit) >= len(unitNames):
		return errorf("Validate", 0, ErrInvalidPeriod, fmt.Sprintf("period %d has no known unit", p.N))
	case p.N < 0:
		return errorf("Validate", 0, ErrInvalidPeriod, fmt.Sprintf("period of %d %s is negative", p.N, p.Unit.names()[2]))
	case p.days() > 366*100:
		return errorf("Validate", 0, ErrInvalidPeriod, fmt.Sprintf("period of %d %s is longer than 100 years", p.N, p.Unit.names()[2]))
	}
	return nil
}

// days bounds the period's length in days, for validation.
func (p Period) days() int {
	switch p.Unit {
	case Months:
		return min(p.N, 1<<20) * 31
	case Years:
		return min(p.N, 1<<20) * 366
	}
	return p.N
}

// String returns the period in English: "20 working days".
func (p Period) String() string {
	name := p.Unit.names()[2]
	if p.N == 1 || p.N == -1 {
		name = strings.TrimSuffix(name, "s") // "1 working day"
	}
	return strconv.Itoa(p.N) + " " + name
}

// Chinese returns the period in Chinese: "20个工作日", "90日", "6个月".
func (p Period) Chinese() string { return strconv.Itoa(p.N) + p.Unit.names()[1] }

// Roll says where a calendar-day, month or year period ends when its
// last day is a rest day (民法典 Art 203: 期间的最后一日是法定休假日的，以
// 法定休假日结束的次日为期间的最后一日). Working-day periods always end on a
// working day and never roll. Values are stored: never reordered.
type Roll uint8

// Roll policies. The zero value, RollRestDays, is the common reading.
const (
	// RollRestDays moves the end forward to the next working day when it
	// falls on any rest day, weekends included: the common reading, which
	// counts ordinary weekends among 法定休假日.
	RollRestDays Roll = iota
	// RollHolidays moves the end only off statutory holidays, to the
	// first day after the holiday that is not itself a holiday: the
	// narrow reading, in which weekends are not 法定休假日.
	RollHolidays
	// RollNone never moves the end. Another law or an agreement may
	// provide so (民法典 Art 204).
	RollNone
)

var rollNames = [...]string{"rest_days", "holidays", "none"}

// String returns the policy's name in the JSON form.
func (r Roll) String() string {
	if int(r) < len(rollNames) {
		return rollNames[r]
	}
	return "unknown"
}

// MarshalText writes the policy as [Roll.String] does.
func (r Roll) MarshalText() ([]byte, error) {
	if int(r) >= len(rollNames) {
		return nil, errorf("MarshalText", 0, ErrInvalidPeriod, "unknown roll policy "+strconv.Itoa(int(r)))
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a policy written by [Roll.MarshalText].
func (r *Roll) UnmarshalText(b []byte) error {
	for i, n := range rollNames {
		if n == string(b) {
			*r = Roll(i)
			return nil
		}
	}
	return errorf("UnmarshalText", 0, ErrInvalidPeriod, fmt.Sprintf("unknown roll policy %.40q", b))
}

// End is where a period ends.
type End struct {
	// Date is the last day of the period: the deadline.
	Date date.Date
	// Nominal is the last day before rolling off rest days; it equals
	// Date when the period did not roll.
	Nominal date.Date
	// Provisional reports that the result used days outside the
	// calendar's published coverage (see [ExtendThrough]).
	Provisional bool
}

// Rolled reports whether the end moved off rest days.
func (e End) Rolled() bool { return e.Date != e.Nominal }

// End returns the last day of period p that starts on start. The start
// day is not counted (民法典 Art 201). A working-day period ends on the
// n-th working day after start; a day period on start + n; a month or
// year period on the corresponding day, or the last day of the month
// when there is none (Art 202); those three then roll off rest days as r
// says (Art 203). A period of length zero ends on start.
//
// The calendar is consulted for working days and for rolling; with
// RollNone a day, month or year period needs no coverage.
func (c *Calendar) End(start date.Date, p Period, r Roll) (End, error) {
	const op = "End"
	if err := p.Validate(); err != nil {
		return End{}, withOp(err, op)
	}
	if int(r) >= len(rollNames) {
		return End{}, errorf(op, start, ErrInvalidPeriod, "unknown roll policy "+strconv.Itoa(int(r)))
	}
	if p.Unit == WorkingDays {
		d, err := c.AddWorkingDays(start, p.N)
		if err != nil {
			return End{}, withOp(err, op)
		}
		return End{Date: d, Nominal: d, Provisional: c.Provisional(start, d)}, nil
	}
	nominal := addPeriod(start, p)
	if p.N == 0 || r == RollNone {
		return End{Date: nominal, Nominal: nominal}, nil
	}
	d, err := c.roll(op, nominal, r)
	if err != nil {
		return End{}, err
	}
	return End{Date: d, Nominal: nominal, Provisional: c.Provisional(start, d)}, nil
}

// addPeriod adds a calendar period, clamping to the month's end.
func addPeriod(start date.Date, p Period) date.Date {
	switch p.Unit {
	case Days:
		return start + date.Date(p.N)
	case Months:
		return addMonths(start, p.N)
	case Years:
		return addMonths(start, 12*p.N)
	}
	return start
}

// addMonths returns the day n months after d: the same day of the month,
// or the month's last day when it is shorter (民法典 Art 202).
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	months := y*12 + int(m-1) + n
	ty, tm := months/12, time.Month(months%12+1)
	first := date.New(ty, tm, 1)
	return first + date.Date(min(day, first.LastDayOfMonth())-1)
}

// roll moves d off rest days as r says.
func (c *Calendar) roll(op string, d date.Date, r Roll) (date.Date, error) {
	i, err := c.at(op, d)
	if err != nil {
		return 0, err
	}
	switch r {
	case RollRestDays:
		if c.working(c.t.days[i].kind) {
			return d, nil
		}
		k := int(c.cum[i]) // the next working day is the (k+1)-th
		if k >= len(c.nth) {
			return 0, errorf(op, d, ErrOutOfCoverage, "no working day follows "+d.String()+" within the coverage")
		}
		return c.t.from + date.Date(c.nth[k]), nil
	case RollHolidays:
		for ; i < len(c.t.days); i++ {
			if c.t.days[i].kind != KindHoliday {
				return c.t.from + date.Date(i), nil
			}
		}
		return 0, errorf(op, d, ErrOutOfCoverage, "the holiday on "+d.String()+" runs past the coverage")
	}
	return d, nil
}
