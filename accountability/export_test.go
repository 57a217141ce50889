package accountability

import (
	"reflect"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// SymtabAgrees builds a symtab and a map of the same keys and reports
// whether every key, and every probe, is found alike in both: the map is
// the oracle of the optimised look-up.
func SymtabAgrees(keys, probes []string) bool {
	var t symtab
	m := map[string]int32{}
	for i, k := range keys {
		t.put(k, int32(i))
		m[k] = int32(i)
	}
	for _, k := range append(keys, probes...) {
		a, okA := t.get(k)
		b, okB := m[k]
		if a != b || okA != okB {
			return false
		}
	}
	n := 0
	t.each(func(string, int32) { n++ })
	return n == len(m)
}

// WindowEnd exposes windowEnd to the tests, which check it against
// deadline.Calendar.End.
var WindowEnd = windowEnd

// SortedAgrees collects the findings in groups (a group ends after
// finding j when ends[j]), each group a record of the case of its first
// finding, sorts them as Evaluate does, and reports whether the findings
// and their order are the ones compareFindings alone gives: the plain
// sort is the oracle of the pending form and of the sort on integer
// prefixes and ranks.
func SortedAgrees(in []Finding, ends []bool) bool {
	var recs []Record
	for j, f := range in {
		if j == 0 || (j-1 < len(ends) && ends[j-1]) {
			recs = append(recs, Record{Case: &procedure.Case{ID: f.Case, Definition: f.Definition}})
		}
	}
	fs := newFindings(recs, nil, false)
	g := 0
	fs.begin(g)
	for j := range in {
		f := in[j]
		fs.add(&f, -1)
		if j < len(ends) && ends[j] {
			fs.endGroup()
			g++
			fs.begin(g)
		}
	}
	got := fs.sorted()
	want := slices.Clone(in)
	slices.SortStableFunc(want, func(a, b Finding) int { return compareFindings(&a, &b) })
	for i := range got {
		if compareFindings(&got[i], &want[i]) != 0 || !reflect.DeepEqual(got[i], want[i]) {
			return false
		}
	}
	return len(got) == len(want)
}

// EvaluatePlain evaluates with the findings collected whole and sorted by
// compareFindings alone: the oracle of Evaluate's pending findings.
func EvaluatePlain(e *Evaluator, in Input, asOf date.Date) ([]Finding, error) {
	return e.evaluate(in, asOf, true)
}

// CompareFindings exposes compareFindings, the order of Evaluate's
// findings, to the tests.
var CompareFindings = compareFindings

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

// SortByPrefixAgrees sorts keys of the given prefixes with sortByPrefix
// and reports whether the order is the one a stable comparison sort
// gives, its oracle.
func SortByPrefixAgrees(p0s, p1s []uint64) bool {
	keys := make([]findingKey, len(p0s))
	for i := range keys {
		keys[i] = findingKey{p0: p0s[i], p1: p1s[i], i: int32(i)}
	}
	want := slices.Clone(keys)
	slices.SortStableFunc(want, func(a, b findingKey) int {
		if a.p0 != b.p0 {
			if a.p0 < b.p0 {
				return -1
			}
			return 1
		}
		if a.p1 != b.p1 {
			if a.p1 < b.p1 {
				return -1
			}
			return 1
		}
		return 0
	})
	return slices.Equal(sortByPrefix(keys, make([]findingKey, len(keys))), want)
}
