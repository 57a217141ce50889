package procedure_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/rickb777/date/v2/clock"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// exEnforcement is a definition whose one step, enforcement, keeps
// 行政强制法 Art 43 ¶1: not at night or on a statutory holiday, unless an
// emergency is stated under "urgency".
func exEnforcement(opts ...procedure.Option) *procedure.Definition {
	cite := xiaoneng.Citation{Law: "行政强制法", Article: 43, Paragraph: 1}
	d, err := procedure.New(procedure.Spec{
		ID: "enforcement", Version: "1", Name: "强制执行", NameEN: "enforcement", Initial: "decided",
		States: []procedure.StateSpec{
			{ID: "decided", Name: "已作出强制执行决定", NameEN: "enforcement decided"},
			{ID: "enforced", Name: "已强制执行", NameEN: "enforced", Terminal: true},
		},
		Triggers: []procedure.TriggerSpec{{ID: "enforce", Name: "实施强制执行", NameEN: "enforce"}},
		Transitions: []procedure.TransitionSpec{{
			From: "decided", Trigger: "enforce", To: "enforced", Citation: cite, Record: []string{"urgency"},
			Guards: []procedure.GuardSpec{{Kind: procedure.GuardOutsideRest, Key: "urgency",
				Desc: "不得在夜间或者法定节假日实施行政强制执行", DescEN: "no enforcement at night or on a statutory holiday", Citation: cite}},
		}},
	}, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return d
}

// The common reading of 行政强制法 Art 43 ¶1: night from 22:00 to 06:00,
// and every day the calendar does not count as a working day; and the
// narrower reading of 法定节假日, the holidays alone.
func ExampleRestTime_Contains() {
	cal := deadline.ChinaMainland()
	narrow := procedure.DefaultRestTime()
	narrow.HolidaysOnly = true
	for _, at := range []struct {
		what string
		at   time.Time
	}{
		{"Fri 27 Mar 2026 21:59", exAt(2026, 3, 27, 21, 59)},
		{"Fri 27 Mar 2026 22:00", exAt(2026, 3, 27, 22, 0)},
		{"Sat 28 Mar 2026 10:00", exAt(2026, 3, 28, 10, 0)},
		{"Sat 4 Apr 2026 10:00 (清明节)", exAt(2026, 4, 4, 10, 0)},
		{"Sat 9 May 2026 10:00 (调休上班日)", exAt(2026, 5, 9, 10, 0)},
	} {
		common, err := procedure.DefaultRestTime().Contains(cal, at.at)
		if err != nil {
			log.Fatal(err)
		}
		holidays, err := narrow.Contains(cal, at.at)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %v, holidays only %v\n", at.what, common, holidays)
	}
	// Output:
	// Fri 27 Mar 2026 21:59: false, holidays only false
	// Fri 27 Mar 2026 22:00: true, holidays only true
	// Sat 28 Mar 2026 10:00: true, holidays only false
	// Sat 4 Apr 2026 10:00 (清明节): true, holidays only true
	// Sat 9 May 2026 10:00 (调休上班日): false, holidays only false
}

// A city that sets its own night, from 23:00 to 07:00.
func ExampleRestTime_IsNight() {
	city := procedure.RestTime{NightFrom: clock.New(23, 0, 0, 0), NightTo: clock.New(7, 0, 0, 0)}
	for _, at := range []time.Time{exAt(2026, 3, 30, 22, 30), exAt(2026, 3, 30, 23, 0), exAt(2026, 3, 31, 6, 59), exAt(2026, 3, 31, 7, 0)} {
		fmt.Println(at.Format("15:04"), city.IsNight(at))
	}
	// The same instant in another zone is the same instant.
	fmt.Println(city.IsNight(exAt(2026, 3, 30, 23, 30).UTC()))
	// Output:
	// 22:30 false
	// 23:00 true
	// 06:59 true
	// 07:00 false
	// true
}

func ExampleDefaultRestTime() {
	r := procedure.DefaultRestTime()
	fmt.Println(r.NightFrom.HhMm(), r.NightTo.HhMm(), r.HolidaysOnly)
	// Output:
	// 22:00 06:00 false
}

// Enforcement on Saturday 28 March 2026, by day, under the common
// reading and under the narrower one; and at night, in an emergency.
func ExampleWithRestTime() {
	narrow := procedure.DefaultRestTime()
	narrow.HolidaysOnly = true
	saturday := exEvent("enforce", exAt(2026, 3, 28, 10, 0))
	for _, d := range []*procedure.Definition{exEnforcement(), exEnforcement(procedure.WithRestTime(narrow))} {
		c := d.NewCase("QZ-2026-001")
		err := d.Fire(context.Background(), c, saturday)
		var pe *procedure.Error
		if errors.As(err, &pe) {
			fmt.Printf("holidays only %v: refused, %s\n", d.RestTime().HolidaysOnly, pe.Unmet[0])
			continue
		}
		fmt.Printf("holidays only %v: %s\n", d.RestTime().HolidaysOnly, c.State)
	}
	d := exEnforcement()
	c := d.NewCase("QZ-2026-002")
	if err := d.Fire(context.Background(), c, exEvent("enforce", exAt(2026, 3, 27, 23, 0), "urgency", "违法建筑有倒塌危险")); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.State, c.Facts["urgency"])
	// Output:
	// holidays only false: refused, 不得在夜间或者法定节假日实施行政强制执行 / no enforcement at night or on a statutory holiday
	// holidays only true: enforced
	// enforced 违法建筑有倒塌危险
}

func ExampleDefinition_RestTime() {
	d, err := procedure.Reference("penalty")
	if err != nil {
		log.Fatal(err)
	}
	r := d.RestTime()
	fmt.Printf("night %s–%s, holidays only %v\n", r.NightFrom.HhMm(), r.NightTo.HhMm(), r.HolidaysOnly)
	// Output:
	// night 22:00–06:00, holidays only false
}
