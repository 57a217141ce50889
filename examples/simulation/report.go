package simulation

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// ReportFormat is the value of the "format" member of report.json.
const ReportFormat = "xiaoneng-servicecentre-report/1"

// Files written by WriteReport, and by WriteRecords.
const (
	ReportMarkdown = "report.md"
	ReportJSON     = "report.json"
	ReportChart    = "ontime.svg"
	RecordsJSON    = "records.json"
)

// WriteReport writes the report into directory dir, creating it if
// needed: report.md (Markdown, Chinese first with English), report.json
// (the result without the case records) and ontime.svg (the on-time rate
// by month). Existing files of those names are replaced. The output
// depends on the result alone: the same result writes the same bytes.
func (r *Result) WriteReport(dir string) error {
	js, err := r.JSON()
	if err != nil {
		return err
	}
	return writeFiles(dir, map[string][]byte{
		ReportMarkdown: []byte(r.Markdown()),
		ReportJSON:     js,
		ReportChart:    []byte(r.SVG()),
	})
}

// WriteRecords writes records.json into directory dir: the cases and the
// accountability input (records, inquiries, roster), which an
// accountability evaluation elsewhere can read again.
func (r *Result) WriteRecords(dir string) error {
	js, err := r.RecordsJSON()
	if err != nil {
		return err
	}
	return writeFiles(dir, map[string][]byte{RecordsJSON: js})
}

func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("simulation: %w", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return fmt.Errorf("simulation: %w", err)
		}
	}
	return nil
}

// JSON returns report.json: the result's JSON form, indented, with a
// "format" member; the case records are left out (see RecordsJSON).
func (r *Result) JSON() ([]byte, error) {
	return marshal(struct {
		Format string `json:"format"`
		*Result
	}{ReportFormat, r})
}

// RecordsJSON returns records.json: the cases and the accountability
// input, indented.
func (r *Result) RecordsJSON() ([]byte, error) {
	return marshal(struct {
		Format string               `json:"format"`
		Cases  []Case               `json:"cases"`
		Input  accountability.Input `json:"input"`
	}{ReportFormat, r.Cases, r.Input})
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("simulation: %w", err)
	}
	return b.Bytes(), nil
}

// short returns a unit's short name, or its name without the county.
func (r *Result) short(name string) string {
	for _, u := range r.Units {
		if u.Name == name {
			return u.Short
		}
	}
	return strings.TrimPrefix(name, "示例县")
}

func pct(n, d int) string {
	if d == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
}

// onTime returns the county's on-time rate over the year: done, on time.
func (r *Result) onTime(unit string) (done, onTime int) {
	for _, m := range r.OnTime {
		if m.Unit == unit {
			done += m.Done
			onTime += m.OnTime
		}
	}
	return done, onTime
}

// Markdown returns report.md: the report for people, Chinese first with
// English.
func (r *Result) Markdown() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	region := r.Region
	if region == "" {
		region = "县"
	}
	p("# %s政务服务中心 %d 年度机关效能监察报告\n\n", region, r.Year)
	p("*Efficiency supervision report of the %s government service centre, %d*\n\n", region, r.Year)
	p("> 本报告由模拟生成（种子 %d），单位、人员、事项和比率均为示例数据；案件按 %d 年国家工作日历逐件办理，扫描与评价日为 %s。\n", r.Config.Seed, r.Year, r.ScanDay)
	p("> Simulated (seed %d): the units, officers, items and rates are example data; every case ran step by step on the national working-day calendar of %d, and the scan and evaluation are as of %s.\n\n", r.Config.Seed, r.Year, r.ScanDay)
	r.mdSummary(p)
	r.mdScorecard(p)
	r.mdOnTime(p)
	r.mdLights(p)
	r.mdSanctions(p)
	r.mdFindings(p)
	r.mdOutcomes(p)
	r.mdRules(p)
	return b.String()
}

type printer func(format string, a ...any)

func (r *Result) breaches() (breaches, warnings, exempt int) {
	for _, f := range r.Findings {
		switch {
		case f.Exempt != nil:
			exempt++
		case f.Severity == accountability.Warning:
			warnings++
		default:
			breaches++
		}
	}
	return
}

