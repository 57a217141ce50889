package accountability

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/procedure"
)

// SymtabAgrees builds a symtab and a map of the same keys and reports
// whether every key, and every probe, is found alike in both, by get and
// by scan, and so is each key changed in one bit: the map is the oracle
// of the optimised look-ups.
func SymtabAgrees(keys, probes []string) bool {
	var t symtab
	m := map[string]int32{}
	for i, k := range keys {
		t.put(k, int32(i))
		m[k] = int32(i)
	}
	// Each key with one bit of one byte changed, too.
	for _, k := range keys {
		for i := range len(k) {
			for bit := range 8 {
				b := []byte(k)
				b[i] ^= 1 << bit
				probes = append(probes, string(b))
			}
		}
	}
	for _, k := range append(keys, probes...) {
		a, okA := t.get(k)
		b, okB := m[k]
		if a != b || okA != okB {
			return false
		}
		// scan settles a key only when it is in the map, and settles
		// every key of 1 to 24 bytes in a table whose keys all have slots.
		idx := []int32{-1}
		settled := t.scan([]procedure.CaseClock{{Spec: k}}, idx, 0) == 1
		if settled && (!okB || idx[0] != b) || !settled && okB && t.chains == 0 && k != "" && len(k) <= 24 {
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

// PairtabAgrees builds a pairtab of the given (trigger, destination)
// pairs and reports whether scan, event by event, finds pairs and probes
// as a map of the pairs does: a pair or probe it finds is in the map,
// with the value it gives, and it finds every pair of strings of 1 to 24
// bytes but the ones it counts as clashes. The probes include each pair
// with one bit of one byte of either string changed. The map is the
// oracle of the table.
func PairtabAgrees(pairs, probes [][2]string) bool {
	m := map[[2]string]uint64{}
	var ps []pair
	for i, p := range pairs {
		if _, dup := m[p]; dup {
			continue
		}
		v := uint64(i)
		if i%3 == 0 {
			v |= pairFlagged
		}
		m[p] = v
		ps = append(ps, pair{trigger: p[0], to: p[1], val: v})
	}
	var t pairtab
	t.build(ps)
	find := func(p [2]string) (int32, bool, bool) {
		events := []procedure.Event{{Trigger: procedure.Trigger(p[0]), To: procedure.State(p[1])}}
		idx := []int32{-1}
		var flagged []int
		found := t.scan(events, idx, 0, &flagged) == 1
		return idx[0], len(flagged) == 1, found
	}
	for _, p := range pairs {
		for side := range 2 {
			for k := range len(p[side]) {
				for bit := range 8 {
					b := []byte(p[side])
					b[k] ^= 1 << bit
					q := p
					q[side] = string(b)
					probes = append(probes, q)
				}
			}
		}
	}
	for _, p := range append(pairs, probes...) {
		idx, flagged, found := find(p)
		v, ok := m[p]
		if found && (!ok || idx != int32(v) || flagged != (v&pairFlagged != 0)) {
			return false
		}
	}
	missed := 0
	for _, p := range ps {
		if _, _, found := find([2]string{p.trigger, p.to}); !found && pairKey(p.trigger) && pairKey(p.to) {
			missed++
		}
	}
	return missed == t.clashes
}

// PairClashes counts the valid events of the evaluator's definitions left
// out of their pair tables: none should be, for the reference
// definitions, or their events would be checked the plain way.
func PairClashes(e *Evaluator) int {
	n := 0
	for _, di := range e.defs {
		n += di.pairs.clashes
	}
	return n
}

// ValidateEventsAgree checks the events of every record of in, of a
// definition e knows, with validateEvents and with validateEventsPlain,
// its oracle, and returns "" if they report the same problems and fill
// recordInfo alike, or what differs.
func ValidateEventsAgree(e *Evaluator, in Input) string {
	var p0 problems
	known := e.validateRoster(&p0, &in.Roster)
	var ri recordInfo
	for i, r := range in.Records {
		di, ok := e.defs[r.Case.Definition]
		if !ok {
			continue
		}
		fast, plain := problems{op: "Evaluate", err: ErrInvalidInput}, problems{op: "Evaluate", err: ErrInvalidInput}
		ri.events, ri.flagged = ri.events[:0], ri.flagged[:0]
		e.validateEvents(&fast, known, i, r.Case, di, &ri)
		events, flagged := slices.Clone(ri.events), slices.Clone(ri.flagged)
		ri.events, ri.flagged = ri.events[:0], ri.flagged[:0]
		e.validateEventsPlain(&plain, known, i, r.Case, di, &ri)
		if a, b := fmt.Sprint(fast.all), fmt.Sprint(plain.all); a != b {
			return fmt.Sprintf("record %d: problems %s, plain %s", i, a, b)
		}
		if !slices.Equal(events, ri.events) || !slices.Equal(flagged, ri.flagged) {
			return fmt.Sprintf("record %d: events %v flagged %v, plain %v %v", i, events, flagged, ri.events, ri.flagged)
		}
	}
	return ""
}

// OfficersKnownAgrees reports whether officersKnown tells what the
// plain loop over the events tells, for events by the given officers
// (the law's own where auto says so) under a roster of the listed ones,
// or of any non-blank one when none is listed; and for each officer
// under a roster of it alone, followed by each string that differs from
// it in one bit of one byte or has its last byte twice, which the roster
// does not list.
func OfficersKnownAgrees(officers []string, auto []bool, listed []string) bool {
	agrees := func(officers []string, listed []string) bool {
		var p problems
		known := (&Evaluator{}).validateRoster(&p, &Roster{Officers: func() []Officer {
			var out []Officer
			for _, id := range listed {
				out = append(out, Officer{ID: id})
			}
			return out
		}()})
		events := make([]procedure.Event, len(officers))
		want := true
		for j, o := range officers {
			events[j] = procedure.Event{Actor: procedure.Actor{Officer: o}, Auto: j < len(auto) && auto[j]}
			want = want && (events[j].Auto || known.has(o))
		}
		return officersKnown(events, known) == want
	}
	if !agrees(officers, listed) {
		return false
	}
	for _, o := range officers {
		if o != "" && !agrees([]string{o, o + o[len(o)-1:]}, []string{o}) {
			return false
		}
		for k := range len(o) {
			for bit := range 8 {
				b := []byte(o)
				b[k] ^= 1 << bit
				if !agrees([]string{o, string(b)}, []string{o}) {
					return false
				}
			}
		}
	}
	return true
}
