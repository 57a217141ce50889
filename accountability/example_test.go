package accountability_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// The examples build their cases on the reference definitions of package
// procedure, with these few helpers.

// exAt is 10:00 China Standard Time on a day.
func exAt(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 10, 0, 0, 0, deadline.ChinaStandardTime())
}

// exWang and exLi are officers of the licensing bureau: 王敏 at the
// window, 李强 in review.
var (
	exWang = procedure.Actor{Officer: "王敏", Unit: "审批局"}
	exLi   = procedure.Actor{Officer: "李强", Unit: "审批局"}
)

// exEvent is an event by an officer, its payload given as key, value
// pairs.
func exEvent(by procedure.Actor, tr procedure.Trigger, at time.Time, kv ...string) procedure.Event {
	e := procedure.Event{Trigger: tr, At: at, Actor: by, Reason: "办理"}
	for i := 0; i+1 < len(kv); i += 2 {
		if e.Payload == nil {
			e.Payload = map[string]string{}
		}
		e.Payload[kv[i]] = kv[i+1]
	}
	return e
}

// exReference returns a reference definition of package procedure.
func exReference(name string, opts ...procedure.Option) *procedure.Definition {
	d, err := procedure.Reference(name, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return d
}

// exFire fires the events on the case in order, and stops the example on
// the first one refused.
func exFire(d *procedure.Definition, c *procedure.Case, events ...procedure.Event) {
	for _, e := range events {
		if err := d.Fire(context.Background(), c, e); err != nil {
			log.Fatal(err)
		}
	}
}

// exEvaluate evaluates the input on a new evaluator with the options, and
// stops the example on an error.
func exEvaluate(in accountability.Input, asOf date.Date, opts ...accountability.Option) []accountability.Finding {
	e, err := accountability.New(opts...)
	if err != nil {
		log.Fatal(err)
	}
	fs, err := e.Evaluate(in, asOf)
	if err != nil {
		log.Fatal(err)
	}
	return fs
}

// exPrint prints findings a line each: day, rule, severity, who, and the
// message, then the provision.
func exPrint(fs []accountability.Finding) {
	if len(fs) == 0 {
		fmt.Println("no findings")
	}
	for _, f := range fs {
		who := f.Unit
		if f.Officer != "" {
			who += "/" + f.Officer
		}
		fmt.Printf("%s %s [%s] %s %s: %s\n", f.Day, f.Rule, f.Severity, f.Case+f.Inquiry, who, f.Message)
		fmt.Printf("    %s\n", f.Citation)
	}
}

// exPrintText prints a report's text with the spaces that end some of its
// lines trimmed, since an Output comment cannot hold them.
func exPrintText(text string) {
	for line := range strings.Lines(text) {
		fmt.Println(strings.TrimRight(line, " \n"))
	}
}

// exErrors prints the location and sentinel of each *accountability.Error
// an error joins.
func exErrors(err error, sentinels ...error) {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		var ae *accountability.Error
		if !errors.As(e, &ae) {
			continue
		}
		for _, s := range sentinels {
			if errors.Is(e, s) {
				fmt.Printf("%s: %v\n", ae.Path, s)
			}
		}
	}
}

// The whole story. A licensing bureau decided one licence seven working
// days late (行政许可法 Art 42 ¶1) and refused another without entering the
// refusal in the register (否定报备, cited to 福建省机关效能建设工作条例 as a
// whole); the market bureau had no breach. The rules turn the records into
// findings, the Zhejiang ladder (浙江省影响机关工作效能行为责任追究办法 Art 5)
// turns the findings into measures, a scorecard ranks the two units, and a
// report gathers it all.
func Example() {
	lic := exReference("licensing")
	late := lic.NewCase("XK-1")
	exFire(lic, late,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件001"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理001"),
		exEvent(exLi, "grant", exAt(2025, 11, 10), "decision", "准予许可决定书"))
	refused := lic.NewCase("XK-2")
	exFire(lic, refused,
		exEvent(exWang, "receive", exAt(2025, 10, 9), "voucher", "收件002"),
		exEvent(exWang, "accept", exAt(2025, 10, 10), "voucher", "受理002"),
		exEvent(exLi, "refuse", exAt(2025, 10, 20), "reasons", "场所不符合条件", "appeal_rights", "复议、诉讼"))
	in := accountability.Input{Records: []accountability.Record{
		{Unit: "审批局", Case: late}, {Unit: "审批局", Case: refused},
	}}
	asOf := date.New(2025, 11, 10)
	findings := exEvaluate(in, asOf)

	ladder, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		log.Fatal(err)
	}
	card, err := accountability.NewScorecard(accountability.ScorecardSpec{
		Name:       "效能考评",
		Indicators: []accountability.Indicator{{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(100)}},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Points: decimal.NewFromInt(2)}},
	})
	if err != nil {
		log.Fatal(err)
	}
	ranking, err := card.Rank([]accountability.UnitScores{
		{Unit: "审批局", Values: map[string]decimal.Decimal{"on_time": decimal.RequireFromString("0.96")}},
		{Unit: "市场监管局", Values: map[string]decimal.Decimal{"on_time": decimal.RequireFromString("0.93")}},
	}, findings, nil)
	if err != nil {
		log.Fatal(err)
	}
	exPrintText(accountability.NewReport(asOf, findings, ladder, &ranking).Text())
	// Output:
	// 效能监察报告 Efficiency supervision report — 2025-11-10
	//
	// 按规则 By rule
	//   refusal-register   否定报备             轻微 1 · 较重 0 · 严重 0 · 预警 0 · 免责 0
	//   time-limit         限时办结             轻微 0 · 较重 1 · 严重 0 · 预警 0 · 免责 0
	//
	// 按单位 By unit
	//   审批局         轻微 1 · 较重 1 · 严重 0 · 预警 0 · 免责 0 · 超期 7 日 overdue days · 责任人 1 officer(s)
	//
	// 按人员 By officer
	//   李强     审批局         轻微 1 · 较重 1 · 严重 0 · 预警 0 · 免责 0 · 最重措施 heaviest measure: 通报批评 / circular criticism
	//
	// 单位排名 Ranking
	//    1. 市场监管局     93 (93 − 0)
	//    2. 审批局         92 (96 − 4)
	//
	// 问题清单 Findings
	//   [情节较重] 2025-10-31 time-limit XK-1 审批局/李强: 作出行政许可决定于 2025-10-30 届满，超期7个工作日（限时办结）
	//       《行政许可法》第四十二条第一款 — licensing decision: fell due on 2025-10-30, 7 working days over (time limit)
	//       措施 measure: 通报批评 / circular criticism
	//   [情节轻微] 2025-10-24 refusal-register XK-2 审批局/李强: 2025-10-20 作出否定性决定，3 日内未登记报备（理由、依据、领导意见）
	//       《福建省机关效能建设工作条例》 — refused on 2025-10-20 with no complete register entry (reasons, basis, leader's opinion) within 3 days
	//       措施 measure: 口头效能告诫 / oral efficiency warning
}

// New builds an evaluator from its options, validated once. With none it
// knows every reference procedure, their profiles and the default
// thresholds; a configuration that names what does not exist is refused,
// every problem located.
func ExampleNew() {
	e, err := accountability.New()
	if err != nil {
		log.Fatal(err)
	}
	fs, err := e.Evaluate(accountability.Input{}, date.New(2025, 10, 1))
	fmt.Println(len(fs), err)

	_, err = accountability.New(
		accountability.WithRules("speeding"),
		accountability.WithProfiles(accountability.Profile{Definition: "licensing", Notices: []procedure.Trigger{"fax"}}),
		accountability.WithProfiles(accountability.Profile{Definition: "building-permit"}),
	)
	exErrors(err, accountability.ErrInvalidConfig, accountability.ErrUnknownDefinition)
	// Output:
	// 0 <nil>
	// rules[0]: accountability: invalid configuration
	// profiles[0].notices[0]: accountability: invalid configuration
	// profiles[1].definition: accountability: unknown procedure
}

