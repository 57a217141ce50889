package accountability

import "github.com/xiaoneng/xiaoneng/procedure"

// symtab looks up a small, fixed set of strings (a definition's triggers,
// states and clocks) faster than a map, giving each an int32 (its index
// in the definition).
//
// A key is read as its length and three words: its first and last eight
// bytes, and for a key longer than sixteen bytes its bytes 8 to 15 (four
// and four, for a key of four to seven bytes; its bytes, for a shorter
// one). The words overlap or meet in a key of up to 24 bytes, so for such
// a key length and words are the key itself and a look-up compares
// integers, not strings; a longer key is compared whole as well.
// The slot comes from the words, mixed by a factor chosen when the table
// is built so that the keys fall in different slots. Keys that share a
// slot all the same are kept in a map beside the slots, as is the empty
// key. Built once, it is only read, so it is safe for concurrent use.
type symtab struct {
	slots []symentry // a power of two long, or empty; an unused slot has the empty key
	seed  uint64     // odd
	shift uint8      // 64 minus the bits of a slot index
	n     int
	// more holds the keys that found their slot taken, and the empty key;
	// chains counts the former.
	more   map[string]int32
	chains int
}

type symentry struct {
	a, b, c uint64
	key     string
	val     int32
}

// symwords returns the words of a key: see symtab.
func symwords(s string) (a, b, c uint64) {
	switch n := len(s); {
	case n > 16:
		return le64(s), le64(s[n-8:]), le64(s[8:])
	case n >= 8:
		return le64(s), le64(s[n-8:]), 0
	case n >= 4:
		return le32(s), le32(s[n-4:]), 0
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16, 0, 0
	}
	return 0, 0, 0
}

// le64 and le32 read the first eight and four bytes of s, little-endian;
// the compiler makes each one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// slot returns the slot index of a key of length n and first and last
// words a and b.
func (t *symtab) slot(n int, a, b uint64) uint64 {
	return ((a ^ b<<1 ^ uint64(n)<<59) * t.seed) >> (t.shift & 63)
}

// entry makes the entry of a key.
func entry(key string, v int32) symentry {
	a, b, c := symwords(key)
	return symentry{a: a, b: b, c: c, key: key, val: v}
}

func (t *symtab) put(key string, v int32) {
	if _, ok := t.more[key]; ok || key == "" {
		t.putMore(key, v)
		return
	}
	e := entry(key, v)
	if len(t.slots) > 0 {
		sl := &t.slots[t.slot(len(key), e.a, e.b)]
		switch {
		case sl.key == key:
			sl.val = v
			return
		case sl.key == "" && 2*(t.n+1) <= len(t.slots):
			*sl = e
			t.n++
			return
		}
	}
	t.build(append(t.entries(), e))
}

func (t *symtab) putMore(key string, v int32) {
	if t.more == nil {
		t.more = map[string]int32{}
	}
	t.more[key] = v
}

// entries returns every entry but the empty key's, which stays in more.
func (t *symtab) entries() []symentry {
	out := make([]symentry, 0, t.n+len(t.more))
	for _, sl := range t.slots {
		if sl.key != "" {
			out = append(out, sl)
		}
	}
	for k, v := range t.more {
		if k != "" {
			out = append(out, entry(k, v))
		}
	}
	return out
}

// build lays the entries out afresh: at least twice as many slots as keys,
// and the factor, of a few tried at each size, that puts fewest keys in
// more (none, unless some keys cannot be told apart by their words).
func (t *symtab) build(all []symentry) {
	bestSeed, bestBits := pickSeed(len(all), 2, func(seed uint64, bits uint8, i int) uint64 {
		probe := symtab{seed: seed, shift: 64 - bits}
		return probe.slot(len(all[i].key), all[i].a, all[i].b)
	})
	empty, hasEmpty := t.more[""]
	*t = symtab{slots: make([]symentry, 1<<bestBits), seed: bestSeed, shift: 64 - bestBits, n: len(all)}
	if hasEmpty {
		t.putMore("", empty)
	}
	for _, e := range all {
		sl := &t.slots[t.slot(len(e.key), e.a, e.b)]
		if sl.key == "" {
			*sl = e
			continue
		}
		t.putMore(e.key, e.val)
		t.chains++
	}
}

