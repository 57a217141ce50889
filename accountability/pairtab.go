package accountability

import "github.com/xiaoneng/xiaoneng/procedure"

// pairtab holds a definition's valid events as (trigger, destination)
// pairs, so that validateRecord checks an event's trigger and the state
// it led to with one look-up, and learns the trigger's index and whether
// the profile gives it a meaning with it. A pair is found by comparing
// integers alone: each string of 1 to 24 bytes is read as its length and
// three words, as symtab reads a key, which are the string itself, and only
// pairs of such strings are kept. A pair that is not found may still be
// valid (a string longer than 24 bytes, or two pairs that share a slot):
// the event is then checked the plain way, which also reports its
// problems. So the table need hold only the common pairs, but a pair it
// holds is always valid.
type pairtab struct {
	slots []pairentry // a power of two long, or empty; an unused slot has zero lengths
	seed  uint64      // odd
	mask  uint64      // len(slots)-1
	// clashes counts the pairs left out for want of a slot of their own,
	// which the plain check finds all the same (as it does pairs of
	// strings longer than 24 bytes).
	clashes int
}

// A pairentry is 64 bytes: a slot is found by a shift.
type pairentry struct {
	t1, t2, t3 uint64 // the trigger's words
	d1, d2, d3 uint64 // the destination's words
	lens       uint64 // the trigger's length, and the destination's above bit 32
	val        uint64 // the trigger's index, and pairFlagged
}

// pairFlagged marks, in a pairentry's val, a trigger the profile gives a
// meaning (a notice, a refusal, a deemed outcome).
const pairFlagged = 1 << 32

// pairKey reports whether a string can be a key of a pairtab.
func pairKey(s string) bool { return len(s) > 0 && len(s) <= 24 }

// le64at and le32at read eight and four bytes of s from i on,
// little-endian, as one load. They cut s to its length, not to its end
// as le64(s[i:]) would: a cut that may leave nothing costs instructions
// to keep its pointer inside the string. They do not call le64 and le32,
// whose inlining would leave a no-op instruction to mark it.
func le64at(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func le32at(s string, i int) uint64 {
	b := s[i : i+4]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
}

// pairSlot returns the slot of a pair from the trigger's first and last
// words, the destination's last word, and the lengths, mixed by the
// table's factor; the slot index is taken from the middle bits of the
// product, which depend on all of its low bits, at a fixed shift so that
// only a mask varies with the size.
func (t *pairtab) pairSlot(t1, t2, d2, lens uint64) uint64 {
	return ((t1 ^ t2<<1 ^ d2<<2 ^ lens) * t.seed >> 32) & t.mask
}

// pair is one valid pair, for build.
type pair struct {
	trigger, to string
	val         uint64
}

// build lays the pairs out at the size and factor pickSeed finds, which
// leave fewest pairs out (none, for the reference definitions).
func (t *pairtab) build(pairs []pair) {
	var es []pairentry
	for _, p := range pairs {
		if !pairKey(p.trigger) || !pairKey(p.to) {
			continue
		}
		t1, t2, t3 := symwords(p.trigger)
		d1, d2, d3 := symwords(p.to)
		es = append(es, pairentry{t1, t2, t3, d1, d2, d3, uint64(len(p.trigger)) | uint64(len(p.to))<<32, p.val})
	}
	*t = pairtab{}
	if len(es) == 0 {
		return
	}
	bestSeed, bestBits := pickSeed(len(es), 3, func(seed uint64, bits uint8, i int) uint64 {
		probe := pairtab{seed: seed, mask: 1<<bits - 1}
		return probe.pairSlot(es[i].t1, es[i].t2, es[i].d2, es[i].lens)
	})
	t.slots, t.seed, t.mask = make([]pairentry, 1<<bestBits), bestSeed, 1<<bestBits-1
	for _, e := range es {
		sl := &t.slots[t.pairSlot(e.t1, e.t2, e.d2, e.lens)]
		if sl.lens == 0 {
			*sl = e
			continue
		}
		t.clashes++
	}
}

// scan looks up the events from j on, storing each one's trigger index
// in idx and appending the indexes of the flagged ones to flagged, until
// it meets an event whose pair it does not hold: it returns that event's
// index, or len(events). idx is as long as events.
//
// It is one loop that calls nothing, reading the words as symwords does
// written out: a call in the loop would make it store and reload what it
// holds in registers around the call, for every event. The words are
// compared all at once, with one branch.
func (t *pairtab) scan(events []procedure.Event, idx []int32, j int, flagged *[]int) int {
	slots := t.slots
	if len(slots) == 0 {
		return j
	}
	mask := uint64(len(slots) - 1) // t.mask, known to the compiler to spare a bounds check
	idx = idx[:len(events)]
	for ; j < len(events); j++ {
		ev := &events[j]
		tr, to := string(ev.Trigger), string(ev.To)
		nt, nd := len(tr), len(to)
		if uint(nt-1) >= 24 || uint(nd-1) >= 24 {
			return j
		}
		var t1, t2, t3, d1, d2, d3 uint64
		switch {
		case nt > 16:
			t1, t2, t3 = le64at(tr, 0), le64at(tr, nt-8), le64at(tr, 8)
		case nt >= 8:
			t1, t2 = le64at(tr, 0), le64at(tr, nt-8)
		case nt >= 4:
			t1, t2 = le32at(tr, 0), le32at(tr, nt-4)
		default:
			t1 = uint64(tr[0]) | uint64(tr[nt/2])<<8 | uint64(tr[nt-1])<<16
		}
		switch {
		case nd > 16:
			d1, d2, d3 = le64at(to, 0), le64at(to, nd-8), le64at(to, 8)
		case nd >= 8:
			d1, d2 = le64at(to, 0), le64at(to, nd-8)
		case nd >= 4:
			d1, d2 = le32at(to, 0), le32at(to, nd-4)
		default:
			d1 = uint64(to[0]) | uint64(to[nd/2])<<8 | uint64(to[nd-1])<<16
		}
		lens := uint64(nt) | uint64(nd)<<32
		sl := &slots[t.pairSlot(t1, t2, d2, lens)&mask]
		if (sl.t1^t1)|(sl.t2^t2)|(sl.t3^t3)|(sl.d1^d1)|(sl.d2^d2)|(sl.d3^d3)|(sl.lens^lens) != 0 {
			return j
		}
		idx[j] = int32(sl.val)
		if sl.val&pairFlagged != 0 {
			*flagged = append(*flagged, j)
		}
	}
	return j
}
