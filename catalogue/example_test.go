package catalogue_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"testing/fstest"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/clock"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// exCatalogue loads the sample catalogue of a county (示例县).
func exCatalogue() *catalogue.Catalogue {
	c, err := catalogue.Load(os.DirFS("testdata"), "sample.json")
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// exDay is 26 September 2025, the Friday before the National Day holiday.
var exDay = date.New(2025, time.September, 26)

// exAt is hh:mm China Standard Time on exDay.
func exAt(hh, mm int) time.Time {
	return time.Date(2025, time.September, 26, hh, mm, 0, 0, deadline.ChinaStandardTime())
}

var exClerk = procedure.Actor{Officer: "王敏", Unit: "示例县市场监督管理局"}

// exSpec is a catalogue of one small item.
func exSpec() catalogue.Spec {
	return catalogue.Spec{Name: "示例街道便民服务事项目录", Items: []catalogue.Item{{
		Code: "JD-001", Name: "临时占用城市道路审批", Unit: "示例街道办事处", Kind: catalogue.KindLicensing,
		Basis:     []xiaoneng.Citation{{Law: "城市道路管理条例", Article: 31, Paragraph: 1}},
		Procedure: "licensing", Clock: "decision",
		Promised: catalogue.Limit{N: 3, Unit: deadline.WorkingDays, Note: "本单位服务承诺"},
		Materials: []catalogue.Material{
			{Name: "申请书", Form: catalogue.FormOriginal, Copies: 1, Required: true},
			{Name: "位置示意图", Form: catalogue.FormOriginal, Copies: 1, Required: true, Deferrable: true, DeferDays: 2},
		},
		Channels: []catalogue.Channel{catalogue.ChannelWindow},
		Process: []catalogue.Step{
			{Name: "申请", Desc: "到街道便民服务中心窗口提交申请"},
			{Name: "受理"},
			{Name: "审查与决定", Desc: "现场踏勘后作出书面决定"},
		},
		From: date.New(2025, time.January, 1),
	}}}
}

// The story of one application: the case starts on the item's promised
// limit, the intake check finds materials missing and the one-time notice
// goes on the case; the supplements come in and the decision clock runs
// on five working days.
func Example() {
	c := exCatalogue()
	def, cs, err := c.Start("XK-2025-0926", "SCJG-XK-001", exDay, "")
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	received := procedure.Event{Trigger: "receive", At: exAt(9, 30), Actor: exClerk, Payload: map[string]string{"voucher": "收-0926-01"}}
	if err := def.Fire(ctx, cs, received); err != nil {
		log.Fatal(err)
	}
	r, err := c.Intake(catalogue.Application{Item: "SCJG-XK-001", On: exDay, Materials: map[string]catalogue.Submitted{
		"食品经营许可申请书":                    {Conforming: true},
		"营业执照或者其他主体资格证明文件":             {Conforming: false, Note: "复印件未加盖公章"},
		"法定代表人（负责人）身份证明":               {Conforming: true},
		"与食品经营相适应的主要设备设施、经营布局、操作流程等文件": {Conforming: true},
	}})
	if err != nil {
		log.Fatal(err)
	}
	e, err := r.Event(exAt(10, 0), exClerk, "补-0926-01")
	if err != nil {
		log.Fatal(err)
	}
	if err := def.Fire(ctx, cs, e); err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Outcome.Chinese(), "citing", r.Citation)
	fmt.Println("state:", cs.State)
	for _, m := range catalogue.SplitList(cs.Facts["missing"]) {
		fmt.Println("  to supplement:", m)
	}
	supplied := procedure.Event{Trigger: "supplement", At: exAt(15, 0), Actor: exClerk, Payload: map[string]string{"voucher": "受-0926-01"}}
	if err := def.Fire(ctx, cs, supplied); err != nil {
		log.Fatal(err)
	}
	clk, _ := cs.Clock("decision")
	due, _ := clk.Due(def.Calendar())
	fmt.Println("state:", cs.State, "decision due", due, "on", clk.Rule().Period)
	// Output:
	// 一次性告知补正 citing 《行政许可法》第三十二条第一款第（四）项
	// state: awaiting_supplement
	//   to supplement: 营业执照或者其他主体资格证明文件
	//   to supplement: 保证食品安全的规章制度
	//   to supplement: 从业人员健康证明
	// state: accepted decision due 2025-10-10 on 5 working days
}

