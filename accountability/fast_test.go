package accountability_test

// The optimised paths of evaluation, each against a plain oracle.

import (
	"strings"
	"testing"
	"unicode"

	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/accountability"
)

func TestSymtabMatchesMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		keys := rapid.SliceOf(rapid.StringMatching(`[a-z_]{0,12}`)).Draw(t, "keys")
		probes := rapid.SliceOf(rapid.String()).Draw(t, "probes")
		if !accountability.SymtabAgrees(keys, probes) {
			t.Fatal("the symtab and the map disagree")
		}
	})
}

// The sort of findings on integer prefixes of the case IDs and on ranks
// within groups orders them as the plain comparison does, for IDs that tie
// in their first 16 bytes, run past them, or end in zero bytes, and for
// one case's findings in one group or several.
func TestSortedMatchesPlainSort(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		id := rapid.SampledFrom([]string{"", "A", "A\x00", "XK-2025-00001", "XK-2025-000012345", "XK-2025-000012344",
			"XK-2025-0000123\x00", "XK-2025-0000123", "许可-2025-001", "\xff\xff"})
		fs := rapid.SliceOf(rapid.Custom(func(t *rapid.T) accountability.Finding {
			return accountability.Finding{
				Case: id.Draw(t, "case"), Inquiry: rapid.SampledFrom([]string{"", "Q1", "Q2"}).Draw(t, "inquiry"),
				Rule:    rapid.SampledFrom([]accountability.RuleID{accountability.RuleTimeLimit, accountability.RuleRedLight, accountability.RulePromise}).Draw(t, "rule"),
				Officer: rapid.SampledFrom([]string{"王芳", "李强"}).Draw(t, "officer"),
				Overdue: rapid.IntRange(0, 3).Draw(t, "overdue"),
			}
		})).Draw(t, "findings")
		if !accountability.SortedAgrees(fs, rapid.SliceOfN(rapid.Bool(), len(fs), len(fs)).Draw(t, "ends")) {
			t.Fatal("the sort on prefixes disagrees with the plain sort")
		}
	})
}

func TestBlankMatchesTrim(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }), rapid.StringOf(rapid.SampledFrom([]rune(" \t\u00a0\u1680\u2000\u3000\u3001\u3fff\u4000王a\ufffd")))).Draw(t, "s")
		if got, want := accountability.Blank(s), strings.TrimFunc(s, unicode.IsSpace) == ""; got != want {
			t.Fatalf("blank(%q) = %v, want %v", s, got, want)
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
}