func (r *Result) mdSummary(p printer) {
	p("## 一、概要 Summary\n\n")
	officers := 0
	for _, u := range r.Units {
		officers += len(u.Officers)
	}
	done, on := r.onTime("")
	breaches, warnings, _ := r.breaches()
	red, yellow := 0, 0
	for _, l := range r.Scan {
		if l.Light == deadline.LevelRed {
			red++
		} else {
			yellow++
		}
	}
	p("| 项目 Item | 数量 Count |\n|---|---:|\n")
	p("| 单位 Units | %d |\n| 工作人员 Officers | %d |\n", len(r.Units), officers)
	for _, k := range r.Counts.Kinds {
		p("| %s %s | %d |\n", k.Name, strings.ToUpper(k.NameEN[:1])+k.NameEN[1:], k.N)
	}
	p("| 首问咨询 First inquiries | %d |\n", r.Counts.Inquiries)
	p("| 办结（主时限停止）Concluded | %d |\n", done)
	p("| 按承诺时限办结率 On-time rate against the promised limits | %s |\n", pct(on, done))
	p("| 问题：违规 / 预警 Findings: breaches / warnings | %d / %d |\n", breaches, warnings)
	p("| 问责措施 Sanctions | %d |\n", len(r.Report.Sanctions))
	p("| 扫描日红灯 / 黄灯 Red / yellow lights on the scan day | %d / %d |\n\n", red, yellow)
	if rk := r.Report.Ranking; rk != nil && len(rk.Rows) > 0 {
		first, last := rk.Rows[0], rk.Rows[len(rk.Rows)-1]
		p("年度考评%s得分最高（%s 分），%s列末位（%s 分）", r.short(first.Unit), first.Score.StringFixed(2), r.short(last.Unit), last.Score.StringFixed(2))
		var vetoed []string
		for _, row := range rk.Rows {
			if row.Vetoed {
				vetoed = append(vetoed, r.short(row.Unit))
			}
		}
		if len(vetoed) > 0 {
			p("；%s因视为受理被一票否决", strings.Join(vetoed, "、"))
		}
		p("。The annual scorecard ranks %s first (%s) and %s last (%s)", r.english(first.Unit), first.Score.StringFixed(2), r.english(last.Unit), last.Score.StringFixed(2))
		if len(vetoed) > 0 {
			p("; %d unit(s) vetoed for a deemed acceptance", len(vetoed))
		}
		p(".\n\n")
	}
}

func (r *Result) english(name string) string {
	for _, u := range r.Units {
		if u.Name == name && u.English != "" {
			return u.English
		}
	}
	return r.short(name)
}

func (r *Result) mdScorecard(p printer) {
	p("## 二、单位绩效排名 Unit scorecard\n\n")
	sc := r.Scorecard
	var weights []string
	for _, in := range sc.Indicators {
		weights = append(weights, fmt.Sprintf("%s %s", in.Name, in.Weight))
	}
	p("%s：%s，满分 %s；每项可问责问题扣分（严重 / 较重 / 其他）%s；视为受理一票否决，末位及连续两季度末位标记。\n",
		sc.Name, strings.Join(weights, "、"), sc.Total, deductions(sc))
	p("Indicators weigh %s; each sanctionable finding deducts points by severity; a deemed acceptance vetoes the unit; the last unit, and a unit last two quarters running, are flagged.\n\n", strings.Join(weights, ", "))
	values := map[string]map[string]string{}
	for _, u := range r.Scores {
		values[u.Unit] = map[string]string{}
		for k, v := range u.Values {
			values[u.Unit][k] = v.Mul(decimal.NewFromInt(100)).StringFixed(1) + "%"
		}
	}
	p("| 名次 Rank | 单位 Unit | 按时办结率 On time | 满意率 Satisfaction | 无红灯率 No red light | 加权分 Weighted | 扣分 Deducted | 得分 Score | 问题 Findings | 标记 Flags |\n")
	p("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	if rk := r.Report.Ranking; rk != nil {
		for _, row := range rk.Rows {
			v := values[row.Unit]
			p("| %d | %s %s | %s | %s | %s | %s | %s | %s | %d | %s |\n", row.Rank, r.short(row.Unit), r.english(row.Unit),
				v["on_time"], v["satisfaction"], v["no_red"], row.Weighted.StringFixed(2), row.Deducted.StringFixed(2),
				row.Score.StringFixed(2), row.Findings, flags(row))
		}
	}
	p("\n季度排名 Quarterly ranking:\n\n| 季度 Quarter | 第一 First | 末位 Last | 一票否决 Vetoed |\n|---|---|---|---|\n")
	for q, rk := range r.Quarters {
		if len(rk.Rows) == 0 {
			continue
		}
		first, last := rk.Rows[0], rk.Rows[len(rk.Rows)-1]
		var vetoed []string
		for _, row := range rk.Rows {
			if row.Vetoed {
				vetoed = append(vetoed, r.short(row.Unit))
			}
		}
		lastNote := fmt.Sprintf("%s（%s）", r.short(last.Unit), last.Score.StringFixed(2))
		if last.LastPlace > 1 {
			lastNote += fmt.Sprintf("，连续 %d 季度末位 last %d quarters running", last.LastPlace, last.LastPlace)
		}
		p("| Q%d | %s（%s） | %s | %s |\n", q+1, r.short(first.Unit), first.Score.StringFixed(2), lastNote, orDash(strings.Join(vetoed, "、")))
	}
	p("\n")
}

