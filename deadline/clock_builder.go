package deadline

import "slices"

// A ClockBuilder applies entries to one clock in turn, appending them in
// place. [Clock.Apply] copies the whole ledger so that the receiver stays
// as it was; a clock built entry by entry with it copies n²/2 entries and
// allocates a ledger per entry. A builder keeps a ledger of its own with
// room to grow, for a caller that alone holds the clock as it builds it,
// such as one reading a stored ledger back. It pays on ledgers of more
// than a few entries: seven are built in half the time, with two
// allocations instead of seven (BenchmarkLedgerReplay).
//
// [ClockBuilder.Clock] returns the clock as it stands, an immutable Clock
// like any other, without copying. Entries once appended never change,
// and a returned clock's ledger has no room to append into, so every
// clock returned keeps what it had however the builder goes on.
//
// A ClockBuilder checks every entry as [Clock.Apply] does, and a refused
// entry changes nothing. The zero ClockBuilder holds the zero Clock, which
// refuses every entry; [ClockBuilder.Reset] puts a clock in it. A builder
// is not safe for concurrent use. A copy of a builder goes on from the
// same clock without disturbing the original: the copy's first entry
// copies the ledger, and the original goes on appending in place.
type ClockBuilder struct {
	// self is the builder the spare room of c's ledger belongs to. A copy
	// of the builder has the original's address there, and gives up the
	// room before it appends (see own).
	self *ClockBuilder
	c    Clock
}

// builderRoom is the room a builder's first ledger has: most clocks take
// fewer entries (a suspension, its resumption, an extension, the stop).
const builderRoom = 4

// Reset makes the builder go on from clock c.
func (b *ClockBuilder) Reset(c Clock) {
	// c's ledger may have room that another clock's ledger goes on into:
	// the builder appends into a copy.
	c.ledger = slices.Clip(c.ledger)
	b.self, b.c = b, c
}

// Apply adds one entry of any kind, with the checks of [Clock.Apply]. The
// calendar is needed for extensions only. A refused entry leaves the
// builder's clock as it was.
func (b *ClockBuilder) Apply(cal *Calendar, e Entry) error {
	if err := b.c.admit(cal, e, e.Kind == EntryExtend); err != nil {
		return err
	}
	b.append(e)
	return nil
}

// append appends an admitted entry.
func (b *ClockBuilder) append(e Entry) {
	b.own()
	if len(b.c.ledger) == cap(b.c.ledger) {
		b.c.ledger = slices.Grow(b.c.ledger, max(builderRoom, len(b.c.ledger)))
	}
	b.c.ledger = append(b.c.ledger, e)
}

// own makes sure the spare room of the builder's ledger is its own: a
// builder copied from another shares that room with it, and drops it so
// that its next entry copies the ledger.
func (b *ClockBuilder) own() {
	if b.self != b {
		b.c.ledger = slices.Clip(b.c.ledger)
		b.self = b
	}
}

// Clock returns the clock built so far.
func (b *ClockBuilder) Clock() Clock {
	c := b.c
	c.ledger = slices.Clip(c.ledger)
	return c
}
