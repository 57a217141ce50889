package accountability_test

// The optimised paths of evaluation, each against a plain oracle.

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

func TestSymtabMatchesMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// Keys short and long; keys of every length up to 26 bytes over
		// two letters, which differ from one another in few bytes; and
		// long ones that differ only in bytes 16 to 19, which the
		// look-up's words do not cover.
		key := rapid.OneOf(rapid.StringMatching(`[a-z_]{0,30}`),
			rapid.StringMatching(`[ab]{0,26}`),
			rapid.Map(rapid.StringMatching(`[ab]{0,4}`), func(s string) string { return "notify_interest_" + s + "_hearing" }),
			rapid.String())
		keys := rapid.SliceOf(key).Draw(t, "keys")
		probes := rapid.SliceOf(key).Draw(t, "probes")
		if !accountability.SymtabAgrees(keys, probes) {
			t.Fatal("the symtab and the map disagree")
		}
	})
}

// The pair table finds the pairs a map of them holds, and only those,
// for strings short and long, of every length up to 26 bytes over two
// letters (which differ from one another in few bytes), probed with its
// own pairs' strings crossed and changed in one bit.
func TestPairtabMatchesMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		key := rapid.OneOf(rapid.StringMatching(`[a-z_]{0,30}`),
			rapid.StringMatching(`[ab]{0,26}`), rapid.StringMatching(`[ab]{20,26}`),
			rapid.Map(rapid.StringMatching(`[ab]{0,4}`), func(s string) string { return "notify_" + s + "_hearing" }),
			rapid.String())
		pair := rapid.Custom(func(t *rapid.T) [2]string { return [2]string{key.Draw(t, "trigger"), key.Draw(t, "to")} })
		pairs := rapid.SliceOf(pair).Draw(t, "pairs")
		probes := rapid.SliceOf(pair).Draw(t, "probes")
		for i := range pairs {
			for j := range pairs {
				probes = append(probes, [2]string{pairs[i][0], pairs[j][1]})
			}
		}
		if !accountability.PairtabAgrees(pairs, probes) {
			t.Fatal("the pair table and the map disagree")
		}
	})
}

// Officers are compared by words as strings are, for officers of every
// length up to 26 bytes over two letters and over one, Chinese names, and
// any string, in runs of one officer with others that differ from it in
// one byte or its length, under rosters that list some of them or none.
func TestOfficersKnownMatchesPlain(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		officer := rapid.OneOf(rapid.StringMatching(`[ab]{0,26}`), rapid.StringMatching(`[ab]{20,26}`), rapid.StringMatching(`a{0,26}`),
			rapid.SampledFrom([]string{"王", "王敏", "王敏x", "李强", " "}), rapid.String())
		base := officer.Draw(t, "base")
		near := rapid.Custom(func(t *rapid.T) string {
			switch rapid.IntRange(0, 3).Draw(t, "kind") {
			case 0:
				return officer.Draw(t, "other")
			case 1:
				return base + "x"
			case 2:
				if base != "" {
					b := []byte(base)
					b[rapid.IntRange(0, len(b)-1).Draw(t, "byte")] ^= 1
					return string(b)
				}
			}
			return base
		})
		officers := rapid.SliceOf(near).Draw(t, "officers")
		listed := rapid.SliceOf(near).Draw(t, "listed")
		if !accountability.OfficersKnownAgrees(officers, rapid.SliceOf(rapid.Bool()).Draw(t, "auto"), listed) {
			t.Fatal("officersKnown and the plain loop disagree")
		}
	})
}

