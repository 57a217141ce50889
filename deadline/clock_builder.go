package deadline

// A ClockBuilder applies entries to clocks, appending their ledgers in
// place in a buffer of its own. [Clock.Apply] copies the whole ledger so
// that the receiver stays as it was; a clock built entry by entry with it
// copies n²/2 entries and allocates a ledger per entry. A builder is for a
// caller that alone holds the clocks as it builds them, such as one
// reading a stored ledger back, or rebuilding a case's clocks from its
// stored events: seven entries are built in half the time, and a builder
// that goes on from clock to clock allocates once every 64 entries, where
// Clock.Apply allocates for each (BenchmarkLedgerReplay).
//
// The builder holds one clock at a time, the one [ClockBuilder.Reset]
// gave it as its entries went on; [ClockBuilder.ApplyTo] builds a clock
// the caller holds instead. It keeps its buffer across Reset: the ledgers
// of clocks built in turn lie end to end in it, a clock whose ledger ends
// where the buffer's entries end grows in place, and another is copied to
// the end first. The buffer allocates only when it is full;
// [ClockBuilder.Grow] makes room ahead.
//
// [ClockBuilder.Clock] returns the clock as it stands, an immutable Clock
// like any other, without copying. Entries once appended never change,
// and a returned clock's ledger has no room to append into, so every
// clock returned keeps what it had however the builder goes on.
//
// A ClockBuilder checks every entry as [Clock.Apply] does, and a refused
// entry changes nothing. The zero ClockBuilder holds the zero Clock, which
// refuses every entry; Reset puts a clock in it. A builder is not safe for
// concurrent use. A copy of a builder goes on from the same clock without
// disturbing the original: whichever of the two appends first keeps the
// spare room, and the other allocates anew.
type ClockBuilder struct {
	// buf is the ledgers built so far, end to end. Its spare room holds
	// no entry until the builder (or a copy of it) appends there: every
	// entry in a ledger has a kind, so an entry of kind EntryUnknown just
	// past the end says that no copy has taken the room (see room).
	buf []Entry
	c   Clock
}

// builderRoom is the least room a builder allocates: most clocks take a
// few entries (a suspension, its resumption, an extension, the stop).
// A full buffer is followed by one of twice its room, up to
// builderMaxRoom: a builder that lives long, building clock after clock,
// allocates a buffer every builderMaxRoom entries, not ever larger ones.
// A clock's own ledger grows by doubling whatever its length.
//
// builderMaxGrow bounds what [ClockBuilder.Grow] makes room for ahead:
// room is a hint, and no ledger is that long.
const (
	builderRoom    = 4
	builderMaxRoom = 64
	builderMaxGrow = 1 << 12
)

// Reset makes the builder go on from clock c. The buffer stays, with the
// clocks it returned before.
func (b *ClockBuilder) Reset(c Clock) { b.c = c }

// Grow makes sure that the builder's buffer has room of its own for n
// more entries, up to 4,096, so that they allocate nothing; a clock whose
// ledger is copied to the end of the buffer takes room for its entries
// too. n of 0 or less does nothing.
func (b *ClockBuilder) Grow(n int) {
	n = min(n, builderMaxGrow)
	if n > 0 && !b.room(n) {
		b.buf = make([]Entry, 0, n)
	}
}

// Apply adds one entry of any kind, with the checks of [Clock.Apply]. The
// calendar is needed for extensions only. A refused entry leaves the
// builder's clock as it was.
func (b *ClockBuilder) Apply(cal *Calendar, e Entry) error {
	if err := b.c.admit(cal, &e, e.Kind == EntryExtend); err != nil {
		return err
	}
	b.append(e)
	return nil
}

// ApplyTo adds one entry of any kind to clock *c, with the checks of
// [Clock.Apply], building c's ledger in the builder's buffer: it does
// what Reset(*c), Apply and *c = Clock() do, without copying the clock in
// and out, for a caller that keeps many clocks (a case's, in its own
// data) and builds them all through one builder. The builder's own clock
// does not change. A refused entry, or a nil c, leaves everything as it
// was.
func (b *ClockBuilder) ApplyTo(cal *Calendar, c *Clock, e Entry) error {
	if c == nil {
		return errorf(e.op(), e.On, ErrEntryRefused, "no clock to apply the entry to")
	}
	if err := c.admit(cal, &e, e.Kind == EntryExtend); err != nil {
		return err
	}
	c.ledger = b.appendTo(c.ledger, e)
	return nil
}

// append appends an admitted entry to the clock's ledger.
func (b *ClockBuilder) append(e Entry) { b.c.ledger = b.appendTo(b.c.ledger, e) }

// appendTo returns ledger l with admitted entry e appended, in the
// buffer.
func (b *ClockBuilder) appendTo(l []Entry, e Entry) []Entry {
	n := len(l)
	if !b.ends(l) || !b.room(1) {
		// The ledger is elsewhere, or there is no room after it: it
		// moves to the end of the buffer, a new one if need be.
		if !b.room(n + 1) {
			b.buf = make([]Entry, 0, max(min(2*cap(b.buf), builderMaxRoom), 2*(n+1), builderRoom))
		}
		b.buf = append(b.buf, l...)
	}
	b.buf = append(b.buf, e)
	end := len(b.buf)
	// Clipped, so that nothing appends to the returned ledger in place.
	return b.buf[end-n-1 : end : end]
}

// ends reports whether ledger l, not empty, ends where the buffer's
// entries end.
func (b *ClockBuilder) ends(l []Entry) bool {
	return len(l) > 0 && len(b.buf) > 0 && &l[len(l)-1] == &b.buf[len(b.buf)-1]
}

// room reports whether the buffer has room of its own for n more entries.
// A copy of the builder shares the room until one of the two appends
// there. Each appends from its own end, after entries that all have a
// kind, and only to room that starts with no entry: an entry just past
// the end means that a copy has taken the room, and none means that no
// builder has written anywhere past it.
func (b *ClockBuilder) room(n int) bool {
	l := len(b.buf)
	return cap(b.buf)-l >= n && b.buf[:l+1][l].Kind == EntryUnknown
}

// Clock returns the clock built so far.
func (b *ClockBuilder) Clock() Clock { return b.c }
