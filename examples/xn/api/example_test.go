package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/procedure"
)

func read(name string) []byte {
	b, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// Add is `xn deadline add`: the 20th working day after Friday 26
// September 2025, across the National Day break and its make-up days.
func ExampleService_Add() {
	var s api.Service
	res, err := s.Add(api.AddRequest{Date: "2025-09-26", N: 20})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Date, res.Calendar.ID, res.Citations[0].Text)
	// Output: 2025-10-30 cn-mainland 《民法典》第二百零一条第一款
}

// A date outside the calendar's coverage is an error with a stable code.
func ExampleService_Add_outOfCoverage() {
	var s api.Service
	_, err := s.Add(api.AddRequest{Date: "2030-01-02", N: 5})
	e := api.AsError(err)
	fmt.Println(e.Code, e.Status())
	// Output: out_of_coverage 422
}

func ExampleService_Between() {
	var s api.Service
	res, _ := s.Between(api.BetweenRequest{From: "2025-09-26", To: "2025-10-30"})
	fmt.Println(res.WorkingDays)
	// Output: 20
}

// Due ends a 90-day penalty decision period (行政处罚法 Art 60) on the
// next working day after the National Day break (民法典 Art 203).
func ExampleService_Due() {
	var s api.Service
	res, _ := s.Due(api.DueRequest{Start: "2025-07-04", Rule: deadline.RulePenaltyDecision})
	fmt.Println(res.Nominal, "→", res.Due, res.Rolled)
	for _, c := range res.Citations {
		fmt.Println(c.Text)
	}
	// Output:
	// 2025-10-02 → 2025-10-09 true
	// 《行政处罚法》第六十条
	// 《民法典》第二百零三条
}

// Status reads a licensing decision clock with five days of expert
// review excluded (行政许可法 Art 45).
func ExampleService_Status() {
	var s api.Service
	res, _ := s.Status(api.ClockRequest{
		Rule: deadline.RuleLicensingDecision, Start: "2025-09-26", AsOf: "2025-11-05",
		Ledger: []deadline.Entry{
			{Kind: deadline.EntrySuspend, On: day("2025-10-13"), Cause: deadline.CauseExpertReview},
			{Kind: deadline.EntryResume, On: day("2025-10-17")},
		},
	})
	fmt.Println(res.Due, res.Remaining, res.Light, res.LightZH)
	// Output: 2025-11-06 1 yellow 黄灯
}

func day(s string) date.Date {
	d, _ := deadline.ParseDate(s)
	return d
}

func ExampleService_Explain() {
	var s api.Service
	res, _ := s.Explain(api.ClockRequest{Rule: deadline.RuleDisclosureReply, Start: "2025-09-26", AsOf: "2025-10-10"})
	skipped := 0
	for _, d := range res.Days {
		if !d.Counted {
			skipped++
		}
	}
	fmt.Println(res.Status.Due, skipped, strings.Contains(res.Text, "国庆节"))
	// Output: 2025-10-30 14 true
}

func ExampleService_Rules() {
	var s api.Service
	for _, r := range s.Rules().Rules[:2] {
		fmt.Println(r.ID, r.Period.Text, r.Citations[0].Text)
	}
	// Output:
	// licensing-correction-notice 5个工作日 《行政许可法》第三十二条第一款第（四）项
	// licensing-decision 20个工作日 《行政许可法》第四十二条第一款
}

func ExampleService_Show() {
	var s api.Service
	res, _ := s.Show(api.ShowRequest{Year: 2025})
	fmt.Println(res.WorkingDays, res.Months[9].WorkingDays, res.Days[1].Date, res.Days[1].Kind, res.Days[1].Name)
	// Output: 248 18 2025-01-26 makeup_workday 春节
}

func ExampleService_ValidateCalendar() {
	var s api.Service
	res, _ := s.ValidateCalendar("broken.json", []byte(`{"format": "xiaoneng-calendar/1", "id": "x", "coverage": {"from": "2025-01-01", "to": "2025-12-31"}, "weekend": ["Caturday"], "arrangements": []}`))
	fmt.Println(res.Valid, res.Problems[0].Path)
	// Output: false weekend[0]
}

