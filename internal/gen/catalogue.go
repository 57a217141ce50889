package gen

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// CatalogueClock is a clock of a reference procedure that a service
// item's limits may apply to, with the period of its rule.
type CatalogueClock struct {
	Procedure, Clock string
	Period           deadline.Period
}

// CatalogueClocks returns the clocks the catalogue generators put items
// on. The catalogue's tests check the periods against the reference
// definitions.
func CatalogueClocks() []CatalogueClock {
	wd := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.WorkingDays} }
	days := func(n int) deadline.Period { return deadline.Period{N: n, Unit: deadline.Days} }
	return []CatalogueClock{
		{"licensing", "decision", wd(20)},
		{"joint-licensing", "decision", wd(45)},
		{"disclosure", "reply", wd(20)},
		{"complaint", "handling", days(60)},
		{"penalty", "decision", days(90)},
		{"assistance", "answer", wd(5)},
	}
}

// catalogueBases are the provisions items cite: laws the library knows
// only where every drawn first day is after they took effect (行政许可法,
// in force 2004-07-01), and others it does not know, which are never
// checked.
var catalogueBases = []xn.Citation{
	xn.Cite(xn.LicensingLaw, 29, 1),
	xn.Cite(xn.LicensingLaw, 42, 1),
	{Law: "食品安全法", Article: 35, Paragraph: 1},
	{Law: "建筑法", Article: 7, Paragraph: 1},
	{Law: "城市道路管理条例", Article: 31, Paragraph: 1},
}

// catalogueMaterialNames are realistic material names, none containing
// the list separator.
var catalogueMaterialNames = []string{
	"申请书", "营业执照复印件", "法定代表人身份证明", "经营场所平面图", "设备设施清单",
	"食品安全管理制度", "从业人员健康证明", "委托书", "建设工程规划许可证", "施工图审查合格书",
	"资金证明", "交通组织方案",
}

// CatalogueMaterials draws an item's material list: up to eight
// materials with distinct names, some optional, some deferrable.
func CatalogueMaterials() *rapid.Generator[[]catalogue.Material] {
	return rapid.Custom(func(t *rapid.T) []catalogue.Material {
		names := rapid.SliceOfNDistinct(rapid.SampledFrom(catalogueMaterialNames), 0, 8, rapid.ID[string]).Draw(t, "names")
		out := make([]catalogue.Material, len(names))
		for i, name := range names {
			m := catalogue.Material{
				Name:     name,
				Form:     catalogue.Form(rapid.IntRange(1, 4).Draw(t, "form")),
				Copies:   rapid.IntRange(1, 3).Draw(t, "copies"),
				Required: rapid.IntRange(0, 4).Draw(t, "optional") > 0,
			}
			if m.Required && rapid.Bool().Draw(t, "deferrable") {
				m.Deferrable, m.DeferDays = true, rapid.IntRange(1, 20).Draw(t, "defer days")
			}
			if rapid.Bool().Draw(t, "note") {
				m.Note = "加盖公章"
			}
			out[i] = m
		}
		return out
	})
}

// CatalogueSubmission draws what an applicant hands in for a material
// list: each material absent, conforming or not (with a note), and
// sometimes a name the list does not have.
func CatalogueSubmission(ms []catalogue.Material) *rapid.Generator[map[string]catalogue.Submitted] {
	return rapid.Custom(func(t *rapid.T) map[string]catalogue.Submitted {
		out := map[string]catalogue.Submitted{}
		for _, m := range ms {
			switch rapid.IntRange(0, 3).Draw(t, "submitted "+m.Name) {
			case 0: // not handed in
			case 1:
				out[m.Name] = catalogue.Submitted{Conforming: false, Note: "缺少签章"}
			default:
				out[m.Name] = catalogue.Submitted{Conforming: true}
			}
		}
		if rapid.IntRange(0, 4).Draw(t, "extra") == 0 {
			out["其他材料"] = catalogue.Submitted{Conforming: rapid.Bool().Draw(t, "extra conforming")}
		}
		return out
	})
}

// catalogueLimit draws a limit never longer than the period p: in p's
// unit, or in calendar days against working days.
func catalogueLimit(t *rapid.T, p deadline.Period, label string) catalogue.Limit {
	l := catalogue.Limit{N: rapid.IntRange(1, p.N).Draw(t, label+" n"), Unit: p.Unit, Note: "本单位服务承诺"}
	if p.Unit == deadline.WorkingDays && rapid.Bool().Draw(t, label+" in days") {
		l.Unit = deadline.Days
	}
	return l
}

