package catalogue

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
)

// Guide is the service guide (办事指南) of an item, as the public reads it:
// basis, conditions, materials, process, statutory and promised limits,
// fees, channels and green channels. [Guide.Markdown] and [Guide.Text]
// render it in Chinese.
//
// The process steps are the item's own (Item.Process); else the
// catalogue's steps for the item's procedure (Spec.Processes); else the
// names of the procedure definition's states that are not terminal, in
// the definition's order — a fallback that names stages rather than
// tells a story, which a catalogue should replace with steps of its own.
type Guide struct {
	// Catalogue is the catalogue's name.
	Catalogue string
	// Item is the item in force on the guide's day.
	Item Item
	// Procedure is the Chinese name of the item's procedure: 行政许可.
	Procedure string
	// Limits are the item's statutory and promised limits.
	Limits Limits
	// Steps are the process steps.
	Steps []Step
	// Green are the green channels covering the item.
	Green []GreenChannel
}

// Guide returns the service guide of the item with code in force on day
// on. The error is that of [Catalogue.InForce].
func (c *Catalogue) Guide(code string, on date.Date) (Guide, error) {
	i, err := c.find("Guide", code, on)
	if err != nil {
		return Guide{}, err
	}
	it, e := c.spec.Items[i].clone(), c.entries[i]
	g := Guide{Catalogue: c.spec.Name, Item: it, Procedure: e.proc.title, Limits: e.limits}
	switch {
	case len(it.Process) > 0:
		g.Steps = it.Process
	case len(c.spec.Processes[it.Procedure]) > 0:
		g.Steps = cloneOrNil(c.spec.Processes[it.Procedure])
	default:
		for _, s := range e.proc.states {
			g.Steps = append(g.Steps, Step{Name: s})
		}
	}
	for _, gc := range c.spec.GreenChannels {
		if _, ok := gc.designation(code); ok {
			g.Green = append(g.Green, gc.clone())
		}
	}
	return g, nil
}

// section is one part of a guide, rendered as a heading and a list, a
// table or a sentence.
type section struct {
	title   string
	lines   []string
	ordered bool       // a numbered list in Markdown too
	table   [][]string // the materials, as a table in Markdown
	note    string     // a sentence instead of a list
}

// sections lays out the guide once for both renderings.
func (g Guide) sections() (head []string, out []section) {
	it := g.Item
	head = []string{
		"事项名称：" + it.Name,
		"事项编码：" + it.Code,
		"事项类型：" + it.Kind.Chinese(),
		"实施主体：" + it.Unit,
		"办理程序：" + g.Procedure,
		"施行期间：" + chineseSpan(it),
	}

	basis := section{title: "设定依据", ordered: true}
	for _, b := range it.Basis {
		basis.lines = append(basis.lines, b.String())
	}
	cond := section{title: "申请条件", lines: it.Conditions, ordered: true}
	if len(cond.lines) == 0 {
		cond.note = "无特别条件，以设定依据为准。"
	}

	mats := section{title: "申请材料", ordered: true}
	if len(it.Materials) == 0 {
		mats.note = "无需申请人提交材料（依职权办理）。"
	} else {
		mats.table = [][]string{{"序号", "材料名称", "材料形式", "份数", "是否必需", "容缺后补", "材料要求"}}
	}
	for i, m := range it.Materials {
		need, defer_ := "必需", "否"
		if !m.Required {
			need = "非必需"
		}
		if m.Deferrable {
			defer_ = fmt.Sprintf("可，%d个工作日内", m.DeferDays)
		}
		note := m.Note
		if note == "" {
			note = "—"
		}
		mats.table = append(mats.table, []string{itoa(i + 1), m.Name, m.Form.Chinese(), itoa(m.Copies), need, defer_, note})
		line := fmt.Sprintf("%s（%s，%d份，%s", m.Name, m.Form.Chinese(), m.Copies, need)
		if m.Deferrable {
			line += fmt.Sprintf("；可容缺后补，%d个工作日内", m.DeferDays)
		}
		line += "）"
		if m.Note != "" {
			line += "。要求：" + m.Note
		}
		mats.lines = append(mats.lines, line)
	}

	steps := section{title: "办理流程", ordered: true}
	for _, s := range g.Steps {
		if s.Desc == "" {
			steps.lines = append(steps.lines, s.Name)
		} else {
			steps.lines = append(steps.lines, s.Name+"："+s.Desc)
		}
	}

	limits := section{title: "办理时限", lines: []string{"法定办结时限：" + limitText(g.Limits.Statutory)}}
	if g.Limits.Promise {
		limits.lines = append(limits.lines, "承诺办结时限："+limitText(g.Limits.Promised))
	} else {
		limits.lines = append(limits.lines, "承诺办结时限：同法定办结时限")
	}
	if it.OnTheSpot {
		limits.lines = append(limits.lines, "申请材料齐全、符合法定形式，能够当场作出决定的，当场作出书面的行政许可决定（《行政许可法》第三十四条第二款）。")
	}

	fees := section{title: "收费标准"}
	if len(it.Fees) == 0 {
		fees.note = "不收费。"
	}
	for _, f := range it.Fees {
		line := f.Name + "：" + yuan(f.Amount) + "元"
		if f.Per != "" {
			line += "/" + f.Per
		}
		line += "（收费依据：" + f.Basis.String() + "）"
		if f.Note != "" {
			line += "。" + f.Note
		}
		fees.lines = append(fees.lines, line)
	}

	var chans []string
	for _, ch := range it.Channels {
		chans = append(chans, ch.Chinese())
	}
	channels := section{title: "办理渠道", lines: []string{
		"办理方式：" + strings.Join(chans, "、"),
		"全程网办：" + yesNo(it.Online),
		"当场办结：" + yesNo(it.OnTheSpot),
	}}

	out = []section{basis, cond, mats, steps, limits, fees, channels}
	if len(g.Green) > 0 {
		green := section{title: "绿色通道"}
		for _, gc := range g.Green {
			d, _ := gc.designation(it.Code)
			line := "“" + gc.Name + "”"
			if gc.Priority {
				line += "（优先办理）"
			}
			line += "：承诺办结时限" + limitText(d.Limit) + "；专人代办：" + gc.Handler.Name
			var who []string
			for _, s := range []string{gc.Handler.Unit, gc.Handler.Phone} {
				if s != "" {
					who = append(who, s)
				}
			}
			if len(who) > 0 {
				line += "（" + strings.Join(who, "，") + "）"
			}
			if gc.Note != "" {
				line += "。" + gc.Note
			}
			green.lines = append(green.lines, line)
		}
		out = append(out, green)
	}
	if it.Contact != "" {
		out = append(out, section{title: "咨询方式", note: it.Contact})
	}
	return head, out
}