func ExampleService_Export() {
	var s api.Service
	b, media, _ := s.Export(api.ExportRequest{Format: "ics", CalendarOptions: api.CalendarOptions{Calendar: read("small-calendar.json")}})
	fmt.Println(media, strings.Count(string(b), "BEGIN:VEVENT"), strings.Count(string(b), "X-XIAONENG-KIND:makeup"))
	// Output: text/calendar; charset=utf-8 4 2
}

func ExampleService_Procedures() {
	var s api.Service
	res, _ := s.Procedures()
	for _, p := range res.Procedures[:2] {
		fmt.Println(p.Name, p.Title)
	}
	// Output:
	// assistance 行政协助（因实施行政处罚的需要）
	// complaint 效能投诉
}

// Start, Fire and CaseDue follow a licence application: received, then
// accepted, then read on the day its decision falls due.
func ExampleService_Fire() {
	var s api.Service
	ctx := context.Background()
	res, _ := s.Start(api.StartRequest{Procedure: "licensing", ID: "XK-2025-001"})
	clerk := procedure.Actor{Officer: "王敏", Unit: "行政审批局"}
	at := time.Date(2025, 9, 25, 10, 0, 0, 0, deadline.ChinaStandardTime())
	for _, e := range []procedure.Event{
		{Trigger: "receive", At: at, Actor: clerk, Payload: map[string]string{"voucher": "收件001"}},
		{Trigger: "accept", At: at.AddDate(0, 0, 1), Actor: clerk, Payload: map[string]string{"voucher": "受理001"}},
	} {
		c, _ := json.Marshal(res.Case)
		var err error
		if res, err = s.Fire(ctx, api.FireRequest{Case: c, Event: e}); err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.Trigger, "→", res.State.ID, res.State.Name)
	}
	c, _ := json.Marshal(res.Case)
	due, _ := s.CaseDue(api.CaseDueRequest{Case: c, AsOf: "2025-10-30"})
	fmt.Println(due.Clocks[0].Name, due.Clocks[0].Due, due.Clocks[0].LightZH)

	// A grant without a written decision is refused, and changes nothing.
	_, err := s.Fire(ctx, api.FireRequest{Case: c, Event: procedure.Event{Trigger: "grant", At: at.AddDate(0, 0, 10), Actor: clerk}})
	fmt.Println(api.AsError(err).Code)
	// Output:
	// receive → received 已收件
	// accept → accepted 已受理（审查中）
	// decision 2025-10-30 黄灯
	// invalid_transition
}

func ExampleService_Start() {
	var s api.Service
	res, _ := s.Start(api.StartRequest{Procedure: "disclosure", ID: "GK-1"})
	fmt.Println(res.State.ID, len(res.Next), res.Next[0].Trigger)
	// Output: new 7 receive
}

func ExampleService_Replay() {
	var s api.Service
	var events []procedure.Event
	if err := json.Unmarshal(read("events.json"), &events); err != nil {
		log.Fatal(err)
	}
	res, _ := s.Replay(context.Background(), api.ReplayRequest{Procedure: "licensing", ID: "XK-2025-003", Events: events})
	fmt.Println(res.State.ID, res.Clocks[0].Due)
	// Output: accepted 2025-11-06
}

func ExampleService_CaseDue() {
	var s api.Service
	res, _ := s.CaseDue(api.CaseDueRequest{Case: read("case-accepted.json"), AsOf: "2025-11-03"})
	fmt.Println(res.Red, res.Clocks[0].Overdue)
	// Output: 1 2
}

// Advance applies 视为受理 (行政许可法 Art 32 ¶1(4)): no 补正 notice
// within five working days of receipt.
func ExampleService_Advance() {
	var s api.Service
	res, _ := s.Advance(context.Background(), api.AdvanceRequest{Case: read("case-received.json"), AsOf: "2025-10-10"})
	fmt.Println(res.Fired[0].Trigger, res.Fired[0].Auto, res.State.ID)
	// Output: deem_accepted true accepted
}

// CaseNext lists the steps open on a licence application the morning
// after it was received: it can no longer be decided on the spot
// (行政许可法 Art 34 ¶2). Once the five working days of Art 32 ¶1(4) ran
// out, 视为受理 applies first: advance the case.
func ExampleService_CaseNext() {
	var s api.Service
	res, err := s.CaseNext(api.CaseNextRequest{Case: read("case-received.json"), At: "2025-09-26T09:00:00+08:00"})
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range res.Steps {
		fmt.Println(st.Trigger, "→", st.To, st.Open, len(st.Needs), st.Blocked)
	}
	_, err = s.CaseNext(api.CaseNextRequest{Case: read("case-received.json"), At: "2025-10-10T09:00:00+08:00"})
	fmt.Println(api.AsError(err).Code)
	// Output:
	// correct_on_spot → received true 1 []
	// request_supplement → awaiting_supplement true 1 []
	// accept → accepted true 1 []
	// refuse_acceptance → not_accepted true 4 []
	// refuse_acceptance → not_accepted true 3 []
	// decide_on_spot → granted false 2 [当场作出决定（收到申请之日） / decided on the spot, the day the application is received]
	// outcome_due
}