// WithDefinitions limits the evaluator to the procedures given: a record
// of any other is refused.
func ExampleWithDefinitions() {
	complaint := exReference("complaint")
	c := complaint.NewCase("TS-1")
	exFire(complaint, c, exEvent(exWang, "register", exAt(2025, 9, 1), "matter", "窗口推诿", "address", "某路1号"))
	e, err := accountability.New(accountability.WithDefinitions(exReference("licensing")))
	if err != nil {
		log.Fatal(err)
	}
	_, err = e.Evaluate(accountability.Input{Records: []accountability.Record{{Unit: "效能办", Case: c}}}, date.New(2025, 9, 2))
	exErrors(err, accountability.ErrUnknownDefinition)
	// Output:
	// records[0].case.definition: accountability: unknown procedure
}

// WithProfiles replaces the profile of a procedure as a whole, so a
// unit's profile starts from the reference one: here the licensing
// bureau gives its window one working day from receipt to acceptance
// (环节时限), keeping the notices, refusals and deemed outcomes the
// reference profile lists. Received on Thursday 25 September 2025, the
// application was accepted on Monday 29 September, three working days
// later (Sunday 28 September was a make-up working day). No statute sets
// step budgets: the finding cites 福建省机关效能建设工作条例 as a whole.
func ExampleWithProfiles() {
	var p accountability.Profile
	for _, rp := range accountability.ReferenceProfiles() {
		if rp.Definition == "licensing" {
			p = rp
		}
	}
	p.Budgets = map[procedure.State]deadline.Period{"received": {N: 1, Unit: deadline.WorkingDays}}

	lic := exReference("licensing")
	c := lic.NewCase("XK-W")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件001"),
		exEvent(exWang, "accept", exAt(2025, 9, 29), "voucher", "受理001"))
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 9, 29),
		accountability.WithProfiles(p)))
	// Output:
	// 2025-09-28 step-limit [minor] XK-W 审批局/王敏: 环节“已收件”用时3个工作日，超过环节时限1个工作日
	//     《福建省机关效能建设工作条例》
}

// WithThresholds sets the figures local rules differ on. Under the
// defaults a refusal may be entered in the register (否定报备, cited to
// 福建省机关效能建设工作条例 as a whole) within three days; a local rule of
// one day makes an entry two days later a breach.
func ExampleWithThresholds() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-R")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 10, 9), "voucher", "收件001"),
		exEvent(exWang, "accept", exAt(2025, 10, 10), "voucher", "受理001"),
		exEvent(exLi, "refuse", exAt(2025, 10, 20), "reasons", "场所不符合条件", "appeal_rights", "复议、诉讼"))
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c, Register: []accountability.RegisterEntry{{
		Event: 2, Day: date.New(2025, 10, 22), Officer: "李强",
		Reasons: "场所不符合条件", Basis: "《食品经营许可和备案管理办法》", LeaderOpinion: "同意",
	}}}}}
	asOf := date.New(2025, 10, 31)

	fmt.Println("default:")
	exPrint(exEvaluate(in, asOf))
	t := accountability.DefaultThresholds()
	t.RegisterDays = 1
	fmt.Println("one day:")
	exPrint(exEvaluate(in, asOf, accountability.WithThresholds(t)))
	// Output:
	// default:
	// no findings
	// one day:
	// 2025-10-22 refusal-register [minor] XK-R 审批局/李强: 2025-10-20 作出否定性决定，1 日内未登记报备（理由、依据、领导意见）
	//     《福建省机关效能建设工作条例》
}

// WithRules runs some rules only: a scan for breaches of time limits
// leaves the warning lights of electronic supervision out. The licence,
// accepted on 26 September 2025, was due on 30 October (行政许可法 Art 42
// ¶1) and is still open on 3 November.
func ExampleWithRules() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-O")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件001"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理001"))
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}
	asOf := date.New(2025, 11, 3)
	for _, opts := range [][]accountability.Option{nil, {accountability.WithRules(accountability.RuleTimeLimit)}} {
		var rules []string
		for _, f := range exEvaluate(in, asOf, opts...) {
			rules = append(rules, string(f.Rule))
		}
		fmt.Println(rules)
	}
	// Output:
	// [red-light time-limit]
	// [time-limit]
}

// WithCalendar sets the calendar on which inquiries are counted (首问负责):
// asked on Friday 31 October 2025 and answered on Tuesday 4 November, an
// inquiry is late on the national calendar, where the one working day
// allowed is Monday 3 November, but in time where the office was closed
// that Monday for a move. The rule cites 福建省机关效能建设工作条例 as a
// whole.
func ExampleWithCalendar() {
	q := accountability.Inquiry{ID: "Q-7", Unit: "审批局", Officer: "王敏", At: exAt(2025, 10, 31),
		Outcome: accountability.OutcomeAnswered, OutcomeAt: exAt(2025, 11, 4)}
	in := accountability.Input{Inquiries: []accountability.Inquiry{q}}
	asOf := date.New(2025, 11, 10)
	exPrint(exEvaluate(in, asOf))

	local, err := deadline.ChinaMainland().With(deadline.WithOverrides(deadline.Override{
		Date: date.New(2025, 11, 3), Name: "办公场所搬迁闭馆", NameEN: "office move", Notice: "本局公告2025年第7号"}))
	if err != nil {
		log.Fatal(err)
	}
	exPrint(exEvaluate(in, asOf, accountability.WithCalendar(local)))
	// Output:
	// 2025-11-04 first-inquiry [minor] Q-7 审批局/王敏: 首问事项（2025-10-31 受理）未及时答复、办理或引导：已答复
	//     《福建省机关效能建设工作条例》
	// no findings
}

// A licence decided late (行政许可法 Art 42 ¶1: 20 working days from
// acceptance). Accepted on 26 September 2025, it was due on 30 October.
// 王敏 kept it in review until he told the applicant of the right to a
// hearing on 3 November; the applicant had five working days to ask for
// one (Art 47 ¶1), to 10 November, and 李强 closed them on 11 November
// and granted the licence on 14 November. The overrun is split among the
// steps it passed in: the five days the case waited on the applicant are
// no officer's, and the finding is 李强's, who held the case four of the
// other six days, most of them in review.
func ExampleEvaluator_Evaluate() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-2025-017")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件017"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理017"),
		exEvent(exWang, "notify_hearing_right", exAt(2025, 11, 3)),
		exEvent(exLi, "hearing_window_closed", exAt(2025, 11, 11)),
		exEvent(exLi, "grant", exAt(2025, 11, 14), "decision", "准予许可决定书"))
	e, err := accountability.New()
	if err != nil {
		log.Fatal(err)
	}
	fs, err := e.Evaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 11, 14))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range fs {
		fmt.Printf("%s: clock %s, %s, %d working days over from %s, %s\n", f.Rule, f.Clock, f.Severity, f.Overdue, f.Day, f.Severity.Chinese())
		fmt.Printf("responsible: %s (%s, step %s)\n", f.Officer, f.Unit, f.Step)
		fmt.Printf("provision: %s / %s\n", f.Citation, f.Citation.English())
		for _, d := range f.Delay {
			who := d.Officer
			if d.Waiting {
				who = "(waiting on the party)"
			}
			fmt.Printf("  %-15s %s %d\n", d.Step, who, d.Days)
		}
		for _, x := range f.Evidence {
			fmt.Printf("  evidence: event %d %s %s\n", x.Index, x.Trigger, deadline.DateOf(x.At))
		}
		fmt.Println(f.Message)
		fmt.Println(f.MessageEN)
	}
	// Output:
	// time-limit: clock decision, serious, 11 working days over from 2025-10-31, 情节严重
	// responsible: 李强 (审批局, step accepted)
	// provision: 《行政许可法》第四十二条第一款 / Administrative Licensing Law, art. 42(1)
	//   accepted        王敏 2
	//   hearing_notice  (waiting on the party) 5
	//   hearing_notice  李强 1
	//   accepted        李强 3
	//   evidence: event 1 accept 2025-09-26
	//   evidence: event 4 grant 2025-11-14
	// 作出行政许可决定于 2025-10-30 届满，超期11个工作日（限时办结）
	// licensing decision: fell due on 2025-10-30, 11 working days over (time limit)
}