// Markdown renders the guide as Markdown: a title, the item's particulars
// as a list, and one section per part, the materials as a table. The
// text is for people and may change between versions.
func (g Guide) Markdown() string {
	var b strings.Builder
	head, secs := g.sections()
	fmt.Fprintf(&b, "# %s办事指南\n\n", mdEscape(g.Item.Name))
	if g.Catalogue != "" {
		fmt.Fprintf(&b, "> %s\n\n", mdEscape(g.Catalogue))
	}
	for _, h := range head {
		fmt.Fprintf(&b, "- %s\n", mdEscape(h))
	}
	for _, s := range secs {
		fmt.Fprintf(&b, "\n## %s\n\n", s.title)
		if len(s.table) > 0 {
			for r, row := range s.table {
				cells := make([]string, len(row))
				for i, c := range row {
					cells[i] = mdEscape(c)
				}
				fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
				if r == 0 {
					fmt.Fprintf(&b, "|%s\n", strings.Repeat(" --- |", len(row)))
				}
			}
			continue
		}
		if s.note != "" {
			fmt.Fprintf(&b, "%s\n", mdEscape(s.note))
		}
		for i, l := range s.lines {
			if s.ordered {
				fmt.Fprintf(&b, "%d. %s\n", i+1, mdEscape(l))
			} else {
				fmt.Fprintf(&b, "- %s\n", mdEscape(l))
			}
		}
	}
	return b.String()
}

// Text renders the guide as plain text: a title, the item's particulars,
// and numbered sections (一、二、…) of numbered lines. The text is for
// people and may change between versions.
func (g Guide) Text() string {
	var b strings.Builder
	head, secs := g.sections()
	fmt.Fprintf(&b, "%s办事指南\n", g.Item.Name)
	if g.Catalogue != "" {
		fmt.Fprintf(&b, "（%s）\n", g.Catalogue)
	}
	b.WriteString("\n")
	for _, h := range head {
		b.WriteString(h + "\n")
	}
	for i, s := range secs {
		fmt.Fprintf(&b, "\n%s、%s\n", xiaoneng.Numeral(i+1), s.title)
		if s.note != "" {
			b.WriteString(s.note + "\n")
		}
		for j, l := range s.lines {
			if s.ordered || len(s.lines) > 1 {
				fmt.Fprintf(&b, "%d. %s\n", j+1, l)
			} else {
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

// limitText writes a limit with its basis or note: 20个工作日（《行政许可法》
// 第四十二条第一款）.
func limitText(l Limit) string {
	s := l.Period().Chinese()
	if t := citationText(l.Basis, l.Note); t != "" {
		s += "（" + t + "）"
	}
	return s
}

// chineseSpan writes an item's days in force: 2024年1月1日起施行.
func chineseSpan(it Item) string {
	day := func(d date.Date) string {
		y, m, dd := d.Date()
		return fmt.Sprintf("%d年%d月%d日", y, m, dd)
	}
	if it.To == 0 {
		return day(it.From) + "起"
	}
	return day(it.From) + "至" + day(it.To)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// mdEscape keeps text from breaking Markdown: table bars and line breaks.
func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
}
