package procedure_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// exAt is hh:mm China Standard Time on a day.
func exAt(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, deadline.ChinaStandardTime())
}

// exClerk is the officer at the licensing window.
var exClerk = procedure.Actor{Officer: "王敏", Unit: "行政审批局窗口"}

// exEvent is an event by exClerk, with a payload given as key, value
// pairs.
func exEvent(tr procedure.Trigger, at time.Time, kv ...string) procedure.Event {
	e := procedure.Event{Trigger: tr, At: at, Actor: exClerk}
	for i := 0; i+1 < len(kv); i += 2 {
		if e.Payload == nil {
			e.Payload = map[string]string{}
		}
		e.Payload[kv[i]] = kv[i+1]
	}
	return e
}

// exLicensing is the reference licensing definition.
func exLicensing(opts ...procedure.Option) *procedure.Definition {
	d, err := procedure.Reference("licensing", opts...)
	if err != nil {
		log.Fatal(err)
	}
	return d
}

// exFire fires events in order and stops the example on the first
// refusal.
func exFire(d *procedure.Definition, c *procedure.Case, events ...procedure.Event) {
	for _, e := range events {
		if err := d.Fire(context.Background(), c, e); err != nil {
			log.Fatal(err)
		}
	}
}

// exAccepted is a licensing case received on Thursday 25 September 2025
// and accepted the next day.
func exAccepted(d *procedure.Definition) *procedure.Case {
	c := d.NewCase("XK-2025-001")
	exFire(d, c,
		exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001"),
		exEvent("accept", exAt(2025, 9, 26, 10, 0), "voucher", "受理001"))
	return c
}

// exDecisionDue is the due date of a case's decision clock.
func exDecisionDue(d *procedure.Definition, c *procedure.Case) date.Date {
	clk, ok := c.Clock("decision")
	if !ok {
		log.Fatal("no decision clock")
	}
	due, err := clk.Due(d.Calendar())
	if err != nil {
		log.Fatal(err)
	}
	return due
}

// exPrintDue prints the Due view of a case on a day, a clock a line.
func exPrintDue(d *procedure.Definition, c *procedure.Case, day date.Date) {
	due, err := d.Due(c, day)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range due {
		when := "paused"
		if s.HasDue() {
			when = "due " + s.Due.String()
		}
		light := s.Light.Chinese() + " " + s.Light.String()
		if s.Role == procedure.RoleParty {
			light = "当事人期限 party's period"
		}
		fmt.Printf("%s  %-15s %s, %d of %d used, %d left, %d overdue: %s\n",
			day, s.Name, when, s.Elapsed, s.Limit, s.Remaining, s.Overdue, light)
	}
}

// A licence from receipt to grant (行政许可法): received on Thursday 25
// September 2025 and accepted the next day, so that the decision is due
// within 20 working days (Art 42 ¶1), across the National Day week and its
// make-up working days. Five working days of expert review are not counted
// (Art 45); the head of the agency approves ten more working days (Art 42
// ¶1); the licence is granted on the last day but one, and the clock of
// Art 44 starts for the certificate.
func Example() {
	d := exLicensing()
	c := d.NewCase("XK-2025-001")
	review := exEvent("exclude_time", exAt(2025, 10, 13, 9, 0), "cause", "expert_review", "duration", "5个工作日")
	review.Reason = "组织专家评审"
	// The guards of Art 42 ¶1 read the reasons told to the applicant and
	// the approver from the payload; the clock's ledger takes its reason
	// from the event's Reason.
	extend := exEvent("extend", exAt(2025, 11, 3, 15, 0), "reasons", "需现场核查", "approver", "局长")
	extend.Reason = "需现场核查"
	for _, e := range []procedure.Event{
		exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001"),
		exEvent("accept", exAt(2025, 9, 26, 10, 0), "voucher", "受理001"),
		review,
		exEvent("resume_count", exAt(2025, 10, 17, 17, 0)),
		extend,
	} {
		if err := d.Fire(context.Background(), c, e); err != nil {
			log.Fatal(err)
		}
		zh, _ := d.StateLabel(c.State)
		fmt.Printf("%s %-13s → %s", deadline.DateOf(e.At), e.Trigger, zh)
		if clk, ok := c.Clock("decision"); ok {
			st, err := clk.Status(d.Calendar(), deadline.DateOf(e.At))
			if err != nil {
				log.Fatal(err)
			}
			if st.HasDue() {
				fmt.Printf("; decision due %s", st.Due)
			} else {
				fmt.Print("; decision clock paused")
			}
		}
		fmt.Println()
	}
	exPrintDue(d, c, date.New(2025, 11, 19))

	exFire(d, c, exEvent("grant", exAt(2025, 11, 19, 16, 0), "decision", "准予行政许可决定书"))
	zh, en := d.StateLabel(c.State)
	fmt.Println("2025-11-19 grant         →", zh, "/", en)
	exPrintDue(d, c, date.New(2025, 11, 19))
	// Output:
	// 2025-09-25 receive       → 已收件
	// 2025-09-26 accept        → 已受理（审查中）; decision due 2025-10-30
	// 2025-10-13 exclude_time  → 听证、检验检测、专家评审等（不计算在期限内）; decision clock paused
	// 2025-10-17 resume_count  → 已受理（审查中）; decision due 2025-11-06
	// 2025-11-03 extend        → 已受理（审查中）; decision due 2025-11-20
	// 2025-11-19  decision        due 2025-11-20, 29 of 30 used, 1 left, 0 overdue: 黄灯 yellow
	// 2025-11-19 grant         → 准予行政许可 / licence granted
	// 2025-11-19  certificate     due 2025-12-03, 0 of 10 used, 10 left, 0 overdue: 绿灯 green
}