// 限时办结: an agency's time limit is judged net of the time the law does
// not count. Two licences accepted on 26 September 2025 are granted on 6
// November; one had five working days of expert review, which 行政许可法
// Art 45 leaves out of the 20 working days, and is in time.
func ExampleRuleID_timeLimit() {
	lic := exReference("licensing")
	reviewed := lic.NewCase("XK-E")
	plain := lic.NewCase("XK-P")
	for _, c := range []*procedure.Case{reviewed, plain} {
		exFire(lic, c,
			exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
			exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"))
	}
	exFire(lic, reviewed,
		exEvent(exWang, "exclude_time", exAt(2025, 10, 13), "cause", "expert_review", "duration", "5个工作日"),
		exEvent(exWang, "resume_count", exAt(2025, 10, 17)))
	for _, c := range []*procedure.Case{reviewed, plain} {
		exFire(lic, c, exEvent(exLi, "grant", exAt(2025, 11, 6), "decision", "准予许可决定书"))
	}
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{
		{Unit: "审批局", Case: reviewed}, {Unit: "审批局", Case: plain},
	}}, date.New(2025, 11, 6), accountability.WithRules(accountability.RuleTimeLimit)))
	// Output:
	// 2025-10-31 time-limit [more_serious] XK-P 审批局/李强: 作出行政许可决定于 2025-10-30 届满，超期5个工作日（限时办结）
	//     《行政许可法》第四十二条第一款
}

// 限时办结（环节时限）: a step may overrun the budget its unit gives it even
// when the case meets its statutory limit. The bureau gives review ten
// working days; a licence accepted on 26 September 2025 and granted on 20
// October spent twelve there, well within the 20 of the statute
// (行政许可法 Art 42 ¶1). No statute sets step budgets: the finding cites
// the regulation the efficiency systems are modelled on,
// 福建省机关效能建设工作条例, as a whole.
func ExampleRuleID_stepLimit() {
	var p accountability.Profile
	for _, rp := range accountability.ReferenceProfiles() {
		if rp.Definition == "licensing" {
			p = rp
		}
	}
	p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 10, Unit: deadline.WorkingDays}}
	lic := exReference("licensing")
	c := lic.NewCase("XK-S")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"),
		exEvent(exLi, "grant", exAt(2025, 10, 20), "decision", "准予许可决定书"))
	fs := exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 10, 20),
		accountability.WithProfiles(p))
	exPrint(fs)
	// Output:
	// 2025-10-17 step-limit [minor] XK-S 审批局/李强: 环节“已受理（审查中）”用时12个工作日，超过环节时限10个工作日
	//     《福建省机关效能建设工作条例》
}

// 服务承诺: a unit that promises ten working days for a decision the
// statute allows twenty for (行政许可法 Art 42 ¶1) is held to its promise,
// and the same clock is judged again against the statute. Accepted on 26
// September 2025 and decided on 20 October, a licence broke the promise
// only; decided on 3 November, it broke both. The promised rule here is
// built from the statutory one, as package catalogue builds it for an
// item whose promise names no document of its own: it keeps the
// statute's citation, and so does the promise finding.
func ExampleRuleID_promise() {
	statutory, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	promised := statutory
	promised.ID, promised.Name, promised.NameEN = statutory.ID+":promised", statutory.Name+"（承诺时限）", statutory.NameEN+" (promised limit)"
	promised.Period.N = 10
	lic := exReference("licensing", procedure.WithRule("decision", promised))
	var records []accountability.Record
	for i, decided := range []time.Time{exAt(2025, 10, 20), exAt(2025, 11, 3)} {
		c := lic.NewCase(fmt.Sprintf("XK-C%d", i+1))
		exFire(lic, c,
			exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
			exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"),
			exEvent(exLi, "grant", decided, "decision", "准予许可决定书"))
		records = append(records, accountability.Record{Unit: "审批局", Case: c})
	}
	exPrint(exEvaluate(accountability.Input{Records: records}, date.New(2025, 11, 3),
		accountability.WithRules(accountability.RulePromise, accountability.RuleTimeLimit)))
	// Output:
	// 2025-10-17 promise [minor] XK-C1 审批局/李强: 作出行政许可决定（承诺时限）于 2025-10-16 届满，超期2个工作日（服务承诺）
	//     《福建省机关效能建设工作条例》
	// 2025-10-17 promise [serious] XK-C2 审批局/李强: 作出行政许可决定（承诺时限）于 2025-10-16 届满，超期12个工作日（服务承诺）
	//     《福建省机关效能建设工作条例》
	// 2025-10-31 time-limit [minor] XK-C2 审批局/李强: 作出行政许可决定于 2025-10-30 届满，超期2个工作日（限时办结）
	//     《行政许可法》第四十二条第一款
}

// 一次性告知: a notice of supplements must list at once everything the
// application lacks. A later notice that asks again for what the first
// listed, and the supplement still lacked, is no breach; one that asks for
// a material the first neither asked for nor found conforming — so that
// it was already missing then — is (行政许可法 Art 32 ¶1(4)).
func ExampleRuleID_oneTimeNotice() {
	lic := exReference("licensing")
	var records []accountability.Record
	for i, second := range []string{"营业执照", "营业执照；场所证明"} {
		c := lic.NewCase(fmt.Sprintf("XK-N%d", i+1))
		exFire(lic, c,
			exEvent(exWang, "receive", exAt(2025, 9, 1), "voucher", "收件"),
			exEvent(exWang, "request_supplement", exAt(2025, 9, 2), "missing", "营业执照；健康证明", "conforming", "申请书"),
			exEvent(exLi, "request_supplement", exAt(2025, 9, 10), "missing", second),
			exEvent(exLi, "supplement", exAt(2025, 9, 15), "voucher", "补正"))
		records = append(records, accountability.Record{Unit: "审批局", Case: c})
	}
	exPrint(exEvaluate(accountability.Input{Records: records}, date.New(2025, 9, 20),
		accountability.WithRules(accountability.RuleOneTimeNotice)))
	// Output:
	// 2025-09-10 one-time-notice [minor] XK-N2 审批局/李强: 再次告知补正的材料在首次告知（2025-09-02）时已缺少而未告知：场所证明
	//     《行政许可法》第三十二条第一款第（四）项
}

// 否定报备: a refusal must be entered in the register, with its reasons,
// its legal basis and the leader's opinion, within three days (the
// default thresholds; the finding cites 福建省机关效能建设工作条例 as a
// whole). Both licences were refused on 20 October 2025; only the first
// was entered.
func ExampleRuleID_refusalRegister() {
	lic := exReference("licensing")
	var records []accountability.Record
	for _, id := range []string{"XK-R1", "XK-R2"} {
		c := lic.NewCase(id)
		exFire(lic, c,
			exEvent(exWang, "receive", exAt(2025, 10, 9), "voucher", "收件"),
			exEvent(exWang, "accept", exAt(2025, 10, 10), "voucher", "受理"),
			exEvent(exLi, "refuse", exAt(2025, 10, 20), "reasons", "场所不符合条件", "appeal_rights", "复议、诉讼"))
		records = append(records, accountability.Record{Unit: "审批局", Case: c})
	}
	records[0].Register = []accountability.RegisterEntry{{Event: 2, Day: date.New(2025, 10, 21), Officer: "李强",
		Reasons: "场所不符合条件", Basis: "《食品经营许可和备案管理办法》", LeaderOpinion: "同意"}}
	exPrint(exEvaluate(accountability.Input{Records: records}, date.New(2025, 10, 31),
		accountability.WithRules(accountability.RuleRefusalRegister)))
	// Output:
	// 2025-10-24 refusal-register [minor] XK-R2 审批局/李强: 2025-10-20 作出否定性决定，3 日内未登记报备（理由、依据、领导意见）
	//     《福建省机关效能建设工作条例》
}

