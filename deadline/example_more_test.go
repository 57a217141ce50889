package deadline_test

import (
	"encoding/json"
	"fmt"
	"log"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// 行政处罚法 Art 67 ¶3 gives fifteen days to pay a fine. Served on
// Friday 14 February 2025, the fifteenth day is Saturday 1 March: the
// period runs on to Monday 3 March (民法典 Art 203). Fifteen days from
// Monday 3 March end on a working day and do not roll.
func ExampleEnd_Rolled() {
	cal := deadline.ChinaMainland()
	p := deadline.Period{N: 15, Unit: deadline.Days}
	for _, start := range []date.Date{date.New(2025, 2, 14), date.New(2025, 3, 3)} {
		end, err := cal.End(start, p, deadline.RollRestDays)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(start, "→", end.Nominal, "rolled:", end.Rolled(), "→", end.Date)
	}
	// Output:
	// 2025-02-14 → 2025-03-01 rolled: true → 2025-03-03
	// 2025-03-03 → 2025-03-18 rolled: false → 2025-03-18
}

// A rule's own provision is its first citation; the others are the
// provisions it relies on, such as the Civil Code's rule on rolling.
func ExampleRule_Citation() {
	r, err := deadline.LookupRule(deadline.RulePenaltyPayment)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Citation())
	fmt.Println(len(r.Citations), "citations")
	fmt.Printf("%q\n", deadline.Rule{ID: "local"}.Citation())
	// Output:
	// 《行政处罚法》第六十七条第三款
	// 2 citations
	// ""
}

// Rules hold slices, so they do not compare with ==: Equal compares them
// field by field, as a test of a rule read back from storage does.
func ExampleRule_Equal() {
	r, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		log.Fatal(err)
	}
	var back deadline.Rule
	if err := json.Unmarshal(data, &back); err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.Equal(r))
	longer := back
	longer.Period.N++
	fmt.Println(longer.Equal(r))
	// Output:
	// true
	// false
}

// A calendar's spec written as JSON, in the format ParseCalendar reads:
// runs of consecutive days become ranges.
func ExampleSpec_MarshalJSON() {
	spec := deadline.Spec{
		ID:      "cn-2025-national-day",
		Name:    "2025年国庆节、中秋节",
		From:    date.New(2025, 9, 1),
		To:      date.New(2025, 10, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday},
		Arrangements: []deadline.Arrangement{{
			Year: 2025,
			Holidays: []deadline.Holiday{{
				Name: "国庆节、中秋节",
				Off: []date.Date{
					date.New(2025, 10, 1), date.New(2025, 10, 2), date.New(2025, 10, 3), date.New(2025, 10, 4),
					date.New(2025, 10, 5), date.New(2025, 10, 6), date.New(2025, 10, 7), date.New(2025, 10, 8),
				},
				Work: []date.Date{date.New(2025, 9, 28), date.New(2025, 10, 11)},
			}},
		}},
	}
	data, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {
	//   "format": "xiaoneng-calendar/1",
	//   "id": "cn-2025-national-day",
	//   "name": "2025年国庆节、中秋节",
	//   "coverage": {
	//     "from": "2025-09-01",
	//     "to": "2025-10-31"
	//   },
	//   "weekend": [
	//     "Saturday",
	//     "Sunday"
	//   ],
	//   "arrangements": [
	//     {
	//       "year": 2025,
	//       "holidays": [
	//         {
	//           "name": "国庆节、中秋节",
	//           "off": [
	//             "2025-10-01/2025-10-08"
	//           ],
	//           "work": [
	//             "2025-09-28",
	//             "2025-10-11"
	//           ]
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// Reading a spec checks its syntax, dates and weekday names and reports
// every problem at once; a spec with problems leaves the value as it was.
func ExampleSpec_UnmarshalJSON() {
	good := `{"format":"xiaoneng-calendar/1","id":"cn-2025-q4","coverage":{"from":"2025-10-01","to":"2025-12-31"},
		"weekend":["Saturday","Sunday"],
		"arrangements":[{"year":2025,"holidays":[{"name":"国庆节","off":["2025-10-01/2025-10-08"],"work":["2025-10-11"]}]}]}`
	var spec deadline.Spec
	if err := json.Unmarshal([]byte(good), &spec); err != nil {
		log.Fatal(err)
	}
	fmt.Println(spec.ID, spec.From, spec.To, len(spec.Arrangements[0].Holidays[0].Off), "days off")

	bad := `{"format":"xiaoneng-calendar/1","id":"x","coverage":{"from":"2025-13-01","to":"2025-12-31"},"weekend":["caturday"]}`
	err := json.Unmarshal([]byte(bad), &spec)
	fmt.Println(err)
	fmt.Println(spec.ID)
	// Output:
	// cn-2025-q4 2025-10-01 2025-12-31 8 days off
	// deadline: UnmarshalJSON: coverage.from: invalid calendar: "2025-13-01" is not a day: there is no month 13
	// deadline: UnmarshalJSON: weekend[0]: invalid calendar: unknown weekday name "caturday"
	// cn-2025-q4
}

// Why each day of a licence's count counted or not, across the 2025
// National Day week and its two make-up working days: runs of days with
// the same note are shown once.
func ExampleNote_String() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	ex, err := c.Explain(deadline.ChinaMainland(), date.New(2025, 10, 12))
	if err != nil {
		log.Fatal(err)
	}
	for i, d := range ex.Days {
		if d.Date > date.New(2025, 10, 13) {
			break
		}
		if i > 0 && ex.Days[i-1].Note == d.Note {
			continue
		}
		fmt.Println(d.Date, d.Note, "/", d.Note.Chinese())
	}
	// Output:
	// 2025-09-27 weekend, not counted / 休息日，不计入
	// 2025-09-28 make-up working day, counted / 调休上班日，计入
	// 2025-09-29 counted / 计入
	// 2025-10-01 holiday, not counted / 节假日，不计入
	// 2025-10-09 counted / 计入
	// 2025-10-11 make-up working day, counted / 调休上班日，计入
	// 2025-10-12 weekend, not counted / 休息日，不计入
	// 2025-10-13 counted / 计入
}

// A calendar's identifier names it in errors and in its JSON form. A nil
// calendar has none.
func ExampleCalendar_ID() {
	cal := deadline.ChinaMainland()
	fmt.Println(cal.ID())
	var none *deadline.Calendar
	fmt.Printf("%q\n", none.ID())
	// Output:
	// cn-mainland
	// ""
}

// A clock names its rule without copying it, as a list of a case's clocks
// does for every clock.
func ExampleClock_RuleID() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.RuleID())
	fmt.Printf("%q\n", deadline.Clock{}.RuleID())
	// Output:
	// licensing-decision
	// ""
}

// The provision a clock runs under, for a notice or a finding that cites
// it.
func ExampleClock_Citation() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Citation(), "/", c.Citation().English())
	// Output:
	// 《行政许可法》第四十二条第一款 / Administrative Licensing Law, art. 42(1)
}

// Every note, in Chinese, as an explanation shows it to the applicant.
func ExampleNote_Chinese() {
	for n := deadline.NoteCounted; n <= deadline.NoteAfterStop; n++ {
		fmt.Println(n.Chinese())
	}
	// Output:
	// 计入
	// 休息日，不计入
	// 节假日，不计入
	// 调休上班日，计入
	// 调休上班日，不计入
	// 中止，不计算在期限内
	// 重新计算前
	// 休息日，期间顺延至下一工作日
	// 已办结
}
