package accountability

import "slices"

// SymtabAgrees builds a symtab and a map of the same keys and reports
// whether every key, and every probe, is found alike in both: the map is
// the oracle of the optimised look-up.
func SymtabAgrees(keys, probes []string) bool {
	var t symtab[int]
	m := map[string]int{}
	for i, k := range keys {
		t.put(k, i)
		m[k] = i
	}
	for _, k := range append(keys, probes...) {
		a, okA := t.get(k)
		b, okB := m[k]
		if a != b || okA != okB {
			return false
		}
	}
	n := 0
	t.each(func(string, int) { n++ })
	return n == len(m)
}

// WindowEnd exposes windowEnd to the tests, which check it against
// deadline.Calendar.End.
var WindowEnd = windowEnd

// SortedAgrees collects the findings in groups (a group ends after
// finding j when ends[j]), sorts them as Evaluate does, and reports
// whether the order is the one compareFindings alone gives: the plain
// sort is the oracle of the one on integer prefixes and ranks.
func SortedAgrees(in []Finding, ends []bool) bool {
	var fs findings
	for j, f := range in {
		fs.add(f)
		if j < len(ends) && ends[j] {
			fs.endGroup()
		}
	}
	got := fs.sorted()
	want := slices.Clone(in)
	slices.SortStableFunc(want, func(a, b Finding) int { return compareFindings(&a, &b) })
	for i := range got {
		if compareFindings(&got[i], &want[i]) != 0 {
			return false
		}
	}
	return len(got) == len(want)
}

// Blank exposes blank to the tests, which check it against
// strings.TrimFunc with unicode.IsSpace.
var Blank = blank

// Chains counts the keys of the evaluator's symbol tables that share a
// slot: none should, for the reference definitions, or a look-up would
// walk a list.
func Chains(e *Evaluator) int {
	n := 0
	for _, di := range e.defs {
		n += di.triggers.chains + di.states.chains + di.clocks.chains
	}
	return n
}