// 首问负责: the first officer asked answers an inquiry, handles it or
// refers it within one working day. Asked on 30 September 2025, before the
// National Day holiday, an inquiry answered on 9 October is in time; one
// referred on 10 October, or never dealt with, is not. The findings cite
// 福建省机关效能建设工作条例 as a whole.
func ExampleRuleID_firstInquiry() {
	asked := exAt(2025, 9, 30)
	in := accountability.Input{Inquiries: []accountability.Inquiry{
		{ID: "Q-1", Unit: "审批局", Officer: "王敏", At: asked, Outcome: accountability.OutcomeAnswered, OutcomeAt: exAt(2025, 10, 9)},
		{ID: "Q-2", Unit: "审批局", Officer: "王敏", At: asked, Outcome: accountability.OutcomeReferred, OutcomeAt: exAt(2025, 10, 10), ReferredTo: "市场监管局"},
		{ID: "Q-3", Unit: "审批局", Officer: "李强", At: asked},
	}}
	exPrint(exEvaluate(in, date.New(2025, 10, 20)))
	// Output:
	// 2025-10-10 first-inquiry [minor] Q-2 审批局/王敏: 首问事项（2025-09-30 受理）未及时答复、办理或引导：已引导转交
	//     《福建省机关效能建设工作条例》
	// 2025-10-10 first-inquiry [minor] Q-3 审批局/李强: 首问事项（2025-09-30 受理）未及时答复、办理或引导：未处理
	//     《福建省机关效能建设工作条例》
}

// exInReview is a licence 王敏 received on 25 September 2025 and
// accepted the next day: in review since.
func exInReview(id string) *procedure.Case {
	lic := exReference("licensing")
	c := lic.NewCase(id)
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"))
	return c
}

// AB角（同岗替代）: while an officer is away, the substitute designated for
// the post carries the case. 王敏 accepted two licences on 26 September
// 2025 and holds them in review; he is away from 9 to 17 October, and 张华
// is his substitute. XK-AB lies idle beyond the two working days allowed;
// 张华 acts on XK-AB2 on the 9th, 13th and 16th, telling the interested
// parties (行政许可法 Art 36), which leaves it in review, but is handling:
// never more than two working days pass between. The finding, 张华's,
// cites 福建省机关效能建设工作条例 as a whole.
func ExampleRuleID_substitute() {
	c := exInReview("XK-AB")
	handled := exInReview("XK-AB2")
	zhang := procedure.Actor{Officer: "张华", Unit: "审批局"}
	for _, d := range []int{9, 13, 16} {
		exFire(exReference("licensing"), handled, exEvent(zhang, "notify_interested", exAt(2025, 10, d), "parties", "相邻住户"))
	}
	roster := accountability.Roster{
		Officers: []accountability.Officer{
			{ID: "王敏", Unit: "审批局", Substitute: "张华"},
			{ID: "张华", Unit: "审批局"},
			{ID: "李强", Unit: "审批局"},
		},
		Absences: []accountability.Absence{{Officer: "王敏", From: date.New(2025, 10, 9), To: date.New(2025, 10, 17)}},
	}
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}, {Unit: "审批局", Case: handled}}, Roster: roster},
		date.New(2025, 10, 20), accountability.WithRules(accountability.RuleSubstitute)))
	// Output:
	// 2025-10-11 substitute [minor] XK-AB 审批局/张华: 王敏 外出期间（2025-10-09 至 2025-10-17）由 张华 顶岗，案件闲置 8 个工作日
	//     《福建省机关效能建设工作条例》
}

// AB角（岗位空缺）: every post has a substitute, and none may be left
// empty. The same licence, 王敏 away from 9 to 17 October with no
// substitute designated: the case lies idle beyond the two working days
// allowed, and the finding is the unit's, naming no officer.
func ExampleRuleID_vacantPost() {
	c := exInReview("XK-AB")
	roster := accountability.Roster{
		Officers: []accountability.Officer{{ID: "王敏", Unit: "审批局"}, {ID: "李强", Unit: "审批局"}},
		Absences: []accountability.Absence{{Officer: "王敏", From: date.New(2025, 10, 9), To: date.New(2025, 10, 17)}},
	}
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}, Roster: roster},
		date.New(2025, 10, 20), accountability.WithRules(accountability.RuleSubstitute, accountability.RuleVacantPost)))
	// Output:
	// 2025-10-11 vacant-post [minor] XK-AB 审批局: 王敏 外出期间（2025-10-09 至 2025-10-17）未确定B角，岗位空缺，案件闲置 8 个工作日
	//     《福建省机关效能建设工作条例》
}

// 视为受理: an application neither accepted nor answered with a notice of
// supplements within five working days of receipt is accepted by law
// (行政许可法 Art 32 ¶1(4)).
// Received on 24 January 2025, before the Spring Festival, the
// application was deemed accepted when 7 February ended; Advance writes
// the law's outcome in the log, and the rule charges the officer who held
// the application.
func ExampleRuleID_deemedAcceptance() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-D")
	exFire(lic, c, exEvent(exWang, "receive", exAt(2025, 1, 24), "voucher", "收件"))
	auto, err := lic.Advance(context.Background(), c, exAt(2025, 2, 10))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range auto {
		fmt.Println("automatic:", e.Trigger, e.At.Format(time.DateTime), "→", e.To)
	}
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 2, 10),
		accountability.WithRules(accountability.RuleDeemedAcceptance)))
	// Output:
	// automatic: deem_accepted 2025-02-08 00:00:00 → accepted
	// 2025-02-08 deemed-acceptance [more_serious] XK-D 审批局/王敏: 未在法定期限内告知补正，于 2025-02-07 届满后视为受理
	//     《行政许可法》第三十二条第一款第（四）项
}

// 视为准予延续: the agency decides on a renewal before the licence
// expires; if it does not, the law grants the renewal (行政许可法 Art 50
// ¶2). A licence in force until 10 September 2026, whose holder applied on
// 10 August: no decision by the end of the 10th, so Advance writes the
// renewal the law deemed granted, and the rule charges the officer who
// held the application. The limit itself was not overrun: the law ended
// it on its last day.
func ExampleRuleID_deemedRenewal() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-Y")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2026, 2, 2), "voucher", "收件"),
		exEvent(exWang, "decide_on_spot", exAt(2026, 2, 2), "decision", "准予许可决定书", "complete", "true"),
		exEvent(exWang, "issue_certificate", exAt(2026, 2, 2), "certificate", "JY-1"),
		exEvent(exWang, "deliver", exAt(2026, 2, 2)),
		exEvent(exWang, "apply_renewal", exAt(2026, 8, 10), "expires", "2026-09-10"))
	auto, err := lic.Advance(context.Background(), c, exAt(2026, 9, 14))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range auto {
		fmt.Println("automatic:", e.Trigger, e.At.Format(time.DateTime), "→", e.To)
	}
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2026, 9, 14)))
	// Output:
	// automatic: deem_renewed 2026-09-11 00:00:00 → in_force
	// 2026-09-11 deemed-renewal [more_serious] XK-Y 审批局/王敏: 未在许可有效期届满前作出是否准予延续的决定，于 2026-09-10 届满后视为准予延续
	//     《行政许可法》第五十条第二款
}

// 行政协助: an agency asked for assistance answers, agreeing or refusing
// in writing, within the limit the requesting unit set (five working days
// by default; no statute sets one). The finding is the agency asked's,
// not the requesting officer's, and names no officer of it: none acted in
// the case. It cites the rule of the answer clock, the unit's own; the
// rule's default, 行政处罚法 Art 26, applies only to a clock that cites
// nothing.
func ExampleRuleID_assistance() {
	as := exReference("assistance")
	c := as.NewCase("XZ-1")
	exFire(as, c, exEvent(procedure.Actor{Officer: "赵刚", Unit: "市场监管局"}, "request", exAt(2025, 9, 1),
		"case_ref", "市监罚〔2025〕12号", "requested_agency", "公安局", "matter", "核查当事人身份"))
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "市场监管局", Case: c}}}, date.New(2025, 9, 12),
		accountability.WithRules(accountability.RuleAssistance)))
	// Output:
	// 2025-09-09 assistance [more_serious] XZ-1 公安局: 答复协助请求（默认5个工作日，机关自定期限，非法定）于 2025-09-08 届满，超期4个工作日（行政协助）
	//     《本机关行政协助工作规则（机关自定默认值，非法定）》
}