func deductions(sc accountability.ScorecardSpec) string {
	var out []string
	for _, d := range sc.Deductions {
		out = append(out, d.Points.String())
	}
	return strings.Join(out, " / ")
}

func flags(row accountability.RankRow) string {
	var out []string
	if row.Vetoed {
		var rules []string
		for _, id := range row.VetoedBy {
			info, _ := accountability.LookupRule(id)
			rules = append(rules, info.Name)
		}
		out = append(out, "一票否决 vetoed（"+strings.Join(rules, "、")+"）")
	}
	if row.Bottom {
		out = append(out, "末位 bottom")
	}
	if row.Flagged {
		out = append(out, fmt.Sprintf("连续 %d 次末位 last %d times running", row.LastPlace, row.LastPlace))
	}
	return orDash(strings.Join(out, "；"))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (r *Result) mdOnTime(p printer) {
	p("## 三、按时办结率 On-time rate by month\n\n")
	p("办结（主时限停止）的案件中，在所适用时限（承诺时限或者绿色通道时限）内办结的比例；行政协助不计。\n")
	p("Of the cases whose main limit stopped in the month, the share that stopped within the limit they ran on (the promised limit, or a green channel's); assistance requests are not counted.\n\n")
	p("![按时办结率 On-time rate by month](%s)\n\n", ReportChart)
	p("| 月份 Month | 全县 County |")
	for _, u := range r.Units {
		p(" %s |", u.Short)
	}
	p("\n|---:|---:|")
	for range r.Units {
		p("---:|")
	}
	p("\n")
	type key struct {
		month int
		unit  string
	}
	rates := map[key]MonthRate{}
	for _, m := range r.OnTime {
		rates[key{m.Month, m.Unit}] = m
	}
	for m := 1; m <= 12; m++ {
		c := rates[key{m, ""}]
		p("| %d | %s |", m, pct(c.OnTime, c.Done))
		for _, u := range r.Units {
			x := rates[key{m, u.Name}]
			p(" %s |", pct(x.OnTime, x.Done))
		}
		p("\n")
	}
	done, on := r.onTime("")
	p("| 全年 Year | %s |", pct(on, done))
	for _, u := range r.Units {
		d, o := r.onTime(u.Name)
		p(" %s |", pct(o, d))
	}
	p("\n\n")
}

func (r *Result) mdLights(p printer) {
	p("## 四、电子监察 Electronic supervision\n\n")
	pol := deadline.DefaultPolicy()
	p("每月最后一个工作日扫描所有运行中的机关时限：剩余不超过 %d 个工作日或者已用 %d%% 亮黄灯，超期亮红灯（deadline.DefaultPolicy）；中止计算（不计算在期限内）的时限不亮黄灯。\n", pol.YellowRemaining, pol.YellowUsedPercent)
	p("On the last working day of each month every running agency limit is scanned: yellow when at most %d working day remains or %d%% is used, red when overdue; a limit whose count is suspended (time not counted) lights no yellow.\n\n", pol.YellowRemaining, pol.YellowUsedPercent)
	p("| 月份 Month | 扫描日 Day | 运行中 Running | 黄灯 Yellow | 红灯 Red | 红灯单位 Red by unit |\n|---:|---|---:|---:|---:|---|\n")
	for _, ml := range r.Lights {
		var g, y, red int
		var by []string
		for _, u := range ml.Units {
			g, y, red = g+u.Green, y+u.Yellow, red+u.Red
			if u.Red > 0 {
				by = append(by, fmt.Sprintf("%s %d", r.short(u.Unit), u.Red))
			}
		}
		p("| %d | %s | %d | %d | %d | %s |\n", ml.Month, ml.Day, g+y+red, y, red, orDash(strings.Join(by, "、")))
	}
	p("\n扫描日（%s）亮灯的时限 Limits lit on the scan day", r.ScanDay)
	const most = 30
	if len(r.Scan) > most {
		p("（前 %d 项，共 %d 项 first %d of %d）", most, len(r.Scan), most, len(r.Scan))
	}
	p(":\n\n| 灯 Light | 案件 Case | 单位 Unit | 时限 Limit | 届满日 Due | 剩余 Left | 超期 Over | 依据 Basis |\n|---|---|---|---|---|---:|---:|---|\n")
	for _, l := range r.Scan[:min(most, len(r.Scan))] {
		due := "—"
		if l.Due != 0 {
			due = l.Due.String()
		}
		p("| %s %s | %s | %s | %s | %s | %d | %d | %s |\n", l.Light.Chinese(), l.Light, l.Case, r.short(l.Unit), l.Clock, due, l.Remaining, l.Overdue, l.Citation)
	}
	if len(r.Scan) == 0 {
		p("| — | | | | | | | |\n")
	}
	p("\n")
}

func (r *Result) mdSanctions(p printer) {
	p("## 五、问责 Sanctions\n\n")
	l := r.Ladder
	p("问责依据 Ladder: %s（%s）%s。每项可问责问题按情节对应一种措施，重复违规在时间窗口内累进。\n", l.Name, l.Citation, l.NameEN)
	p("Each sanctionable finding leads to the measure of its severity, raised when breaches repeat within the ladder's windows.\n\n")
	counts := map[string]int{}
	escalated := 0
	for _, s := range r.Report.Sanctions {
		counts[s.Measure.ID]++
		if s.Escalation >= 0 {
			escalated++
		}
	}
	p("| 措施 Measure | 人次 Count |\n|---|---:|\n")
	for _, m := range l.Measures {
		if counts[m.ID] > 0 {
			p("| %s %s | %d |\n", m.Name, m.NameEN, counts[m.ID])
		}
	}
	p("| 其中累进 of which escalated | %d |\n\n", escalated)
	rank := map[string]int{}
	for i, m := range l.Measures {
		rank[m.ID] = i + 1
	}
	officers := slices.Clone(r.Report.Officers)
	slices.SortStableFunc(officers, func(a, b accountability.OfficerSummary) int {
		return cmp.Or(cmp.Compare(rank[b.Heaviest.ID], rank[a.Heaviest.ID]), cmp.Compare(b.Counts.Breaches(), a.Counts.Breaches()), strings.Compare(a.Officer, b.Officer))
	})
	const most = 15
	p("问题最多、措施最重的工作人员 Officers with the heaviest measures (first %d of %d):\n\n", min(most, len(officers)), len(officers))
	p("| 工作人员 Officer | 单位 Unit | 违规 Breaches | 轻微 Minor | 较重 More serious | 严重 Serious | 最重措施 Heaviest measure |\n|---|---|---:|---:|---:|---:|---|\n")
	for _, o := range officers[:min(most, len(officers))] {
		p("| %s | %s | %d | %d | %d | %d | %s |\n", o.Officer, r.short(o.Unit), o.Counts.Breaches(), o.Counts.Minor, o.Counts.MoreSerious, o.Counts.Serious, orDash(o.Heaviest.Name))
	}
	p("\n")
}

func (r *Result) mdFindings(p printer) {
	p("## 六、问题清单（按规则）Findings by rule\n\n")
	p("共 %d 项问题，全部列于 report.json；每条规则列出依据、情节分布和前五项。\n", len(r.Findings))
	p("%d findings in all, every one in report.json; for each rule, its provisions, the counts by severity and the first five.\n\n", len(r.Findings))
	byRule := map[accountability.RuleID][]accountability.Finding{}
	for _, f := range r.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, info := range accountability.Rules() {
		fs := byRule[info.ID]
		p("### %s %s (`%s`)\n\n", info.Name, info.NameEN, info.ID)
		if len(fs) == 0 {
			p("无 None.\n\n")
			continue
		}
		var c accountability.Counts
		cites := map[xiaoneng.Citation]int{}
		var order []xiaoneng.Citation
		for _, f := range fs {
			switch f.Severity {
			case accountability.Warning:
				c.Warning++
			case accountability.Minor:
				c.Minor++
			case accountability.MoreSerious:
				c.MoreSerious++
			case accountability.Serious:
				c.Serious++
			}
			if cites[f.Citation] == 0 {
				order = append(order, f.Citation)
			}
			cites[f.Citation]++
		}
		p("%d 项 findings：轻微 minor %d，较重 more serious %d，严重 serious %d，预警 warnings %d。\n\n", len(fs), c.Minor, c.MoreSerious, c.Serious, c.Warning)
		slices.SortStableFunc(order, func(a, b xiaoneng.Citation) int { return cmp.Compare(cites[b], cites[a]) })
		p("依据 Provisions:\n\n")
		for _, ci := range order {
			p("- %s — %s (%d)\n", ci, ci.English(), cites[ci])
		}
		p("\n| 日期 Day | 案件 Case | 单位 Unit | 责任人 Officer | 环节 Step | 情节 Severity | 情况 What happened |\n|---|---|---|---|---|---|---|\n")
		for _, f := range fs[:min(5, len(fs))] {
			subject := f.Case
			if f.Inquiry != "" {
				subject = f.Inquiry
			}
			p("| %s | %s | %s | %s | %s | %s | %s<br>%s |\n", f.Day, subject, r.short(f.Unit), orDash(f.Officer), orDash(string(f.Step)), f.Severity.Chinese(), cell(f.Message), cell(f.MessageEN))
		}
		p("\n")
	}
}

// cell keeps a text from breaking a Markdown table.
func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func (r *Result) mdOutcomes(p printer) {
	p("## 七、办理情况 Outcomes\n\n")
	p("受理环节 Intake of licence applications (catalogue.Intake):\n\n| 结果 Outcome | 件数 Count |\n|---|---:|\n")
	for _, c := range r.Counts.Intake {
		p("| %s %s | %d |\n", c.Name, c.NameEN, c.N)
	}
	p("\n扫描日案件所处状态 Cases by state on the scan day:\n\n| 程序 Procedure | 状态 State | 件数 Count |\n|---|---|---:|\n")
	for _, c := range r.Counts.States {
		p("| %s | %s %s | %d |\n", c.Definition, c.Name, c.NameEN, c.N)
	}
	p("\n办理步骤 Steps fired:\n\n| 程序 Procedure | 步骤 Step | 次数 Count |\n|---|---|---:|\n")
	for _, c := range r.Counts.Triggers {
		p("| %s | %s %s | %d |\n", c.Definition, c.Name, c.NameEN, c.N)
	}
	p("\n")
}

func (r *Result) mdRules(p printer) {
	p("## 八、规则与假设 Rules and assumptions\n\n")
	p("模拟按库中编码的法律规则办理每一步 The simulation acts on the rules as the library encodes them:\n\n")
	for _, line := range []struct {
		zh, en string
		c      xiaoneng.Citation
	}{
		{"五日内一次告知补正，逾期视为受理", "a notice of everything to supplement within five days, else deemed accepted", xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1, 4)},
		{"受理与不予受理出具书面凭证", "a written voucher for acceptance and non-acceptance", xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 2)},
		{"当场作出许可决定", "a decision on the spot", xiaoneng.Cite(xiaoneng.LicensingLaw, 34, 2)},
		{"不予许可说明理由并告知救济权利", "a refusal gives reasons and the rights of appeal", xiaoneng.Cite(xiaoneng.LicensingLaw, 38, 2)},
		{"经负责人批准延长十日", "ten more days with the agency head's approval", xiaoneng.Cite(xiaoneng.LicensingLaw, 42, 1)},
		{"联合办理延长十五日，经本级人民政府负责人批准", "fifteen more days for joint handling, approved by the county government's head", xiaoneng.Cite(xiaoneng.LicensingLaw, 42, 2)},
		{"颁发、送达许可证件十日", "ten days to issue and deliver the licence", xiaoneng.Cite(xiaoneng.LicensingLaw, 44)},
		{"听证、检验检测、专家评审时间不计算在期限内", "hearing, testing and expert review not counted", xiaoneng.Cite(xiaoneng.LicensingLaw, 45)},
		{"五日内申请听证，七日前通知听证", "a hearing asked for within five days, noticed seven days ahead", xiaoneng.Cite(xiaoneng.LicensingLaw, 47, 1)},
		{"期限以工作日计算，不含法定节假日", "periods in working days, holidays excluded", xiaoneng.Cite(xiaoneng.LicensingLaw, 82)},
		{"一次性告知补正，逾期不补正视为放弃申请", "one correction notice; no correction, the request is abandoned", xiaoneng.Cite(xiaoneng.DisclosureRegs, 30)},
		{"第三方十五个工作日内提出意见，逾期视为不提出", "a third party's opinion within fifteen working days", xiaoneng.Cite(xiaoneng.DisclosureRegs, 32)},
		{"二十个工作日内答复，经同意延长不超过二十个工作日", "a reply within twenty working days, extended by at most twenty", xiaoneng.Cite(xiaoneng.DisclosureRegs, 33, 2)},
		{"十五日内转送、交办", "routed within fifteen days", xiaoneng.Cite(xiaoneng.PetitionRegs, 22)},
		{"十五日内书面告知", "the complainant told in writing within fifteen days", xiaoneng.Cite(xiaoneng.PetitionRegs, 23, 2)},
		{"六十日内办结，延长不超过三十日", "handled within sixty days, extended by at most thirty", xiaoneng.Cite(xiaoneng.PetitionRegs, 34)},
		{"行政协助", "assistance between agencies", xiaoneng.Cite(xiaoneng.PenaltyLaw, 26)},
	} {
		p("- %s：%s — %s\n", line.c, line.zh, line.en)
	}
	th := accountability.DefaultThresholds()
	p("\n效能规则的门槛（accountability.DefaultThresholds，各地规定不一）Thresholds: 超期 1–%d 日轻微、%d–%d 日较重、以上严重；否定报备 %d 日内登记；首问 %d 个工作日内答复；AB角闲置不超过 %d 个工作日。环节时限（本县自定）Step budgets: 受理决定 2 个工作日，作出准予许可决定后制证 3 个工作日。\n\n",
		th.Grades[0].UpTo, th.Grades[0].UpTo+1, th.Grades[1].UpTo, th.RegisterDays, th.InquiryDays, th.IdleDays)
	rt := r.Config.Rates
	if rt != nil {
		p("模拟的比率（假设，不是统计）Rates assumed: 超过承诺时限 late %.3g（其中超过法定时限 %.3g）；慢作为人员占比 slow officers %.3g；慢窗口漏作受理决定 missed intake %.3g；二次告知 second notice %.3g；否定未报备 unregistered refusal %.3g；B角闲置 idle substitute %.3g；首问未答复 unanswered inquiry %.3g；未回访 no follow-up %.3g；协助未答复 unanswered assistance %.3g。\n\n",
			rt.Late, rt.VeryLate, rt.SlowOfficers, rt.MissedIntake, rt.SecondNotice, rt.UnregisteredRefusal, rt.IdleSubstitute, rt.UnansweredInquiry, rt.NoFollowUp, rt.UnansweredAssistance)
	}
}