// A definition built in Go: a request for government information (政府信息
// 公开条例), answered within 20 working days of receipt (Art 33 ¶2).
func ExampleNew() {
	cite := xiaoneng.Cite(xiaoneng.DisclosureRegs, 33, 2)
	d, err := procedure.New(procedure.Spec{
		ID: "info-request", Version: "1", Name: "政府信息公开申请", NameEN: "information request",
		Initial: "new",
		States: []procedure.StateSpec{
			{ID: "new", Name: "待收到", NameEN: "not yet received"},
			{ID: "received", Name: "已收到", NameEN: "received"},
			{ID: "answered", Name: "已答复", NameEN: "answered", Terminal: true},
		},
		Triggers: []procedure.TriggerSpec{
			{ID: "receive", Name: "收到申请", NameEN: "receive the request"},
			{ID: "answer", Name: "答复", NameEN: "answer"},
		},
		Clocks: []procedure.ClockSpec{{Name: "reply", RuleID: deadline.RuleDisclosureReply}},
		Transitions: []procedure.TransitionSpec{
			{From: "new", Trigger: "receive", To: "received", Citation: cite,
				Effects: []procedure.Effect{{Op: procedure.OpStart, Clock: "reply"}}},
			{From: "received", Trigger: "answer", To: "answered", Citation: cite,
				Guards: []procedure.GuardSpec{{Kind: procedure.GuardPayload, Key: "reply",
					Desc: "出具书面答复", DescEN: "a written reply is given"}},
				Effects: []procedure.Effect{{Op: procedure.OpStop, Clock: "reply"}},
				Record:  []string{"reply"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	c := d.NewCase("GK-2025-017")
	exFire(d, c, exEvent("receive", exAt(2025, 3, 3, 9, 30)))
	exPrintDue(d, c, date.New(2025, 3, 3))
	exFire(d, c, exEvent("answer", exAt(2025, 3, 20, 11, 0), "reply", "予以公开"))
	fmt.Println(c.State, c.Facts["reply"], d.IsTerminal(c.State))
	// Output:
	// 2025-03-03  reply           due 2025-03-31, 0 of 20 used, 20 left, 0 overdue: 绿灯 green
	// answered 予以公开 true
}

// A definition read from JSON: a 12345 hotline ticket answered within
// five working days, on a rule written inline.
func ExampleParseDefinition() {
	d, err := procedure.ParseDefinition([]byte(`{
	  "id": "hotline", "version": "2025", "name": "12345热线工单", "name_en": "hotline ticket",
	  "initial": "open",
	  "states": [
	    {"id": "open", "name": "办理中", "name_en": "open"},
	    {"id": "closed", "name": "已办结", "name_en": "closed", "terminal": true}
	  ],
	  "triggers": [
	    {"id": "assign", "name": "派单", "name_en": "assign"},
	    {"id": "close", "name": "办结", "name_en": "close"}
	  ],
	  "clocks": [{"name": "reply", "rule": {
	    "id": "hotline-reply", "name": "工单办理时限", "name_en": "ticket reply",
	    "period": {"n": 5, "unit": "working_days"},
	    "citations": [{"law": "某市12345热线管理办法", "article": 15}]}}],
	  "transitions": [
	    {"from": "open", "trigger": "assign", "to": "open",
	     "effects": [{"op": "start", "clock": "reply"}],
	     "citation": {"law": "某市12345热线管理办法", "article": 12}},
	    {"from": "open", "trigger": "close", "to": "closed",
	     "effects": [{"op": "stop", "clock": "reply"}],
	     "citation": {"law": "某市12345热线管理办法", "article": 15}}
	  ]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	c := d.NewCase("RX-0930-88")
	exFire(d, c, exEvent("assign", exAt(2025, 9, 30, 14, 0)))
	exPrintDue(d, c, date.New(2025, 10, 9))
	// Output:
	// 2025-10-09  reply           due 2025-10-14, 1 of 5 used, 4 left, 0 overdue: 绿灯 green
}

// ParseDefinition builds nothing from a file with problems, and reports
// every problem at once, each with where it is.
func ExampleParseDefinition_errors() {
	_, err := procedure.ParseDefinition([]byte(`{
	  "id": "hotline", "version": "2025", "name": "12345热线工单", "name_en": "hotline ticket",
	  "initial": "opened",
	  "states": [
	    {"id": "open", "name": "办理中", "name_en": "open"},
	    {"id": "closed", "name": "已办结", "name_en": "closed", "terminal": true}
	  ],
	  "triggers": [{"id": "close", "name": "办结", "name_en": ""}],
	  "clocks": [{"name": "reply", "rule_id": "hotline-reply"}],
	  "transitions": [
	    {"from": "open", "trigger": "close", "to": "done",
	     "guards": [{"kind": "payload", "key": "result", "desc": "办理结果"}]}
	  ]
	}`))
	fmt.Println(errors.Is(err, procedure.ErrInvalidDefinition))
	// A file that does not decode is one *procedure.Error; a spec with
	// problems joins one per problem.
	problems := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		problems = joined.Unwrap()
	}
	for _, e := range problems {
		var pe *procedure.Error
		if errors.As(e, &pe) {
			fmt.Printf("%s: %s\n", pe.Path, pe.Detail)
		}
	}
	// Output:
	// true
	// triggers[0]: trigger "close" needs a Chinese and an English name
	// initial: initial state "opened" is not defined
	// clocks[0].rule_id: deadline: LookupRule: unknown rule: no reference rule "hotline-reply"
	// transitions[0].to: state "done" is not defined
	// transitions[0].guards[0].desc: the guard must say in Chinese and English what must hold
	// states[0]: state "open" cannot be reached from "opened"
	// states[1]: state "closed" cannot be reached from "opened"
}

// The reference definitions are JSON files embedded in the package.
func ExampleReference() {
	d, err := procedure.Reference("licensing")
	if err != nil {
		log.Fatal(err)
	}
	s := d.Spec()
	fmt.Println(s.Name, "/", s.NameEN, s.Basis[0])
	fmt.Println(len(s.States), "states,", len(s.Transitions), "transitions,", len(s.Clocks), "clocks")

	_, err = procedure.Reference("no-such-procedure")
	fmt.Println(errors.Is(err, procedure.ErrUnknownDefinition))
	// Output:
	// 行政许可 / administrative licensing 《行政许可法》
	// 17 states, 41 transitions, 6 clocks
	// true
}

// The reference definitions, sorted.
func ExampleReferenceNames() {
	for _, name := range procedure.ReferenceNames() {
		fmt.Println(name)
	}
	// Output:
	// assistance
	// complaint
	// disclosure
	// joint-licensing
	// licensing
	// major-decision
	// penalty
	// penalty-simplified
}

// The JSON of a reference definition reads into a Spec, to be adapted
// and built with New; here its clocks are listed.
func ExampleReferenceJSON() {
	data, err := procedure.ReferenceJSON("licensing")
	if err != nil {
		log.Fatal(err)
	}
	var s procedure.Spec
	if err := json.Unmarshal(data, &s); err != nil {
		log.Fatal(err)
	}
	for _, c := range s.Clocks {
		if c.Rule != nil {
			fmt.Printf("%-16s %s (inline)\n", c.Name, c.Rule.ID)
		} else {
			fmt.Printf("%-16s %s\n", c.Name, c.RuleID)
		}
	}
	_, err = procedure.ReferenceJSON("no-such-procedure")
	fmt.Println(errors.Is(err, procedure.ErrUnknownDefinition))
	// Output:
	// notice           licensing-correction-notice
	// decision         licensing-decision
	// hearing_request  licensing-hearing-request
	// hearing          licensing-hearing
	// certificate      licensing-certificate
	// term             licensing-term (inline)
	// true
}

// The same acceptance on three calendars: the national one; one that
// does not count make-up working days (a question no authoritative text
// settles); and one with the agency closed for an office move on Monday
// 29 September 2025.
func ExampleWithCalendar() {
	national := deadline.ChinaMainland()
	noMakeUp, err := national.With(deadline.CountMakeUpDays(false))
	if err != nil {
		log.Fatal(err)
	}
	closed, err := national.With(deadline.WithOverrides(deadline.Override{
		Date: date.New(2025, 9, 29), Name: "办公场所搬迁闭馆", NameEN: "office move"}))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range []struct {
		name string
		cal  *deadline.Calendar
	}{{"national", national}, {"no make-up days", noMakeUp}, {"closed 29 Sep", closed}} {
		d := exLicensing(procedure.WithCalendar(v.cal))
		c := exAccepted(d)
		fmt.Printf("%-16s decision due %s\n", v.name, exDecisionDue(d, c))
	}
	// Output:
	// national         decision due 2025-10-30
	// no make-up days  decision due 2025-11-03
	// closed 29 Sep    decision due 2025-10-31
}

// A local rule lights yellow from half the limit, or with five working
// days left; the default lights yellow at 80 % or with one day left.
func ExampleWithPolicy() {
	strict := exLicensing(procedure.WithPolicy(deadline.Policy{YellowRemaining: 5, YellowUsedPercent: 50}))
	standard := exLicensing()
	c := exAccepted(standard) // decision due 2025-10-30
	for _, day := range []date.Date{
		date.New(2025, 10, 15), date.New(2025, 10, 20), date.New(2025, 10, 24),
		date.New(2025, 10, 29), date.New(2025, 10, 31),
	} {
		a, err := standard.Due(c, day)
		if err != nil {
			log.Fatal(err)
		}
		b, err := strict.Due(c, day)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s  %2d of 20 used  default %s  strict %s\n", day, a[0].Elapsed, a[0].Light.Chinese(), b[0].Light.Chinese())
	}
	// Output:
	// 2025-10-15   9 of 20 used  default 绿灯  strict 绿灯
	// 2025-10-20  12 of 20 used  default 绿灯  strict 黄灯
	// 2025-10-24  16 of 20 used  default 黄灯  strict 黄灯
	// 2025-10-29  19 of 20 used  default 黄灯  strict 黄灯
	// 2025-10-31  21 of 20 used  default 红灯  strict 红灯
}

// 行政许可法 Art 32 ¶1(4): with no notice of supplements within five working
// days of receipt, the application counts as accepted. The law speaks when
// the fifth day ends: at 24:00, or at the agency's closing time.
func ExampleWithOfficeHours() {
	for _, v := range []struct {
		name string
		h    deadline.OfficeHours
	}{{"24:00", deadline.OfficeHours{}}, {"17:00", deadline.OfficeHours{Close: clock.New(17, 0, 0, 0)}}} {
		d := exLicensing(procedure.WithOfficeHours(v.h))
		c := d.NewCase("XK-2025-002")
		exFire(d, c, exEvent("receive", exAt(2025, 1, 24, 10, 0), "voucher", "收件002"))
		// The fifth working day is Friday 7 February; at 17:30 that day:
		evs, err := d.Advance(context.Background(), c, exAt(2025, 2, 7, 17, 30))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("day ends at %s: %d automatic events, state %s", v.name, len(evs), c.State)
		if len(evs) > 0 {
			fmt.Printf(", deemed accepted at %s", evs[0].At.Format("2006-01-02 15:04"))
		}
		fmt.Println()
	}
	// Output:
	// day ends at 24:00: 0 automatic events, state received
	// day ends at 17:00: 1 automatic events, state accepted, deemed accepted at 2025-02-07 17:00
}

// A county promises decisions within 10 working days (承诺时限), half the
// statutory 20.
func ExampleWithRule() {
	promised, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	promised.ID, promised.Name, promised.NameEN = "county-licensing-promise", "承诺办结时限", "promised decision"
	promised.Period.N = 10
	statutory := exLicensing()
	county := exLicensing(procedure.WithRule("decision", promised))
	for _, d := range []*procedure.Definition{statutory, county} {
		r, ok := d.Rule("decision")
		if !ok {
			log.Fatal("no decision clock")
		}
		fmt.Printf("%-24s %s: due %s\n", r.ID, r.Period.Chinese(), exDecisionDue(d, exAccepted(d)))
	}
	// Output:
	// licensing-decision       20个工作日: due 2025-10-30
	// county-licensing-promise 10个工作日: due 2025-10-16
}

// A guard written in Go, for what the guard kinds cannot say: an agency's
// rule that a decision made after the limit ran out needs the sign-off of
// its supervision office. The guard reads the event's payload and the
// decision clock through the View.
func ExampleWithGuard() {
	signedOffIfLate := func(_ context.Context, v procedure.View) bool {
		st, ok := v.Clock("decision")
		return ok && (!st.Late() || v.Payload("signoff") != "")
	}
	spec := exLicensing().Spec()
	for i, t := range spec.Transitions {
		if t.From == "accepted" && t.Trigger == "grant" {
			spec.Transitions[i].Guards = append(t.Guards, procedure.GuardSpec{
				Kind: procedure.GuardCustom, Key: "late_signoff",
				Desc: "超期作出决定须经监察室签批", DescEN: "a late decision is signed off by the supervision office"})
		}
	}
	d, err := procedure.New(spec, procedure.WithGuard("late_signoff", signedOffIfLate))
	if err != nil {
		log.Fatal(err)
	}
	c := exAccepted(d) // decision due 2025-10-30
	err = d.Fire(context.Background(), c, exEvent("grant", exAt(2025, 10, 31, 10, 0), "decision", "准予行政许可决定书"))
	var pe *procedure.Error
	if errors.As(err, &pe) {
		fmt.Println("refused:", pe.Unmet)
	}
	exFire(d, c, exEvent("grant", exAt(2025, 10, 31, 11, 0), "decision", "准予行政许可决定书", "signoff", "监察室 2025-10-31"))
	fmt.Println(c.State)
	// Output:
	// refused: [超期作出决定须经监察室签批 / a late decision is signed off by the supervision office]
	// granted
}

// A Go guard reads the case and the event through its View. 政府信息公开条例
// Art 40: information is provided in the form the request asked for
// (Art 29 ¶2(3)), or another where that form could endanger the records
// or cost too much. An agency's guard on disclosure reads the form asked
// for from the log and the form given from the event's payload, and
// keeps a line of what it saw.
func ExampleView() {
	var seen string
	formAsRequested := func(_ context.Context, v procedure.View) bool {
		var asked string
		for _, e := range v.Events() {
			if e.Trigger == "receive" {
				asked = e.Payload["form"]
			}
		}
		reply, _ := v.Clock("reply")
		seen = fmt.Sprintf("%s: %s from %s by %s; received %s, asked %s, given %s; reply %d of %d working days used",
			v.CaseID(), v.Event().Trigger, v.State(), v.Event().Actor.Officer,
			v.Fact("channel"), asked, v.Payload("form"), reply.Elapsed, reply.Limit)
		return asked == "" || v.Payload("form") == asked || v.Payload("form_reasons") != ""
	}
	ref, err := procedure.Reference("disclosure")
	if err != nil {
		log.Fatal(err)
	}
	// The guard goes on the first disclosure step, where no third party
	// objected.
	spec := ref.Spec()
	i := slices.IndexFunc(spec.Transitions, func(t procedure.TransitionSpec) bool { return t.Trigger == "disclose" })
	spec.Transitions[i].Guards = append(spec.Transitions[i].Guards, procedure.GuardSpec{
		Kind: procedure.GuardCustom, Key: "form_as_requested",
		Desc: "按照申请人要求的形式提供，或者说明理由", DescEN: "provided in the form asked for, or the reasons are given"})
	d, err := procedure.New(spec, procedure.WithGuard("form_as_requested", formAsRequested))
	if err != nil {
		log.Fatal(err)
	}
	c := d.NewCase("GK-2025-031")
	exFire(d, c, exEvent("receive", exAt(2025, 9, 1, 10, 0), "channel", "in_person", "form", "纸质复制件"))
	err = d.Fire(context.Background(), c, exEvent("disclose", exAt(2025, 9, 12, 10, 0), "provision", "提供电子扫描件", "form", "电子数据"))
	fmt.Println(seen)
	// Unmet lists the failing guards of the disclosure step meant: with
	// no third party objecting, the one the guard is on.
	var pe *procedure.Error
	if errors.As(err, &pe) {
		fmt.Println("refused:", pe.Unmet)
	}
	exFire(d, c, exEvent("disclose", exAt(2025, 9, 12, 11, 0), "provision", "提供电子扫描件", "form", "电子数据",
		"form_reasons", "档案纸张老化，复制可能损坏原件"))
	fmt.Println(c.State)
	// Output:
	// GK-2025-031: disclose from received by 王敏; received in_person, asked 纸质复制件, given 电子数据; reply 9 of 20 working days used
	// refused: [按照申请人要求的形式提供，或者说明理由 / provided in the form asked for, or the reasons are given]
	// disclosed
}

func ExampleDefinition_NewCase() {
	d := exLicensing()
	c := d.NewCase("XK-2025-001")
	zh, en := d.StateLabel(c.State)
	fmt.Println(c.ID, c.Definition, c.Version, c.State, zh, en, len(c.Events), len(c.Clocks))
	// Output:
	// XK-2025-001 licensing 2019 new 待收件 not yet received 0 0
}

// Receipt and acceptance: each event moves the case, starts and stops its
// clocks, and joins the log.
func ExampleDefinition_Fire() {
	d := exLicensing()
	c := d.NewCase("XK-2025-001")
	ctx := context.Background()
	if err := d.Fire(ctx, c, exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001")); err != nil {
		log.Fatal(err)
	}
	if err := d.Fire(ctx, c, exEvent("accept", exAt(2025, 9, 26, 10, 0), "voucher", "受理001")); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.State, len(c.Events))
	for _, cc := range c.Clocks {
		st, err := cc.Clock.Status(d.Calendar(), date.New(2025, 9, 26))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-8s started %s, due %s, stopped %t\n", cc.Name, st.Started, st.Due, st.Stopped)
	}
	// Output:
	// accepted 2
	// notice   started 2025-09-25, due 2025-10-09, stopped true
	// decision started 2025-09-26, due 2025-10-30, stopped false
}

// A refusal without the statement of the rights to reconsideration and
// litigation (行政许可法 Art 38 ¶2) is refused, and changes nothing.
func ExampleDefinition_Fire_refused() {
	d := exLicensing()
	c := exAccepted(d)
	err := d.Fire(context.Background(), c, exEvent("refuse", exAt(2025, 10, 20, 10, 0), "reasons", "不符合法定条件"))
	fmt.Println(errors.Is(err, procedure.ErrInvalidTransition))
	var pe *procedure.Error
	if !errors.As(err, &pe) {
		log.Fatal(err)
	}
	fmt.Println(pe.State, pe.Trigger)
	for _, u := range pe.Unmet {
		fmt.Println("unmet:", u)
	}
	fmt.Println(c.State, len(c.Events))
	// Output:
	// true
	// accepted refuse
	// unmet: 告知申请行政复议或者提起行政诉讼的权利 / the rights to reconsideration and litigation are stated
	// accepted 2
}

// A hearing is held on the day notified seven days ahead, not before
// (行政许可法 Art 48 ¶1(1), a date_reached guard on the recorded
// hearing_date); a licence is decided on the spot only the day the
// application is received (Art 34 ¶2, a within guard on the clock the
// receipt started); a violation is penalised only if discovered within
// two years of the act, five where it harmed safety (行政处罚法 Art 36, an
// in_period guard from the payload's act_ended to its discovered).
func ExampleGuardKind() {
	ctx := context.Background()
	// fire fires e on c and says what became of it.
	fire := func(d *procedure.Definition, c *procedure.Case, e procedure.Event) {
		if err := d.Fire(ctx, c, e); err != nil {
			var pe *procedure.Error
			errors.As(err, &pe)
			fmt.Println(e.At.Format(time.DateOnly), e.Trigger, "refused:", pe.Unmet)
			return
		}
		fmt.Println(e.At.Format(time.DateOnly), e.Trigger, "→", c.State)
	}
	d := exLicensing()
	c := exAccepted(d)
	for _, e := range []procedure.Event{
		exEvent("notify_hearing_right", exAt(2025, 9, 30, 10, 0)),
		exEvent("request_hearing", exAt(2025, 10, 9, 10, 0)),
		exEvent("notify_hearing", exAt(2025, 10, 10, 10, 0), "hearing_date", "2025-10-22", "duration", "听证所需时间不计入审查期限"),
		exEvent("hold_hearing", exAt(2025, 10, 21, 10, 0), "record", "听证笔录"),
		exEvent("hold_hearing", exAt(2025, 10, 22, 10, 0), "record", "听证笔录"),
	} {
		fire(d, c, e)
	}
	spot := d.NewCase("XK-2")
	for _, e := range []procedure.Event{
		exEvent("receive", exAt(2025, 9, 25, 9, 0), "voucher", "收件"),
		exEvent("decide_on_spot", exAt(2025, 9, 26, 9, 0), "decision", "准予许可决定书", "complete", "true"),
	} {
		fire(d, spot, e)
	}
	// A violation that ended on 10 March 2023, discovered on 11 March
	// 2025: a day past two years, within five had it harmed safety.
	penalty, err := procedure.Reference("penalty")
	if err != nil {
		log.Fatal(err)
	}
	for _, harm := range []string{"", "true"} {
		fire(penalty, penalty.NewCase("CF-1"), exEvent("file", exAt(2025, 3, 20, 9, 0), "filing_basis", "现场检查发现", "party", "某公司",
			"act_ended", "2023-03-10", "discovered", "2025-03-11", "safety_harm", harm))
	}
	// Output:
	// 2025-09-30 notify_hearing_right → hearing_notice
	// 2025-10-09 request_hearing → hearing
	// 2025-10-10 notify_hearing → hearing
	// 2025-10-21 hold_hearing refused: [于已通知的听证时间举行听证（听证七日前通知） / the hearing is held no earlier than the day notified seven days ahead]
	// 2025-10-22 hold_hearing → accepted
	// 2025-09-25 receive → received
	// 2025-09-26 decide_on_spot refused: [当场作出决定（收到申请之日） / decided on the spot, the day the application is received]
	// 2025-03-20 file refused: [违法行为在二年内被发现（有连续或者继续状态的，从行为终了之日起计算） / the violation was discovered within two years of the act, or of its end if it continued]
	// 2025-03-20 file → investigating
}

// A guard bounded by a fact rather than a number: a fine decided on the
// spot and varied on reconsideration may not grow (行政复议法 Art 63 ¶2:
// at_most "fine" Than "fine"), unless a third party asked for the
// contrary; a variation that leaves no fine carries out a warning.
func ExampleGuardSpec_than() {
	d, err := procedure.Reference("penalty-simplified")
	if err != nil {
		log.Fatal(err)
	}
	for _, tr := range d.Transitions("awaiting_payment") {
		for _, g := range tr.Guards {
			if g.Than != "" {
				fmt.Printf("%s: %s %s than fact %s (%s)\n", tr.Trigger, g.Key, g.Kind, g.Than, g.Citation)
				break
			}
		}
	}
	c := d.NewCase("JY-1")
	ctx := context.Background()
	for _, e := range []procedure.Event{
		exEvent("decide_on_spot", exAt(2026, 3, 2, 10, 0), "basis", "《道路交通安全法》第九十条", "credentials", "执法证A001", "form_no", "No.3302001",
			"notice", "已告知拟处罚内容及陈述、申辩权利", "remedy", "不服的，应当自收到本决定书之日起六十日内先向本级人民政府申请行政复议",
			"penalty", "fine", "party", "citizen", "fine", "100"),
		exEvent("hand_over", exAt(2026, 3, 2, 10, 5), "signature", "当事人签名"),
		exEvent("challenge", exAt(2026, 3, 5, 10, 0), "challenged", "reconsideration"),
		exEvent("vary", exAt(2026, 3, 10, 10, 0), "ruling", "某复决字〔2026〕12号", "fine", "150"),
		exEvent("vary", exAt(2026, 3, 10, 10, 0), "ruling", "某复决字〔2026〕12号", "fine", "50"),
	} {
		if err := d.Fire(ctx, c, e); err != nil {
			var pe *procedure.Error
			errors.As(err, &pe)
			fmt.Println(e.Trigger, e.Payload["fine"], "refused:", pe.Unmet)
			continue
		}
		fmt.Println(e.Trigger, "→", c.State, "fine", c.Facts["fine"])
	}
	// Output:
	// vary: fine at_most than fact fine (《行政复议法》第六十三条第二款)
	// set_aside_in_part: fine at_most than fact fine (《行政复议法》第六十四条第一款)
	// vary: fine at_most than fact fine (《行政诉讼法》第七十七条第二款)
	// set_aside_in_part: fine at_most than fact fine (《行政诉讼法》第七十条)
	// decide_on_spot → decided fine 100
	// hand_over → awaiting_payment fine 100
	// challenge → awaiting_payment fine 100
	// vary 150 refused: [变更后的罚款不高于原罚款：不得作出对申请人更为不利的变更决定 / the varied fine is no higher than the fine decided: the variation may not leave the applicant worse off]
	// vary → awaiting_payment fine 50
}

// A case rebuilt from its stored log, automatic event included; a log
// whose automatic event is not the one the law prescribed is refused, with
// the index of the event.
func ExampleDefinition_Replay() {
	const stored = `[
	  {"trigger": "receive", "at": "2025-01-24T10:00:00+08:00",
	   "actor": {"officer": "王敏", "unit": "行政审批局窗口"}, "payload": {"voucher": "收件002"}},
	  {"trigger": "deem_accepted", "at": "2025-02-08T00:00:00+08:00", "auto": true},
	  {"trigger": "grant", "at": "2025-02-20T10:00:00+08:00",
	   "actor": {"officer": "李强", "unit": "行政审批局"}, "payload": {"decision": "准予行政许可决定书"}}
	]`
	var events []procedure.Event
	if err := json.Unmarshal([]byte(stored), &events); err != nil {
		log.Fatal(err)
	}
	d := exLicensing()
	c, err := d.Replay(context.Background(), "XK-2025-002", events)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.State, c.Facts["deemed_accepted"], len(c.Events))

	events[1].At = exAt(2025, 2, 7, 0, 0) // a day early
	_, err = d.Replay(context.Background(), "XK-2025-002", events)
	var pe *procedure.Error
	if errors.As(err, &pe) {
		fmt.Println(errors.Is(err, procedure.ErrInvalidEvent), pe.Path, pe.Trigger)
	}
	// Output:
	// granted true 3
	// true events[1] deem_accepted
}

// A log just read back from storage is handed over: the case keeps it as
// its log, without a copy, and the events are put in the form Fire stores
// (each with the state it led to).
func ExampleDefinition_Rebuild() {
	const stored = `[
	  {"trigger": "receive", "at": "2025-01-24T10:00:00+08:00",
	   "actor": {"officer": "王敏", "unit": "行政审批局窗口"}, "payload": {"voucher": "收件002"}},
	  {"trigger": "deem_accepted", "at": "2025-02-08T00:00:00+08:00", "auto": true}
	]`
	var events []procedure.Event
	if err := json.Unmarshal([]byte(stored), &events); err != nil {
		log.Fatal(err)
	}
	c, err := exLicensing().Rebuild(context.Background(), "XK-2025-002", events)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.State, len(c.Events), &c.Events[0] == &events[0], events[1].To)
	// Output:
	// accepted 2 true accepted
}

// 行政许可法 Art 32 ¶1(4): received on Friday 24 January 2025, before the
// Spring Festival; five working days for a notice of supplements run to
// Friday 7 February. No notice came: when that day ended the application
// counted as accepted, and the decision period counts from receipt.
func ExampleDefinition_Advance() {
	d := exLicensing()
	c := d.NewCase("XK-2025-002")
	exFire(d, c, exEvent("receive", exAt(2025, 1, 24, 10, 0), "voucher", "收件002"))

	ctx := context.Background()
	err := d.Fire(ctx, c, exEvent("request_supplement", exAt(2025, 2, 10, 9, 0), "missing", "营业执照复印件"))
	fmt.Println("late notice refused:", errors.Is(err, procedure.ErrExpired))

	evs, err := d.Advance(ctx, c, exAt(2025, 2, 10, 9, 0))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Println(e.At.Format("2006-01-02 15:04"), e.Trigger, e.Auto, e.Reason)
	}
	fmt.Println(c.State, c.Facts)
	clk, _ := c.Clock("decision")
	fmt.Println("decision counted from", clk.Started(), "due", exDecisionDue(d, c))

	again, err := d.Advance(ctx, c, exAt(2025, 2, 10, 9, 0))
	fmt.Println(len(again), err)
	// Output:
	// late notice refused: true
	// 2025-02-08 00:00 deem_accepted true 依法自动生效 / by operation of law: 《行政许可法》第三十二条第一款第（四）项
	// accepted map[deemed_accepted:true]
	// decision counted from 2025-01-24 due 2025-02-27
	// 0 <nil>
}

// The electronic-supervision view: told of the right to a hearing on 30
// September 2025, the applicant has five working days to ask for one
// (行政许可法 Art 47 ¶1), while the decision clock runs on. Clocks due
// first come first; once the applicant's window has passed, its light is
// red until the case moves on (hearing_window_closed stops it).
func ExampleDefinition_Due() {
	d := exLicensing()
	c := exAccepted(d)
	exFire(d, c, exEvent("notify_hearing_right", exAt(2025, 9, 30, 10, 0)))
	for _, day := range []date.Date{date.New(2025, 10, 9), date.New(2025, 10, 13), date.New(2025, 10, 15)} {
		exPrintDue(d, c, day)
	}
	// Output:
	// 2025-10-09  hearing_request due 2025-10-14, 1 of 5 used, 4 left, 0 overdue: 当事人期限 party's period
	// 2025-10-09  decision        due 2025-10-30, 4 of 20 used, 16 left, 0 overdue: 绿灯 green
	// 2025-10-13  hearing_request due 2025-10-14, 4 of 5 used, 1 left, 0 overdue: 当事人期限 party's period
	// 2025-10-13  decision        due 2025-10-30, 7 of 20 used, 13 left, 0 overdue: 绿灯 green
	// 2025-10-15  hearing_request due 2025-10-14, 6 of 5 used, 0 left, 1 overdue: 当事人期限 party's period
	// 2025-10-15  decision        due 2025-10-30, 9 of 20 used, 11 left, 0 overdue: 绿灯 green
}

func ExampleDefinition_DOT() {
	lines := strings.Split(exLicensing().DOT(), "\n")
	for _, l := range lines[:3] {
		fmt.Println(strings.TrimSpace(l))
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "\t\"received\" -> \"accepted\"") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	// Output:
	// digraph "licensing" {
	// label="行政许可 / administrative licensing";
	// labelloc=t;
	// "received" -> "accepted" [label="受理 accept\n[出具加盖专用印章并注明日期的书面凭证]\n《行政许可法》第三十二条第一款第（五）项\n⏱ stop notice, start decision"];
	// "received" -> "accepted" [label="逾期未告知补正，视为受理 deemed accepted\n[五日内未告知补正]\n《行政许可法》第三十二条第一款第（四）项\n⏱ stop notice, start decision"];
}

func ExampleDefinition_Mermaid() {
	lines := strings.Split(exLicensing().Mermaid(), "\n")
	for _, l := range lines[:5] {
		fmt.Println(l)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "    received --> accepted") {
			fmt.Println(l)
		}
	}
	// Output:
	// ---
	// title: 行政许可 / administrative licensing
	// ---
	// stateDiagram-v2
	//     new: 待收件 not yet received
	//     received --> accepted: 受理 accept · [出具加盖专用印章并注明日期的书面凭证] · 《行政许可法》第三十二条第一款第（五）项 · ⏱ stop notice, start decision
	//     received --> accepted: 逾期未告知补正，视为受理 deemed accepted · [五日内未告知补正] · 《行政许可法》第三十二条第一款第（四）项 · ⏱ stop notice, start decision
}

// Spec returns a copy: changing it changes nothing in the definition.
func ExampleDefinition_Spec() {
	d := exLicensing()
	s := d.Spec()
	fmt.Println(s.ID, s.Version, s.Initial)
	for _, t := range s.Timeouts {
		fmt.Println(t.Clock, t.States, "→", t.Trigger, t.Citation)
	}
	s.States[0].Name = "改了"
	zh, _ := d.StateLabel(s.Initial)
	fmt.Println(zh)
	// Output:
	// licensing 2019 new
	// notice [received] → deem_accepted 《行政许可法》第三十二条第一款第（四）项
	// term [renewal_pending] → deem_renewed 《行政许可法》第五十条第二款
	// 待收件
}

func ExampleDefinition_ID() {
	id, version := exLicensing().ID()
	fmt.Println(id, version)
	// Output:
	// licensing 2019
}

func ExampleDefinition_StateLabel() {
	d := exLicensing()
	for _, s := range []procedure.State{"received", "awaiting_supplement", "no-such-state"} {
		zh, en := d.StateLabel(s)
		fmt.Println(zh, "/", en)
	}
	// Output:
	// 已收件 / received
	// 待补正 / awaiting supplements
	// no-such-state / no-such-state
}

func ExampleDefinition_TriggerLabel() {
	d := exLicensing()
	for _, t := range []procedure.Trigger{"deem_accepted", "extend", "no-such-trigger"} {
		zh, en := d.TriggerLabel(t)
		fmt.Println(zh, "/", en)
	}
	// Output:
	// 逾期未告知补正，视为受理 / deemed accepted
	// 延长审查期限 / extend the time limit
	// no-such-trigger / no-such-trigger
}

func ExampleDefinition_IsTerminal() {
	d := exLicensing()
	for _, s := range d.Spec().States {
		if d.IsTerminal(s.ID) {
			fmt.Println(s.ID, s.Name)
		}
	}
	// Output:
	// not_accepted 不予受理
	// refused 不予行政许可
	// cancelled 已办理注销手续
}

// The steps that leave a state, with their guards and provisions: what a
// case handler's screen offers.
func ExampleDefinition_Transitions() {
	d := exLicensing()
	for _, t := range d.Transitions("received") {
		fmt.Printf("%-18s → %-19s %s, %d guards\n", t.Trigger, t.To, t.Citation, len(t.Guards))
	}
	// Output:
	// correct_on_spot    → received            《行政许可法》第三十二条第一款第（三）项, 1 guards
	// request_supplement → awaiting_supplement 《行政许可法》第三十二条第一款第（四）项, 1 guards
	// accept             → accepted            《行政许可法》第三十二条第一款第（五）项, 1 guards
	// deem_accepted      → accepted            《行政许可法》第三十二条第一款第（四）项, 1 guards
	// refuse_acceptance  → not_accepted        《行政许可法》第三十二条第一款第（二）项, 4 guards
	// refuse_acceptance  → not_accepted        《行政许可法》第三十二条第一款, 3 guards
	// decide_on_spot     → granted             《行政许可法》第三十四条第二款, 3 guards
}

// What each clock of an information request measures. The reply
// (政府信息公开条例 Art 33 ¶2) and the opinion of an agency consulted (Art
// 34) are limits an agency must meet, which light warning lights; the
// applicant's time to correct the request (Art 30) and the third party's
// to give its opinion (Art 32) are theirs; the seven working days to ask
// for corrections (Art 30) are a window.
func ExampleDefinition_ClockRole() {
	d, err := procedure.Reference("disclosure")
	if err != nil {
		log.Fatal(err)
	}
	for _, cs := range d.Spec().Clocks {
		role, _ := d.ClockRole(cs.Name)
		if role == procedure.RoleLimit {
			role = "limit"
		}
		fmt.Printf("%-17s %s\n", cs.Name, role)
	}
	_, ok := d.ClockRole("appeal")
	fmt.Println(ok)
	// Output:
	// correction_notice window
	// correction        party
	// reply             limit
	// third_party       party
	// agency_opinion    limit
	// deferred_reply    limit
	// false
}

func ExampleDefinition_Calendar() {
	cal := exLicensing().Calendar()
	zh, en := cal.Name()
	fmt.Println(cal.ID(), zh, en)
	day, err := cal.Day(date.New(2025, 10, 11))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(day.Date, day.Kind.Chinese(), day.Name, day.Working)
	// Output:
	// cn-mainland 中国大陆工作日历 Mainland China working-day calendar
	// 2025-10-11 调休上班日 国庆节、中秋节 true
}

func ExampleDefinition_Rule() {
	r, ok := exLicensing().Rule("decision")
	fmt.Println(ok, r.ID, r.Name)
	fmt.Println(r.Period.Chinese(), "+", r.Extension.Max, r.Extension.Approver, r.Citation())
	var causes []string
	for _, x := range r.Exclusions {
		causes = append(causes, x.Cause.Chinese())
	}
	fmt.Println(strings.Join(causes, "、"))
	_, ok = exLicensing().Rule("no-such-clock")
	fmt.Println(ok)
	// Output:
	// true licensing-decision 作出行政许可决定
	// 20个工作日 + 10 本行政机关负责人 《行政许可法》第四十二条第一款
	// 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审
	// false
}

// A what-if on a copy: the clone takes the event, the case keeps what it
// had.
func ExampleCase_Clone() {
	d := exLicensing()
	c := exAccepted(d)
	what := c.Clone()
	exFire(d, what, exEvent("grant", exAt(2025, 10, 9, 10, 0), "decision", "准予行政许可决定书"))
	fmt.Println(c.State, len(c.Events), len(c.Clocks))
	fmt.Println(what.State, len(what.Events), len(what.Clocks))
	// Output:
	// accepted 2 2
	// granted 3 3
}

func ExampleCase_Clock() {
	d := exLicensing()
	c := exAccepted(d)
	clk, ok := c.Clock("decision")
	if !ok {
		log.Fatal("no decision clock")
	}
	st, err := clk.Status(d.Calendar(), date.New(2025, 10, 9))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(clk.Rule().ID, "started", clk.Started(), "due", st.Due, "elapsed", st.Elapsed, "of", st.Limit)
	_, ok = c.Clock("hearing")
	fmt.Println(ok)
	// Output:
	// licensing-decision started 2025-09-26 due 2025-10-30 elapsed 4 of 20
	// false
}

// Every error is an *procedure.Error wrapping one sentinel: branch with
// errors.Is, read the state, trigger and unmet guards with errors.As.
func ExampleError() {
	d := exLicensing()
	ctx := context.Background()
	received := d.NewCase("XK-2025-002")
	exFire(d, received, exEvent("receive", exAt(2025, 1, 24, 10, 0), "voucher", "收件002"))
	old := d.NewCase("XK-2003-009")
	old.Version = "2003" // stored under an earlier revision of the definition

	for _, v := range []struct {
		c *procedure.Case
		e procedure.Event
	}{
		{old, exEvent("receive", exAt(2025, 1, 27, 10, 0), "voucher", "收件009")},
		{received, procedure.Event{Trigger: "accept", At: exAt(2025, 1, 27, 10, 0)}}, // no actor
		{received, exEvent("grant", exAt(2025, 1, 27, 10, 0), "decision", "决定书")},    // no such step
		{received, exEvent("accept", exAt(2025, 1, 27, 10, 0))},                      // no voucher
		{received, exEvent("accept", exAt(2025, 2, 10, 10, 0), "voucher", "受理002")},  // too late
	} {
		err := d.Fire(ctx, v.c, v.e)
		var pe *procedure.Error
		if !errors.As(err, &pe) {
			log.Fatal(err)
		}
		var kind string
		switch {
		case errors.Is(err, procedure.ErrWrongDefinition):
			kind = "ErrWrongDefinition"
		case errors.Is(err, procedure.ErrInvalidEvent):
			kind = "ErrInvalidEvent"
		case errors.Is(err, procedure.ErrInvalidTransition):
			kind = "ErrInvalidTransition"
		case errors.Is(err, procedure.ErrExpired):
			kind = "ErrExpired"
		}
		fmt.Printf("%-20s %s %s %s %s, %d unmet\n", kind, pe.Op, pe.Case, pe.State, pe.Trigger, len(pe.Unmet))
	}
	// Output:
	// ErrWrongDefinition   Fire XK-2003-009 new receive, 0 unmet
	// ErrInvalidEvent      Fire XK-2025-002 received accept, 0 unmet
	// ErrInvalidTransition Fire XK-2025-002 received grant, 0 unmet
	// ErrInvalidTransition Fire XK-2025-002 received accept, 1 unmet
	// ErrExpired           Fire XK-2025-002 received accept, 0 unmet
}

// Replay names the event of a stored log it refused by its index; an
// error about no event in a log reports false. Here the certificate is
// issued (行政许可法 Art 44) before any licence was granted.
func ExampleError_Event() {
	d := exLicensing()
	events := []procedure.Event{
		exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001"),
		exEvent("accept", exAt(2025, 9, 26, 10, 0), "voucher", "受理001"),
		exEvent("issue_certificate", exAt(2025, 10, 9, 10, 0), "certificate", "许可证001"),
	}
	_, err := d.Replay(context.Background(), "XK-2025-001", events)
	var pe *procedure.Error
	if errors.As(err, &pe) {
		i, ok := pe.Event()
		fmt.Println(i, ok, pe.State, pe.Trigger)
	}
	err = d.Fire(context.Background(), d.NewCase("XK-2025-002"), events[1])
	if errors.As(err, &pe) {
		_, ok := pe.Event()
		fmt.Println(ok, pe.State, pe.Trigger)
	}
	// Output:
	// 2 true accepted issue_certificate
	// false new accept
}

// A licence decided on the spot must be decided the day the application
// is received (行政许可法 Art 34 ¶2): that step is open on the day of
// receipt and closed the day after, whatever the event would carry.
func ExampleNextStep_Open() {
	d := exLicensing()
	c := d.NewCase("XK-2025-0931")
	exFire(d, c, exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001"))

	for _, at := range []time.Time{exAt(2025, 9, 25, 16, 0), exAt(2025, 9, 26, 9, 0)} {
		steps, err := d.Next(c, at)
		if err != nil {
			log.Fatal(err)
		}
		for _, s := range steps {
			if s.Trigger == "decide_on_spot" {
				fmt.Println(at.Format("01-02"), s.Open())
			}
		}
	}
	// Output:
	// 09-25 true
	// 09-26 false
}

// An officer's screen lists the steps open on a case, and what blocks
// the others: the day after receipt, a licence can no longer be decided
// on the spot (行政许可法 Art 34 ¶2), and a refusal to accept has two
// routes, one for a matter outside the agency's powers.
func ExampleDefinition_Next() {
	d := exLicensing()
	c := d.NewCase("XK-2025-0930")
	exFire(d, c, exEvent("receive", exAt(2025, 9, 25, 10, 0), "voucher", "收件001"))

	steps, err := d.Next(c, exAt(2025, 9, 26, 9, 0))
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range steps {
		_, name := d.TriggerLabel(s.Trigger)
		fmt.Printf("%s → %s: open %v, %d to give", name, s.To, s.Open(), len(s.Needs))
		for _, b := range s.Blocked {
			fmt.Printf("; blocked: %s", b)
		}
		fmt.Println()
	}
	// Output:
	// correct on the spot → received: open true, 1 to give
	// notify all supplements at once → awaiting_supplement: open true, 1 to give
	// accept → accepted: open true, 1 to give
	// refuse to accept → not_accepted: open true, 4 to give
	// refuse to accept → not_accepted: open true, 3 to give
	// grant on the spot → granted: open false, 2 to give; blocked: 当场作出决定（收到申请之日） / decided on the spot, the day the application is received
}