func ExampleNew() {
	c, err := catalogue.New(exSpec())
	if err != nil {
		log.Fatal(err)
	}
	it, _ := c.Item("JD-001")
	fmt.Println(it.Name, it.Kind.Chinese(), it.Promised.Period())

	bad := exSpec()
	bad.Items[0].Promised.N = 30                 // longer than 行政许可法 Art 42 ¶1's 20 working days
	bad.Items[0].Materials[1].DeferDays = 0      // deferrable, but within no days
	bad.Items = append(bad.Items, bad.Items[0])  // the same code, in force on the same days
	bad.Items[1].Basis = []xiaoneng.Citation{{}} // an empty citation
	_, err = catalogue.New(bad)
	fmt.Println(errors.Is(err, catalogue.ErrInvalidCatalogue))
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Println(line)
	}
	// Output:
	// 临时占用城市道路审批 行政许可 3 working days
	// true
	// catalogue: New: items[0].promised: item JD-001: invalid catalogue: the promised limit 30 working days is longer than the statutory limit 20 working days
	// catalogue: New: items[0].materials[1].defer_days: item JD-001: invalid catalogue: a deferrable material follows within 1 to 250 working days, not 0
	// catalogue: New: items[1].basis[0]: item JD-001: invalid catalogue: xiaoneng: invalid citation "": no law named
	// catalogue: New: items[1].promised: item JD-001: invalid catalogue: the promised limit 30 working days is longer than the statutory limit 20 working days
	// catalogue: New: items[1].materials[1].defer_days: item JD-001: invalid catalogue: a deferrable material follows within 1 to 250 working days, not 0
	// catalogue: New: items[1].code: item JD-001: invalid catalogue: code "JD-001" is also items[0], in force on overlapping days (from 2025-01-01 and from 2025-01-01)
}

