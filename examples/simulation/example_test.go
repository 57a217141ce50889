package simulation_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

// A small county year, seeded: the summary says what happened.
func ExampleRun() {
	cfg := simulation.Config{Seed: 1, Applications: 300, Complaints: 40, Requests: 30, Assistance: 10, Inquiries: 200}
	res, err := simulation.Run(context.Background(), cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(res.Summary())
	// Output:
	// 2025 年度政务服务中心模拟（种子 1）Service centre simulation of 2025, seed 1
	//   案件 Cases: 300 licence applications, 40 efficiency complaints, 30 information requests, 10 assistance requests; 200 inquiries
	//   按时办结率 On time: 96.1% of 330 concluded
	//   问题 Findings: 34 breaches, 2 warnings; 问责 sanctions: 34
	//   按规则 By rule: assistance 1, first-inquiry 4, follow-up 2, promise 13, red-light 1, refusal-register 3, step-limit 3, substitute 3, time-limit 5, yellow-light 1
	//   排名 Ranking: 1. 自然资源局 99.80  2. 交通运输局 98.39  3. 卫健委 98.17  4. 市场监管局 96.90  5. 政府办 96.05  6. 信访局 93.00  7. 住建局 90.18
}

// WriteReport writes the Markdown report, its JSON and the chart.
func ExampleResult_WriteReport() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 2, Applications: 50, Complaints: 5, Requests: 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "servicecentre")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := res.WriteReport(dir); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	md, _ := os.ReadFile(filepath.Join(dir, simulation.ReportMarkdown))
	fmt.Println(strings.SplitN(string(md), "\n", 2)[0])
	// Output:
	// ontime.svg
	// report.json
	// report.md
	// # 示例县政务服务中心 2025 年度机关效能监察报告
}

// The report's sections, Chinese first with English.
func ExampleResult_Markdown() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20, Complaints: 2, Requests: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for line := range strings.SplitSeq(res.Markdown(), "\n") {
		if strings.HasPrefix(line, "## ") {
			fmt.Println(line)
		}
	}
	// Output:
	// ## 一、概要 Summary
	// ## 二、单位绩效排名 Unit scorecard
	// ## 三、按时办结率 On-time rate by month
	// ## 四、电子监察 Electronic supervision
	// ## 五、问责 Sanctions
	// ## 六、问题清单（按规则）Findings by rule
	// ## 七、办理情况 Outcomes
	// ## 八、规则与假设 Rules and assumptions
}

// The chart is an SVG document.
func ExampleResult_SVG() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	svg := res.SVG()
	fmt.Println(strings.SplitN(svg, "\n", 2)[0])
	fmt.Println(strings.Contains(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// true
}

func ExampleDefaultConfig() {
	cfg := simulation.DefaultConfig(42)
	fmt.Println(cfg.Seed, cfg.Year, cfg.Applications, cfg.Complaints, cfg.Requests, cfg.Assistance, cfg.Inquiries)
	// Output:
	// 42 2025 5000 600 400 120 2500
}

func ExampleDefaultRates() {
	r := simulation.DefaultRates()
	fmt.Println(r.Late, r.MissedIntake, r.UnregisteredRefusal)
	// Output:
	// 0.03 0.03 0.08
}

func ExampleDefaultUnits() {
	for _, u := range simulation.DefaultUnits() {
		fmt.Println(u.Short, u.English, len(u.Officers))
	}
	// Output:
	// 市场监管局 Market Regulation 6
	// 住建局 Housing and Construction 6
	// 卫健委 Health Commission 5
	// 交通运输局 Transport 6
	// 自然资源局 Natural Resources 4
	// 信访局 Petitions 4
	// 政府办 Government Office 4
}

// The embedded county catalogue, as package catalogue parses it.
func ExampleCatalogue() {
	cat, err := simulation.Catalogue()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range cat.Items() {
		l, _ := cat.Limits(it.Code, it.From)
		fmt.Println(it.Code, it.Procedure, l.Promised.Period())
	}
	// Output:
	// SCJG-XK-001 licensing 5 working days
	// SCJG-XK-002 licensing 3 working days
	// SCJG-XK-003 licensing 10 working days
	// ZJ-XK-001 licensing 5 working days
	// ZJ-XK-002 licensing 5 working days
	// ZJ-XK-003 licensing 5 days
	// ZJ-LH-001 joint-licensing 20 working days
	// WJ-XK-001 licensing 5 working days
	// WJ-XK-002 licensing 10 working days
	// JT-XK-001 licensing 10 working days
	// JT-XK-002 licensing 15 working days
	// ZR-XK-001 licensing 10 working days
	// ZR-XK-002 licensing 10 working days
	// ZF-GK-001 disclosure 15 working days
	// XF-TS-001 complaint 30 days
}

// CatalogueJSON is the catalogue's data, for catalogue.Parse or an editor.
func ExampleCatalogueJSON() {
	cat, err := catalogue.Parse(simulation.CatalogueJSON())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cat.Spec().Name)
	// Output:
	// 示例县政务服务事项目录（2025年版，模拟用）
}

func ExampleMonthRate_Rate() {
	fmt.Println(simulation.MonthRate{Month: 3, Done: 40, OnTime: 38}.Rate(), simulation.MonthRate{Month: 4}.Rate())
	// Output:
	// 0.95 1
}

func ExampleKind() {
	for _, k := range []simulation.Kind{simulation.KindApplication, simulation.KindComplaint, simulation.KindRequest, simulation.KindAssistance} {
		fmt.Println(k, k.Chinese(), k.English())
	}
	// Output:
	// application 行政许可申请 licence applications
	// complaint 效能投诉 efficiency complaints
	// request 政府信息公开申请 information requests
	// assistance 行政协助请求 assistance requests
}

func ExamplePost() {
	text, _ := simulation.PostWindow.MarshalText()
	fmt.Println(simulation.PostWindow, string(text), simulation.PostReview)
	// Output:
	// 窗口受理 window 审查承办
}