// 投诉回访: a concluded complaint is followed up within ten working days
// (the unit's own limit, which the finding cites). This one was concluded
// on 5 September 2025 and not followed up by 30 September.
func ExampleRuleID_followUp() {
	cp := exReference("complaint")
	c := cp.NewCase("TS-1")
	staff := procedure.Actor{Officer: "陈静", Unit: "效能办"}
	exFire(cp, c,
		exEvent(staff, "register", exAt(2025, 9, 1), "matter", "窗口推诿", "address", "某路1号"),
		exEvent(staff, "notify", exAt(2025, 9, 2), "notice", "书面告知"),
		exEvent(staff, "accept_case", exAt(2025, 9, 3), "accepted_by", "效能办"),
		exEvent(staff, "conclude", exAt(2025, 9, 5), "opinion", "投诉属实", "reply", "已书面答复"))
	exPrint(exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "效能办", Case: c}}}, date.New(2025, 9, 30),
		accountability.WithRules(accountability.RuleFollowUp)))
	// Output:
	// 2025-09-20 follow-up [more_serious] TS-1 效能办/陈静: 办结后回访（默认10个工作日，机关自定期限，非法定）于 2025-09-19 届满，超期8个工作日（投诉回访）
	//     《本机关效能投诉办理规则（机关自定默认值，非法定）》
}

// 电子监察黄灯: a running limit near its end lights yellow, a warning that
// leads to no sanction. A licence accepted on 26 September 2025 is due on
// 30 October (行政许可法 Art 42 ¶1, which the light cites); on 29 October
// one working day is left.
func ExampleRuleID_yellowLight() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-Y")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"))
	fs := exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 10, 29))
	exPrint(fs)
	fmt.Println("sanctionable:", fs[0].Sanctionable())
	// Output:
	// 2025-10-29 yellow-light [warning] XK-Y 审批局/王敏: 作出行政许可决定将于 2025-10-30 届满，剩余1个工作日
	//     《行政许可法》第四十二条第一款
	// sanctionable: false
}

// Near the end of the calendar's coverage: a licence accepted on 8
// December 2026 falls due in January 2027, which the next holiday notice
// arranges. On 31 December its yellow light is counted as if January
// followed the weekly pattern, and says Provisional; on 4 January whether
// the limit has run out depends on that notice, and the evaluation
// refuses to guess.
func ExampleFinding_provisional() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-2026-1208")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2026, 12, 7), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2026, 12, 8), "voucher", "受理"))
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}
	for _, f := range exEvaluate(in, date.New(2026, 12, 31)) {
		fmt.Println(f.Rule, "provisional:", f.Provisional, f.MessageEN)
	}
	e, err := accountability.New()
	if err != nil {
		log.Fatal(err)
	}
	_, err = e.Evaluate(in, date.New(2027, 1, 4))
	fmt.Println(errors.Is(err, accountability.ErrCannotCount), errors.Is(err, deadline.ErrOutOfCoverage))
	// Output:
	// yellow-light provisional: true licensing decision: falls due on 2027-01-05, 3 working days left
	// true true
}

// 电子监察红灯: a running limit that has passed lights red. The red light
// is a warning; the overrun itself is a breach of the time limit
// (行政许可法 Art 42 ¶1), found beside it.
func ExampleRuleID_redLight() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-Y")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"))
	for _, f := range exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, date.New(2025, 10, 31)) {
		fmt.Printf("%s %s sanctionable=%t: %s\n", f.Rule, f.Severity, f.Sanctionable(), f.MessageEN)
	}
	// Output:
	// red-light warning sanctionable=false: licensing decision: fell due on 2025-10-30, 1 working day overdue and still open
	// time-limit minor sanctionable=true: licensing decision: fell due on 2025-10-30, 1 working day over (time limit)
}

// A finding leads to a sanction when it is a breach, not a warning, and no
// exemption covers it (免责: here force majeure, under the Zhejiang
// measures' grounds).
func ExampleFinding_Sanctionable() {
	lic := exReference("licensing")
	var records []accountability.Record
	for _, id := range []string{"XK-1", "XK-2"} {
		c := lic.NewCase(id)
		exFire(lic, c,
			exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
			exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"))
		records = append(records, accountability.Record{Unit: "审批局", Case: c})
	}
	records[1].Exemptions = []accountability.Exemption{{Rule: accountability.RuleTimeLimit,
		Ground: accountability.GroundForceMajeure, Reason: "台风致系统停运三日"}}
	for _, f := range exEvaluate(accountability.Input{Records: records}, date.New(2025, 11, 3)) {
		exempt := ""
		if f.Exempt != nil {
			exempt = " exempt: " + f.Exempt.Ground.Chinese()
		}
		fmt.Printf("%s %s %s%s → sanctionable %t\n", f.Case, f.Rule, f.Severity, exempt, f.Sanctionable())
	}
	// Output:
	// XK-1 red-light warning → sanctionable false
	// XK-1 time-limit minor → sanctionable true
	// XK-2 red-light warning → sanctionable false
	// XK-2 time-limit minor exempt: 不可抗力 → sanctionable false
}

// Rules lists the built-in rules with the provision each cites by
// default: the statutory ones their articles, the efficiency systems the
// provincial regulation they are modelled on.
func ExampleRules() {
	for _, r := range accountability.Rules() {
		fmt.Printf("%-17s %s / %s — %s\n", r.ID, r.Name, r.NameEN, r.Citation)
	}
	// Output:
	// time-limit        限时办结 / time limit — 《福建省机关效能建设工作条例》
	// step-limit        限时办结（环节时限） / step time limit — 《福建省机关效能建设工作条例》
	// promise           服务承诺 / service commitment — 《福建省机关效能建设工作条例》
	// one-time-notice   一次性告知 / one-time notification — 《行政许可法》第三十二条第一款第（四）项
	// refusal-register  否定报备 / refusal reporting — 《福建省机关效能建设工作条例》
	// first-inquiry     首问负责 / first-inquiry responsibility — 《福建省机关效能建设工作条例》
	// substitute        AB角（同岗替代） / paired posts — 《福建省机关效能建设工作条例》
	// vacant-post       AB角（岗位空缺） / paired posts: a post left empty — 《福建省机关效能建设工作条例》
	// deemed-acceptance 视为受理 / deemed acceptance — 《行政许可法》第三十二条第一款第（四）项
	// deemed-renewal    视为准予延续 / deemed renewal — 《行政许可法》第五十条第二款
	// assistance        行政协助 / administrative assistance — 《行政处罚法》第二十六条
	// follow-up         投诉回访 / complaint follow-up — 《福建省机关效能建设工作条例》
	// yellow-light      电子监察黄灯预警 / electronic supervision: yellow light — 《福建省机关效能建设工作条例》
	// red-light         电子监察红灯 / electronic supervision: red light — 《福建省机关效能建设工作条例》
}

func ExampleLookupRule() {
	r, ok := accountability.LookupRule(accountability.RuleDeemedAcceptance)
	fmt.Println(ok, r.Name, r.NameEN)
	fmt.Println(r.Citation, "/", r.Citation.English())
	_, ok = accountability.LookupRule("speeding")
	fmt.Println(ok)
	// Output:
	// true 视为受理 deemed acceptance
	// 《行政许可法》第三十二条第一款第（四）项 / Administrative Licensing Law, art. 32(1)(4)
	// false
}

// ReferenceProfiles says what the events of each reference procedure mean
// to the rules.
func ExampleReferenceProfiles() {
	for _, p := range accountability.ReferenceProfiles() {
		fmt.Printf("%s:", p.Definition)
		if len(p.Notices) > 0 {
			fmt.Print(" notices ", p.Notices)
		}
		if len(p.Refusals) > 0 {
			fmt.Print(" refusals ", p.Refusals)
		}
		if len(p.Deemed) > 0 {
			fmt.Print(" deemed ", p.Deemed)
		}
		for _, t := range slices.Sorted(maps.Keys(p.DeemedRules)) {
			fmt.Printf(" deemed %s → %s", t, p.DeemedRules[t])
		}
		for _, clock := range slices.Sorted(maps.Keys(p.ClockRules)) {
			fmt.Printf(" clock %s → %s", clock, p.ClockRules[clock])
		}
		if len(p.Notices)+len(p.Refusals)+len(p.Deemed)+len(p.ClockRules) == 0 {
			fmt.Print(" judged on its clocks alone")
		}
		fmt.Println()
	}
	// Output:
	// licensing: notices [request_supplement] refusals [refuse_acceptance refuse refuse_renewal] deemed [deem_accepted deem_renewed] deemed deem_renewed → deemed-renewal
	// joint-licensing: notices [request_supplement] refusals [refuse_acceptance refuse] deemed [deem_accepted]
	// disclosure: notices [request_correction] refusals [withhold disclose_partly reply_not_held reply_not_responsible reply_repeat decline_unreasonable]
	// assistance: refusals [refuse] clock answer → assistance
	// complaint: clock follow_up → follow-up
	// penalty: judged on its clocks alone
	// penalty-simplified: judged on its clocks alone
	// major-decision: judged on its clocks alone
}

// ReferenceProfile is the start for a unit's own profile: WithProfiles
// replaces a definition's whole profile, so one built from nothing loses
// what the reference lists. A bureau that gives review five working days
// (环节时限) refused a licence on 20 October 2025 and entered nothing in
// the refusal register (否定报备): with the reference profile both breaches
// are found, with a profile of budgets alone the refusal goes unseen.
func ExampleReferenceProfile() {
	budgets := map[procedure.State]deadline.Period{"accepted": {N: 5, Unit: deadline.WorkingDays}}
	adjusted, ok := accountability.ReferenceProfile("licensing")
	if !ok {
		log.Fatal("no reference profile for licensing")
	}
	adjusted.Budgets = budgets
	bare := accountability.Profile{Definition: "licensing", Budgets: budgets}

	lic := exReference("licensing")
	c := lic.NewCase("XK-R")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 10, 9), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 10, 10), "voucher", "受理"),
		exEvent(exLi, "refuse", exAt(2025, 10, 20), "reasons", "场所不符合条件", "appeal_rights", "复议、诉讼"))
	in := accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}
	for _, p := range []accountability.Profile{adjusted, bare} {
		var rules []accountability.RuleID
		for _, f := range exEvaluate(in, date.New(2025, 10, 31), accountability.WithProfiles(p)) {
			rules = append(rules, f.Rule)
		}
		fmt.Println(rules)
	}
	// Output:
	// [refusal-register step-limit]
	// [step-limit]
}

