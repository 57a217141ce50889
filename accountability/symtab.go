package accountability

// symtab looks up a small, fixed set of strings (a definition's triggers,
// states and clocks) faster than a map. A key's slot comes from its length
// and three of its bytes, multiplied by a factor chosen when the table is
// built so that the keys fall in different slots: a look-up then compares
// one whole string. Keys that share a slot all the same (equal in length
// and in the three bytes) go on the slot's list. Built once, it is only
// read, so it is safe for concurrent use.
type symtab[V any] struct {
	slots  []symslot[V] // a power of two long, or empty
	seed   uint32       // odd
	shift  uint8        // 32 minus the bits of a slot index
	n      int
	chains int // keys on the lists
}

type symslot[V any] struct {
	symentry[V]
	used bool
	more []symentry[V]
}

type symentry[V any] struct {
	key string
	val V
}

// symbits reads a key's length and first, last and middle bytes.
func symbits(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return uint32(n) | uint32(s[0])<<8 | uint32(s[n-1])<<16 | uint32(s[n/2])<<24
}

func (t *symtab[V]) index(s string) uint32 { return (symbits(s) * t.seed) >> t.shift }

func (t *symtab[V]) put(key string, v V) {
	if len(t.slots) > 0 {
		sl := &t.slots[t.index(key)]
		switch {
		case sl.used && sl.key == key:
			sl.val = v
			return
		case !sl.used && 2*(t.n+1) <= len(t.slots):
			sl.symentry, sl.used = symentry[V]{key, v}, true
			t.n++
			return
		}
		for i := range sl.more {
			if sl.more[i].key == key {
				sl.more[i].val = v
				return
			}
		}
	}
	all := append(t.entries(), symentry[V]{key, v})
	t.build(all)
}

// entries returns every entry.
func (t *symtab[V]) entries() []symentry[V] {
	out := make([]symentry[V], 0, t.n+1)
	for _, sl := range t.slots {
		if sl.used {
			out = append(out, sl.symentry)
			out = append(out, sl.more...)
		}
	}
	return out
}

// build lays the entries out afresh: at least twice as many slots as keys,
// and the factor, of a few tried at each size, that puts fewest keys on
// lists (none, unless some keys cannot be told apart by their bits).
func (t *symtab[V]) build(all []symentry[V]) {
	bits := uint8(4)
	for 1<<bits < 2*len(all) {
		bits++
	}
	bestSeed, bestBits, best := uint32(0), bits, len(all)+1
	for b := bits; b <= bits+2 && best > 0; b++ {
		for try := uint32(0); try < 64 && best > 0; try++ {
			seed := (0x9E3779B1 + try*0x632BE5AA) | 1
			used := make(map[uint32]bool, len(all))
			clash := 0
			for _, e := range all {
				h := (symbits(e.key) * seed) >> (32 - b)
				if used[h] {
					clash++
				}
				used[h] = true
			}
			if clash < best {
				bestSeed, bestBits, best = seed, b, clash
			}
		}
	}
	*t = symtab[V]{slots: make([]symslot[V], 1<<bestBits), seed: bestSeed, shift: 32 - bestBits, n: len(all)}
	for _, e := range all {
		sl := &t.slots[t.index(e.key)]
		if !sl.used {
			sl.symentry, sl.used = e, true
			continue
		}
		sl.more = append(sl.more, e)
		t.chains++
	}
}

func (t *symtab[V]) get(key string) (V, bool) {
	if len(t.slots) > 0 {
		sl := &t.slots[t.index(key)]
		if sl.key == key && sl.used {
			return sl.val, true
		}
		for _, e := range sl.more {
			if e.key == key {
				return e.val, true
			}
		}
	}
	var zero V
	return zero, false
}

// each calls f on every entry, in no particular order.
func (t *symtab[V]) each(f func(string, V)) {
	for _, sl := range t.slots {
		if sl.used {
			f(sl.key, sl.val)
			for _, e := range sl.more {
				f(e.key, e.val)
			}
		}
	}
}