// The events of a record are checked by the pair table and the officer
// runs as the plain loop checks them: the same problems, in the same
// order, and the same look-ups, for records of the reference definitions
// whose events now and then have a trigger, destination or officer that
// is unknown, empty, blank, long, or another one of the definition's,
// and are now and then the law's own, under an empty roster or one that
// lists some of the officers.
func TestValidateEventsMatchPlain(t *testing.T) {
	p, ok := accountability.ReferenceProfile("licensing")
	if !ok {
		t.Fatal("no licensing profile")
	}
	p.Notices = append(p.Notices, "accept")
	evaluators := []*accountability.Evaluator{defaultEvaluator(t), defaultEvaluator(t, accountability.WithProfiles(p))}
	officers := []string{"王", "李强", "王敏", "张华", "", " ", "wang1", "wang2", "officer-wang-bureau-1", "officer-wxng-bureau-1",
		"officer-wang-of-the-licensing-bureau", "王敏x"}
	rapid.Check(t, func(t *rapid.T) {
		e := evaluators[rapid.IntRange(0, len(evaluators)-1).Draw(t, "evaluator")]
		in := drawInput(t)
		for _, o := range officers {
			if o != "" && rapid.IntRange(0, 2).Draw(t, "listed") == 0 {
				in.Roster.Officers = append(in.Roster.Officers, accountability.Officer{ID: o})
			}
		}
		for i := range in.Records {
			c := *in.Records[i].Case
			c.Events = slices.Clone(c.Events)
			d := references[slices.IndexFunc(references, func(d *procedure.Definition) bool { id, _ := d.ID(); return id == c.Definition })]
			s := d.Spec()
			for j := range c.Events {
				ev := &c.Events[j]
				switch rapid.IntRange(0, 9).Draw(t, "trigger") {
				case 0:
					ev.Trigger = rapid.SampledFrom([]procedure.Trigger{"", "no_such_trigger", "notify_interested_parties_at_length"}).Draw(t, "unknown trigger")
				case 1:
					ev.Trigger = s.Triggers[rapid.IntRange(0, len(s.Triggers)-1).Draw(t, "other trigger")].ID
				}
				switch rapid.IntRange(0, 9).Draw(t, "to") {
				case 0:
					ev.To = rapid.SampledFrom([]procedure.State{"", "no_such_state", "a"}).Draw(t, "unknown state")
				case 1:
					ev.To = s.States[rapid.IntRange(0, len(s.States)-1).Draw(t, "other state")].ID
				}
				if rapid.IntRange(0, 3).Draw(t, "officer") == 0 {
					ev.Actor.Officer = rapid.SampledFrom(officers).Draw(t, "other officer")
				}
				if rapid.IntRange(0, 9).Draw(t, "auto") == 0 {
					ev.Auto = !ev.Auto
				}
			}
			in.Records[i].Case = &c
		}
		if diff := accountability.ValidateEventsAgree(e, in); diff != "" {
			t.Fatal(diff)
		}
	})
}

// The sort of findings on integer prefixes of the case IDs and on ranks
// within groups orders them as the plain comparison does, for IDs that tie
// in their first 16 bytes, run past them, or end in zero bytes, and for
// one case's findings in one group or several, in lists short and long.
func TestSortedMatchesPlainSort(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		id := rapid.SampledFrom([]string{"", "A", "A\x00", "XK-2025-00001", "XK-2025-000012345", "XK-2025-000012344",
			"XK-2025-0000123\x00", "XK-2025-0000123", "许可-2025-001", "\xff\xff"})
		fs := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) accountability.Finding {
			return accountability.Finding{
				Case: id.Draw(t, "case"), Inquiry: rapid.SampledFrom([]string{"", "Q1", "Q2"}).Draw(t, "inquiry"),
				Rule:    rapid.SampledFrom([]accountability.RuleID{accountability.RuleTimeLimit, accountability.RuleRedLight, accountability.RulePromise}).Draw(t, "rule"),
				Officer: rapid.SampledFrom([]string{"王芳", "李强"}).Draw(t, "officer"),
				Overdue: rapid.IntRange(0, 3).Draw(t, "overdue"),
			}
		}), 0, 600).Draw(t, "findings")
		if !accountability.SortedAgrees(fs, rapid.SliceOfN(rapid.Bool(), len(fs), len(fs)).Draw(t, "ends")) {
			t.Fatal("the sort on prefixes disagrees with the plain sort")
		}
	})
}

// The radix sort of sort keys orders them as a stable comparison sort
// does, for prefixes that share bytes, tie, and differ in any byte, in
// runs short and long enough to take the radix path.
func TestSortByPrefixMatchesStableSort(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		word := rapid.Custom(func(t *rapid.T) uint64 {
			base := rapid.SampledFrom([]uint64{0, 0x584b2d323032352d, 0xffffffffffffffff, 0x8000000000000000}).Draw(t, "base")
			shift := 8 * rapid.IntRange(0, 7).Draw(t, "byte")
			return base ^ uint64(rapid.IntRange(0, 3).Draw(t, "flip"))<<shift
		})
		n := rapid.IntRange(0, 1500).Draw(t, "n")
		p0s := rapid.SliceOfN(word, n, n).Draw(t, "p0")
		p1s := rapid.SliceOfN(word, n, n).Draw(t, "p1")
		if !accountability.SortByPrefixAgrees(p0s, p1s) {
			t.Fatal("the radix sort disagrees with the stable sort")
		}
	})
}