// get looks key up. The common case, a key in its slot or a key absent
// from a table whose keys all have slots, compares integers, and a key
// longer than 24 bytes once as a string. It reads the words as symwords
// does, written out so that the common case calls nothing.
func (t *symtab) get(key string) (int32, bool) {
	var a, b, c uint64
	switch n := len(key); {
	case n > 16:
		a, b, c = le64(key), le64(key[n-8:]), le64(key[8:])
	case n >= 8:
		a, b = le64(key), le64(key[n-8:])
	case n >= 4:
		a, b = le32(key), le32(key[n-4:])
	case n > 0:
		a = uint64(key[0]) | uint64(key[n/2])<<8 | uint64(key[n-1])<<16
	default:
		return t.getMore(key)
	}
	// An empty table has a zero seed: every key's slot is 0, past its
	// end.
	if i := t.slot(len(key), a, b); i < uint64(len(t.slots)) {
		if sl := &t.slots[i]; sl.a == a && sl.b == b && sl.c == c && len(sl.key) == len(key) {
			if len(key) <= 24 {
				return sl.val, true
			}
			return t.getLong(sl, key)
		}
	}
	return t.getMore(key)
}

// getLong compares a key longer than 24 bytes with the one in its
// slot, whose length and words it shares.
func (t *symtab) getLong(sl *symentry, key string) (int32, bool) {
	if sl.key == key {
		return sl.val, true
	}
	return t.getMore(key)
}

// getMore looks up a key not in its slot: in more, where the keys that
// share a slot and the empty key are.
//
//go:noinline
func (t *symtab) getMore(key string) (int32, bool) {
	if t.chains == 0 && key != "" {
		return 0, false
	}
	v, ok := t.more[key]
	return v, ok
}

// each calls f on every entry, in no particular order.
func (t *symtab) each(f func(string, int32)) {
	for _, sl := range t.slots {
		if sl.key != "" {
			f(sl.key, sl.val)
		}
	}
	for k, v := range t.more {
		f(k, v)
	}
}

// scan looks up the clocks' specs from j on, storing each one's value in
// idx, until it meets one it cannot settle by comparing integers (a key
// absent or not in its slot, empty or longer than 24 bytes): it returns
// that clock's index, or len(clocks), and get settles that one. idx is as
// long as clocks.
//
// It is get written out in one loop that calls nothing, for a case's
// clocks: a call for each clock would make the loop store and reload what
// it holds around the call.
func (t *symtab) scan(clocks []procedure.CaseClock, idx []int32, j int) int {
	slots := t.slots
	if len(slots) == 0 {
		return j
	}
	idx = idx[:len(clocks)]
	for ; j < len(clocks); j++ {
		key := clocks[j].Spec
		var a, b, c uint64
		switch n := len(key); {
		case n > 24 || n == 0:
			return j
		case n > 16:
			a, b, c = le64at(key, 0), le64at(key, n-8), le64at(key, 8)
		case n >= 8:
			a, b = le64at(key, 0), le64at(key, n-8)
		case n >= 4:
			a, b = le32at(key, 0), le32at(key, n-4)
		default:
			a = uint64(key[0]) | uint64(key[n/2])<<8 | uint64(key[n-1])<<16
		}
		// The slot index is below len(slots); the mask spares a bounds
		// check.
		sl := &slots[t.slot(len(key), a, b)&uint64(len(slots)-1)]
		if sl.a != a || sl.b != b || sl.c != c || len(sl.key) != len(key) {
			return j
		}
		idx[j] = sl.val
	}
	return j
}

// pickSeed chooses the layout of a table of n keys: among a few odd
// factors at each of sizes+1 sizes, from the smallest with at least twice
// as many slots as keys, the factor and the bits of a slot index that put
// fewest keys in a slot already taken, slotOf giving key i's slot for a
// factor and a size. It stops at the first layout with none.
func pickSeed(n int, sizes uint8, slotOf func(seed uint64, bits uint8, i int) uint64) (seed uint64, bits uint8) {
	first := uint8(4)
	for 1<<first < 2*n {
		first++
	}
	bits, best := first, n+1
	used := make(map[uint64]bool, n)
	for b := first; b <= first+sizes && best > 0; b++ {
		for try := uint64(0); try < 64 && best > 0; try++ {
			s := (0x9E3779B97F4A7C15 + try*0x632BE59BD9B4E019) | 1
			clear(used)
			clash := 0
			for i := range n {
				h := slotOf(s, b, i)
				if used[h] {
					clash++
				}
				used[h] = true
			}
			if clash < best {
				seed, bits, best = s, b, clash
			}
		}
	}
	return seed, bits
}