// Summary returns a short summary for a terminal, Chinese first with
// English: the cases, the on-time rate, the findings by rule, the
// sanctions and the ranking.
func (r *Result) Summary() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("%d 年度政务服务中心模拟（种子 %d）Service centre simulation of %d, seed %d\n", r.Year, r.Config.Seed, r.Year, r.Config.Seed)
	var kinds []string
	for _, k := range r.Counts.Kinds {
		kinds = append(kinds, fmt.Sprintf("%d %s", k.N, k.NameEN))
	}
	p("  案件 Cases: %s; %d inquiries\n", strings.Join(kinds, ", "), r.Counts.Inquiries)
	done, on := r.onTime("")
	p("  按时办结率 On time: %s of %d concluded\n", pct(on, done), done)
	breaches, warnings, _ := r.breaches()
	p("  问题 Findings: %d breaches, %d warnings; 问责 sanctions: %d\n", breaches, warnings, len(r.Report.Sanctions))
	var rules []string
	for _, ru := range r.Report.Rules {
		n := ru.Counts.Breaches() + ru.Counts.Warning
		rules = append(rules, fmt.Sprintf("%s %d", ru.Rule, n))
	}
	p("  按规则 By rule: %s\n", strings.Join(rules, ", "))
	if rk := r.Report.Ranking; rk != nil {
		var rows []string
		for _, row := range rk.Rows {
			s := fmt.Sprintf("%d. %s %s", row.Rank, r.short(row.Unit), row.Score.StringFixed(2))
			if row.Vetoed {
				s += "（一票否决 vetoed）"
			}
			rows = append(rows, s)
		}
		p("  排名 Ranking: %s\n", strings.Join(rows, "  "))
	}
	return b.String()
}