func ExampleDefaultThresholds() {
	t := accountability.DefaultThresholds()
	for _, g := range t.Grades {
		fmt.Printf("overrun up to %d days: %s\n", g.UpTo, g.Severity.Chinese())
	}
	fmt.Println("beyond:", accountability.Serious.Chinese())
	fmt.Println("register within", t.RegisterDays, "days; inquiry within", t.InquiryDays, "working day; idle at most", t.IdleDays, "working days")
	for _, r := range slices.Sorted(maps.Keys(t.Severity)) {
		fmt.Println(r, t.Severity[r])
	}
	fmt.Printf("yellow light: %d working day left or %d%% used\n", t.Policy.YellowRemaining, t.Policy.YellowUsedPercent)
	// Output:
	// overrun up to 3 days: 情节轻微
	// overrun up to 10 days: 情节较重
	// beyond: 情节严重
	// register within 3 days; inquiry within 1 working day; idle at most 2 working days
	// deemed-acceptance more_serious
	// deemed-renewal more_serious
	// yellow light: 1 working day left or 80% used
}

// NewLadder validates a ladder: every severity of breach mapped, heavier
// ones never to lighter measures, escalations that raise the measure.
func ExampleNewLadder() {
	spec := accountability.LadderSpec{
		ID: "unit", Name: "本单位效能问责", NameEN: "unit accountability",
		Measures: []accountability.Measure{
			{ID: "talk", Name: "提醒谈话", NameEN: "reminder talk"},
			{ID: "criticism", Name: "通报批评", NameEN: "circular criticism"},
		},
		Severity: map[accountability.Severity]string{
			accountability.Minor: "criticism", accountability.MoreSerious: "talk", accountability.Serious: "dismissal",
		},
		Escalations: []accountability.Escalation{{Count: 1, Within: deadline.Period{N: 1, Unit: deadline.Years}, Then: "criticism"}},
	}
	_, err := accountability.NewLadder(spec)
	exErrors(err, accountability.ErrInvalidLadder)

	spec.Severity = map[accountability.Severity]string{
		accountability.Minor: "talk", accountability.MoreSerious: "criticism", accountability.Serious: "criticism",
	}
	spec.Escalations[0].Count = 2
	l, err := accountability.NewLadder(spec)
	fmt.Println(l.Spec().Name, err)
	// Output:
	// severity.more_serious: accountability: invalid sanction ladder
	// severity.serious: accountability: invalid sanction ladder
	// escalations[0].count: accountability: invalid sanction ladder
	// 本单位效能问责 <nil>
}

// Sanctions turns an officer's findings into measures in the order of
// their days. Under the Zhejiang ladder each minor breach leads to an
// oral warning, and the third within a month to a written one; a breach
// covered by an exemption leads to nothing, and does not count.
func ExampleLadder_Sanctions() {
	l, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		log.Fatal(err)
	}
	breach := func(c string, day date.Date) accountability.Finding {
		return accountability.Finding{Rule: accountability.RuleTimeLimit, Case: c, Unit: "审批局", Officer: "李强",
			Day: day, Severity: accountability.Minor}
	}
	findings := []accountability.Finding{
		breach("XK-1", date.New(2025, 10, 9)),
		breach("XK-2", date.New(2025, 10, 20)),
		breach("XK-3", date.New(2025, 10, 27)),
		breach("XK-4", date.New(2025, 11, 3)),
		breach("XK-5", date.New(2025, 12, 15)),
	}
	findings[2].Exempt = &accountability.Exemption{Ground: accountability.GroundFraud, Reason: "申请人提供虚假材料"}
	for _, s := range l.Sanctions(findings) {
		raised := ""
		if s.Escalation >= 0 {
			raised = fmt.Sprintf(" (escalation %d)", s.Escalation)
		}
		fmt.Printf("%s %s %s: %s%s — %s\n", s.Day, s.Officer, findings[s.Finding].Case, s.Measure.Name, raised, s.Citation)
	}
	// Output:
	// 2025-10-09 李强 XK-1: 口头效能告诫 — 《浙江省影响机关工作效能行为责任追究办法》第五条
	// 2025-10-20 李强 XK-2: 口头效能告诫 — 《浙江省影响机关工作效能行为责任追究办法》第五条
	// 2025-11-03 李强 XK-4: 书面效能告诫 (escalation 0) — 《机关效能问责累进规则（机关内部规定示例）》
	// 2025-12-15 李强 XK-5: 口头效能告诫 — 《浙江省影响机关工作效能行为责任追究办法》第五条
}

// Spec returns the ladder's data, a copy the caller may change.
func ExampleLadder_Spec() {
	l, err := accountability.NewLadder(accountability.CountyLadder())
	if err != nil {
		log.Fatal(err)
	}
	spec := l.Spec()
	for _, s := range []accountability.Severity{accountability.Minor, accountability.MoreSerious, accountability.Serious} {
		fmt.Printf("%s → %s\n", s.Chinese(), spec.Severity[s])
	}
	spec.Measures[0].Name = "改掉"
	fmt.Println(l.Spec().Measures[0].Name)
	// Output:
	// 情节轻微 → self-criticism
	// 情节较重 → self-criticism
	// 情节严重 → self-criticism
	// 书面检查，取消评先评优资格
}