// catalogueAnyLimit draws any valid limit, longer or not comparable
// included.
func catalogueAnyLimit(t *rapid.T, label string) catalogue.Limit {
	return catalogue.Limit{
		N:    rapid.IntRange(1, 100).Draw(t, label+" n"),
		Unit: deadline.Unit(rapid.IntRange(1, 4).Draw(t, label+" unit")),
		Note: "本单位服务承诺",
	}
}

// catalogueItem draws a valid item with code, in force from a day in
// 2005–2025, ending or not.
func catalogueItem(t *rapid.T, code string, anyLimits bool) catalogue.Item {
	clk := rapid.SampledFrom(CatalogueClocks()).Draw(t, "clock")
	it := catalogue.Item{
		Code: code, Name: "事项" + code, Unit: rapid.SampledFrom([]string{"市场监管局", "住建局", "卫健局"}).Draw(t, "unit"),
		Kind:      catalogue.Kind(rapid.IntRange(1, 12).Draw(t, "kind")),
		Basis:     rapid.SliceOfNDistinct(rapid.SampledFrom(catalogueBases), 1, 3, func(c xn.Citation) xn.Citation { return c }).Draw(t, "basis"),
		Procedure: clk.Procedure, Clock: clk.Clock,
		Materials: CatalogueMaterials().Draw(t, "materials"),
		From:      date.New(2005, 1, 1) + date.Date(rapid.IntRange(0, 20*365).Draw(t, "from")),
	}
	statutory := clk.Period
	switch {
	case anyLimits && rapid.IntRange(0, 3).Draw(t, "statutory") == 0:
		it.Statutory = catalogueAnyLimit(t, "statutory")
		it.Statutory.Basis, it.Statutory.Note = xn.Citation{Law: "建筑法", Article: 8, Paragraph: 2}, ""
	case rapid.IntRange(0, 5).Draw(t, "statutory") == 0:
		it.Statutory = catalogue.Limit{N: rapid.IntRange(5, 30).Draw(t, "statutory n"), Unit: deadline.Days,
			Basis: xn.Citation{Law: "建筑法", Article: 8, Paragraph: 2}}
		if rapid.Bool().Draw(t, "own extension") {
			// The extension the provision setting the limit allows.
			it.Statutory.Extension = deadline.Extension{Max: rapid.IntRange(1, 10).Draw(t, "extension"),
				Approver: "发证机关负责人", Citation: it.Statutory.Basis}
		}
		statutory = it.Statutory.Period()
	}
	switch {
	case anyLimits && rapid.IntRange(0, 2).Draw(t, "any promise") == 0:
		it.Promised = catalogueAnyLimit(t, "promised")
	case rapid.IntRange(0, 4).Draw(t, "promise") > 0:
		it.Promised = catalogueLimit(t, statutory, "promised")
	}
	chans := rapid.SliceOfNDistinct(rapid.IntRange(1, 7), 1, 3, rapid.ID[int]).Draw(t, "channels")
	for _, ch := range chans {
		it.Channels = append(it.Channels, catalogue.Channel(ch))
	}
	it.Online = slices.Contains(it.Channels, catalogue.ChannelOnline) && rapid.Bool().Draw(t, "online")
	it.OnTheSpot = clk.Procedure == "licensing" && rapid.IntRange(0, 4).Draw(t, "on the spot") == 0
	for i := range rapid.IntRange(0, 2).Draw(t, "fees") {
		it.Fees = append(it.Fees, catalogue.Fee{
			Name:   fmt.Sprintf("收费项目%d", i+1),
			Amount: decimal.New(rapid.Int64Range(1, 10_000_000).Draw(t, "fen"), -2),
			Per:    "件",
			Basis:  xn.Citation{Law: "城市道路管理条例", Article: 37, Paragraph: 1},
		})
	}
	if rapid.IntRange(0, 3).Draw(t, "conditions") == 0 {
		it.Conditions = []string{"具有相应的场所和设施"}
	}
	if rapid.IntRange(0, 3).Draw(t, "process") == 0 {
		it.Process = []catalogue.Step{{Name: "受理"}, {Name: "决定", Desc: "作出书面决定"}}
	}
	if rapid.IntRange(0, 3).Draw(t, "ends") == 0 {
		it.To = it.From + date.Date(rapid.IntRange(0, 3*365).Draw(t, "to"))
	}
	return it
}

