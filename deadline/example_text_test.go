package deadline_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// The text forms of the library's enumerations: String is the code a
// stored value uses, Chinese and English the labels for people, and
// MarshalText the code again, refusing a value that is none.

// units are the counting units, in order.
var units = []deadline.Unit{deadline.WorkingDays, deadline.Days, deadline.Months, deadline.Years}

func ExampleUnit_String() {
	for _, u := range units {
		fmt.Println(u)
	}
	// Output:
	// working_days
	// days
	// months
	// years
}

func ExampleUnit_Chinese() {
	for _, u := range units {
		fmt.Println(u.Chinese())
	}
	// Output:
	// 个工作日
	// 日
	// 个月
	// 年
}

func ExampleUnit_English() {
	for _, u := range units {
		fmt.Println(u.English())
	}
	// Output:
	// working days
	// days
	// months
	// years
}

// A period as a stored rule writes it; a unit that is none is refused.
func ExampleUnit_MarshalText() {
	data, err := json.Marshal(deadline.Period{N: 20, Unit: deadline.WorkingDays})
	fmt.Println(string(data), err)
	_, err = json.Marshal(deadline.Period{N: 20})
	fmt.Println(err)
	// Output:
	// {"n":20,"unit":"working_days"} <nil>
	// json: error calling MarshalText for type deadline.Unit: deadline: MarshalText: invalid period: unknown unit 0
}

// causes are the causes 行政许可法 Art 45 names for time not counted.
var causes = []deadline.Cause{deadline.CauseHearing, deadline.CauseTesting, deadline.CauseExpertReview}

func ExampleCause_String() {
	for _, c := range causes {
		fmt.Println(c)
	}
	// Output:
	// hearing
	// testing
	// expert_review
}

func ExampleCause_Chinese() {
	for _, c := range causes {
		fmt.Println(c.Chinese())
	}
	// Output:
	// 听证
	// 检测
	// 专家评审
}

func ExampleCause_English() {
	for _, c := range causes {
		fmt.Println(c.English())
	}
	// Output:
	// hearing
	// testing
	// expert review
}

// A suspension as a stored ledger writes it.
func ExampleCause_MarshalText() {
	data, err := json.Marshal(deadline.Entry{Kind: deadline.EntrySuspend, On: date.New(2025, 10, 13), Cause: deadline.CauseExpertReview})
	fmt.Println(string(data), err)
	// Output:
	// {"kind":"suspend","on":"2025-10-13","cause":"expert_review"} <nil>
}

// dayKinds are the kinds of the days around the 2025 National Day week:
// a make-up working day, a holiday, a weekend day and a working day.
func dayKinds() []deadline.DayKind {
	cal := deadline.ChinaMainland()
	var out []deadline.DayKind
	for _, d := range []date.Date{date.New(2025, 9, 28), date.New(2025, 10, 1), date.New(2025, 10, 12), date.New(2025, 10, 13)} {
		day, err := cal.Day(d)
		if err != nil {
			log.Fatal(err)
		}
		out = append(out, day.Kind)
	}
	return out
}

func ExampleDayKind_String() {
	for _, k := range dayKinds() {
		fmt.Println(k)
	}
	// Output:
	// makeup_workday
	// holiday
	// weekend
	// workday
}

func ExampleDayKind_Chinese() {
	for _, k := range dayKinds() {
		fmt.Println(k.Chinese())
	}
	// Output:
	// 调休上班日
	// 节假日
	// 休息日
	// 工作日
}

func ExampleDayKind_English() {
	for _, k := range dayKinds() {
		fmt.Println(k.English())
	}
	// Output:
	// make-up workday
	// holiday
	// weekend
	// workday
}

func ExampleDayKind_MarshalText() {
	data, err := json.Marshal(dayKinds())
	fmt.Println(string(data), err)
	// Output:
	// ["makeup_workday","holiday","weekend","workday"] <nil>
}

// entryKinds are the kinds of ledger entry.
var entryKinds = []deadline.EntryKind{deadline.EntrySuspend, deadline.EntryResume, deadline.EntryRestart, deadline.EntryExtend, deadline.EntryStop}

func ExampleEntryKind_String() {
	for _, k := range entryKinds {
		fmt.Println(k)
	}
	// Output:
	// suspend
	// resume
	// restart
	// extend
	// stop
}

func ExampleEntryKind_Chinese() {
	for _, k := range entryKinds {
		fmt.Println(k.Chinese())
	}
	// Output:
	// 中止计算
	// 恢复计算
	// 重新计算
	// 延长
	// 停止
}

// An entry of no kind is refused, not written as "unknown".
func ExampleEntryKind_MarshalText() {
	data, err := json.Marshal(deadline.EntryStop)
	fmt.Println(string(data), err)
	_, err = json.Marshal(deadline.EntryKind(0))
	fmt.Println(err)
	// Output:
	// "stop" <nil>
	// json: error calling MarshalText for type deadline.EntryKind: deadline: MarshalText: ledger entry refused: unknown entry kind 0
}

// levels are the warning lights.
var levels = []deadline.Level{deadline.LevelGreen, deadline.LevelYellow, deadline.LevelRed}

func ExampleLevel_String() {
	for _, l := range levels {
		fmt.Println(l)
	}
	// Output:
	// green
	// yellow
	// red
}

func ExampleLevel_Chinese() {
	for _, l := range levels {
		fmt.Println(l.Chinese())
	}
	// Output:
	// 绿灯
	// 黄灯
	// 红灯
}

// rolls are how a calendar-day period ends on a rest day.
var rolls = []deadline.Roll{deadline.RollRestDays, deadline.RollHolidays, deadline.RollNone}

func ExampleRoll_String() {
	for _, r := range rolls {
		fmt.Println(r)
	}
	// Output:
	// rest_days
	// holidays
	// none
}

func ExampleRoll_MarshalText() {
	data, err := json.Marshal(rolls)
	fmt.Println(string(data), err)
	// Output:
	// ["rest_days","holidays","none"] <nil>
}

// The message names the operation, the day and what is wrong.
func ExampleError_Error() {
	_, err := deadline.ChinaMainland().IsWorkingDay(date.New(2006, 12, 31))
	var e *deadline.Error
	if errors.As(err, &e) {
		fmt.Println(e.Error())
	}
	// Output:
	// deadline: IsWorkingDay: 2006-12-31: date outside the calendar's coverage: coverage of cn-mainland is 2007-01-01 to 2026-12-31
}

// Unwrap gives the sentinel, which errors.Is finds.
func ExampleError_Unwrap() {
	_, err := deadline.ChinaMainland().IsWorkingDay(date.New(2006, 12, 31))
	var e *deadline.Error
	if errors.As(err, &e) {
		fmt.Println(e.Unwrap() == deadline.ErrOutOfCoverage, errors.Is(err, deadline.ErrOutOfCoverage))
	}
	// Output:
	// true true
}
