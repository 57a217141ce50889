package catalogue

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/text"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// validate checks the catalogue's spec, reporting every problem to p,
// and fills the catalogue's indexes and entries.
func validate(p *problems, c *Catalogue) {
	s := &c.spec
	if text.Blank(s.Name) {
		p.add("name", "", "the catalogue has no name")
	}
	for _, name := range sortedKeys(s.Processes) {
		path := "processes." + name
		if _, ok := reference(name); !ok {
			p.add(path, "", "no reference procedure %q; there are %s", name, strings.Join(procedure.ReferenceNames(), ", "))
		}
		for j, st := range s.Processes[name] {
			if text.Blank(st.Name) {
				p.add(at(path, j)+".name", "", "the step has no name")
			}
		}
	}
	c.entries = make([]entry, len(s.Items))
	c.codes = map[string][]int{}
	for i := range s.Items {
		validateItem(p, c, i)
		if code := s.Items[i].Code; !text.Blank(code) {
			c.codes[code] = append(c.codes[code], i)
		}
	}
	for _, code := range sortedKeys(c.codes) {
		idx := c.codes[code]
		slices.SortStableFunc(idx, func(a, b int) int { return int(s.Items[a].From - s.Items[b].From) })
		for k := 1; k < len(idx); k++ {
			for _, j := range idx[:k] {
				a, b := s.Items[j], s.Items[idx[k]]
				if overlaps(a, b) {
					p.add(at("items", idx[k])+".code", code, "code %q is also %s, in force on overlapping days (%s and %s)",
						code, at("items", j), span(a), span(b))
				}
			}
		}
	}
	c.green = map[string]int{}
	for g := range s.GreenChannels {
		validateGreen(p, c, g)
	}
}