// CatalogueSpec draws a valid catalogue: up to six codes, some with two
// versions in force one after the other, each promised limit never
// longer than its statutory one, and green channels whose limits are
// never longer than the items' promises.
func CatalogueSpec() *rapid.Generator[catalogue.Spec] {
	return rapid.Custom(func(t *rapid.T) catalogue.Spec { return catalogueSpec(t, false) })
}

// CatalogueSpecAnyLimits draws a catalogue like [CatalogueSpec] whose
// statutory and promised limits are drawn freely: longer, in units that
// do not compare, or fine. Some load, some do not.
func CatalogueSpecAnyLimits() *rapid.Generator[catalogue.Spec] {
	return rapid.Custom(func(t *rapid.T) catalogue.Spec { return catalogueSpec(t, true) })
}

func catalogueSpec(t *rapid.T, anyLimits bool) catalogue.Spec {
	s := catalogue.Spec{ID: "gen", Name: "生成的事项目录", Region: "示例县"}
	lo, hi := 0, 6
	if anyLimits {
		// Fewer items, so that catalogues with a bad limit somewhere do
		// not crowd out those that load.
		lo, hi = 1, 3
	}
	n := rapid.IntRange(lo, hi).Draw(t, "codes")
	for i := range n {
		code := fmt.Sprintf("GEN-%03d", i+1)
		it := catalogueItem(t, code, anyLimits)
		s.Items = append(s.Items, it)
		if it.To != 0 && rapid.IntRange(0, 2).Draw(t, "second version") == 0 {
			next := catalogueItem(t, code, anyLimits)
			next.From, next.To = it.To+1, 0
			s.Items = append(s.Items, next)
		}
	}
	if len(s.Items) > 0 && rapid.Bool().Draw(t, "processes") {
		s.Processes = map[string][]catalogue.Step{s.Items[0].Procedure: {{Name: "申请"}, {Name: "受理"}}}
	}
	if !anyLimits {
		for g := range rapid.IntRange(0, 2).Draw(t, "green channels") {
			if gc, ok := catalogueGreen(t, s, g); ok {
				s.GreenChannels = append(s.GreenChannels, gc)
			}
		}
	}
	return s
}

// catalogueGreen draws a green channel over some of the spec's codes,
// each with a limit never longer than any version's promise.
func catalogueGreen(t *rapid.T, s catalogue.Spec, g int) (catalogue.GreenChannel, bool) {
	gc := catalogue.GreenChannel{
		ID: fmt.Sprintf("GC-%d", g+1), Name: "重点项目", Priority: rapid.Bool().Draw(t, "priority"),
		Handler: catalogue.Handler{Name: "李华", Unit: "政务服务中心"},
	}
	seen := map[string]bool{}
	for _, it := range s.Items {
		if seen[it.Code] || !rapid.Bool().Draw(t, "designate "+it.Code) {
			continue
		}
		seen[it.Code] = true
		var promises []deadline.Period
		for _, v := range s.Items {
			if v.Code == it.Code {
				promises = append(promises, catalogueResolved(v))
			}
		}
		lim := catalogueLimit(t, promises[0], "green")
		ok := true
		for _, p := range promises {
			if shorter, comparable := catalogue.NotLonger(lim.Period(), p); !shorter || !comparable {
				ok = false
			}
		}
		if ok {
			gc.Items = append(gc.Items, catalogue.Designation{Code: it.Code, Limit: lim})
		}
	}
	return gc, len(gc.Items) > 0
}

// catalogueResolved is an item's promised period, as the catalogue
// resolves it.
func catalogueResolved(it catalogue.Item) deadline.Period {
	switch {
	case !it.Promised.IsZero():
		return it.Promised.Period()
	case !it.Statutory.IsZero():
		return it.Statutory.Period()
	}
	for _, c := range CatalogueClocks() {
		if c.Procedure == it.Procedure && c.Clock == it.Clock {
			return c.Period
		}
	}
	return deadline.Period{}
}
