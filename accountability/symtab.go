package accountability

// symtab looks up a small, fixed set of strings (a definition's triggers,
// states and clocks) faster than a map: the entries sit in one
// open-addressed array at least four times the number of keys, the hash
// reads only the length and three bytes of a key, and a look-up mostly
// compares one whole string. Built once, it is only read, so it is safe
// for concurrent use.
type symtab[V any] struct {
	slots []symentry[V] // a power of two long, or empty
	n     int
}

type symentry[V any] struct {
	key  string
	val  V
	used bool
}

func symhash(s string) uint {
	n := len(s)
	if n == 0 {
		return 0
	}
	return uint(n*31 + int(s[0])*7 + int(s[n-1])*13 + int(s[n/2])*3)
}

func (t *symtab[V]) put(key string, v V) {
	if 4*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]symentry[V], max(16, 2*len(old))), 0
		for _, e := range old {
			if e.used {
				t.put(e.key, e.val)
			}
		}
	}
	mask := uint(len(t.slots) - 1)
	for h := symhash(key) & mask; ; h = (h + 1) & mask {
		e := &t.slots[h]
		if !e.used {
			*e = symentry[V]{key, v, true}
			t.n++
			return
		}
		if e.key == key {
			e.val = v
			return
		}
	}
}

func (t *symtab[V]) get(key string) (V, bool) {
	if len(t.slots) > 0 {
		// At most a quarter of the slots are used, so the probe ends.
		mask := uint(len(t.slots) - 1)
		for h := symhash(key) & mask; ; h = (h + 1) & mask {
			e := &t.slots[h]
			if !e.used {
				break
			}
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
	for _, e := range t.slots {
		if e.used {
			f(e.key, e.val)
		}
	}
}