// validateItem checks item i and fills its entry.
func validateItem(p *problems, c *Catalogue, i int) {
	it := c.spec.Items[i]
	path := at("items", i)
	code := it.Code
	bad := func(field, format string, args ...any) { p.add(path+field, code, format, args...) }

	switch {
	case text.Blank(code):
		bad(".code", "the item has no code")
	case strings.IndexFunc(code, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		bad(".code", "code %q contains white space or control characters", code)
	}
	if text.Blank(it.Name) {
		bad(".name", "the item has no name")
	}
	if text.Blank(it.Unit) {
		bad(".unit", "the item names no implementing unit (实施主体)")
	}
	if it.Kind == KindUnknown || int(it.Kind) >= len(kindLabels) {
		bad(".kind", "unknown kind of power %d", it.Kind)
	}
	if len(it.Basis) == 0 {
		bad(".basis", "the item cites no legal basis (设定依据)")
	}
	for j, b := range it.Basis {
		if err := b.Validate(); err != nil {
			bad(at(".basis", j), "%v", err)
		} else if b.IsZero() {
			bad(at(".basis", j), "empty citation")
		}
	}
	for j, cond := range it.Conditions {
		if text.Blank(cond) {
			bad(at(".conditions", j), "empty condition")
		}
	}
	for j, st := range it.Process {
		if text.Blank(st.Name) {
			bad(at(".process", j)+".name", "the step has no name")
		}
	}
	if it.From == 0 {
		bad(".from", "the item has no first day in force")
	}
	if it.To != 0 && it.To < it.From {
		bad(".to", "the item ends on %s, before it starts on %s", it.To, it.From)
	}

	e := &c.entries[i]
	proc, ok := reference(it.Procedure)
	if !ok {
		bad(".procedure", "no reference procedure %q; there are %s", it.Procedure, strings.Join(procedure.ReferenceNames(), ", "))
	} else {
		e.proc = proc
		validateLimits(p, path, it, e)
		if it.OnTheSpot && !proc.triggers[triggerOnTheSpot] {
			bad(".on_the_spot", "procedure %s has no on-the-spot decision (%s)", proc.name, triggerOnTheSpot)
		}
	}

	validateMaterials(p, path, it, e)
	for j, f := range it.Fees {
		fp := at(".fees", j)
		if text.Blank(f.Name) {
			bad(fp+".name", "the fee has no name")
		}
		switch {
		case !f.Amount.IsPositive():
			bad(fp+".amount", "the amount %s is not positive: an item without fees lists none", f.Amount)
		case !f.Amount.Equal(f.Amount.Round(2)):
			bad(fp+".amount", "the amount %s has more than two decimal places", f.Amount)
		case f.Amount.Cmp(decimal.New(1, 12)) >= 0:
			bad(fp+".amount", "the amount %s is too large", f.Amount)
		}
		if f.Basis.IsZero() {
			bad(fp+".basis", "the fee cites no provision allowing it (收费依据; 行政许可法 Art 58 ¶1)")
		} else if err := f.Basis.Validate(); err != nil {
			bad(fp+".basis", "%v", err)
		}
	}
	if len(it.Channels) == 0 {
		bad(".channels", "the item names no channel")
	}
	for j, ch := range it.Channels {
		switch {
		case ch == ChannelUnknown || int(ch) >= len(channelLabels):
			bad(at(".channels", j), "unknown channel %d", ch)
		case slices.Index(it.Channels, ch) < j:
			bad(at(".channels", j), "channel %s is listed twice", ch)
		}
	}
	if it.Online && !slices.Contains(it.Channels, ChannelOnline) {
		bad(".online", "the item is handled online, but its channels do not include %s", ChannelOnline)
	}

	// The item cannot be in force before the laws it cites.
	if it.From != 0 {
		check := func(field string, cite xiaoneng.Citation) {
			if day, ok := lawInForce(cite); ok && it.From < day {
				bad(field, "the item is in force from %s, before %s took effect on %s", it.From, lawName(cite), day)
			}
		}
		for j, b := range it.Basis {
			check(at(".basis", j), b)
		}
		check(".statutory.basis", it.Statutory.Basis)
		check(".promised.basis", it.Promised.Basis)
		for j, f := range it.Fees {
			check(at(".fees", j)+".basis", f.Basis)
		}
	}
}

// validateLimits checks the item's clock and limits and resolves them.
func validateLimits(p *problems, path string, it Item, e *entry) {
	code := it.Code
	base, ok := e.proc.rules[it.Clock]
	switch {
	case !ok:
		p.add(path+".clock", code, "procedure %s has no clock %q; its limits are %s",
			e.proc.name, it.Clock, strings.Join(e.proc.limitClocks(), ", "))
		return
	case !e.proc.limits[it.Clock]:
		p.add(path+".clock", code, "clock %q of procedure %s is not a time limit the agency must meet; its limits are %s",
			it.Clock, e.proc.name, strings.Join(e.proc.limitClocks(), ", "))
		return
	}
	e.limits.Statutory = Limit{N: base.Period.N, Unit: base.Period.Unit, Basis: base.Citation(), Extension: base.Extension}
	e.statCites = base.Citations
	e.ext = base.Extension
	statOK := true
	if !it.Statutory.IsZero() {
		statOK = checkLimit(p, path+".statutory", code, it.Statutory)
		if it.Statutory.Basis.IsZero() {
			p.add(path+".statutory.basis", code, "a statutory limit the item states needs the provision that sets it")
			statOK = false
		}
		e.limits.Statutory = it.Statutory
		e.statCites = []xiaoneng.Citation{it.Statutory.Basis}
		e.ext = statutoryExtension(base, it.Statutory)
		e.limits.Statutory.Extension = e.ext
		if statOK && it.Statutory.Extension != (deadline.Extension{}) {
			statOK = checkExtension(p, path+".statutory", code, it.Statutory)
		}
	}
	if it.Promised.Extension != (deadline.Extension{}) {
		p.add(path+".promised.extension", code, "a promised limit states no extension: it is extended as the statutory limit is")
	}
	e.limits.Promised = e.limits.Statutory
	if !it.Promised.IsZero() {
		if checkLimit(p, path+".promised", code, it.Promised) && statOK {
			checkNotLonger(p, path+".promised", code, "the promised limit", it.Promised, "the statutory limit", e.limits.Statutory)
		}
		e.limits.Promised = it.Promised
		e.limits.Promised.Extension = e.ext
		e.limits.Promise = true
	}
}

// statutoryExtension is the extension a statutory limit the item states
// allows: its own, or else the clock rule's where the limit rests on the
// rule's own provision (in any version of its text), or else none. 行政许可法 Art 42 ¶1 allows ten
// more days "二十日内不能作出决定的": it extends its own period, and a law
// that provides otherwise (但是，法律、法规另有规定的，依照其规定) provides
// its own extension, if any.
func statutoryExtension(base deadline.Rule, l Limit) deadline.Extension {
	switch {
	case l.Extension != (deadline.Extension{}):
		return l.Extension
	case l.Basis.At(0) == base.Citation().At(0): // the same provision, whatever the version
		return base.Extension
	}
	return deadline.Extension{}
}

// checkExtension reports the problems of the extension a limit states,
// as package deadline finds them in a rule of the limit's period.
func checkExtension(p *problems, path, code string, l Limit) bool {
	err := deadline.Rule{ID: "limit", Period: l.Period(), Extension: l.Extension, Citations: []xiaoneng.Citation{l.Basis}}.Validate()
	if err == nil {
		return true
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	for _, err := range errs {
		if de, ok := err.(*deadline.Error); ok && de.Path != "" {
			p.add(path+"."+de.Path, code, "%s", de.Detail)
		} else {
			p.add(path+".extension", code, "%v", err)
		}
	}
	return false
}

// validateMaterials checks the item's materials and builds the clocks of
// deferrable ones.
func validateMaterials(p *problems, path string, it Item, e *entry) {
	code := it.Code
	e.deferral = make([]deadline.Template, len(it.Materials))
	for j, m := range it.Materials {
		if m.Required {
			e.required++
		}
		mp := path + at(".materials", j)
		switch {
		case text.Blank(m.Name):
			p.add(mp+".name", code, "the material has no name")
		case strings.Contains(m.Name, Separator):
			p.add(mp+".name", code, "the name %q contains the list separator %q", m.Name, Separator)
		case slices.IndexFunc(it.Materials, func(o Material) bool { return o.Name == m.Name }) < j:
			p.add(mp+".name", code, "material %q is listed twice", m.Name)
		}
		if m.Form == FormUnknown || int(m.Form) >= len(formLabels) {
			p.add(mp+".form", code, "unknown form %d", m.Form)
		}
		if m.Copies < 1 || m.Copies > 100 {
			p.add(mp+".copies", code, "%d copies: give 1 to 100", m.Copies)
		}
		switch {
		case m.Deferrable && !m.Required:
			p.add(mp+".deferrable", code, "an optional material cannot be deferred: only required ones follow after acceptance")
		case m.Deferrable && (m.DeferDays < 1 || m.DeferDays > maxDeferDays):
			p.add(mp+".defer_days", code, "a deferrable material follows within 1 to %d working days, not %d", maxDeferDays, m.DeferDays)
		case !m.Deferrable && m.DeferDays != 0:
			p.add(mp+".defer_days", code, "%d working days to follow, but the material is not deferrable", m.DeferDays)
		}
		if m.Deferrable && m.DeferDays >= 1 && m.DeferDays <= maxDeferDays && len(it.Basis) > 0 {
			t, err := deadline.NewTemplate(deferRule(m, it.Basis))
			if err == nil {
				e.deferral[j] = t
			}
		}
	}
}

// deferRule is the rule of the clock for supplying a deferred material:
// its working days, citing the item's basis.
func deferRule(m Material, basis []xiaoneng.Citation) deadline.Rule {
	return deadline.Rule{
		ID:        "deferred-material",
		Name:      "容缺受理后补齐材料：" + m.Name,
		NameEN:    "supply a material deferred at acceptance",
		Period:    deadline.Period{N: m.DeferDays, Unit: deadline.WorkingDays},
		Citations: slices.Clone(basis),
	}
}

// validateGreen checks green channel g.
func validateGreen(p *problems, c *Catalogue, g int) {
	gc := c.spec.GreenChannels[g]
	path := at("green_channels", g)
	switch {
	case text.Blank(gc.ID):
		p.add(path+".id", "", "the green channel has no id")
	default:
		if prev, dup := c.green[gc.ID]; dup {
			p.add(path+".id", "", "id %q is also %s", gc.ID, at("green_channels", prev))
		} else {
			c.green[gc.ID] = g
		}
	}
	if text.Blank(gc.Name) {
		p.add(path+".name", "", "the green channel names no project")
	}
	if text.Blank(gc.Handler.Name) {
		p.add(path+".handler.name", "", "the green channel names no handler (专人代办)")
	}
	if len(gc.Items) == 0 {
		p.add(path+".items", "", "the green channel covers no item")
	}
	for k, d := range gc.Items {
		dp := path + at(".items", k)
		idx := c.codes[d.Code]
		switch {
		case len(idx) == 0:
			p.add(dp+".code", d.Code, "no item %q in the catalogue", d.Code)
		case slices.IndexFunc(gc.Items, func(o Designation) bool { return o.Code == d.Code }) < k:
			p.add(dp+".code", d.Code, "item %q is listed twice", d.Code)
		}
		if d.Limit.Extension != (deadline.Extension{}) {
			p.add(dp+".limit.extension", d.Code, "a green channel's limit states no extension: it is extended as the statutory limit is")
		}
		if !checkLimit(p, dp+".limit", d.Code, d.Limit) {
			continue
		}
		for _, i := range idx {
			e := c.entries[i]
			if e.proc == nil || e.limits.Promised.IsZero() {
				continue // the item's own problems are reported already
			}
			checkNotLonger(p, dp+".limit", d.Code, "the green channel's limit", d.Limit,
				fmt.Sprintf("the promised limit of %s", at("items", i)), e.limits.Promised)
		}
	}
}

// lawInForce returns the day the cited text took effect: the cited
// version's, or the law's first version's when none is cited. It reports
// false for laws the library does not know.
func lawInForce(c xiaoneng.Citation) (date.Date, bool) {
	law, ok := xiaoneng.LookupLaw(c.Law)
	if !ok || len(law.Versions) == 0 {
		return 0, false
	}
	if c.Version != 0 {
		v, ok := law.Version(c.Version)
		return v.InForce, ok
	}
	return law.Versions[0].InForce, true
}

// lawName is the law of a citation, with its version: 《行政许可法》.
func lawName(c xiaoneng.Citation) string {
	return xiaoneng.Citation{Law: c.Law, Version: c.Version}.String()
}

// overlaps reports whether two versions of an item are in force on a
// common day.
func overlaps(a, b Item) bool {
	end := func(it Item) date.Date {
		if it.To == 0 {
			return date.Date(1 << 40)
		}
		return it.To
	}
	return a.From <= end(b) && b.From <= end(a)
}

// span writes an item's effective days: 2024-01-01 起 or 2016-01-01 至
// 2023-12-31.
func span(it Item) string {
	if it.To == 0 {
		return "from " + it.From.String()
	}
	return it.From.String() + " to " + it.To.String()
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