// ZhejiangLadder is the seven measures of the Zhejiang measures on
// efficiency accountability, lightest first, with the measure each
// severity leads to.
func ExampleZhejiangLadder() {
	spec := accountability.ZhejiangLadder()
	fmt.Println(spec.Name, spec.Citation)
	for _, m := range spec.Measures {
		fmt.Printf("  %-16s %s / %s\n", m.ID, m.Name, m.NameEN)
	}
	for _, s := range []accountability.Severity{accountability.Minor, accountability.MoreSerious, accountability.Serious} {
		fmt.Printf("%s → %s\n", s.Chinese(), spec.Severity[s])
	}
	for _, e := range spec.Escalations {
		fmt.Printf("%d within %s → %s\n", e.Count, e.Within.Chinese(), e.Then)
	}
	// Output:
	// 浙江省影响机关工作效能行为责任追究办法 《浙江省影响机关工作效能行为责任追究办法》第五条
	//   oral-warning     口头效能告诫 / oral efficiency warning
	//   circular         通报批评 / circular criticism
	//   written-warning  书面效能告诫 / written efficiency warning
	//   suspension       停职检查 / suspension pending review
	//   transfer         调离工作岗位 / transfer from the post
	//   removal          免职 / removal from office
	//   dismissal        辞退 / dismissal
	// 情节轻微 → oral-warning
	// 情节较重 → circular
	// 情节严重 → suspension
	// 3 within 1个月 → written-warning
}

// CountyLadder counts repeats within a year: one breach leads to a written
// self-criticism, a second to the loss of the annual bonus, a third to
// suspension.
func ExampleCountyLadder() {
	l, err := accountability.NewLadder(accountability.CountyLadder())
	if err != nil {
		log.Fatal(err)
	}
	var findings []accountability.Finding
	for _, d := range []date.Date{date.New(2025, 3, 4), date.New(2025, 7, 15), date.New(2026, 1, 20), date.New(2026, 8, 3)} {
		findings = append(findings, accountability.Finding{Rule: accountability.RuleRefusalRegister, Case: "XK", Unit: "审批局",
			Officer: "李强", Day: d, Severity: accountability.Minor})
	}
	for _, s := range l.Sanctions(findings) {
		fmt.Println(s.Day, s.Measure.Name)
	}
	// Output:
	// 2025-03-04 书面检查，取消评先评优资格
	// 2025-07-15 扣发年度奖金
	// 2026-01-20 停职检查或组织处理
	// 2026-08-03 扣发年度奖金
}

// NewScorecard validates a scorecard: the weights must sum to the total
// declared, the deductions and vetoes name built-in rules.
func ExampleNewScorecard() {
	_, err := accountability.NewScorecard(accountability.ScorecardSpec{
		Name: "效能考评",
		Indicators: []accountability.Indicator{
			{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: "satisfaction", Name: "群众满意度", Weight: decimal.NewFromInt(30)},
		},
		Total:  decimal.NewFromInt(100),
		Vetoes: []accountability.Veto{{Rule: "corruption"}},
	})
	exErrors(err, accountability.ErrInvalidScorecard)
	// Output:
	// total: accountability: invalid scorecard
	// vetoes[0].rule: accountability: invalid scorecard
}

// Rank scores units on weighted indicators, less two points a breach. The
// housing bureau was last the period before. Two outcomes of this period:
// in the first it is last again, and flagged for two periods running (the
// scorecard's LastPlaces, e.g. the ground for a leader's resignation,
// 引咎辞职); in the second the market bureau scores best, but its deemed
// acceptance, a veto rule (一票否决), ranks it below every other unit.
func ExampleScorecard_Rank() {
	card, err := accountability.NewScorecard(accountability.ScorecardSpec{
		Name: "效能考评",
		Indicators: []accountability.Indicator{
			{ID: "on_time", Name: "按时办结率", Weight: decimal.NewFromInt(60)},
			{ID: "satisfaction", Name: "群众满意度", Weight: decimal.NewFromInt(40)},
		},
		Total:      decimal.NewFromInt(100),
		Deductions: []accountability.Deduction{{Points: decimal.NewFromInt(2)}},
		Vetoes:     []accountability.Veto{{Rule: accountability.RuleDeemedAcceptance}},
		Bottom:     1,
		LastPlaces: 2,
	})
	if err != nil {
		log.Fatal(err)
	}
	scores := func(onTime, satisfaction string) map[string]decimal.Decimal {
		return map[string]decimal.Decimal{"on_time": decimal.RequireFromString(onTime), "satisfaction": decimal.RequireFromString(satisfaction)}
	}
	units := []accountability.UnitScores{
		{Unit: "审批局", Values: scores("0.95", "0.90")},
		{Unit: "市场监管局", Values: scores("0.98", "0.95")},
		{Unit: "住建局", Values: scores("0.85", "0.80")},
	}
	breach := func(unit string, r accountability.RuleID, s accountability.Severity) accountability.Finding {
		return accountability.Finding{Rule: r, Unit: unit, Officer: "某", Day: date.New(2025, 10, 20), Severity: s}
	}
	earlier, err := card.Rank(units, []accountability.Finding{
		breach("住建局", accountability.RuleTimeLimit, accountability.Minor),
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("last period, last:", earlier.Last())
	for _, findings := range [][]accountability.Finding{
		{breach("审批局", accountability.RuleTimeLimit, accountability.Minor),
			breach("住建局", accountability.RuleTimeLimit, accountability.MoreSerious)},
		{breach("审批局", accountability.RuleTimeLimit, accountability.Minor),
			breach("市场监管局", accountability.RuleDeemedAcceptance, accountability.MoreSerious)},
	} {
		r, err := card.Rank(units, findings, []accountability.Ranking{earlier})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("this period:")
		for _, row := range r.Rows {
			line := fmt.Sprintf("  %d. %s %s = %s − %s", row.Rank, row.Unit, row.Score, row.Weighted, row.Deducted)
			if row.Vetoed {
				line += fmt.Sprint(" vetoed by ", row.VetoedBy)
			}
			if row.Bottom {
				line += " bottom"
			}
			if row.LastPlace > 0 {
				line += fmt.Sprintf(" last %d running", row.LastPlace)
			}
			if row.Flagged {
				line += " flagged"
			}
			fmt.Println(line)
		}
	}
	// Output:
	// last period, last: 住建局
	// this period:
	//   1. 市场监管局 96.8 = 96.8 − 0
	//   2. 审批局 91 = 93 − 2
	//   3. 住建局 81 = 83 − 2 bottom last 2 running flagged
	// this period:
	//   1. 审批局 91 = 93 − 2
	//   2. 住建局 83 = 83 − 0
	//   3. 市场监管局 94.8 = 96.8 − 2 vetoed by [deemed-acceptance] bottom last 1 running
}

// A scorecard is data: read from a unit's JSON, validated by
// NewScorecard, and written back from Spec, a copy the caller may change.
func ExampleScorecard_Spec() {
	var spec accountability.ScorecardSpec
	err := json.Unmarshal([]byte(`{"name": "效能考评",
	  "indicators": [{"id": "on_time", "name": "按时办结率", "weight": "60"},
	                 {"id": "satisfaction", "name": "群众满意度", "weight": "40"}],
	  "total": "100", "deductions": [{"points": "2"}],
	  "vetoes": [{"rule": "deemed-acceptance"}], "bottom": 1}`), &spec)
	if err != nil {
		log.Fatal(err)
	}
	card, err := accountability.NewScorecard(spec)
	if err != nil {
		log.Fatal(err)
	}
	// Changing the copy changes nothing in the scorecard.
	out := card.Spec()
	out.Indicators[0].Weight = decimal.NewFromInt(90)
	data, err := json.Marshal(card.Spec())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {"name":"效能考评","indicators":[{"id":"on_time","name":"按时办结率","weight":"60"},{"id":"satisfaction","name":"群众满意度","weight":"40"}],"total":"100","deductions":[{"points":"2"}],"vetoes":[{"rule":"deemed-acceptance"}],"bottom":1}
}

func ExampleRanking_Last() {
	r := accountability.Ranking{Rows: []accountability.RankRow{{Rank: 1, Unit: "审批局"}, {Rank: 2, Unit: "住建局"}}}
	fmt.Printf("%q %q\n", r.Last(), accountability.Ranking{}.Last())
	// Output:
	// "住建局" ""
}

// NewReport gathers findings, the measures they lead to and a ranking;
// its summaries count findings per officer, unit and rule.
func ExampleNewReport() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-1")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 9, 26), "voucher", "受理"),
		exEvent(exLi, "grant", exAt(2025, 11, 10), "decision", "准予许可决定书"))
	asOf := date.New(2025, 11, 10)
	fs := exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, asOf)
	l, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		log.Fatal(err)
	}
	r := accountability.NewReport(asOf, fs, l, nil)
	for _, o := range r.Officers {
		fmt.Printf("%s %s breaches=%d heaviest=%s\n", o.Officer, o.Unit, o.Counts.Breaches(), o.Heaviest.Name)
	}
	for _, u := range r.Units {
		fmt.Printf("%s breaches=%d overdue=%d officers=%d\n", u.Unit, u.Counts.Breaches(), u.Overdue, u.Officers)
	}
	for _, s := range r.Sanctions {
		fmt.Printf("%s %s %s\n", s.Officer, s.Rule, s.Measure.Name)
	}
	// Output:
	// 李强 审批局 breaches=1 heaviest=通报批评
	// 审批局 breaches=1 overdue=7 officers=1
	// 李强 time-limit 通报批评
}

