package catalogue_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	xn "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/internal/gen"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// TestStatutoryLimitExtension: 行政许可法 Art 42 ¶1 allows ten more days
// where its own twenty do not suffice. 建筑法 Art 8 ¶2 sets seven days for
// a construction permit in their place (Art 42 ¶1: 法律、法规另有规定的，
// 依照其规定) and no extension: the item's statutory and promised limits,
// and its green channel's, allow none, and an extension is refused when
// it is fired. An item that restates Art 42's own period keeps its
// extension, and an item may state the extension its own provision
// allows.
func TestStatutoryLimitExtension(t *testing.T) {
	c := sample(t)
	ref, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		t.Fatal(err)
	}
	const permit = "ZJ-XK-003" // 建筑工程施工许可证核发: 建筑法 Art 8 ¶2, seven days
	day := d(2025, 9, 25)

	_, r, err := c.StatutoryRule(permit, day)
	if err != nil {
		t.Fatal(err)
	}
	if r.Extension != (deadline.Extension{}) {
		t.Errorf("建筑法 Art 8 ¶2's seven days extend by Art 42 ¶1: %+v", r.Extension)
	}
	lim, err := c.Limits(permit, day)
	if err != nil {
		t.Fatal(err)
	}
	if lim.Statutory.Extension != (deadline.Extension{}) || lim.Promised.Extension != (deadline.Extension{}) {
		t.Errorf("Limits: %+v", lim)
	}
	for _, green := range []string{"", "GC-2025-01"} {
		def, cs, err := c.Start("C-"+green, permit, day, green)
		if err != nil {
			t.Fatal(err)
		}
		if rr, _ := def.Rule("decision"); rr.Extension != (deadline.Extension{}) {
			t.Errorf("green %q: the case runs on an extension %+v", green, rr.Extension)
		}
		fire(t, def, cs, receive(at(2025, 9, 25, 10, 0)),
			procedure.Event{Trigger: "accept", At: at(2025, 9, 26, 10, 0), Actor: clerk, Payload: map[string]string{"voucher": "受理-001"}})
		before := cs.Clone()
		err = def.Fire(t.Context(), cs, procedure.Event{Trigger: "extend", At: at(2025, 9, 28, 10, 0), Actor: clerk,
			Payload: map[string]string{"reasons": "需现场核查", "approver": "局长"}})
		if !errors.Is(err, procedure.ErrInvalidTransition) || !errors.Is(err, deadline.ErrExtensionRefused) {
			t.Errorf("green %q: extending the permit: %v", green, err)
		}
		if diff := cmp.Diff(before, cs); diff != "" {
			t.Errorf("green %q: the refused extension changed the case:\n%s", green, diff)
		}
	}

	// An item that restates Art 42 ¶1's twenty working days, citing the
	// 2019 text, keeps the ten; one whose provision allows its own
	// extension states it.
	spec := c.Spec()
	i := slices.IndexFunc(spec.Items, func(it catalogue.Item) bool { return it.Code == "SCJG-XK-003" })
	own := xn.Cite("食品生产许可管理办法", 21)
	spec.Items[i].Statutory = catalogue.Limit{N: 20, Unit: deadline.WorkingDays, Basis: ref.Citation().At(date.New(2019, 4, 23))}
	j := slices.IndexFunc(spec.Items, func(it catalogue.Item) bool { return it.Code == permit })
	spec.Items[j].Statutory.Extension = deadline.Extension{Max: 3, Approver: "发证机关负责人", Citation: own}
	c2, err := catalogue.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, r, _ := c2.StatutoryRule("SCJG-XK-003", day); r.Extension != ref.Extension {
		t.Errorf("Art 42 ¶1 restated: extension %+v, want %+v", r.Extension, ref.Extension)
	}
	if _, r, _ := c2.StatutoryRule(permit, day); r.Extension.Max != 3 || r.Extension.Citation != own {
		t.Errorf("the item's own extension: %+v", r.Extension)
	}
	def, err := c2.Definition(permit, day, "")
	if err != nil {
		t.Fatal(err)
	}
	if rr, _ := def.Rule("decision"); rr.Extension.Max != 3 {
		t.Errorf("the promised limit runs on extension %+v, not the statutory limit's", rr.Extension)
	}

	// Bad input: an extension on a promise and on a green channel's
	// limit, and one without an approver.
	spec = c.Spec()
	spec.Items[j].Promised.Extension = deadline.Extension{Max: 2, Approver: "局长", Citation: own}
	spec.Items[j].Statutory.Extension = deadline.Extension{Max: 3, Citation: own}
	spec.GreenChannels[0].Items[0].Limit.Extension = deadline.Extension{Max: 1, Approver: "局长", Citation: own}
	_, err = catalogue.New(spec)
	want := []string{
		"items[" + strconv.Itoa(j) + "].statutory.extension.approver",
		"items[" + strconv.Itoa(j) + "].promised.extension",
		"green_channels[0].items[0].limit.extension",
	}
	if got := paths(err); !sameSet(got, want) {
		t.Errorf("problems at %q, want %q (%v)", got, want, err)
	}
	if !errors.Is(err, catalogue.ErrInvalidCatalogue) {
		t.Errorf("%v does not wrap ErrInvalidCatalogue", err)
	}
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// Property: every rule a case of an item runs on — its promised limit's,
// its green channels', its statutory limit's — extends as the statutory
// limit allows: by the clock rule's extension when the item states no
// statutory limit, by its own when it states one, and not at all when the
// limit rests on another provision and states none (行政许可法 Art 42 ¶1).
func TestRunsExtendAsStatutory(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec := gen.CatalogueSpec().Draw(t, "spec")
		c, err := catalogue.New(spec)
		if err != nil {
			t.Fatalf("a generated catalogue is invalid: %v", err)
		}
		for _, it := range c.Items() {
			ref, err := procedure.Reference(it.Procedure)
			if err != nil {
				t.Fatal(err)
			}
			base, _ := ref.Rule(it.Clock)
			want := base.Extension
			switch {
			case it.Statutory.IsZero():
			case it.Statutory.Extension != (deadline.Extension{}):
				want = it.Statutory.Extension
			case it.Statutory.Basis.At(0) != base.Citation().At(0): // another provision, whatever the version
				want = deadline.Extension{}
			}
			check := func(what string, got deadline.Extension) {
				if got != want {
					t.Fatalf("%s %s: extension %+v, want %+v (statutory %+v)", it.Code, what, got, want, it.Statutory)
				}
			}
			_, stat, err := c.StatutoryRule(it.Code, it.From)
			if err != nil {
				t.Fatal(err)
			}
			check("statutory rule", stat.Extension)
			l, err := c.Limits(it.Code, it.From)
			if err != nil {
				t.Fatal(err)
			}
			check("statutory limit", l.Statutory.Extension)
			check("promised limit", l.Promised.Extension)
			greens := []string{""}
			for _, g := range spec.GreenChannels {
				if slices.ContainsFunc(g.Items, func(d catalogue.Designation) bool { return d.Code == it.Code }) {
					greens = append(greens, g.ID)
				}
			}
			for _, g := range greens {
				def, err := c.Definition(it.Code, it.From, g)
				if err != nil {
					continue // a green channel not open on the item's first day
				}
				r, _ := def.Rule(it.Clock)
				check("case rule (green channel "+g+")", r.Extension)
			}
		}
	})
}