func ExampleParse() {
	c, err := catalogue.Parse([]byte(`{
	  "name": "示例目录",
	  "items": [{
	    "code": "GK-001", "name": "政府信息公开申请", "unit": "示例县人民政府办公室", "kind": "公共服务",
	    "basis": [{"law": "政府信息公开条例", "article": 27, "version": "2019-04-03"}],
	    "procedure": "disclosure", "clock": "reply",
	    "promised": {"n": 15, "unit": "working_days"},
	    "materials": [{"name": "政府信息公开申请表", "form": "original", "copies": 1, "required": true}],
	    "channels": ["window", "online"],
	    "from": "2025-01-01"
	  }]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	l, _ := c.Limits("GK-001", exDay)
	fmt.Println(l.Statutory.Period(), l.Statutory.Basis, "promised", l.Promised.Period())

	_, err = catalogue.Parse([]byte(`{"name": "示例目录", "items": [{"code": "X", "materials": [{"name": "申请书", "defer_days": "5"}], "from": "2025-02-30"}]}`))
	for _, p := range problems(err)[:3] {
		fmt.Println(p.Path, "—", p.Detail)
	}
	// Output:
	// 20 working days 《政府信息公开条例》第三十三条第二款 promised 15 working days
	// items[0].from — "2025-02-30" is not a day: February 2025 has 28 days
	// items[0].materials[0].required — say whether the material is required: true or false
	// items[0].materials[0].defer_days — expected a whole number, got a string
}

func ExampleLoad() {
	fsys := fstest.MapFS{"catalogue.json": {Data: sampleFile()}}
	c, err := catalogue.Load(fsys, "catalogue.json")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Spec().Name, len(c.Items()), "item versions")
	_, err = catalogue.Load(fsys, "missing.json")
	fmt.Println(err)
	// Output:
	// 示例县政务服务事项目录（2025年版） 13 item versions
	// catalogue: Load: missing.json: invalid catalogue: open missing.json: file does not exist
}

// sampleFile reads the sample catalogue for the examples.
func sampleFile() []byte {
	data, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		log.Fatal(err)
	}
	return data
}

func ExampleWithCalendar() {
	// The unit closes on Monday 29 September 2025 for an office move.
	cal, err := deadline.ChinaMainland().With(deadline.WithOverrides(deadline.Override{
		Date: date.New(2025, time.September, 29), Name: "办公场所搬迁闭馆",
	}))
	if err != nil {
		log.Fatal(err)
	}
	c, err := catalogue.New(exSpec(), catalogue.WithCalendar(cal))
	if err != nil {
		log.Fatal(err)
	}
	r, _ := c.Intake(catalogue.Application{Item: "JD-001", On: exDay, Materials: map[string]catalogue.Submitted{"申请书": {Conforming: true}}})
	fmt.Println(r.Outcome.Chinese(), "位置示意图 due", r.Deferred[0].Due)
	// Output:
	// 容缺受理 位置示意图 due 2025-09-30
}

func ExampleWithProcedureOptions() {
	closing := procedure.WithOfficeHours(deadline.OfficeHours{Close: clock.New(17, 30, 0, 0), Defer: true})
	c, err := catalogue.New(exSpec(), catalogue.WithProcedureOptions(closing))
	if err != nil {
		log.Fatal(err)
	}
	def, cs, _ := c.Start("XK-1", "JD-001", exDay, "")
	// Handed in at 18:00 on Friday: received on the next working day,
	// the make-up working Sunday of 28 September.
	late := procedure.Event{Trigger: "receive", At: exAt(18, 0), Actor: exClerk, Payload: map[string]string{"voucher": "收-1"}}
	if err := def.Fire(context.Background(), cs, late); err != nil {
		log.Fatal(err)
	}
	clk, _ := cs.Clock("notice")
	fmt.Println("received on", clk.Started())

	_, err = catalogue.New(exSpec(), catalogue.WithProcedureOptions(procedure.WithGuard("g", nil)))
	fmt.Println(errors.Is(err, catalogue.ErrInvalidCatalogue))
	// Output:
	// received on 2025-09-28
	// true
}

func ExampleNotLonger() {
	p := func(n int, u deadline.Unit) deadline.Period { return deadline.Period{N: n, Unit: u} }
	fmt.Println(catalogue.NotLonger(p(5, deadline.WorkingDays), p(20, deadline.WorkingDays)))
	fmt.Println(catalogue.NotLonger(p(20, deadline.Days), p(20, deadline.WorkingDays)))
	fmt.Println(catalogue.NotLonger(p(3, deadline.WorkingDays), p(7, deadline.Days)))
	fmt.Println(catalogue.NotLonger(p(13, deadline.Months), p(1, deadline.Years)))
	// Output:
	// true true
	// true true
	// false false
	// false true
}

func ExampleSplitList() {
	for _, name := range catalogue.SplitList("营业执照复印件；从业人员健康证明；") {
		fmt.Println(name)
	}
	// Output:
	// 营业执照复印件
	// 从业人员健康证明
}

func ExampleCatalogue_MarshalJSON() {
	c, _ := catalogue.New(exSpec())
	data, err := json.Marshal(c)
	if err != nil {
		log.Fatal(err)
	}
	again, err := catalogue.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	it, _ := again.Item("JD-001")
	fmt.Println(it.Name, it.From, len(data) > 0)
	// Output:
	// 临时占用城市道路审批 2025-01-01 true
}

func ExampleCatalogue_Spec() {
	s := exCatalogue().Spec()
	fmt.Println(s.Name)
	fmt.Println(len(s.Items), "item versions,", len(s.GreenChannels), "green channel")
	// Output:
	// 示例县政务服务事项目录（2025年版）
	// 13 item versions, 1 green channel
}

func ExampleCatalogue_Items() {
	for _, it := range exCatalogue().Items()[:3] {
		fmt.Println(it.Code, it.Name, it.From)
	}
	// Output:
	// SCJG-XK-001 食品经营许可（新办） 2016-01-01
	// SCJG-XK-001 食品经营许可（新办） 2025-01-01
	// SCJG-XK-002 食品经营许可（变更） 2025-01-01
}

func ExampleCatalogue_Item() {
	it, ok := exCatalogue().Item("SCJG-XK-001")
	fmt.Println(ok, it.Name, "latest version from", it.From, "promising", it.Promised.Period())
	// Output:
	// true 食品经营许可（新办） latest version from 2025-01-01 promising 5 working days
}

func ExampleCatalogue_InForce() {
	c := exCatalogue()
	for _, day := range []date.Date{date.New(2024, time.June, 1), exDay} {
		it, _ := c.InForce("SCJG-XK-001", day)
		fmt.Println(day, "version from", it.From, "promising", it.Promised.Period())
	}
	_, err := c.InForce("SCJG-XK-001", date.New(2015, time.June, 1))
	fmt.Println(errors.Is(err, catalogue.ErrNotInForce))
	_, err = c.InForce("XX-404", exDay)
	fmt.Println(errors.Is(err, catalogue.ErrNotInCatalogue))
	// Output:
	// 2024-06-01 version from 2016-01-01 promising 10 working days
	// 2025-09-26 version from 2025-01-01 promising 5 working days
	// true
	// true
}

func ExampleCatalogue_Limits() {
	c := exCatalogue()
	for _, code := range []string{"SCJG-XK-001", "ZJ-XK-003", "SCJG-CF-001"} {
		l, _ := c.Limits(code, exDay)
		fmt.Printf("%s: statutory %s %s; promised %s (own promise: %v)\n",
			code, l.Statutory.Period().Chinese(), l.Statutory.Basis, l.Promised.Period().Chinese(), l.Promise)
	}
	// Output:
	// SCJG-XK-001: statutory 20个工作日 《行政许可法》第四十二条第一款; promised 5个工作日 (own promise: true)
	// ZJ-XK-003: statutory 7日 《建筑法》第八条第二款; promised 5日 (own promise: true)
	// SCJG-CF-001: statutory 90日 《行政处罚法》第六十条; promised 90日 (own promise: false)
}

// The statutory limit as a rule of the item's clock: the licensing
// decision's own rule (行政许可法 Art 42 ¶1), or the item's where it
// states one (建筑法 Art 8 ¶2), which keeps what the law excludes. Art 42
// ¶1's ten-day extension extends its own twenty days, not the seven
// days 建筑法 sets in their place.
func ExampleCatalogue_StatutoryRule() {
	c := exCatalogue()
	for _, code := range []string{"SCJG-XK-001", "ZJ-XK-003"} {
		clock, r, err := c.StatutoryRule(code, exDay)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: clock %s, %s %s, %s, %d exclusions, extension %d\n",
			code, clock, r.ID, r.Period.Chinese(), r.Citation(), len(r.Exclusions), r.Extension.Max)
	}
	// Output:
	// SCJG-XK-001: clock decision, licensing-decision 20个工作日, 《行政许可法》第四十二条第一款, 8 exclusions, extension 10
	// ZJ-XK-003: clock decision, licensing-decision:statutory 7日, 《建筑法》第八条第二款, 8 exclusions, extension 0
}

func ExampleCatalogue_Calendar() {
	c := exCatalogue()
	ok, _ := c.Calendar().IsWorkingDay(date.New(2025, 10, 11))
	fmt.Println("2025-10-11 is a working day:", ok)
	// Output:
	// 2025-10-11 is a working day: true
}

func ExampleCatalogue_GreenChannel() {
	g, ok := exCatalogue().GreenChannel("GC-2025-01")
	fmt.Println(ok, g.Name, "priority:", g.Priority, "handler:", g.Handler.Name)
	for _, d := range g.Items {
		fmt.Println(" ", d.Code, d.Limit.Period())
	}
	// Output:
	// true 示例县新能源电池产业园项目 priority: true handler: 李华
	//   ZJ-XK-003 3 days
	//   ZJ-LH-001 10 working days
}

func ExampleCatalogue_Definition() {
	c := exCatalogue()
	def, err := c.Definition("ZJ-XK-003", exDay, "GC-2025-01")
	if err != nil {
		log.Fatal(err)
	}
	r, _ := def.Rule("decision")
	fmt.Println(r.ID, r.Period, r.Citations)
	// Output:
	// licensing-decision:green 3 days [《建筑法》第八条第二款]
}

func ExampleCatalogue_Start() {
	c := exCatalogue()
	def, cs, err := c.Start("XK-1", "SCJG-XK-001", exDay, "")
	if err != nil {
		log.Fatal(err)
	}
	id, _ := def.ID()
	fmt.Println(cs.ID, id, cs.State)

	// No power outside the catalogue: 目录之外无权力.
	_, _, err = c.Start("XK-2", "XX-404", exDay, "")
	fmt.Println(errors.Is(err, catalogue.ErrNotInCatalogue))
	_, _, err = c.Start("XK-3", "ZJ-XK-003", date.New(2024, time.June, 1), "")
	fmt.Println(errors.Is(err, catalogue.ErrNotInForce))
	// Output:
	// XK-1 licensing new
	// true
	// true
}

// Under a green channel the case runs on the channel's shorter limit.
func ExampleCatalogue_Start_greenChannel() {
	c := exCatalogue()
	ctx := context.Background()
	for _, green := range []string{"", "GC-2025-01"} {
		def, cs, err := c.Start("JZ-1", "ZJ-XK-003", exDay, green)
		if err != nil {
			log.Fatal(err)
		}
		for _, e := range []procedure.Event{
			{Trigger: "receive", At: exAt(9, 0), Actor: exClerk, Payload: map[string]string{"voucher": "收-1"}},
			{Trigger: "accept", At: exAt(10, 0), Actor: exClerk, Payload: map[string]string{"voucher": "受-1"}},
		} {
			if err := def.Fire(ctx, cs, e); err != nil {
				log.Fatal(err)
			}
		}
		clk, _ := cs.Clock("decision")
		due, _ := clk.Due(def.Calendar())
		fmt.Printf("green %q: %s, due %s\n", green, clk.Rule().Period.Chinese(), due)
	}
	// Output:
	// green "": 5日, due 2025-10-09
	// green "GC-2025-01": 3日, due 2025-09-29
}

func ExampleCatalogue_Intake() {
	c := exCatalogue()
	r, err := c.Intake(catalogue.Application{Item: "SCJG-XK-001", On: exDay, Materials: map[string]catalogue.Submitted{
		"食品经营许可申请书":                    {Conforming: true},
		"营业执照或者其他主体资格证明文件":             {Conforming: true},
		"法定代表人（负责人）身份证明":               {Conforming: true},
		"与食品经营相适应的主要设备设施、经营布局、操作流程等文件": {Conforming: true},
		"从业人员健康证明":                     {Conforming: true},
	}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Outcome.Chinese())
	for _, d := range r.Deferred {
		fmt.Println(d.Material, "due", d.Due)
	}
	// Output:
	// 容缺受理
	// 保证食品安全的规章制度 due 2025-10-10
}

// A unit that does not implement the item does not accept it, and names
// the unit that does (行政许可法 Art 32 ¶1(2)).
func ExampleCatalogue_Intake_outsideRemit() {
	r, err := exCatalogue().Intake(catalogue.Application{Item: "SCJG-XK-001", On: exDay, Unit: "示例县卫生健康局"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Outcome.Chinese(), r.Citation)
	fmt.Println(r.Refusal.Ground.Chinese(), "→", r.Refusal.Competent)
	// Output:
	// 不予受理 《行政许可法》第三十二条第一款第（二）项
	// 申请事项依法不属于本行政机关职权范围 → 示例县市场监督管理局
}

func ExampleCatalogue_Guide() {
	g, err := exCatalogue().Guide("ZJ-XK-003", exDay)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Item.Name, "—", g.Procedure)
	fmt.Println("法定", g.Limits.Statutory.Period().Chinese(), "承诺", g.Limits.Promised.Period().Chinese())
	for _, s := range g.Steps {
		fmt.Println(" ", s.Name)
	}
	fmt.Println("green channels:", len(g.Green))
	// Output:
	// 建筑工程施工许可证核发 — 行政许可
	// 法定 7日 承诺 5日
	//   申请
	//   受理
	//   审查
	//   决定
	//   送达
	// green channels: 1
}

func ExampleGuide_Markdown() {
	c, _ := catalogue.New(exSpec())
	g, _ := c.Guide("JD-001", exDay)
	fmt.Print(g.Markdown())
	// Output:
	// # 临时占用城市道路审批办事指南
	//
	// > 示例街道便民服务事项目录
	//
	// - 事项名称：临时占用城市道路审批
	// - 事项编码：JD-001
	// - 事项类型：行政许可
	// - 实施主体：示例街道办事处
	// - 办理程序：行政许可
	// - 施行期间：2025年1月1日起
	//
	// ## 设定依据
	//
	// 1. 《城市道路管理条例》第三十一条第一款
	//
	// ## 申请条件
	//
	// 无特别条件，以设定依据为准。
	//
	// ## 申请材料
	//
	// | 序号 | 材料名称 | 材料形式 | 份数 | 是否必需 | 容缺后补 | 材料要求 |
	// | --- | --- | --- | --- | --- | --- | --- |
	// | 1 | 申请书 | 原件 | 1 | 必需 | 否 | — |
	// | 2 | 位置示意图 | 原件 | 1 | 必需 | 可，2个工作日内 | — |
	//
	// ## 办理流程
	//
	// 1. 申请：到街道便民服务中心窗口提交申请
	// 2. 受理
	// 3. 审查与决定：现场踏勘后作出书面决定
	//
	// ## 办理时限
	//
	// - 法定办结时限：20个工作日（《行政许可法》第四十二条第一款）
	// - 承诺办结时限：3个工作日（本单位服务承诺）
	//
	// ## 收费标准
	//
	// 不收费。
	//
	// ## 办理渠道
	//
	// - 办理方式：窗口办理
	// - 全程网办：否
	// - 当场办结：否
}

func ExampleGuide_Text() {
	c, _ := catalogue.New(exSpec())
	g, _ := c.Guide("JD-001", exDay)
	fmt.Print(g.Text())
	// Output:
	// 临时占用城市道路审批办事指南
	// （示例街道便民服务事项目录）
	//
	// 事项名称：临时占用城市道路审批
	// 事项编码：JD-001
	// 事项类型：行政许可
	// 实施主体：示例街道办事处
	// 办理程序：行政许可
	// 施行期间：2025年1月1日起
	//
	// 一、设定依据
	// 1. 《城市道路管理条例》第三十一条第一款
	//
	// 二、申请条件
	// 无特别条件，以设定依据为准。
	//
	// 三、申请材料
	// 1. 申请书（原件，1份，必需）
	// 2. 位置示意图（原件，1份，必需；可容缺后补，2个工作日内）
	//
	// 四、办理流程
	// 1. 申请：到街道便民服务中心窗口提交申请
	// 2. 受理
	// 3. 审查与决定：现场踏勘后作出书面决定
	//
	// 五、办理时限
	// 1. 法定办结时限：20个工作日（《行政许可法》第四十二条第一款）
	// 2. 承诺办结时限：3个工作日（本单位服务承诺）
	//
	// 六、收费标准
	// 不收费。
	//
	// 七、办理渠道
	// 1. 办理方式：窗口办理
	// 2. 全程网办：否
	// 3. 当场办结：否
}

func ExampleResult_Event() {
	c := exCatalogue()
	r, _ := c.Intake(catalogue.Application{Item: "SCJG-XK-001", On: exDay, Materials: map[string]catalogue.Submitted{
		"食品经营许可申请书": {Conforming: true},
	}})
	e, err := r.Event(exAt(10, 0), exClerk, "补-0926-01")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Trigger, "—", e.Reason)
	for _, m := range catalogue.SplitList(e.Payload[catalogue.PayloadMissingNotes]) {
		fmt.Println(" ", m)
	}
	fmt.Println("conforming:", e.Payload[catalogue.PayloadConforming])
	// Output:
	// request_supplement — 一次性告知补正
	//   营业执照或者其他主体资格证明文件：未提交
	//   法定代表人（负责人）身份证明：未提交
	//   与食品经营相适应的主要设备设施、经营布局、操作流程等文件：未提交
	//   保证食品安全的规章制度：未提交
	//   从业人员健康证明：未提交
	// conforming: 食品经营许可申请书
}

func ExampleResult_Notice() {
	c, _ := catalogue.New(exSpec())
	r, _ := c.Intake(catalogue.Application{Item: "JD-001", On: exDay, Materials: map[string]catalogue.Submitted{
		"申请书": {Conforming: false, Note: "未签字"},
	}})
	fmt.Print(r.Notice())
	// Output:
	// 您于2025年9月26日申请的“临时占用城市道路审批”（事项编码JD-001），申请材料不齐全或者不符合法定形式。依据《行政许可法》第三十二条第一款第（四）项，现一次性告知需要补正的全部内容：
	// 1. 申请书：不符合要求（未签字）
	// 2. 位置示意图：未提交（可容缺后补，2个工作日内）
	// 请补正全部材料后再行提交。
}

func ExampleItem_InForce() {
	it, _ := exCatalogue().Item("SCJG-XK-001")
	fmt.Println(it.InForce(date.New(2024, time.December, 31)), it.InForce(exDay))
	// Output:
	// false true
}

func ExampleLimit_Period() {
	l := catalogue.Limit{N: 7, Unit: deadline.Days, Basis: xiaoneng.Citation{Law: "建筑法", Article: 8, Paragraph: 2}}
	fmt.Println(l.Period(), l.Period().Chinese())
	// Output:
	// 7 days 7日
}

func ExampleLimit_IsZero() {
	it, _ := exCatalogue().Item("SCJG-CF-001")
	fmt.Println(it.Promised.IsZero(), it.Statutory.IsZero())
	// Output:
	// true true
}

func ExampleFee_MarshalJSON() {
	f := catalogue.Fee{Name: "城市道路占用费", Amount: decimal.RequireFromString("2.50"), Per: "平方米·日",
		Basis: xiaoneng.Citation{Law: "城市道路管理条例", Article: 37, Paragraph: 1}}
	data, err := json.Marshal(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {"name":"城市道路占用费","amount":"2.50","per":"平方米·日","basis":{"law":"城市道路管理条例","article":37,"paragraph":1}}
}

func ExampleRefusal_IsZero() {
	fmt.Println(catalogue.Refusal{}.IsZero())
	fmt.Println(catalogue.Refusal{Ground: catalogue.GroundNoLicenceNeeded}.IsZero())
	// Output:
	// true
	// false
}

func ExampleError() {
	_, _, err := exCatalogue().Start("XK-1", "XX-404", exDay, "")
	var ce *catalogue.Error
	if errors.As(err, &ce) {
		fmt.Println(ce.Op, ce.Item, errors.Is(ce, catalogue.ErrNotInCatalogue))
	}
	// Output:
	// Start XX-404 true
}

func ExampleError_Error() {
	err := &catalogue.Error{Op: "New", Path: "items[3].materials[1].defer_days", Item: "SCJG-XK-001",
		Err: catalogue.ErrInvalidCatalogue, Detail: "a deferrable material follows within 1 to 250 working days, not 0"}
	fmt.Println(err)
	// Output:
	// catalogue: New: items[3].materials[1].defer_days: item SCJG-XK-001: invalid catalogue: a deferrable material follows within 1 to 250 working days, not 0
}

func ExampleError_Unwrap() {
	err := &catalogue.Error{Op: "Start", Item: "XX-404", Err: catalogue.ErrNotInCatalogue}
	fmt.Println(err.Unwrap() == catalogue.ErrNotInCatalogue)
	// Output:
	// true
}