// Text renders a report for people, in Chinese and English.
func ExampleReport_Text() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-1")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 10, 9), "voucher", "收件"),
		exEvent(exWang, "accept", exAt(2025, 10, 10), "voucher", "受理"),
		exEvent(exLi, "refuse", exAt(2025, 10, 20), "reasons", "场所不符合条件", "appeal_rights", "复议、诉讼"))
	asOf := date.New(2025, 10, 31)
	fs := exEvaluate(accountability.Input{Records: []accountability.Record{{Unit: "审批局", Case: c}}}, asOf)
	l, err := accountability.NewLadder(accountability.ZhejiangLadder())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(accountability.NewReport(asOf, fs, l, nil).Text())
	// Output:
	// 效能监察报告 Efficiency supervision report — 2025-10-31
	//
	// 按规则 By rule
	//   refusal-register   否定报备             轻微 1 · 较重 0 · 严重 0 · 预警 0 · 免责 0
	//
	// 按单位 By unit
	//   审批局         轻微 1 · 较重 0 · 严重 0 · 预警 0 · 免责 0 · 超期 0 日 overdue days · 责任人 1 officer(s)
	//
	// 按人员 By officer
	//   李强     审批局         轻微 1 · 较重 0 · 严重 0 · 预警 0 · 免责 0 · 最重措施 heaviest measure: 口头效能告诫 / oral efficiency warning
	//
	// 问题清单 Findings
	//   [情节轻微] 2025-10-24 refusal-register XK-1 审批局/李强: 2025-10-20 作出否定性决定，3 日内未登记报备（理由、依据、领导意见）
	//       《福建省机关效能建设工作条例》 — refused on 2025-10-20 with no complete register entry (reasons, basis, leader's opinion) within 3 days
	//       措施 measure: 口头效能告诫 / oral efficiency warning
}

// Breaches counts the sanctionable findings: warnings and exempt findings
// are counted apart.
func ExampleCounts_Breaches() {
	c := accountability.Counts{Warning: 4, Minor: 2, MoreSerious: 1, Exempt: 1}
	fmt.Println(c.Breaches())
	// Output:
	// 3
}

// Severities are written by name in JSON, and read back.
func ExampleSeverity() {
	for s := accountability.Warning; s <= accountability.Serious; s++ {
		text, _ := s.MarshalText()
		fmt.Printf("%d %s %s %s\n", s, text, s.Chinese(), s.English())
	}
	var s accountability.Severity
	err := s.UnmarshalText([]byte("more_serious"))
	fmt.Println(s.String(), err)
	err = s.UnmarshalText([]byte("grave"))
	fmt.Println(errors.Is(err, accountability.ErrInvalidInput))
	// Output:
	// 1 warning 预警 warning
	// 2 minor 情节轻微 minor
	// 3 more_serious 情节较重 more serious
	// 4 serious 情节严重 serious
	// more_serious <nil>
	// true
}

// Severities in the JSON form a stored finding writes.
func ExampleSeverity_UnmarshalText() {
	for _, text := range []string{"warning", "minor", "more_serious", "serious", "grave"} {
		var s accountability.Severity
		if err := s.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, s.Chinese(), s.English())
	}
	// Output:
	// warning 预警 warning
	// minor 情节轻微 minor
	// more_serious 情节较重 more serious
	// serious 情节严重 serious
	// accountability: UnmarshalText: invalid input: unknown severity "grave"
}

func ExampleGround() {
	b, err := json.Marshal(accountability.Exemption{Ground: accountability.GroundNoRule, Reason: "该事项无具体规定"})
	fmt.Println(string(b), err)
	var x accountability.Exemption
	err = json.Unmarshal([]byte(`{"ground":"force_majeure","reason":"台风"}`), &x)
	fmt.Println(x.Ground, x.Ground.Chinese(), err)
	// Output:
	// {"ground":"no_rule","reason":"该事项无具体规定"} <nil>
	// force_majeure 不可抗力 <nil>
}

// The grounds on which a finding is exempt (免责情形), as a stored
// exemption names them.
func ExampleGround_UnmarshalText() {
	for _, text := range []string{"fraud", "no_rule", "force_majeure", "illness"} {
		var g accountability.Ground
		if err := g.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(g, g.Chinese())
	}
	// Output:
	// fraud 服务对象弄虚作假
	// no_rule 无具体规定
	// force_majeure 不可抗力
	// accountability: UnmarshalText: invalid input: unknown ground of exemption "illness"
}

func ExampleOutcome() {
	for o := accountability.OutcomeNone; o <= accountability.OutcomeReferred; o++ {
		text, _ := o.MarshalText()
		fmt.Printf("%s %s\n", text, o.Chinese())
	}
	var o accountability.Outcome
	fmt.Println(o.UnmarshalText([]byte("ignored")) != nil)
	// Output:
	// none 未处理
	// answered 已答复
	// handled 已办理
	// referred 已引导转交
	// true
}

// What the first officer asked did with an enquiry (首问负责), as a stored
// inquiry names it.
func ExampleOutcome_UnmarshalText() {
	for _, text := range []string{"none", "answered", "handled", "referred", "ignored"} {
		var o accountability.Outcome
		if err := o.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(o, o.Chinese())
	}
	// Output:
	// none 未处理
	// answered 已答复
	// handled 已办理
	// referred 已引导转交
	// accountability: UnmarshalText: invalid input: unknown inquiry outcome "ignored"
}

// Evaluate refuses an input it cannot judge, and every error names where
// the problem is: here an event by an officer the roster does not list.
func ExampleError() {
	lic := exReference("licensing")
	c := lic.NewCase("XK-1")
	exFire(lic, c,
		exEvent(exWang, "receive", exAt(2025, 9, 25), "voucher", "收件"),
		exEvent(procedure.Actor{Officer: "刘洋", Unit: "审批局"}, "accept", exAt(2025, 9, 26), "voucher", "受理"))
	e, err := accountability.New()
	if err != nil {
		log.Fatal(err)
	}
	_, err = e.Evaluate(accountability.Input{
		Records: []accountability.Record{{Unit: "审批局", Case: c}},
		Roster:  accountability.Roster{Officers: []accountability.Officer{{ID: "王敏", Unit: "审批局"}}},
	}, date.New(2025, 10, 1))
	fmt.Println(errors.Is(err, accountability.ErrInvalidInput))
	var ae *accountability.Error
	if errors.As(err, &ae) {
		fmt.Println(ae.Op)
		fmt.Println(ae.Path)
		fmt.Println(ae.Detail)
	}
	// Output:
	// true
	// Evaluate
	// records[0].case.events[1].actor
	// officer "刘洋" is not on the roster
}
