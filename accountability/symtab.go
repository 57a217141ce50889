package accountability

// symtab looks up a small, fixed set of strings (a definition's triggers,
// states and clocks) faster than a map: it hashes only the length and
// three bytes of a key, and compares whole strings against the few keys
// that share the hash. Built once, it is only read, so it is safe for
// concurrent use.
type symtab[V any] struct {
	slots [256][]symentry[V]
}

type symentry[V any] struct {
	key string
	val V
}

func symhash(s string) uint8 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return uint8(n*31 + int(s[0])*7 + int(s[n-1])*13 + int(s[n/2]))
}

func (t *symtab[V]) put(key string, v V) {
	h := symhash(key)
	for i := range t.slots[h] {
		if t.slots[h][i].key == key {
			t.slots[h][i].val = v
			return
		}
	}
	t.slots[h] = append(t.slots[h], symentry[V]{key, v})
}

func (t *symtab[V]) get(key string) (V, bool) {
	for _, e := range t.slots[symhash(key)] {
		if e.key == key {
			return e.val, true
		}
	}
	var zero V
	return zero, false
}

// each calls f on every entry, in no particular order.
func (t *symtab[V]) each(f func(string, V)) {
	for _, slot := range t.slots {
		for _, e := range slot {
			f(e.key, e.val)
		}
	}
}