func TestReferenceSymbolsTakeOneSlotEach(t *testing.T) {
	e, err := accountability.New()
	if err != nil {
		t.Fatal(err)
	}
	if n := accountability.Chains(e); n != 0 {
		t.Errorf("%d triggers, states or clocks of the reference definitions share a slot", n)
	}
	if n := accountability.PairClashes(e); n != 0 {
		t.Errorf("%d valid events of the reference definitions share a slot", n)
	}
}

// Evaluate keeps findings pending, their strings and evidence as indexes,
// and builds them once when sorted: the findings, and their order, are
// the ones collected whole and sorted by the plain comparison give, for
// records with exemptions, step budgets, officers away, inquiries, and
// records that share a case ID.
func TestPendingFindingsMatchPlain(t *testing.T) {
	p, ok := accountability.ReferenceProfile("licensing")
	if !ok {
		t.Fatal("no licensing profile")
	}
	p.Budgets = map[procedure.State]deadline.Period{"accepted": {N: 3, Unit: deadline.WorkingDays}, "received": {N: 1, Unit: deadline.Days}}
	evaluators := []*accountability.Evaluator{defaultEvaluator(t), defaultEvaluator(t, accountability.WithProfiles(p)),
		defaultEvaluator(t, accountability.WithRules(accountability.RuleTimeLimit, accountability.RuleFirstInquiry))}
	officers := []string{"王", "李", "张"}
	rapid.Check(t, func(t *rapid.T) {
		e := evaluators[rapid.IntRange(0, len(evaluators)-1).Draw(t, "evaluator")]
		in := drawInput(t)
		shared := false
		for i := range in.Records {
			r := &in.Records[i]
			if i > 0 && rapid.IntRange(0, 4).Draw(t, "shared id") == 0 {
				c := *r.Case
				c.ID, shared = in.Records[i-1].Case.ID, true
				r.Case = &c
			}
			for range rapid.IntRange(0, 2).Draw(t, "exemptions") {
				r.Exemptions = append(r.Exemptions, accountability.Exemption{
					Rule:   rapid.SampledFrom([]accountability.RuleID{"", accountability.RuleTimeLimit, accountability.RuleRedLight}).Draw(t, "exempt rule"),
					Ground: accountability.GroundForceMajeure, Reason: "不可抗力"})
			}
		}
		asOf := asOfFor(t, in)
		for range rapid.IntRange(0, 2).Draw(t, "absences") {
			from := asOf - date.Date(rapid.IntRange(0, 200).Draw(t, "absent from"))
			in.Roster.Absences = append(in.Roster.Absences, accountability.Absence{Officer: rapid.SampledFrom(officers).Draw(t, "absent"),
				From: from, To: from + date.Date(rapid.IntRange(0, 40).Draw(t, "absent for")), Substitute: rapid.SampledFrom(officers).Draw(t, "substitute")})
		}
		for i := range rapid.IntRange(0, 3).Draw(t, "inquiries") {
			y, m, d := (asOf - date.Date(rapid.IntRange(0, 20).Draw(t, "asked"))).Date()
			asked := time.Date(y, m, d, 10, 0, 0, 0, deadline.ChinaStandardTime())
			in.Inquiries = append(in.Inquiries, accountability.Inquiry{ID: rapid.SampledFrom([]string{"Q" + strconv.Itoa(i), "Q0"}).Draw(t, "inquiry"),
				Officer: rapid.SampledFrom(officers).Draw(t, "asked of"), Unit: "审批局", At: asked})
		}
		got, err1 := e.Evaluate(in, asOf)
		want, err2 := accountability.EvaluatePlain(e, in, asOf)
		if fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Fatalf("errors differ: %v, plain %v", err1, err2)
		}
		if !shared {
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("the pending findings differ from the plain ones:\n%s", diff)
			}
			return
		}
		// Two records of one case may give findings the comparison ties:
		// those may come in either order.
		if len(got) != len(want) {
			t.Fatalf("%d findings, plain %d", len(got), len(want))
		}
		for i := range got {
			if accountability.CompareFindings(&got[i], &want[i]) != 0 {
				t.Fatalf("finding %d is %+v, plain %+v", i, got[i], want[i])
			}
		}
		key := func(f accountability.Finding) string {
			x := f.Exempt
			f.Exempt = nil
			return fmt.Sprintf("%+v %+v", f, x)
		}
		a, b := make([]string, len(got)), make([]string, len(want))
		for i := range got {
			a[i], b[i] = key(got[i]), key(want[i])
		}
		slices.Sort(a)
		slices.Sort(b)
		if diff := cmp.Diff(b, a); diff != "" {
			t.Fatalf("the pending findings differ from the plain ones:\n%s", diff)
		}
	})
}