func ExampleService_Diagram() {
	var s api.Service
	text, media, _ := s.Diagram(api.DiagramRequest{Procedure: "complaint", Format: "mermaid"})
	fmt.Println(media, strings.Contains(text, "stateDiagram"))
	// Output: text/plain; charset=utf-8 true
}

// Assess and Check apply a discretion standard: a minor (Art 30) must be
// penalised lighter or mitigated.
func ExampleService_Assess() {
	var s api.Service
	res, err := s.Assess(api.AssessRequest{Benchmark: read("benchmark.json"), Standard: "S-006",
		Facts: api.Facts{Party: discretion.PartyCitizen, Factors: []discretion.FactorID{discretion.FactorMinor}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Statutory.Text, res.Allowed.Text)
	for _, b := range res.Bands {
		fmt.Println(b.Code, b.Name)
	}
	// Output:
	// 200–2000 20–739
	// mitigated 减轻处罚
	// lighter 从轻处罚
}

func ExampleService_Check() {
	var s api.Service
	res, _ := s.Check(api.CheckRequest{Benchmark: read("benchmark.json"), Standard: "S-001",
		Facts:    api.Facts{Party: discretion.PartyOrganisation},
		Decision: api.Decision{Kinds: []discretion.PenaltyKind{discretion.KindFine}, Fine: decimal.RequireFromString("5000")}})
	fmt.Println(res.OK)
	for _, r := range res.Reasons {
		fmt.Println(r.Code, r.Procedure.Code, r.Citations[0].Text)
	}
	// Output:
	// false
	// procedure_missing hearing_notice 《行政处罚法》第六十三条第一款第（一）项
}

func ExampleService_ValidateBenchmark() {
	var s api.Service
	res, _ := s.ValidateBenchmark("benchmark.json", read("benchmark.json"))
	fmt.Println(res.Valid, res.Benchmark.Standards)
	// Output: true [S-001 S-002 S-003 S-004 S-005 S-006]
}

func ExampleService_Evaluate() {
	var s api.Service
	var req api.EvaluateRequest
	if err := json.Unmarshal(read("records.json"), &req.Input); err != nil {
		log.Fatal(err)
	}
	req.AsOf = "2025-11-20"
	req.Rules = []accountability.RuleID{accountability.RuleTimeLimit}
	rep, _ := s.Evaluate(req)
	for _, f := range rep.Findings {
		fmt.Println(f.Case, f.Clock, f.Overdue, f.Severity, f.Citation)
	}
	// Output:
	// XK-2025-002 decision 15 serious 《行政许可法》第四十二条第一款
}

func ExampleService_ValidateCatalogue() {
	var s api.Service
	res, _ := s.ValidateCatalogue("catalogue.json", read("catalogue.json"))
	fmt.Println(res.Valid, res.Catalogue.Codes)
	// Output: true 12
}

func ExampleService_Guide() {
	var s api.Service
	res, _ := s.Guide(api.GuideRequest{Catalogue: read("catalogue.json"), Code: "SCJG-XK-001", On: "2025-03-01"})
	fmt.Println(res.Name, res.Statutory.Period.Text, res.Promised.Period.Text)
	// Output: 食品经营许可（新办） 20个工作日 5个工作日
}

func ExampleService_CalendarRef() {
	s := api.Service{}
	fmt.Println(s.CalendarRef().ID, s.CalendarRef().To)
	// Output: cn-mainland 2026-12-31
}

func ExampleService_CalendarWith() {
	var s api.Service
	cal, _ := s.CalendarWith("2027-12-31")
	_, to := cal.Coverage()
	fmt.Println(to, cal.Provisional(to, to))
	// Output: 2027-12-31 true
}

func ExampleLoadCalendar() {
	cal, err := api.LoadCalendar("small-calendar.ics", read("small-calendar.ics"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cal.ID())
	// Output: demo-county
}

func ExampleIsICS() {
	fmt.Println(api.IsICS("holidays.ics", nil), api.IsICS("-", []byte("BEGIN:VCALENDAR\r\n")), api.IsICS("cal.json", []byte("{}")))
	// Output: true true false
}

func ExampleDecode() {
	var req api.AddRequest
	err := api.Decode(strings.NewReader(`{"date": "2025-09-26", "n": 20, "days": 1}`), 1<<20, &req)
	fmt.Println(err)
	// Output: unknown member "days"
}

func ExampleUnmarshal() {
	var req api.AddRequest
	err := api.Unmarshal([]byte("{\"date\": \"2025-09-26\",\n \"n\": }"), &req)
	fmt.Println(api.AsError(err).Code, err)
	// Output: malformed_json malformed JSON at line 2, column 8: invalid character '}' looking for beginning of value
}

func ExampleCite() {
	c := api.Cite(xiaoneng.Cite(xiaoneng.LicensingLaw, 42, 1))
	fmt.Println(c.Text, "/", c.TextEN)
	// Output: 《行政许可法》第四十二条第一款 / Administrative Licensing Law, art. 42(1)
}

func ExampleCites() {
	fmt.Println(len(api.Cites(nil)), api.Cites([]xiaoneng.Citation{xiaoneng.Cite(xiaoneng.CivilCode, 203)})[0].Text)
	// Output: 0 《民法典》第二百零三条
}

func ExampleCodes() {
	fmt.Println(len(api.Codes()) > 20, api.Codes()[0])
	// Output: true bad_request
}

func ExampleStatus() {
	fmt.Println(api.Status(api.CodeOutOfCoverage), api.Status(api.CodeUnknownRule), api.Status(api.CodeMalformedJSON))
	// Output: 422 404 400
}

func ExampleAsError() {
	e := api.AsError(fmt.Errorf("loading: %w", deadline.ErrUnknownRule))
	fmt.Println(e.Code, errors.Is(e, deadline.ErrUnknownRule))
	// Output: unknown_rule true
}

func ExampleErrorf() {
	e := api.Errorf(api.CodeBadRequest, "id: a case ID is required")
	b, _ := json.Marshal(e)
	fmt.Println(string(b))
	// Output: {"code":"bad_request","message":"id: a case ID is required"}
}

// A request's procedure options: a city whose night runs from 21:00 to
// 07:00 (行政强制法 Art 43 ¶1), and office hours that close at 17:00.
func ExampleProcedureOptions() {
	po := api.ProcedureOptions{
		OfficeHours: &api.OfficeHours{Close: "17:00", Defer: true},
		RestTime:    &api.RestTime{NightFrom: "21:00", NightTo: "07:00"},
	}
	var s api.Service
	res, _ := s.Replay(context.Background(), api.ReplayRequest{Procedure: "licensing", ID: "XK-2025-011", ProcedureOptions: po,
		Events: []procedure.Event{{Trigger: "receive", At: time.Date(2025, 9, 26, 17, 30, 0, 0, deadline.ChinaStandardTime()),
			Actor: procedure.Actor{Officer: "王敏", Unit: "行政审批局"}, Payload: map[string]string{"voucher": "收件011"}}}})
	fmt.Println("received after closing on Fri 26 Sep 2025; counted from", res.Case.Clocks[0].Clock.Started())

	po.RestTime.NightTo = "7:00"
	_, err := s.Start(api.StartRequest{Procedure: "penalty", ID: "CF-1", ProcedureOptions: po})
	fmt.Println(err)
	// Output:
	// received after closing on Fri 26 Sep 2025; counted from 2025-09-28
	// rest_time.night_to: "7:00" is not a time of day (HH:MM or HH:MM:SS, from 00:00 to 23:59:59)
}

func ExampleParseTimeOfDay() {
	c, _ := api.ParseTimeOfDay("close", "17:30", true)
	fmt.Println(c.HhMm())
	end, _ := api.ParseTimeOfDay("close", "24:00", true)
	fmt.Println(end == 0)
	_, err := api.ParseTimeOfDay("night_from", "24:00", false)
	fmt.Println(err)
	// Output:
	// 17:30
	// true
	// night_from: "24:00" is not a time of day (HH:MM or HH:MM:SS, from 00:00 to 23:59:59)
}
