package deadline_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// The package in one story: a licensing decision (行政许可法 Art 42 ¶1)
// accepted on Friday 26 September 2025, counted in working days on the
// national calendar across the National Day week, with five days of
// expert review not counted (Art 45) and a ten-day extension approved by
// the agency head (Art 42 ¶1).
func Example() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	// Art 45: expert review from Monday 13 to Friday 17 October.
	c, err = c.Exclude(date.New(2025, 10, 13), date.New(2025, 10, 17), deadline.CauseExpertReview, "组织专家评审")
	if err != nil {
		log.Fatal(err)
	}
	// Art 42 ¶1: ten more working days, approved before the limit runs out.
	c, err = c.Extend(cal, date.New(2025, 11, 3), 10, "局长", "需现场核查")
	if err != nil {
		log.Fatal(err)
	}

	asOf := date.New(2025, 11, 19)
	st, err := c.Status(cal, asOf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("as of %s: due %s, %d of %d working days used, %d left: %s\n",
		asOf, st.Due, st.Elapsed, st.Limit, st.Remaining, st.Level(deadline.DefaultPolicy()).Chinese())

	ex, err := c.Explain(cal, asOf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(ex)
	// Output:
	// as of 2025-11-19: due 2025-11-20, 29 of 30 working days used, 1 left: 黄灯
	// 期限 Rule: 作出行政许可决定 licensing decision (licensing-decision) — 20个工作日 / 20 working days
	// 依据 Basis: 《行政许可法》第四十二条第一款；《行政许可法》第八十二条
	// 起算 Start: 2025-09-26（当日不计入 / start day not counted）
	// 延长 Extended: 10 (《行政许可法》第四十二条第一款)
	// 届满 Due: 2025-11-20 星期四
	//   2025-09-27  休息日，不计入 / weekend, not counted
	//   2025-09-28  调休上班日，计入 / make-up working day, counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-01–2025-10-08  节假日，不计入 / holiday, not counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-11  调休上班日，计入 / make-up working day, counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-12  休息日，不计入 / weekend, not counted
	//   2025-10-13–2025-10-17  中止，不计算在期限内 / suspended, not counted：专家评审 / expert review
	//   2025-10-18–2025-10-19  休息日，不计入 / weekend, not counted
	//   2025-10-25–2025-10-26  休息日，不计入 / weekend, not counted
	//   2025-11-01–2025-11-02  休息日，不计入 / weekend, not counted
	//   2025-11-08–2025-11-09  休息日，不计入 / weekend, not counted
	//   2025-11-15–2025-11-16  休息日，不计入 / weekend, not counted
}

// 全国统一工作日历: the National Day week of 2025, with the make-up
// working days that pay for it.
func ExampleChinaMainland() {
	cal := deadline.ChinaMainland()
	zh, en := cal.Name()
	from, to := cal.Coverage()
	fmt.Printf("%s: %s / %s, %s to %s\n", cal.ID(), zh, en, from, to)
	for _, d := range []date.Date{date.New(2025, 9, 28), date.New(2025, 10, 1), date.New(2025, 10, 12)} {
		day, err := cal.Day(d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %.3s working %-5t %s %s\n", d, d.Weekday(), day.Working, day.Kind.Chinese(), day.Name)
	}
	// Output:
	// cn-mainland: 中国大陆工作日历 / Mainland China working-day calendar, 2007-01-01 to 2026-12-31
	// 2025-09-28 Sun working true  调休上班日 国庆节、中秋节
	// 2025-10-01 Wed working false 节假日 国庆节、中秋节
	// 2025-10-12 Sun working false 休息日
}

// The embedded data is plain JSON in the calendar format, ready to be
// published or edited and read back with ParseCalendar.
func ExampleChinaMainlandJSON() {
	data := deadline.ChinaMainlandJSON()
	var head struct {
		Format   string `json:"format"`
		ID       string `json:"id"`
		Coverage struct {
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"coverage"`
		Weekend []string `json:"weekend"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		log.Fatal(err)
	}
	fmt.Println(head.Format, head.ID, head.Coverage.From, head.Coverage.To, head.Weekend)

	// Read back, it is the same calendar.
	cal, err := deadline.ParseCalendar(data)
	if err != nil {
		log.Fatal(err)
	}
	due, err := cal.AddWorkingDays(date.New(2025, 9, 26), 20)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("20 working days after 2025-09-26:", due)
	// Output:
	// xiaoneng-calendar/1 cn-mainland 2007-01-01 2026-12-31 [Sunday Saturday]
	// 20 working days after 2025-09-26: 2025-10-30
}

// A calendar built from plain data: the weekly pattern and the 2025
// National Day arrangement of the State Council notice, over the autumn
// of 2025 only.
func ExampleNew() {
	cal, err := deadline.New(deadline.Spec{
		ID:      "cn-2025-autumn",
		Name:    "2025年秋季工作日历",
		From:    date.New(2025, 9, 1),
		To:      date.New(2025, 12, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday},
		Arrangements: []deadline.Arrangement{{
			Year:    2025,
			Notices: []string{"https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"},
			Holidays: []deadline.Holiday{{
				Name: "国庆节、中秋节", NameEN: "National Day and Mid-Autumn Festival",
				Off: []date.Date{
					date.New(2025, 10, 1), date.New(2025, 10, 2), date.New(2025, 10, 3), date.New(2025, 10, 4),
					date.New(2025, 10, 5), date.New(2025, 10, 6), date.New(2025, 10, 7), date.New(2025, 10, 8),
				},
				Work: []date.Date{date.New(2025, 9, 28), date.New(2025, 10, 11)},
			}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	// 行政许可法 Art 42 ¶1: 20 working days from Friday 26 September.
	due, err := cal.AddWorkingDays(date.New(2025, 9, 26), 20)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("decision due", due)
	// Output:
	// decision due 2025-10-30
}

// New reports every problem of a spec at once, each located.
func ExampleNew_errors() {
	_, err := deadline.New(deadline.Spec{
		From:    date.New(2025, 1, 1),
		To:      date.New(2025, 12, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday},
		Arrangements: []deadline.Arrangement{{
			Year: 2025,
			Holidays: []deadline.Holiday{{
				Name: "春节",
				Off:  []date.Date{date.New(2025, 1, 28)},
				// A Wednesday cannot be a make-up working day, and
				// 2026 lies outside the coverage.
				Work: []date.Date{date.New(2025, 1, 29), date.New(2026, 2, 14)},
			}},
		}},
	})
	fmt.Println(err)
	fmt.Println("invalid calendar:", errors.Is(err, deadline.ErrInvalidCalendar))
	fmt.Println("out of coverage:", errors.Is(err, deadline.ErrOutOfCoverage))
	// Output:
	// deadline: New: id: invalid calendar: the calendar has no id
	// deadline: New: arrangements[0].holidays[0].work[0]: 2025-01-29: invalid calendar: a make-up working day must be a rest day of the weekly pattern, and 2025-01-29 is a Wednesday
	// deadline: New: arrangements[0].holidays[0].work[1]: 2026-02-14: date outside the calendar's coverage: coverage is 2025-01-01 to 2025-12-31
	// invalid calendar: true
	// out of coverage: true
}

// A calendar in the JSON format, with ranges of days: the 2025 Spring
// Festival, enough for 行政许可法 Art 32 ¶1(4), the five working days to
// tell an applicant everything to supplement.
func ExampleParseCalendar() {
	cal, err := deadline.ParseCalendar([]byte(`{
	  "format": "xiaoneng-calendar/1",
	  "id": "cn-2025-spring",
	  "coverage": {"from": "2025-01-01", "to": "2025-03-31"},
	  "weekend": ["Saturday", "Sunday"],
	  "arrangements": [
	    {"year": 2025,
	     "holidays": [
	       {"name": "春节", "name_en": "Spring Festival",
	        "off": ["2025-01-28/2025-02-04"],
	        "work": ["2025-01-26", "2025-02-08"]}]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	due, err := cal.AddWorkingDays(date.New(2025, 1, 24), 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("received 2025-01-24, notice due", due)
	// Output:
	// received 2025-01-24, notice due 2025-02-07
}

// ParseCalendar reports every problem of a file, each named by its place
// in the file.
func ExampleParseCalendar_errors() {
	_, err := deadline.ParseCalendar([]byte(`{
	  "format": "xiaoneng-calendar/1",
	  "id": "broken",
	  "coverage": {"from": "2025-01-01", "to": "2025-12-31"},
	  "weekend": ["Saturday", "Sunday"],
	  "arrangements": [
	    {"year": 2025,
	     "holidays": [
	       {"name": "春节", "off": ["2025-02-04/2025-01-28"], "work": ["2025-02-30"]}]}]
	}`))
	fmt.Println(err)
	// Output:
	// deadline: ParseCalendar: arrangements[0].holidays[0].off[0]: 2025-01-28: interval ends before it starts: range 2025-02-04/2025-01-28 ends before it starts
	// deadline: ParseCalendar: arrangements[0].holidays[0].work[0]: invalid calendar: "2025-02-30" is not a day: February 2025 has 28 days
}

// Dates are read strictly: ISO 8601, and only days that exist.
func ExampleParseDate() {
	for _, s := range []string{"2025-09-26", "2025-02-29", "2025-13-01", "2025/09/26"} {
		d, err := deadline.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, d.Weekday())
	}
	// Output:
	// 2025-09-26 Friday
	// deadline: ParseDate: invalid date: "2025-02-29" is not a day: February 2025 has 28 days
	// deadline: ParseDate: invalid date: "2025-13-01" is not a day: there is no month 13
	// deadline: ParseDate: invalid date: "2025/09/26" is not a date of the form YYYY-MM-DD
}

// 全国年节及纪念日放假办法 Art 4: the festivals of ethnic minorities are
// set by the local governments of the regions where they live. A
// region's festival (the dates here are illustrative) joined with the
// national calendar delays a licensing decision of 行政许可法 Art 42 ¶1
// accepted on Friday 15 August 2025.
func ExampleJoin() {
	region, err := deadline.New(deadline.Spec{
		ID: "xz-festivals", Name: "自治区民族节日",
		From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
		// No weekly rest days of its own: it only adds festivals.
		Arrangements: []deadline.Arrangement{{Year: 2025, Holidays: []deadline.Holiday{
			{Name: "雪顿节", NameEN: "Shoton Festival", Off: []date.Date{date.New(2025, 8, 22), date.New(2025, 8, 23)}},
		}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	local, err := deadline.Join("cn-xz", deadline.ChinaMainland(), region)
	if err != nil {
		log.Fatal(err)
	}
	for _, cal := range []*deadline.Calendar{deadline.ChinaMainland(), local} {
		due, err := cal.AddWorkingDays(date.New(2025, 8, 15), 20)
		if err != nil {
			log.Fatal(err)
		}
		from, to := cal.Coverage()
		fmt.Printf("%-12s %s to %s: due %s\n", cal.ID(), from, to, due)
	}
	// Output:
	// cn-mainland  2007-01-01 to 2026-12-31: due 2025-09-12
	// cn-xz        2025-01-01 to 2025-12-31: due 2025-09-15
}

// Planning past the published data: a licensing decision (行政许可法 Art
// 42 ¶1) accepted on 18 December 2026 runs into 2027, whose holidays the
// State Council has not yet announced. The weekly pattern knows no New
// Year's Day and counts Friday 1 January 2027 as a working day, so the
// result is provisional.
func ExampleExtendThrough() {
	national := deadline.ChinaMainland()
	period := deadline.Period{N: 20, Unit: deadline.WorkingDays}
	_, err := national.End(date.New(2026, 12, 18), period, deadline.RollRestDays)
	fmt.Println(err)

	planning, err := national.With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		log.Fatal(err)
	}
	end, err := planning.End(date.New(2026, 12, 18), period, deadline.RollRestDays)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("due", end.Date, "provisional:", end.Provisional)
	// Output:
	// deadline: End: 2026-12-18: date outside the calendar's coverage: counting 20 working days runs past the coverage of cn-mainland, 2007-01-01 to 2026-12-31
	// due 2027-01-15 provisional: true
}

// No authoritative text says whether make-up working days (调休上班日)
// count in working-day periods. Counted, as is the common practice, the
// licensing decision of 行政许可法 Art 42 ¶1 accepted on 26 September 2025
// is due on 30 October; not counted, on 3 November.
func ExampleCountMakeUpDays() {
	strict, err := deadline.ChinaMainland().With(deadline.CountMakeUpDays(false))
	if err != nil {
		log.Fatal(err)
	}
	for _, cal := range []*deadline.Calendar{deadline.ChinaMainland(), strict} {
		due, err := cal.AddWorkingDays(date.New(2025, 9, 26), 20)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("make-up days count: %-5t due %s\n", cal.CountsMakeUpDays(), due)
	}
	// Output:
	// make-up days count: true  due 2025-10-30
	// make-up days count: false due 2025-11-03
}

// An agency's own days: the office closes on Monday 3 November 2025 for
// a move and works Saturday 8 November instead. Five working days from
// Friday 31 October end on the Saturday.
func ExampleWithOverrides() {
	cal, err := deadline.ChinaMainland().With(deadline.WithOverrides(
		deadline.Override{Date: date.New(2025, 11, 3), Name: "办公场所搬迁闭馆", NameEN: "office move", Notice: "本局公告2025年第7号"},
		deadline.Override{Date: date.New(2025, 11, 8), Working: true, Name: "搬迁补班", NameEN: "worked after the move", Notice: "本局公告2025年第7号"},
	))
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []date.Date{date.New(2025, 11, 3), date.New(2025, 11, 8)} {
		day, err := cal.Day(d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s: %s %s (%s)\n", d, d.Weekday(), day.Kind.Chinese(), day.Name, day.Notice)
	}
	for _, c := range []*deadline.Calendar{deadline.ChinaMainland(), cal} {
		due, err := c.AddWorkingDays(date.New(2025, 10, 31), 5)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("5 working days after 2025-10-31:", due, due.Weekday())
	}
	// Output:
	// 2025-11-03 Monday: 节假日 办公场所搬迁闭馆 (本局公告2025年第7号)
	// 2025-11-08 Saturday: 调休上班日 搬迁补班 (本局公告2025年第7号)
	// 5 working days after 2025-10-31: 2025-11-07 Friday
	// 5 working days after 2025-10-31: 2025-11-08 Saturday
}

// Instants become dates in China Standard Time, UTC+8 all year.
func ExampleChinaStandardTime() {
	cst := deadline.ChinaStandardTime()
	sent := time.Date(2025, 9, 30, 20, 0, 0, 0, time.UTC)
	fmt.Println(sent.In(cst).Format("2006-01-02 15:04 MST"))
	_, offset := sent.In(cst).Zone()
	fmt.Println("offset", offset/3600, "hours")
	// Output:
	// 2025-10-01 04:00 CST
	// offset 8 hours
}

// An application sent at 16:30 UTC on 30 September 2025 arrives in China
// on 1 October.
func ExampleDateOf() {
	fmt.Println(deadline.DateOf(time.Date(2025, 9, 30, 16, 30, 0, 0, time.UTC)))
	fmt.Println(deadline.DateOf(time.Date(2025, 9, 30, 15, 59, 0, 0, time.UTC)))
	// Output:
	// 2025-10-01
	// 2025-09-30
}

// 行政许可法 Art 42 ¶1: a decision within 20 working days of acceptance.
func ExampleStart() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	due, err := c.Due(deadline.ChinaMainland())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rule.Name, rule.Period.Chinese(), "from", c.Started(), "→", due)

	// A clock needs a start day.
	_, err = deadline.Start(rule, 0)
	fmt.Println(err)
	// Output:
	// 作出行政许可决定 20个工作日 from 2025-09-26 → 2025-10-30
	// deadline: Start: ledger entry refused: the clock needs a start day
}

// The time limits of 行政处罚法, each with its provision: Art 85 counts
// its 2, 3, 5 and 7-day periods in working days; the others are calendar
// days or years.
func ExampleReferenceRules() {
	for _, r := range deadline.ReferenceRules() {
		if r.Citation().Law == xiaoneng.PenaltyLaw {
			fmt.Printf("%-30s %-15s %s\n", r.ID, r.Period, r.Citation())
		}
	}
	// Output:
	// penalty-limitation             2 years         《行政处罚法》第三十六条第一款
	// penalty-limitation-safety      5 years         《行政处罚法》第三十六条第一款
	// penalty-publication-withdrawal 3 working days  《行政处罚法》第四十八条第二款
	// penalty-evidence-preservation  7 working days  《行政处罚法》第五十六条
	// penalty-decision               90 days         《行政处罚法》第六十条
	// penalty-delivery               7 working days  《行政处罚法》第六十一条第一款
	// penalty-hearing-request        5 working days  《行政处罚法》第六十四条第一款第（一）项
	// penalty-payment                15 days         《行政处罚法》第六十七条第三款
	// penalty-cash-handover          2 working days  《行政处罚法》第七十一条
}

// 行政处罚法 Art 67 ¶3: the fine is paid within 15 days of receiving the
// decision, a calendar-day period that rolls off rest days.
func ExampleLookupRule() {
	r, err := deadline.LookupRule(deadline.RulePenaltyPayment)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Name, r.NameEN, r.Period, r.Roll)
	for _, c := range r.Citations {
		fmt.Println(" ", c, "/", c.English())
	}

	_, err = deadline.LookupRule("penalty-appeal")
	fmt.Println(errors.Is(err, deadline.ErrUnknownRule), err)
	// Output:
	// 缴纳罚款 pay the fine 15 days rest_days
	//   《行政处罚法》第六十七条第三款 / Administrative Penalty Law, art. 67(3)
	//   《民法典》第二百零三条 / Civil Code, art. 203
	// true deadline: LookupRule: unknown rule: no reference rule "penalty-appeal"
}

// The default warning lights: yellow from one working day left or 80 %
// used, red once overdue. A local rule may set other thresholds.
func ExampleDefaultPolicy() {
	p := deadline.DefaultPolicy()
	fmt.Printf("%+v\n", p)
	// 16 of 20 working days used, 4 left.
	st := deadline.Status{Elapsed: 16, Remaining: 4}
	fmt.Println("default:", st.Level(p).Chinese())
	fmt.Println("3 days ahead only:", st.Level(deadline.Policy{YellowRemaining: 3}).Chinese())
	// Output:
	// {YellowRemaining:1 YellowUsedPercent:80}
	// default: 黄灯
	// 3 days ahead only: 绿灯
}

// A local rule lights yellow three working days ahead or at 75 % used;
// a threshold above 100 % is no percentage.
func ExamplePolicy_Validate() {
	for _, p := range []deadline.Policy{
		{YellowRemaining: 3, YellowUsedPercent: 75},
		{YellowRemaining: 1, YellowUsedPercent: 120},
	} {
		fmt.Printf("%+v: %v\n", p, p.Validate())
	}
	// Output:
	// {YellowRemaining:3 YellowUsedPercent:75}: <nil>
	// {YellowRemaining:1 YellowUsedPercent:120}: deadline: Validate: invalid period: yellow threshold of 120 % is not a percentage
}

// The make-up Sunday before the National Day week is worked; the week
// itself and the following Sunday are not.
func ExampleCalendar_IsWorkingDay() {
	cal := deadline.ChinaMainland()
	for _, d := range []date.Date{date.New(2025, 9, 28), date.New(2025, 10, 1), date.New(2025, 10, 11), date.New(2025, 10, 12)} {
		ok, err := cal.IsWorkingDay(d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d, d.Weekday(), ok)
	}
	// Output:
	// 2025-09-28 Sunday true
	// 2025-10-01 Wednesday false
	// 2025-10-11 Saturday true
	// 2025-10-12 Sunday false
}

// A day knows the holiday it belongs to or pays for, and the notice.
func ExampleCalendar_Day() {
	day, err := deadline.ChinaMainland().Day(date.New(2026, 2, 14))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(day.Date, day.Date.Weekday(), day.Kind, day.Kind.Chinese())
	fmt.Println(day.Name, "/", day.NameEN, "working:", day.Working)
	fmt.Println(day.Notice)
	// Output:
	// 2026-02-14 Saturday makeup_workday 调休上班日
	// 春节 / Spring Festival working: true
	// https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
}

// The fortnight around the 2025 National Day week, day by day.
func ExampleCalendar_Days() {
	days, err := deadline.ChinaMainland().Days(date.New(2025, 9, 27), date.New(2025, 10, 12))
	if err != nil {
		log.Fatal(err)
	}
	for _, day := range days {
		fmt.Printf("%s %.3s %s", day.Date, day.Date.Weekday(), day.Kind.Chinese())
		if day.Name != "" {
			fmt.Print(" ", day.Name)
		}
		fmt.Println()
	}
	// Output:
	// 2025-09-27 Sat 休息日
	// 2025-09-28 Sun 调休上班日 国庆节、中秋节
	// 2025-09-29 Mon 工作日
	// 2025-09-30 Tue 工作日
	// 2025-10-01 Wed 节假日 国庆节、中秋节
	// 2025-10-02 Thu 节假日 国庆节、中秋节
	// 2025-10-03 Fri 节假日 国庆节、中秋节
	// 2025-10-04 Sat 节假日 国庆节、中秋节
	// 2025-10-05 Sun 节假日 国庆节、中秋节
	// 2025-10-06 Mon 节假日 国庆节、中秋节
	// 2025-10-07 Tue 节假日 国庆节、中秋节
	// 2025-10-08 Wed 节假日 国庆节、中秋节
	// 2025-10-09 Thu 工作日
	// 2025-10-10 Fri 工作日
	// 2025-10-11 Sat 调休上班日 国庆节、中秋节
	// 2025-10-12 Sun 休息日
}

// Working-day periods: the start day is not counted, make-up working
// days are.
func ExampleCalendar_AddWorkingDays() {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct {
		law   string
		start date.Date
		n     int
	}{
		{"行政许可法 Art 42 ¶1, decision", date.New(2025, 9, 26), 20},
		{"行政许可法 Art 32 ¶1(4), notice to supplement", date.New(2025, 1, 24), 5},
		{"政府信息公开条例 Art 33 ¶2, reply", date.New(2026, 1, 30), 20},
	} {
		due, err := cal.AddWorkingDays(tc.start, tc.n)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s + %d → %s\n", tc.law, tc.start, tc.n, due)
	}
	// Output:
	// 行政许可法 Art 42 ¶1, decision: 2025-09-26 + 20 → 2025-10-30
	// 行政许可法 Art 32 ¶1(4), notice to supplement: 2025-01-24 + 5 → 2025-02-07
	// 政府信息公开条例 Art 33 ¶2, reply: 2026-01-30 + 20 → 2026-03-05
}

// How many working days of a licensing decision (行政许可法 Art 42 ¶1)
// accepted on 26 September 2025 were used by Sunday 12 October: the
// make-up days 28 September and 11 October count, the holiday does not.
func ExampleCalendar_WorkingDaysBetween() {
	cal := deadline.ChinaMainland()
	used, err := cal.WorkingDaysBetween(date.New(2025, 9, 26), date.New(2025, 10, 12))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("used", used, "of 20")
	// Output:
	// used 6 of 20
}

// A filing that cannot be received on a holiday counts on the next
// working day.
func ExampleCalendar_NextWorkingDay() {
	cal := deadline.ChinaMainland()
	for _, d := range []date.Date{date.New(2025, 9, 27), date.New(2025, 10, 3)} {
		next, err := cal.NextWorkingDay(d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d, "→", next, next.Weekday())
	}
	// Output:
	// 2025-09-27 → 2025-09-28 Sunday
	// 2025-10-03 → 2025-10-09 Thursday
}

// The last working day before the National Day week: when reminders of
// limits that fall in the week must go out.
func ExampleCalendar_PreviousWorkingDay() {
	prev, err := deadline.ChinaMainland().PreviousWorkingDay(date.New(2025, 10, 9))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(prev, prev.Weekday())
	// Output:
	// 2025-09-30 Tuesday
}

// Periods by 民法典 Art 200–204: calendar days and months from the day
// after the start, rolled off rest days (Art 203). Six months from 31
// August 2025 end on Saturday 28 February 2026, a make-up working day,
// which does not roll; working days never do.
func ExampleCalendar_End() {
	cal := deadline.ChinaMainland()
	for _, tc := range []struct {
		law   string
		start date.Date
		p     deadline.Period
	}{
		{"行政处罚法 Art 60, decision", date.New(2025, 7, 4), deadline.Period{N: 90, Unit: deadline.Days}},
		{"行政处罚法 Art 67 ¶3, payment", date.New(2026, 2, 6), deadline.Period{N: 15, Unit: deadline.Days}},
		{"行政诉讼法 Art 46 ¶1, suit", date.New(2025, 8, 31), deadline.Period{N: 6, Unit: deadline.Months}},
		{"行政许可法 Art 42 ¶1, decision", date.New(2025, 9, 26), deadline.Period{N: 20, Unit: deadline.WorkingDays}},
	} {
		end, err := cal.End(tc.start, tc.p, deadline.RollRestDays)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s + %s → %s", tc.law, tc.start, tc.p.Chinese(), end.Date)
		if end.Rolled() {
			fmt.Printf(" (rolled from %s)", end.Nominal)
		}
		fmt.Println()
	}
	// Output:
	// 行政处罚法 Art 60, decision: 2025-07-04 + 90日 → 2025-10-09 (rolled from 2025-10-02)
	// 行政处罚法 Art 67 ¶3, payment: 2026-02-06 + 15日 → 2026-02-24 (rolled from 2026-02-21)
	// 行政诉讼法 Art 46 ¶1, suit: 2025-08-31 + 6个月 → 2026-02-28
	// 行政许可法 Art 42 ¶1, decision: 2025-09-26 + 20个工作日 → 2025-10-30
}

// Whether an ordinary weekend is a 法定休假日 for 民法典 Art 203 is
// disputed: 15 days from Friday 14 February 2025 end on Saturday 1 March.
func ExampleCalendar_End_roll() {
	cal := deadline.ChinaMainland()
	p := deadline.Period{N: 15, Unit: deadline.Days}
	for _, r := range []deadline.Roll{deadline.RollRestDays, deadline.RollHolidays, deadline.RollNone} {
		end, err := cal.End(date.New(2025, 2, 14), p, r)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-9s %s %s\n", r, end.Date, end.Date.Weekday())
	}
	// Output:
	// rest_days 2025-03-03 Monday
	// holidays  2025-03-01 Saturday
	// none      2025-03-01 Saturday
}

// An agency that closes at 17:30 receives a filing made after closing
// time, or on a rest day, on its next working day.
func ExampleCalendar_Received() {
	cal := deadline.ChinaMainland()
	cst := deadline.ChinaStandardTime()
	office := deadline.OfficeHours{Close: clock.New(17, 30, 0, 0), Defer: true}
	for _, at := range []time.Time{
		time.Date(2025, 9, 30, 17, 0, 0, 0, cst),
		time.Date(2025, 9, 30, 17, 30, 0, 0, cst),
		time.Date(2025, 9, 27, 10, 0, 0, 0, cst),
	} {
		d, err := cal.Received(at, office)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(at.Format("2006-01-02 15:04 Mon"), "→", d)
	}
	// Without business hours a filing counts on the day it arrives.
	d, err := cal.Received(time.Date(2025, 9, 27, 10, 0, 0, 0, cst), deadline.OfficeHours{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("no business hours →", d)
	// Output:
	// 2025-09-30 17:00 Tue → 2025-09-30
	// 2025-09-30 17:30 Tue → 2025-10-09
	// 2025-09-27 10:00 Sat → 2025-09-28
	// no business hours → 2025-09-27
}

// With returns a new calendar and leaves the national one as it was.
func ExampleCalendar_With() {
	national := deadline.ChinaMainland()
	planning, err := national.With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		log.Fatal(err)
	}
	for _, cal := range []*deadline.Calendar{national, planning} {
		_, to := cal.Coverage()
		fmt.Println("covers through", to)
	}
	// Output:
	// covers through 2026-12-31
	// covers through 2027-12-31
}

// The coverage of a calendar extended past the published data, and which
// results rest on the weekly pattern alone.
func ExampleCalendar_Coverage() {
	cal, err := deadline.ChinaMainland().With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		log.Fatal(err)
	}
	from, to := cal.Coverage()
	pubFrom, pubTo := cal.Published()
	fmt.Println("coverage ", from, to)
	fmt.Println("published", pubFrom, pubTo)
	// A count inside the published data, and one that runs into 2027.
	fmt.Println(cal.Provisional(date.New(2026, 1, 30), date.New(2026, 3, 5)))
	fmt.Println(cal.Provisional(date.New(2026, 12, 18), date.New(2027, 1, 15)))
	// Output:
	// coverage  2007-01-01 2027-12-31
	// published 2007-01-01 2026-12-31
	// false
	// true
}

// A calendar as plain data, and rebuilt from it.
func ExampleCalendar_Spec() {
	spec := deadline.ChinaMainland().Spec()
	fmt.Println(spec.ID, spec.From, spec.To, spec.Weekend, len(spec.Arrangements), "arrangements")
	for _, a := range spec.Arrangements {
		if a.Year != 2026 {
			continue
		}
		for _, h := range a.Holidays {
			fmt.Printf("  %s: %d days off, %d make-up days\n", h.Name, len(h.Off), len(h.Work))
		}
	}
	again, err := deadline.New(spec)
	if err != nil {
		log.Fatal(err)
	}
	due, err := again.AddWorkingDays(date.New(2026, 2, 12), 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("rebuilt: 5 working days after 2026-02-12 →", due)
	// Output:
	// cn-mainland 2007-01-01 2026-12-31 [Sunday Saturday] 20 arrangements
	//   元旦: 3 days off, 1 make-up days
	//   春节: 9 days off, 2 make-up days
	//   清明节: 3 days off, 0 make-up days
	//   劳动节: 5 days off, 1 make-up days
	//   端午节: 3 days off, 0 make-up days
	//   中秋节: 3 days off, 0 make-up days
	//   国庆节: 7 days off, 2 make-up days
	// rebuilt: 5 working days after 2026-02-12 → 2026-02-26
}

// A calendar written in the JSON format, runs of days as ranges: an
// agency's closures, to be joined with the national calendar.
func ExampleCalendar_MarshalJSON() {
	cal, err := deadline.New(deadline.Spec{
		ID: "agency-closures", Name: "本局闭馆日",
		From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
		Arrangements: []deadline.Arrangement{{Year: 2025, Holidays: []deadline.Holiday{
			{Name: "办公场所搬迁闭馆", NameEN: "office move", Off: []date.Date{date.New(2025, 11, 3), date.New(2025, 11, 4), date.New(2025, 11, 5)}},
		}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.MarshalIndent(cal, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {
	//   "format": "xiaoneng-calendar/1",
	//   "id": "agency-closures",
	//   "name": "本局闭馆日",
	//   "coverage": {
	//     "from": "2025-01-01",
	//     "to": "2025-12-31"
	//   },
	//   "weekend": [],
	//   "arrangements": [
	//     {
	//       "year": 2025,
	//       "holidays": [
	//         {
	//           "name": "办公场所搬迁闭馆",
	//           "name_en": "office move",
	//           "off": [
	//             "2025-11-03/2025-11-05"
	//           ]
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// A calendar joined from others is published only as far as all of
// them are: a region's festivals published through 2027, joined with the
// national calendar extended past its data, are published through 2026.
func ExampleCalendar_Published() {
	region, err := deadline.New(deadline.Spec{
		ID: "xz-festivals", Name: "自治区民族节日",
		From: date.New(2025, 1, 1), To: date.New(2027, 12, 31),
	})
	if err != nil {
		log.Fatal(err)
	}
	national, err := deadline.ChinaMainland().With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		log.Fatal(err)
	}
	local, err := deadline.Join("cn-xz", national, region)
	if err != nil {
		log.Fatal(err)
	}
	from, to := local.Coverage()
	pubFrom, pubTo := local.Published()
	fmt.Println("coverage ", from, to)
	fmt.Println("published", pubFrom, pubTo)
	// Output:
	// coverage  2025-01-01 2027-12-31
	// published 2025-01-01 2026-12-31
}

// Licensing decisions (行政许可法 Art 42 ¶1) accepted late in 2026 fall due
// in 2027, whose holidays the State Council has not yet announced:
// counted on the weekly pattern, which takes New Year's Day for a working
// day, their due dates are provisional and are counted again once the
// notice is out.
func ExampleCalendar_Provisional() {
	cal, err := deadline.ChinaMainland().With(deadline.ExtendThrough(date.New(2027, 12, 31)))
	if err != nil {
		log.Fatal(err)
	}
	for _, accepted := range []date.Date{date.New(2026, 11, 20), date.New(2026, 12, 4)} {
		due, err := cal.AddWorkingDays(accepted, 20)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(accepted, "→", due, "provisional:", cal.Provisional(accepted, due))
	}
	// Output:
	// 2026-11-20 → 2026-12-18 provisional: false
	// 2026-12-04 → 2027-01-01 provisional: true
}

// A joined calendar keeps the ID it was given and names the calendars it
// was joined from.
func ExampleCalendar_Name() {
	closures, err := deadline.New(deadline.Spec{
		ID: "agency-closures", Name: "本局闭馆日", NameEN: "agency closures",
		From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
	})
	if err != nil {
		log.Fatal(err)
	}
	local, err := deadline.Join("cn-agency", deadline.ChinaMainland(), closures)
	if err != nil {
		log.Fatal(err)
	}
	zh, en := local.Name()
	fmt.Println(local.ID())
	fmt.Println(zh)
	fmt.Println(en)
	// Output:
	// cn-agency
	// 中国大陆工作日历 + 本局闭馆日
	// Mainland China working-day calendar + agency closures
}

// The weekly rest days, Sunday first. A calendar of closures, meant to
// be joined with the national one, has none of its own.
func ExampleCalendar_Weekend() {
	closures, err := deadline.New(deadline.Spec{
		ID: "agency-closures", From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(deadline.ChinaMainland().Weekend(), closures.Weekend())
	// Output:
	// [Sunday Saturday] []
}

// Joined with the national calendar, a calendar that does not count
// make-up working days (调休上班日) keeps its choice for its own days: the
// result counts make-up days, except the strict calendar's, which become
// weekend days.
func ExampleCalendar_CountsMakeUpDays() {
	strict, err := deadline.ChinaMainland().With(deadline.CountMakeUpDays(false))
	if err != nil {
		log.Fatal(err)
	}
	joined, err := deadline.Join("cn-joined", deadline.ChinaMainland(), strict)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range []struct {
		name string
		cal  *deadline.Calendar
	}{{"national", deadline.ChinaMainland()}, {"strict", strict}, {"joined", joined}} {
		day, err := c.cal.Day(date.New(2025, 9, 28))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-8s counts make-up days: %-5t 2025-09-28 %s, working %t\n", c.name, c.cal.CountsMakeUpDays(), day.Kind, day.Working)
	}
	// Output:
	// national counts make-up days: true  2025-09-28 makeup_workday, working true
	// strict   counts make-up days: false 2025-09-28 makeup_workday, working false
	// joined   counts make-up days: true  2025-09-28 weekend, working false
}

// The instant a last day ends: closing time where the agency keeps
// business hours, else 24:00 (民法典 Art 203 ¶2).
func ExampleOfficeHours_LastMoment() {
	last := date.New(2025, 10, 30)
	for _, h := range []deadline.OfficeHours{{Close: clock.New(17, 30, 0, 0)}, {}} {
		fmt.Println(h.LastMoment(last).Format(time.DateTime + " MST"))
	}
	// Output:
	// 2025-10-30 17:30:00 CST
	// 2025-10-31 00:00:00 CST
}

func ExamplePeriod_Validate() {
	for _, p := range []deadline.Period{
		{N: 20, Unit: deadline.WorkingDays},
		{N: -5, Unit: deadline.Days},
		{N: 5},
	} {
		fmt.Printf("%v: %v\n", p, p.Validate())
	}
	// Output:
	// 20 working days: <nil>
	// -5 days: deadline: Validate: invalid period: period of -5 days is negative
	// 5 unknown: deadline: Validate: invalid period: period 5 has no known unit
}

func ExamplePeriod_String() {
	fmt.Println(deadline.Period{N: 20, Unit: deadline.WorkingDays})
	fmt.Println(deadline.Period{N: 6, Unit: deadline.Months})
	// Output:
	// 20 working days
	// 6 months
}

func ExamplePeriod_Chinese() {
	fmt.Println(deadline.Period{N: 20, Unit: deadline.WorkingDays}.Chinese())
	fmt.Println(deadline.Period{N: 90, Unit: deadline.Days}.Chinese())
	fmt.Println(deadline.Period{N: 6, Unit: deadline.Months}.Chinese())
	// Output:
	// 20个工作日
	// 90日
	// 6个月
}

// A promised limit (承诺时限) shorter than the statutory one: a county
// promises licensing decisions in 10 working days. The second rule is
// incomplete, and Validate names every problem.
func ExampleRule_Validate() {
	promised := deadline.Rule{
		ID: "county-licensing-promise", Name: "承诺办结时限",
		Period:     deadline.Period{N: 10, Unit: deadline.WorkingDays},
		Exclusions: []deadline.Allowance{{Cause: deadline.CauseExpertReview, Citation: xiaoneng.Cite(xiaoneng.LicensingLaw, 45)}},
		Citations:  []xiaoneng.Citation{xiaoneng.Cite(xiaoneng.LicensingLaw, 42, 1), xiaoneng.Cite(xiaoneng.LicensingLaw, 82)},
	}
	fmt.Println(promised.Validate())

	broken := promised
	broken.ID = ""
	broken.Extension = deadline.Extension{Max: 5}
	broken.Citations = nil
	fmt.Println(broken.Validate())
	// Output:
	// <nil>
	// deadline: Validate: id: invalid rule: the rule has no id
	// deadline: Validate: extension.approver: invalid rule: an extension needs an approver
	// deadline: Validate: extension.citation: invalid rule: an extension needs the provision that allows it
	// deadline: Validate: citations: invalid rule: the rule cites no provision
}

// 行政许可法 Art 45: while samples are tested the count stops, and the
// due date is open until the count resumes.
func ExampleClock_Suspend() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	started, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	c, err := started.Suspend(date.New(2025, 10, 13), deadline.CauseTesting, "样品送检")
	if err != nil {
		log.Fatal(err)
	}
	st, err := c.Status(cal, date.New(2025, 10, 20))
	if err != nil {
		log.Fatal(err)
	}
	// The due date is zero while it depends on when the count resumes.
	fmt.Printf("paused %t, due known %t, used %d, left %d\n", st.Paused, st.Due != 0, st.Elapsed, st.Remaining)

	// Only the causes of Art 45 suspend the count: supplementing
	// materials is not one of them.
	_, err = started.Suspend(date.New(2025, 10, 13), deadline.CauseCorrection, "补正材料")
	fmt.Println(err)
	// Output:
	// paused true, due known false, used 6, left 14
	// deadline: Suspend: ledger[0]: 2025-10-13: ledger entry refused: rule licensing-decision does not exclude time for correction of materials (补正)
}

// The test report arrives on Friday 24 October: that is the last day
// not counted, and the count goes on on Monday.
func ExampleClock_Resume() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Suspend(date.New(2025, 10, 13), deadline.CauseTesting, "样品送检")
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Resume(date.New(2025, 10, 24))
	if err != nil {
		log.Fatal(err)
	}
	due, err := c.Due(cal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("due", due)
	// Output:
	// due 2025-11-13
}

// 行政许可法 Art 45: expert review from 13 to 17 October 2025 is not
// counted, so the decision due on 30 October is due on 6 November.
func ExampleClock_Exclude() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	before, err := c.Due(cal)
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Exclude(date.New(2025, 10, 13), date.New(2025, 10, 17), deadline.CauseExpertReview, "组织专家评审")
	if err != nil {
		log.Fatal(err)
	}
	after, err := c.Due(cal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(before, "→", after)
	// Output:
	// 2025-10-30 → 2025-11-06
}

// 政府信息公开条例 Art 30: a request received on 3 March 2025 is unclear;
// the requester's correction arrives on 20 March, and the 20 working days
// of Art 33 ¶2 count again from then.
func ExampleClock_Restart() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleDisclosureReply)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 3, 3))
	if err != nil {
		log.Fatal(err)
	}
	before, err := c.Due(cal)
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Restart(date.New(2025, 3, 20), deadline.CauseCorrection, "收到补正后的申请")
	if err != nil {
		log.Fatal(err)
	}
	st, err := c.Status(cal, date.New(2025, 3, 20))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("due", before, "→ counted from", st.Started, "due", st.Due)
	// Output:
	// due 2025-03-31 → counted from 2025-03-20 due 2025-04-18
}

// 行政许可法 Art 42 ¶1: the agency head may extend the 20 working days by
// ten, once, before they run out.
func ExampleClock_Extend() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	// Refused: the cap of Art 42 ¶1 is ten working days.
	_, err = c.Extend(cal, date.New(2025, 10, 28), 15, "局长", "需现场核查")
	fmt.Println(errors.Is(err, deadline.ErrExtensionRefused), err)
	// Refused: the period ended on 30 October.
	_, err = c.Extend(cal, date.New(2025, 10, 31), 10, "局长", "需现场核查")
	fmt.Println(errors.Is(err, deadline.ErrExtensionRefused), err)

	c, err = c.Extend(cal, date.New(2025, 10, 28), 10, "局长", "需现场核查")
	if err != nil {
		log.Fatal(err)
	}
	st, err := c.Status(cal, date.New(2025, 10, 28))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("due %s, limit %d (%d extended)\n", st.Due, st.Limit, st.Extended)
	// Output:
	// true deadline: Extend: ledger[0]: 2025-10-28: extension refused: rule licensing-decision allows at most 10 working days in all, 0 already granted
	// true deadline: Extend: ledger[0]: 2025-10-31: extension refused: granted on 2025-10-31, after the period ended on 2025-10-30
	// due 2025-11-13, limit 30 (10 extended)
}

// 信访工作条例 Art 34: a petition handled within 60 days. Stopped on 12
// September it was in time; stopped on 3 October it would have been
// three days late.
func ExampleClock_Stop() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RulePetitionHandling)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 8, 1))
	if err != nil {
		log.Fatal(err)
	}
	for _, on := range []date.Date{date.New(2025, 9, 12), date.New(2025, 10, 3)} {
		done, err := c.Stop(on, "出具处理意见书")
		if err != nil {
			log.Fatal(err)
		}
		st, err := done.Status(cal, date.New(2025, 12, 31))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("stopped %s, due %s: late %t, overdue %d, %s\n",
			st.StoppedOn, st.Due, st.Late(), st.Overdue, st.Level(deadline.DefaultPolicy()))
	}
	// Output:
	// stopped 2025-09-12, due 2025-09-30: late false, overdue 0, green
	// stopped 2025-10-03, due 2025-09-30: late true, overdue 3, red
}

// A ledger kept elsewhere (a case file, a database) replayed entry by
// entry: 政府信息公开条例 Art 33, a reply whose third-party consultation is
// not counted (¶3) and whose limit is extended by 20 working days (¶2).
func ExampleClock_Apply() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleDisclosureReply)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2026, 1, 30))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range []deadline.Entry{
		{Kind: deadline.EntrySuspend, On: date.New(2026, 2, 2), Cause: deadline.CauseConsultation, Reason: "征求第三方意见"},
		{Kind: deadline.EntryResume, On: date.New(2026, 2, 13)},
		{Kind: deadline.EntryExtend, On: date.New(2026, 3, 2), Units: 20, Approver: "公开办主任", Reason: "涉及多个部门"},
	} {
		if c, err = c.Apply(cal, e); err != nil {
			log.Fatal(err)
		}
		due, err := c.Due(cal)
		if err != nil {
			log.Fatal(err)
		}
		if due == 0 {
			fmt.Println(e.On, e.Kind, "due date open")
			continue
		}
		fmt.Println(e.On, e.Kind, "due", due)
	}
	// Output:
	// 2026-02-02 suspend due date open
	// 2026-02-13 resume due 2026-03-19
	// 2026-03-02 extend due 2026-04-17
}

// 行政处罚法 Art 60: a penalty decision within 90 days of filing on 4 July
// 2025. The 90th day, 2 October, falls in the National Day week and the
// limit rolls to 9 October (民法典 Art 203).
func ExampleClock_Status() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RulePenaltyDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 7, 4))
	if err != nil {
		log.Fatal(err)
	}
	for _, asOf := range []date.Date{date.New(2025, 9, 1), date.New(2025, 10, 5), date.New(2025, 10, 10)} {
		st, err := c.Status(cal, asOf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: due %s, elapsed %d, remaining %d, overdue %d\n",
			asOf, st.Due, st.Elapsed, st.Remaining, st.Overdue)
	}
	// Output:
	// 2025-09-01: due 2025-10-09, elapsed 59, remaining 38, overdue 0
	// 2025-10-05: due 2025-10-09, elapsed 93, remaining 4, overdue 0
	// 2025-10-10: due 2025-10-09, elapsed 98, remaining 0, overdue 1
}

// A clock answers questions about its rule without copying it: its ID,
// names, period and provision.
func ExampleClock_RuleName() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	zh, en := c.RuleName()
	fmt.Println(c.RuleID(), zh, en)
	fmt.Println(c.Period(), c.Citation())
	// Output:
	// licensing-decision 作出行政许可决定 licensing decision
	// 20 working days 《行政许可法》第四十二条第一款
}

// 行政强制法 Art 25: goods seized on 3 March 2025 for 30 days; the ten
// days of testing are not counted (¶3). The 30th day, Saturday 12 April,
// rolls to Monday (民法典 Art 203).
func ExampleClock_Due() {
	rule, err := deadline.LookupRule(deadline.RuleCompulsionSeizure)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 3, 3))
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Exclude(date.New(2025, 3, 10), date.New(2025, 3, 19), deadline.CauseTesting, "检测")
	if err != nil {
		log.Fatal(err)
	}
	due, err := c.Due(deadline.ChinaMainland())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("seizure ends", due, due.Weekday())
	// Output:
	// seizure ends 2025-04-14 Monday
}

// 行政许可法 Art 32 ¶1(4): five working days from receipt on Friday 24
// January 2025 to tell the applicant everything to supplement, across
// the Spring Festival.
func ExampleClock_Explain() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingCorrectionNotice)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 1, 24))
	if err != nil {
		log.Fatal(err)
	}
	ex, err := c.Explain(cal, date.New(2025, 1, 24))
	if err != nil {
		log.Fatal(err)
	}
	for _, day := range ex.Days {
		n := "-"
		if day.Counted {
			n = fmt.Sprint(day.N)
		}
		fmt.Printf("%s %.3s %s %s\n", day.Date, day.Date.Weekday(), n, day.Note.Chinese())
	}
	// Output:
	// 2025-01-25 Sat - 休息日，不计入
	// 2025-01-26 Sun 1 调休上班日，计入
	// 2025-01-27 Mon 2 计入
	// 2025-01-28 Tue - 节假日，不计入
	// 2025-01-29 Wed - 节假日，不计入
	// 2025-01-30 Thu - 节假日，不计入
	// 2025-01-31 Fri - 节假日，不计入
	// 2025-02-01 Sat - 节假日，不计入
	// 2025-02-02 Sun - 节假日，不计入
	// 2025-02-03 Mon - 节假日，不计入
	// 2025-02-04 Tue - 节假日，不计入
	// 2025-02-05 Wed 3 计入
	// 2025-02-06 Thu 4 计入
	// 2025-02-07 Fri 5 计入
}

// A clock is a value: built by different routes to the same ledger, or
// read back from JSON, it is equal.
func ExampleClock_Equal() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	start, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	a, err := start.Exclude(date.New(2025, 10, 13), date.New(2025, 10, 17), deadline.CauseExpertReview, "专家评审")
	if err != nil {
		log.Fatal(err)
	}
	b, err := start.Suspend(date.New(2025, 10, 13), deadline.CauseExpertReview, "专家评审")
	if err != nil {
		log.Fatal(err)
	}
	b, err = b.Resume(date.New(2025, 10, 17))
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.Marshal(a)
	if err != nil {
		log.Fatal(err)
	}
	var stored deadline.Clock
	if err := json.Unmarshal(data, &stored); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Equal(b), a.Equal(stored), a.Equal(start))
	// Output:
	// true true false
}

// 行政处罚法 Art 67 ¶3: a fine paid on time, as stored.
func ExampleClock_MarshalJSON() {
	rule, err := deadline.LookupRule(deadline.RulePenaltyPayment)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2026, 2, 6))
	if err != nil {
		log.Fatal(err)
	}
	c, err = c.Stop(date.New(2026, 2, 24), "罚款已缴纳")
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {"rule":{"id":"penalty-payment","name":"缴纳罚款","name_en":"pay the fine","period":{"n":15,"unit":"days"},"citations":[{"law":"行政处罚法","article":67,"paragraph":3},{"law":"民法典","article":203}]},"start":"2026-02-06","ledger":[{"kind":"stop","on":"2026-02-24","reason":"罚款已缴纳"}]}
}

// A clock read back from storage is checked entry by entry: a ledger that
// the methods would have refused is refused.
func ExampleClock_UnmarshalJSON() {
	const stored = `{
	  "rule": {"id": "county-licensing-promise", "name": "承诺办结时限",
	           "period": {"n": 10, "unit": "working_days"},
	           "citations": [{"law": "行政许可法", "article": 42, "paragraph": 1}]},
	  "start": "2025-09-26",
	  "ledger": [{"kind": "stop", "on": "2025-10-10", "reason": "准予许可"}]}`
	var c deadline.Clock
	if err := json.Unmarshal([]byte(stored), &c); err != nil {
		log.Fatal(err)
	}
	st, err := c.Status(deadline.ChinaMainland(), date.New(2025, 10, 10))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Rule().Name, "due", st.Due, "stopped", st.StoppedOn, st.Level(deadline.DefaultPolicy()))

	// The rule has no exclusions, so a suspension is refused.
	const tampered = `{
	  "rule": {"id": "county-licensing-promise", "name": "承诺办结时限",
	           "period": {"n": 10, "unit": "working_days"},
	           "citations": [{"law": "行政许可法", "article": 42, "paragraph": 1}]},
	  "start": "2025-09-26",
	  "ledger": [{"kind": "suspend", "on": "2025-10-09", "cause": "expert_review"}]}`
	var t deadline.Clock
	err = json.Unmarshal([]byte(tampered), &t)
	fmt.Println(errors.Is(err, deadline.ErrEntryRefused), t.IsZero())
	fmt.Println(err)
	// Output:
	// 承诺办结时限 due 2025-10-16 stopped 2025-10-10 green
	// true true
	// deadline: UnmarshalJSON: ledger[0]: 2025-10-09: ledger entry refused: rule county-licensing-promise does not exclude time for expert review (专家评审)
}

// The ledger of a licensing decision (行政许可法 Art 42 ¶1): expert review
// not counted (Art 45), recorded as a suspension and its resumption, and
// ten working days' extension approved by the agency head.
func ExampleClock_Ledger() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	c, _ := deadline.Start(rule, date.New(2025, 9, 26))
	c, _ = c.Exclude(date.New(2025, 10, 13), date.New(2025, 10, 17), deadline.CauseExpertReview, "组织专家评审")
	c, _ = c.Extend(cal, date.New(2025, 10, 28), 10, "局长", "需现场核查")
	for _, e := range c.Ledger() {
		data, _ := json.Marshal(e)
		fmt.Println(e.Kind.Chinese(), string(data))
	}
	// Output:
	// 中止计算 {"kind":"suspend","on":"2025-10-13","cause":"expert_review","reason":"组织专家评审"}
	// 恢复计算 {"kind":"resume","on":"2025-10-17"}
	// 延长 {"kind":"extend","on":"2025-10-28","units":10,"approver":"局长","reason":"需现场核查"}
}

// A restart counts the limit again (政府信息公开条例 Art 30: from receipt
// of the corrected request), but the clock was still first started on
// the day the request came in.
func ExampleClock_Started() {
	rule, _ := deadline.LookupRule(deadline.RuleDisclosureReply)
	c, _ := deadline.Start(rule, date.New(2025, 3, 3))
	c, _ = c.Restart(date.New(2025, 3, 20), deadline.CauseCorrection, "收到补正后的申请")
	st, _ := c.Status(deadline.ChinaMainland(), date.New(2025, 3, 20))
	fmt.Println("started", c.Started(), "counted from", st.Started)
	// Output:
	// started 2025-03-03 counted from 2025-03-20
}

// 行政处罚法 Art 67 ¶3: once the fine is paid the clock stops, and a
// stopped clock takes no more entries.
func ExampleClock_Stopped() {
	rule, _ := deadline.LookupRule(deadline.RulePenaltyPayment)
	c, _ := deadline.Start(rule, date.New(2026, 2, 6))
	fmt.Println(c.Stopped())
	c, _ = c.Stop(date.New(2026, 2, 24), "罚款已缴纳")
	fmt.Println(c.Stopped())
	_, err := c.Stop(date.New(2026, 2, 25), "重复登记")
	fmt.Println(errors.Is(err, deadline.ErrClockStopped), err)
	// Output:
	// false
	// true
	// true deadline: Stop: ledger[1]: 2026-02-25: clock stopped: the clock stopped on 2026-02-24
}

// Period is the rule's limit before any extension; the status counts
// the extension in. 行政许可法 Art 42 ¶1: 20 working days, plus ten.
func ExampleClock_Period() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	c, _ := deadline.Start(rule, date.New(2025, 9, 26))
	c, _ = c.Extend(cal, date.New(2025, 10, 28), 10, "局长", "需现场核查")
	st, _ := c.Status(cal, date.New(2025, 10, 28))
	fmt.Println(c.Period(), "→", st.Limit, st.Unit.English())
	// Output:
	// 20 working days → 30 working days
}

// The whole rule of a clock, for a notice that states the basis: 行政强制法
// Art 25 limits a seizure to 30 days, which the agency head may extend by
// 30 (¶1), and leaves the time of testing, inspection, quarantine and
// appraisal out of it (¶3).
func ExampleClock_Rule() {
	rule, _ := deadline.LookupRule(deadline.RuleCompulsionSeizure)
	c, _ := deadline.Start(rule, date.New(2025, 3, 3))
	r := c.Rule()
	fmt.Println(r.Name, r.Period.Chinese(), r.Citations)
	fmt.Println("延长:", r.Extension.Max, r.Extension.Approver, r.Extension.Citation)
	for _, a := range r.Exclusions {
		fmt.Println("不计入:", a.Cause.Chinese(), a.Citation)
	}
	// Output:
	// 查封、扣押期限 30日 [《行政强制法》第二十五条第一款 《行政强制法》第六十九条]
	// 延长: 30 行政机关负责人 《行政强制法》第二十五条第一款
	// 不计入: 检测 《行政强制法》第二十五条第三款
	// 不计入: 检验 《行政强制法》第二十五条第三款
	// 不计入: 检疫 《行政强制法》第二十五条第三款
	// 不计入: 鉴定 《行政强制法》第二十五条第三款
}

// The zero Clock was never started: it answers no question.
func ExampleClock_IsZero() {
	var c deadline.Clock
	_, err := c.Status(deadline.ChinaMainland(), date.New(2025, 10, 1))
	fmt.Println(c.IsZero(), err)

	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	c, _ = deadline.Start(rule, date.New(2025, 9, 26))
	fmt.Println(c.IsZero())
	// Output:
	// true deadline: Status: 2025-10-01: ledger entry refused: the clock was never started
	// false
}

// The warning light of a licensing decision (行政许可法 Art 42 ¶1)
// accepted on 26 September 2025 and due on 30 October, as the days go by.
func ExampleStatus_Level() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	for _, asOf := range []date.Date{date.New(2025, 10, 20), date.New(2025, 10, 27), date.New(2025, 10, 30), date.New(2025, 10, 31)} {
		st, err := c.Status(cal, asOf)
		if err != nil {
			log.Fatal(err)
		}
		l := st.Level(deadline.DefaultPolicy())
		fmt.Printf("%s: %2d used, %2d left, %d overdue: %s %s\n", asOf, st.Elapsed, st.Remaining, st.Overdue, l, l.Chinese())
	}
	// Output:
	// 2025-10-20: 12 used,  8 left, 0 overdue: green 绿灯
	// 2025-10-27: 17 used,  3 left, 0 overdue: yellow 黄灯
	// 2025-10-30: 20 used,  0 left, 0 overdue: yellow 黄灯
	// 2025-10-31: 21 used,  0 left, 1 overdue: red 红灯
}

// A penalty decision is due 90 calendar days after filing (行政处罚法
// Art 60): filed on 19 August 2025, on Monday 17 November. The warning
// light counts the working days left, so that the reminder comes one
// working day ahead, on the Friday, and not on the Sunday.
func ExampleStatus_workingDaysLeft() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RulePenaltyDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 8, 19))
	if err != nil {
		log.Fatal(err)
	}
	oneDayAhead := deadline.Policy{YellowRemaining: 1}
	for asOf := date.New(2025, 11, 13); asOf <= date.New(2025, 11, 17); asOf++ {
		st, err := c.Status(cal, asOf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s: %d days left, %d of them working days: %s\n",
			asOf, asOf.Weekday().String()[:3], st.Remaining, st.WorkingDaysLeft, st.Level(oneDayAhead).Chinese())
	}
	// Output:
	// 2025-11-13 Thu: 4 days left, 2 of them working days: 绿灯
	// 2025-11-14 Fri: 3 days left, 1 of them working days: 黄灯
	// 2025-11-15 Sat: 2 days left, 1 of them working days: 黄灯
	// 2025-11-16 Sun: 1 days left, 1 of them working days: 黄灯
	// 2025-11-17 Mon: 0 days left, 0 of them working days: 黄灯
}

// A renewal applied for on 20 December 2025 must be decided before the
// licence expires on 20 February 2026 (行政许可法 Art 50): a limit of
// days that does not roll, counted without the calendar. On a calendar
// of 2025 alone, the working days left in 2026 are not known: on 29
// December two of 2025 are still to come, and the light is green
// whatever January holds; on 31 December none is, and it turns on the
// next notice.
func ExampleStatus_KnownLevel() {
	cal2025, err := deadline.New(deadline.Spec{ID: "2025", From: date.New(2025, 1, 1), To: date.New(2025, 12, 31),
		Weekend: []time.Weekday{time.Saturday, time.Sunday}})
	if err != nil {
		log.Fatal(err)
	}
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	tmpl, err := deadline.NewTemplate(rule)
	if err != nil {
		log.Fatal(err)
	}
	term, err := tmpl.Term(62)
	if err != nil {
		log.Fatal(err)
	}
	c, err := term.Start(date.New(2025, 12, 20))
	if err != nil {
		log.Fatal(err)
	}
	oneDayAhead := deadline.Policy{YellowRemaining: 1}
	for _, asOf := range []date.Date{date.New(2025, 12, 29), date.New(2025, 12, 31)} {
		st, err := c.Status(cal2025, asOf)
		if err != nil {
			log.Fatal(err)
		}
		l, err := st.KnownLevel(oneDayAhead)
		fmt.Printf("%s: %d days left, at least %d working days (known %t): %s, light known %t\n",
			asOf, st.Remaining, st.WorkingDaysLeft, st.WorkingDaysKnown, l, err == nil)
	}
	// Output:
	// 2025-12-29: 53 days left, at least 2 working days (known false): green, light known true
	// 2025-12-31: 51 days left, at least 0 working days (known false): green, light known false
}

// A licensing decision (行政许可法 Art 42 ¶1) accepted on 26 September
// 2025 is due on 30 October: still in time that day, late the next. A
// clock stopped on the due day stays in time however late it is asked.
func ExampleStatus_Late() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	c, _ := deadline.Start(rule, date.New(2025, 9, 26))
	for _, asOf := range []date.Date{date.New(2025, 10, 30), date.New(2025, 10, 31)} {
		st, _ := c.Status(cal, asOf)
		fmt.Println("running, as of", asOf, "late:", st.Late())
	}
	done, _ := c.Stop(date.New(2025, 10, 30), "准予许可")
	st, _ := done.Status(cal, date.New(2025, 12, 31))
	fmt.Println("stopped on", st.StoppedOn, "late:", st.Late())
	// Output:
	// running, as of 2025-10-30 late: false
	// running, as of 2025-10-31 late: true
	// stopped on 2025-10-30 late: false
}

// 行政强制法 Art 25 ¶3: the days goods are tested are not counted in the
// 30 days of a seizure. While the testing lasts, the due date is not
// known: Due is the zero date, which prints as 0001-01-01. Resumed, the
// limit ends on Saturday 12 April and runs on to Monday (民法典 Art 203).
func ExampleStatus_HasDue() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleCompulsionSeizure)
	c, _ := deadline.Start(rule, date.New(2025, 3, 3))
	c, _ = c.Suspend(date.New(2025, 3, 10), deadline.CauseTesting, "检测")
	st, _ := c.Status(cal, date.New(2025, 3, 15))
	fmt.Println("testing:", st.HasDue(), st.Due)
	c, _ = c.Resume(date.New(2025, 3, 19))
	st, _ = c.Status(cal, date.New(2025, 3, 20))
	fmt.Println("tested:", st.HasDue(), st.Due)
	// Output:
	// testing: false 0001-01-01
	// tested: true 2025-04-14
}

// 行政处罚法 Art 60: the explanation of a decision one day late, for the
// supervision record.
func ExampleExplanation_String() {
	rule, err := deadline.LookupRule(deadline.RulePenaltyDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 7, 4))
	if err != nil {
		log.Fatal(err)
	}
	ex, err := c.Explain(deadline.ChinaMainland(), date.New(2025, 10, 10))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(ex.String())
	// Output:
	// 期限 Rule: 作出行政处罚决定 penalty decision (penalty-decision) — 90日 / 90 days
	// 依据 Basis: 《行政处罚法》第六十条；《民法典》第二百零三条
	// 起算 Start: 2025-07-04（当日不计入 / start day not counted）
	// 届满 Due: 2025-10-09 星期四
	//   2025-10-03–2025-10-08  休息日，期间顺延至下一工作日 / rest day, the period runs on to the next working day：国庆节、中秋节 / National Day and Mid-Autumn Festival
	// 超期 Overdue: 1
}

// The days a five-working-day notice (行政许可法 Art 32 ¶1(4)) from
// Friday 24 January 2025 passed over.
func ExampleExplanation_Skipped() {
	rule, err := deadline.LookupRule(deadline.RuleLicensingCorrectionNotice)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 1, 24))
	if err != nil {
		log.Fatal(err)
	}
	ex, err := c.Explain(deadline.ChinaMainland(), date.New(2025, 1, 24))
	if err != nil {
		log.Fatal(err)
	}
	for _, day := range ex.Skipped() {
		fmt.Printf("%s %.3s %s", day.Date, day.Date.Weekday(), day.Kind.Chinese())
		if day.Name != "" {
			fmt.Print(" ", day.Name)
		}
		fmt.Println()
	}
	// Output:
	// 2025-01-25 Sat 休息日
	// 2025-01-28 Tue 节假日 春节
	// 2025-01-29 Wed 节假日 春节
	// 2025-01-30 Thu 节假日 春节
	// 2025-01-31 Fri 节假日 春节
	// 2025-02-01 Sat 节假日 春节
	// 2025-02-02 Sun 节假日 春节
	// 2025-02-03 Mon 节假日 春节
	// 2025-02-04 Tue 节假日 春节
}

// A date outside the calendar is an error, never a guess: branch on the
// sentinel with errors.Is, read the details with errors.As.
func ExampleError() {
	_, err := deadline.ChinaMainland().AddWorkingDays(date.New(2026, 12, 18), 20)
	fmt.Println(errors.Is(err, deadline.ErrOutOfCoverage))
	var e *deadline.Error
	if errors.As(err, &e) {
		fmt.Println("op:", e.Op)
		fmt.Println("date:", e.Date)
		fmt.Println("detail:", e.Detail)
	}
	fmt.Println(err)
	// Output:
	// true
	// op: AddWorkingDays
	// date: 2026-12-18
	// detail: counting 20 working days runs past the coverage of cn-mainland, 2007-01-01 to 2026-12-31
	// deadline: AddWorkingDays: 2026-12-18: date outside the calendar's coverage: counting 20 working days runs past the coverage of cn-mainland, 2007-01-01 to 2026-12-31
}

// 行政许可法 Art 42 ¶1 for every application of a busy window: the rule is
// validated once, and each clock starts from the template.
func ExampleNewTemplate() {
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	tmpl, err := deadline.NewTemplate(rule)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, accepted := range []date.Date{date.New(2025, 9, 26), date.New(2025, 9, 29)} {
		clk, _ := tmpl.Start(accepted)
		due, _ := clk.Due(deadline.ChinaMainland())
		fmt.Println(accepted, "→", due)
	}
	// Output:
	// 2025-09-26 → 2025-10-30
	// 2025-09-29 → 2025-11-03
}

// 行政许可法 Art 50 ¶2: the agency decides on a renewal before the licence
// expires on 10 September 2026; applied for on 10 August, the decision
// clock runs a fixed term of 31 days that never rolls.
func ExampleTemplate_Term() {
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	tmpl, _ := deadline.NewTemplate(rule)
	term, err := tmpl.Term(31)
	if err != nil {
		fmt.Println(err)
		return
	}
	clk, _ := term.Start(date.New(2026, 8, 10))
	due, _ := clk.Due(deadline.ChinaMainland())
	fmt.Println("decide by", due)
	// Output:
	// decide by 2026-09-10
}

// 行政处罚法 Art 64 ¶1(1): a party asks for a hearing within five days of
// being told of the right, working days by Art 85. Told on Tuesday 30
// September 2025, before the National Day week, the party has until 14
// October, the make-up Saturday of 11 October counted. The zero Template
// starts nothing.
func ExampleTemplate_Start() {
	rule, _ := deadline.LookupRule(deadline.RulePenaltyHearingRequest)
	tmpl, _ := deadline.NewTemplate(rule)
	clk, err := tmpl.Start(date.New(2025, 9, 30))
	if err != nil {
		fmt.Println(err)
		return
	}
	due, _ := clk.Due(deadline.ChinaMainland())
	fmt.Println("request a hearing by", due, due.Weekday())

	_, err = deadline.Template{}.Start(date.New(2025, 9, 30))
	fmt.Println(err)
	// Output:
	// request a hearing by 2025-10-14 Tuesday
	// deadline: Start: 2025-09-30: invalid rule: the template has no rule
}

// The rule a template runs on, as a copy: the licensing decision of
// 行政许可法 Art 42 ¶1, and the fixed term made from it for a renewal
// decision (Art 50 ¶2), in calendar days that never roll and cannot be
// extended, with the provisions kept.
func ExampleTemplate_Rule() {
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	tmpl, _ := deadline.NewTemplate(rule)
	term, _ := tmpl.Term(31)
	for _, t := range []deadline.Template{tmpl, term} {
		r := t.Rule()
		fmt.Printf("%s, extension up to %d: %s\n", r.Period, r.Extension.Max, r.Citation())
	}
	// Output:
	// 20 working days, extension up to 10: 《行政许可法》第四十二条第一款
	// 31 days, extension up to 0: 《行政许可法》第四十二条第一款
}

func ExampleClock_LastDay() {
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	clk, _ := deadline.Start(rule, date.New(2025, 9, 26))
	clk, _ = clk.Suspend(date.New(2025, 10, 13), deadline.CauseTesting, "送检")
	st, _ := clk.Status(deadline.ChinaMainland(), clk.LastDay())
	fmt.Println(clk.LastDay(), "due known:", st.HasDue(), "remaining:", st.Remaining)
	// Output:
	// 2025-10-13 due known: false remaining: 14
}

// A licensing decision clock of 20 working days started on 26 September
// 2025 cannot fall due before 16 October, whatever happens to it: a
// decision on 10 October needs no calendar to be on time. The real due
// day, across the National Day holiday, is later.
func ExampleClock_EarliestDue() {
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	clk, _ := deadline.Start(rule, date.New(2025, 9, 26))
	due, _ := clk.Due(deadline.ChinaMainland())
	fmt.Println("earliest", clk.EarliestDue(), "due", due)
	clk, _ = clk.Stop(date.New(2025, 10, 10), "准予许可")
	fmt.Println("stopped early:", clk.StoppedEarly())
	// Output:
	// earliest 2025-10-16 due 2025-10-30
	// stopped early: true
}

// A scan of closed penalty cases (行政处罚法 Art 60, 90 days from filing on
// 4 July 2025) skips those decided so early that no calendar could make
// them late. The others need a status: the 90th day, 2 October, falls in
// the National Day week, so a decision on 9 October is still in time
// (民法典 Art 203).
func ExampleClock_StoppedEarly() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RulePenaltyDecision)
	c, _ := deadline.Start(rule, date.New(2025, 7, 4))
	for _, on := range []date.Date{date.New(2025, 8, 15), date.New(2025, 10, 9), date.New(2025, 10, 10)} {
		done, _ := c.Stop(on, "作出处罚决定")
		if done.StoppedEarly() {
			fmt.Println(on, "stopped early")
			continue
		}
		st, _ := done.Status(cal, on)
		fmt.Println(on, "late:", st.Late())
	}
	// Output:
	// 2025-08-15 stopped early
	// 2025-10-09 late: false
	// 2025-10-10 late: true
}

// A builder replays a stored ledger in place, and the clock it returns
// after each entry stays as it was while the builder goes on.
func ExampleClockBuilder() {
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(rule, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	var b deadline.ClockBuilder
	b.Reset(c)
	var seen []deadline.Clock
	for _, e := range []deadline.Entry{
		{Kind: deadline.EntrySuspend, On: date.New(2025, 10, 13), Cause: deadline.CauseExpertReview, Reason: "专家评审"},
		{Kind: deadline.EntryResume, On: date.New(2025, 10, 17)},
		{Kind: deadline.EntryExtend, On: date.New(2025, 10, 28), Units: 10, Approver: "局长", Reason: "需现场核查"},
		{Kind: deadline.EntryStop, On: date.New(2025, 11, 10), Reason: "准予许可"},
	} {
		if err := b.Apply(cal, e); err != nil {
			log.Fatal(err)
		}
		seen = append(seen, b.Clock())
	}
	for _, c := range seen {
		st, err := c.Status(cal, date.New(2025, 11, 10))
		if err != nil {
			log.Fatal(err)
		}
		if st.Due == 0 {
			fmt.Println(len(c.Ledger()), "entries: paused, due date open")
			continue
		}
		fmt.Println(len(c.Ledger()), "entries: due", st.Due, "stopped", st.Stopped)
	}
	// A refused entry changes nothing.
	err = b.Apply(cal, deadline.Entry{Kind: deadline.EntryResume, On: date.New(2025, 11, 11)})
	fmt.Println(err)
	fmt.Println(len(b.Clock().Ledger()), "entries")
	// Output:
	// 1 entries: paused, due date open
	// 2 entries: due 2025-11-06 stopped false
	// 3 entries: due 2025-11-20 stopped false
	// 4 entries: due 2025-11-20 stopped true
	// deadline: Resume: ledger[4]: 2025-11-11: clock stopped: the clock stopped on 2025-11-10
	// 4 entries
}

// One builder takes the entries of a case's clocks as its events come, in
// any order: ApplyTo builds each clock where the case keeps it, its
// ledger going on in the builder's buffer.
func ExampleClockBuilder_ApplyTo() {
	cal := deadline.ChinaMainland()
	start := func(id string, on date.Date) deadline.Clock {
		r, err := deadline.LookupRule(id)
		if err != nil {
			log.Fatal(err)
		}
		c, err := deadline.Start(r, on)
		if err != nil {
			log.Fatal(err)
		}
		return c
	}
	clocks := []deadline.Clock{
		start(deadline.RuleLicensingDecision, date.New(2025, 9, 26)),
		start(deadline.RuleDisclosureReply, date.New(2025, 9, 26)),
	}
	var b deadline.ClockBuilder
	for _, x := range []struct {
		clock int
		entry deadline.Entry
	}{
		{0, deadline.Entry{Kind: deadline.EntrySuspend, On: date.New(2025, 10, 13), Cause: deadline.CauseExpertReview, Reason: "专家评审"}},
		{1, deadline.Entry{Kind: deadline.EntrySuspend, On: date.New(2025, 10, 14), Cause: deadline.CauseConsultation, Reason: "征求第三方意见"}},
		{0, deadline.Entry{Kind: deadline.EntryResume, On: date.New(2025, 10, 17)}},
		{1, deadline.Entry{Kind: deadline.EntryResume, On: date.New(2025, 10, 20)}},
	} {
		if err := b.ApplyTo(cal, &clocks[x.clock], x.entry); err != nil {
			log.Fatal(err)
		}
	}
	// A refused entry changes nothing.
	err := b.ApplyTo(cal, &clocks[1], deadline.Entry{Kind: deadline.EntryResume, On: date.New(2025, 10, 21)})
	fmt.Println(err)
	for _, c := range clocks {
		st, err := c.Status(cal, date.New(2025, 10, 21))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.RuleID(), len(c.Ledger()), "entries, due", st.Due)
	}
	// Output:
	// deadline: Resume: ledger[2]: 2025-10-21: ledger entry refused: the clock is not suspended
	// licensing-decision 2 entries, due 2025-11-06
	// disclosure-reply 2 entries, due 2025-11-06
}

// A stored ledger is read back with room made for all its entries at
// once.
func ExampleClockBuilder_Grow() {
	cal := deadline.ChinaMainland()
	r, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	c, err := deadline.Start(r, date.New(2025, 9, 26))
	if err != nil {
		log.Fatal(err)
	}
	stored := []deadline.Entry{
		{Kind: deadline.EntrySuspend, On: date.New(2025, 10, 13), Cause: deadline.CauseExpertReview, Reason: "专家评审"},
		{Kind: deadline.EntryResume, On: date.New(2025, 10, 17)},
		{Kind: deadline.EntryStop, On: date.New(2025, 11, 3), Reason: "准予许可"},
	}
	var b deadline.ClockBuilder
	b.Reset(c)
	b.Grow(len(stored))
	for _, e := range stored {
		if err := b.Apply(cal, e); err != nil {
			log.Fatal(err)
		}
	}
	st, err := b.Clock().Status(cal, date.New(2025, 11, 3))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(b.Clock().Ledger()), "entries, due", st.Due, "stopped", st.Stopped)
	// Output:
	// 3 entries, due 2025-11-06 stopped true
}

// Apply appends to the builder's own clock in place and returns only the
// error. 政府信息公开条例 Art 33 ¶3 leaves the time spent consulting a third
// party out of the reply limit; expert review is no cause it names, and
// the refused entry leaves the clock as it was.
func ExampleClockBuilder_Apply() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleDisclosureReply)
	c, _ := deadline.Start(rule, date.New(2026, 1, 30))
	var b deadline.ClockBuilder
	b.Reset(c)
	err := b.Apply(cal, deadline.Entry{Kind: deadline.EntrySuspend, On: date.New(2026, 2, 2), Cause: deadline.CauseExpertReview, Reason: "专家论证"})
	fmt.Println(err)
	for _, e := range []deadline.Entry{
		{Kind: deadline.EntrySuspend, On: date.New(2026, 2, 2), Cause: deadline.CauseConsultation, Reason: "征求第三方意见"},
		{Kind: deadline.EntryResume, On: date.New(2026, 2, 13)},
	} {
		if err := b.Apply(cal, e); err != nil {
			fmt.Println(err)
			return
		}
	}
	due, _ := b.Clock().Due(cal)
	fmt.Println(len(b.Clock().Ledger()), "entries, due", due)
	// Output:
	// deadline: Suspend: ledger[0]: 2026-02-02: ledger entry refused: rule disclosure-reply does not exclude time for expert review (专家评审)
	// 2 entries, due 2026-03-19
}

// The zero builder holds the zero clock, which refuses every entry.
// After Reset, Clock returns the clock as it stands, and a clock returned
// earlier keeps what it had.
func ExampleClockBuilder_Clock() {
	var b deadline.ClockBuilder
	fmt.Println(b.Clock().IsZero(), b.Apply(nil, deadline.Entry{Kind: deadline.EntryStop, On: date.New(2025, 10, 10)}))

	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	c, _ := deadline.Start(rule, date.New(2025, 9, 26))
	b.Reset(c)
	before := b.Clock()
	_ = b.Apply(nil, deadline.Entry{Kind: deadline.EntryStop, On: date.New(2025, 10, 10), Reason: "准予许可"})
	fmt.Println(before.Stopped(), b.Clock().Stopped(), b.Clock().Started())
	// Output:
	// true deadline: Stop: ledger[0]: 2025-10-10: ledger entry refused: the clock was never started
	// false true 2025-09-26
}

// One builder rebuilds clock after clock: Reset goes on from the next
// one, the buffer stays, and the clocks built before keep their ledgers.
// Two penalty cases (行政处罚法 Art 60, 90 days from filing) read back from
// storage: both limits end in the National Day week and run on to 9
// October (民法典 Art 203).
func ExampleClockBuilder_Reset() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RulePenaltyDecision)
	stored := []struct {
		filed date.Date
		stop  date.Date
	}{
		{date.New(2025, 7, 4), date.New(2025, 9, 19)},
		{date.New(2025, 7, 10), date.New(2025, 10, 13)},
	}
	var b deadline.ClockBuilder
	var built []deadline.Clock
	for _, s := range stored {
		c, _ := deadline.Start(rule, s.filed)
		b.Reset(c)
		if err := b.Apply(cal, deadline.Entry{Kind: deadline.EntryStop, On: s.stop, Reason: "作出处罚决定"}); err != nil {
			fmt.Println(err)
			return
		}
		built = append(built, b.Clock())
	}
	for _, c := range built {
		st, _ := c.Status(cal, c.LastDay())
		fmt.Println("filed", c.Started(), "due", st.Due, "decided", st.StoppedOn, "late:", st.Late())
	}
	// Output:
	// filed 2025-07-04 due 2025-10-09 decided 2025-09-19 late: false
	// filed 2025-07-10 due 2025-10-09 decided 2025-10-13 late: true
}

// Causes are written in their JSON form: a ledger read back from storage
// names expert review (行政许可法 Art 45) as "expert_review". A name the
// package does not know is an error.
func ExampleCause_UnmarshalText() {
	for _, s := range []string{"expert_review", "consultation", "专家评审"} {
		var c deadline.Cause
		if err := c.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c, c.Chinese(), c.English())
	}
	// Output:
	// expert_review 专家评审 expert review
	// consultation 征求意见 consultation
	// deadline: UnmarshalText: invalid rule: unknown cause "专家评审"
}

// The kinds of ledger entry, as a stored ledger writes them.
func ExampleEntryKind_UnmarshalText() {
	for _, s := range []string{"suspend", "resume", "restart", "extend", "stop", "pause"} {
		var k deadline.EntryKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(k, k.Chinese())
	}
	// Output:
	// suspend 中止计算
	// resume 恢复计算
	// restart 重新计算
	// extend 延长
	// stop 停止
	// deadline: UnmarshalText: ledger entry refused: unknown entry kind "pause"
}

// The kinds of day, as the calendar's JSON and the reference CLI write
// them.
func ExampleDayKind_UnmarshalText() {
	for _, s := range []string{"workday", "weekend", "holiday", "makeup_workday", "festival"} {
		var k deadline.DayKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(k, k.Chinese(), k.English())
	}
	// Output:
	// workday 工作日 workday
	// weekend 休息日 weekend
	// holiday 节假日 holiday
	// makeup_workday 调休上班日 make-up workday
	// deadline: UnmarshalText: invalid calendar: unknown day kind "festival"
}

// The units of a period, as a rule's JSON writes them; in Chinese the
// unit follows the count.
func ExampleUnit_UnmarshalText() {
	for _, s := range []string{"working_days", "days", "months", "years", "weeks"} {
		var u deadline.Unit
		if err := u.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: 3%s, 3 %s\n", u, u.Chinese(), u.English())
	}
	// Output:
	// working_days: 3个工作日, 3 working days
	// days: 3日, 3 days
	// months: 3个月, 3 months
	// years: 3年, 3 years
	// deadline: UnmarshalText: invalid period: unknown unit "weeks"
}

// The readings of 民法典 Art 203 by name, as a rule's JSON writes them.
func ExampleRoll_UnmarshalText() {
	for _, s := range []string{"rest_days", "holidays", "none", "weekends"} {
		var r deadline.Roll
		if err := r.UnmarshalText([]byte(s)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r)
	}
	// Output:
	// rest_days
	// holidays
	// none
	// deadline: UnmarshalText: invalid period: unknown roll policy "weekends"
}

// The warning lights as JSON writes them, and in Chinese.
func ExampleLevel_MarshalText() {
	for _, l := range []deadline.Level{deadline.LevelGreen, deadline.LevelYellow, deadline.LevelRed} {
		data, _ := json.Marshal(map[string]deadline.Level{"light": l})
		fmt.Println(string(data), l.Chinese())
	}
	// Output:
	// {"light":"green"} 绿灯
	// {"light":"yellow"} 黄灯
	// {"light":"red"} 红灯
}

func ExampleLevel_UnmarshalText() {
	var stored struct {
		Light deadline.Level `json:"light"`
	}
	for _, s := range []string{`{"light":"yellow"}`, `{"light":"amber"}`} {
		if err := json.Unmarshal([]byte(s), &stored); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(stored.Light, stored.Light.Chinese())
	}
	// Output:
	// yellow 黄灯
	// deadline: UnmarshalText: invalid period: unknown warning level "amber"
}
