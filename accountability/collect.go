package accountability

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// findings collects the findings of a scan and returns them sorted.
//
// A scan of a million records finds hundreds of thousands of breaches, and
// a Finding is large and full of pointers: kept whole until the sort, each
// would be copied twice, and the garbage collector would trace every one
// of them while the scan runs. So a finding is kept as a pending one, which
// holds no pointer: its strings are indexes into the scan's tables (there
// are few distinct officers, steps, rules, citations and messages), its
// evidence the indexes of events of its record, its delays in a table of
// the scan. The findings are built once, when sorted, straight into the
// slice returned. A finding the pending form cannot hold (one that names
// another case than its record's, or rests on more than two events, or on
// events not of its record's log) is kept whole.
//
// The findings of one record or inquiry form a group, ranked among
// themselves when it ends: they lie together, and the sort then compares
// whole findings only for two groups of one case.
type findings struct {
	// plain keeps whole findings and sorts them with compareFindings
	// alone: the oracle of the rest.
	plain bool
	recs  []Record // the input: group g is record g, then inquiry g-len(recs)
	inqs  []Inquiry
	group int32 // the group at hand
	start int   // its first finding
	n     int

	chunks []*pendingChunk
	p0, p1 uint64 // the prefix of the group's case, once keyed
	keyed  bool

	strs    []string // strs[0] is ""
	strIdx  map[string]int32
	recent  [64]recentStr // the strings looked up last
	cites   []xiaoneng.Citation
	citeIx  map[xiaoneng.Citation]int32
	citeRec [16]int32   // 1 + the indexes in cites of those looked up last
	texts   [][2]string // the messages, Chinese and English
	textIx  map[string]int32
	text    int32 // the message written last
	delays  []*delayChunk
	nDelay  int       // the next position in delays
	delayed int       // the delays of pending findings
	nEv     int       // the evidence of pending findings
	full    []Finding // the findings kept whole
	idx     []int32   // scratch for ranking a group
	buf     []byte
}

type recentStr struct {
	s string
	i int32
}

// pending is a finding as a scan keeps it until the sort.
type pending struct {
	full                             int32 // 1 + its index in full, for a finding kept whole
	rule, clock, officer, step, unit int32 // in strs
	cite, text                       int32
	exempt                           int32 // 1 + the index of the record's exemption covering it
	sev                              Severity
	nev                              uint8
	ev                               [2]int32 // event indexes of the evidence
	delay, ndelay                    int32    // in delays
	day                              date.Date
	overdue                          int
}

// delayRef is a StepDelay with its strings in strs.
type delayRef struct {
	step, officer, unit int32
	days                int
	waiting             bool
}

const pendingChunkLen = 1024

// pendingChunk holds pending findings and their sort keys: a scan grows
// no slice, which would copy them.
type pendingChunk struct {
	p    [pendingChunkLen]pending
	keys [pendingChunkLen]findingKey
}

// delayChunk holds the delays of pending findings, those of one finding
// in one chunk.
type delayChunk [pendingChunkLen]delayRef

// The chunks of a scan, and its sort keys, are kept for the next scan: a
// supervision system evaluates again and again. They hold no pointer, so
// they need no clearing.
var (
	pendingChunks = sync.Pool{New: func() any { return new(pendingChunk) }}
	delayChunks   = sync.Pool{New: func() any { return new(delayChunk) }}
	findingKeys   sync.Pool // of *[]findingKey
)

// findingKey is what sorted orders findings by: the first 16 bytes of the
// case ID as two integers, then the case and inquiry IDs; then, for two
// findings of one group, their rank in it, and for two of different
// groups, the whole findings, at indexes i. same tells that the
// finding's case and inquiry are its group's, as they are but for a
// finding kept whole: two such findings of one group are ordered by rank
// alone.
type findingKey struct {
	p0, p1  uint64
	g, r, i int32
	same    bool
}

// maxTexts bounds the messages a scan keeps for sharing.
const maxTexts = 1 << 16

func newFindings(recs []Record, inqs []Inquiry, plain bool) findings {
	return findings{plain: plain, recs: recs, inqs: inqs, strs: []string{""}}
}

// begin starts group g.
func (fs *findings) begin(g int) {
	fs.group, fs.start, fs.keyed = int32(g), fs.n, false
}

// groupIDs returns the case, definition and inquiry of the group at hand,
// and its case, if a record's.
func (fs *findings) groupIDs(g int32) (id, def, inquiry string, c *procedure.Case) {
	if int(g) < len(fs.recs) {
		c = fs.recs[g].Case
		return c.ID, c.Definition, "", c
	}
	if k := int(g) - len(fs.recs); k < len(fs.inqs) {
		return "", "", fs.inqs[k].ID, nil
	}
	return "", "", "", nil
}

// str returns the index of s in strs, adding it.
func (fs *findings) str(s string) int32 {
	if s == "" {
		return 0
	}
	r := &fs.recent[(uint(len(s))^uint(s[0])<<1^uint(s[len(s)-1])<<3)%uint(len(fs.recent))]
	if r.i != 0 && r.s == s {
		return r.i
	}
	i, ok := fs.strIdx[s]
	if !ok {
		if fs.strIdx == nil {
			fs.strIdx = map[string]int32{}
		}
		i = int32(len(fs.strs))
		fs.strs = append(fs.strs, s)
		fs.strIdx[s] = i
	}
	*r = recentStr{s, i}
	return i
}

// cite returns the index of c in cites, adding it. A scan's findings
// cite a few articles, each rule and limit its own, in turns: the last
// looked up are kept by article, as hashing a citation for the map costs
// more than comparing it.
func (fs *findings) cite(c xiaoneng.Citation) int32 {
	r := &fs.citeRec[uint(c.Article^c.Paragraph<<2^c.Item<<4^len(c.Law))%uint(len(fs.citeRec))]
	if *r > 0 && fs.cites[*r-1] == c {
		return *r - 1
	}
	i, ok := fs.citeIx[c]
	if !ok {
		if fs.citeIx == nil {
			fs.citeIx = map[xiaoneng.Citation]int32{}
		}
		i = int32(len(fs.cites))
		fs.cites = append(fs.cites, c)
		fs.citeIx[c] = i
	}
	*r = i + 1
	return i
}

// message returns the index in texts of the two messages written in b,
// Chinese before split and English after, followed by split as four
// bytes. Messages say a due day and a count, so a scan writes the same
// ones over and over: a text already written is shared, not allocated
// again. Up to maxTexts texts are kept for sharing, so that a scan whose
// messages all differ does not also fill a map.
func (fs *findings) message(b []byte, split int) int32 {
	if i, ok := fs.textIx[string(b)]; ok {
		return i
	}
	s := string(b)
	i := int32(len(fs.texts))
	fs.texts = append(fs.texts, [2]string{s[:split], s[split : len(s)-4]})
	if len(fs.textIx) < maxTexts {
		if fs.textIx == nil {
			fs.textIx = map[string]int32{}
		}
		fs.textIx[s] = i
	}
	return i
}

// messageOf returns the index in texts of messages zh and en.
func (fs *findings) messageOf(zh, en string) int32 {
	if t := fs.texts; int(fs.text) < len(t) && t[fs.text][0] == zh && t[fs.text][1] == en {
		return fs.text
	}
	fs.buf = binary.LittleEndian.AppendUint32(append(append(fs.buf[:0], zh...), en...), uint32(len(zh)))
	return fs.message(fs.buf, len(zh))
}

// add adds f to the group at hand; exempt is the index of the record's
// exemption that covers it, or -1.
func (fs *findings) add(f *Finding, exempt int) {
	if fs.plain {
		g := fs.whole(f, exempt)
		fs.full = append(fs.full, g)
		fs.n++
		return
	}
	id, def, inquiry, c := fs.groupIDs(fs.group)
	p := pending{
		rule: fs.str(string(f.Rule)), clock: fs.str(f.Clock), officer: fs.str(f.Officer), step: fs.str(string(f.Step)),
		unit: fs.str(f.Unit), cite: fs.cite(f.Citation), text: fs.messageOf(f.Message, f.MessageEN),
		exempt: int32(exempt + 1), sev: f.Severity, day: f.Day, overdue: f.Overdue,
	}
	ok := f.Case == id && f.Definition == def && f.Inquiry == inquiry && f.Exempt == nil && !f.Provisional &&
		len(f.Evidence) <= len(p.ev) && (f.Evidence == nil) == (len(f.Evidence) == 0) &&
		(f.Delay == nil) == (len(f.Delay) == 0) && len(f.Delay) <= pendingChunkLen && exempt < 1<<31-1
	for j := 0; ok && j < len(f.Evidence); j++ {
		r := &f.Evidence[j]
		ok = c != nil && r.Index >= 0 && r.Index < len(c.Events) && r.Index < 1<<31 &&
			r.Trigger == c.Events[r.Index].Trigger && r.At == c.Events[r.Index].At
		p.ev[j] = int32(r.Index)
	}
	if ok {
		p.nev = uint8(len(f.Evidence))
		fs.nEv += len(f.Evidence)
		if n := len(f.Delay); n > 0 {
			if k := fs.nDelay % pendingChunkLen; k == 0 || k+n > pendingChunkLen {
				fs.delays = append(fs.delays, delayChunks.Get().(*delayChunk))
				fs.nDelay = (len(fs.delays) - 1) * pendingChunkLen
			}
			p.delay, p.ndelay = int32(fs.nDelay), int32(n)
			c := fs.delays[len(fs.delays)-1]
			for j, d := range f.Delay {
				c[fs.nDelay%pendingChunkLen+j] = delayRef{fs.str(string(d.Step)), fs.str(d.Officer), fs.str(d.Unit), d.Days, d.Waiting}
			}
			fs.nDelay += n
			fs.delayed += n
		}
	} else {
		fs.full = append(fs.full, fs.whole(f, exempt))
		p = pending{full: int32(len(fs.full))}
	}
	k := fs.n % pendingChunkLen
	if k == 0 {
		fs.chunks = append(fs.chunks, pendingChunks.Get().(*pendingChunk))
	}
	chunk := fs.chunks[len(fs.chunks)-1]
	chunk.p[k] = p
	key := &chunk.keys[k]
	*key = findingKey{g: fs.group, i: int32(fs.n), same: true}
	if ok {
		if !fs.keyed {
			fs.p0, fs.p1 = prefix16(id)
			fs.keyed = true
		}
		key.p0, key.p1 = fs.p0, fs.p1
	} else {
		key.p0, key.p1 = prefix16(f.Case)
		key.same = f.Case == id && f.Inquiry == inquiry
	}
	fs.n++
}

// whole returns f as it is returned, its slices its own.
func (fs *findings) whole(f *Finding, exempt int) Finding {
	g := *f
	g.Evidence, g.Delay = slices.Clip(slices.Clone(f.Evidence)), slices.Clip(slices.Clone(f.Delay))
	if exempt >= 0 {
		x := fs.recs[fs.group].Exemptions[exempt]
		g.Exempt = &x
	}
	return g
}

func (fs *findings) at(i int32) *pending { return &fs.chunks[i/pendingChunkLen].p[i%pendingChunkLen] }

func (fs *findings) key(i int32) *findingKey {
	return &fs.chunks[i/pendingChunkLen].keys[i%pendingChunkLen]
}

// sortView is what compareFindings orders findings by.
type sortView struct {
	c, q, rule, clock, officer, step, unit string
	day                                    date.Date
	lastEv, overdue                        int
}

func viewOf(f *Finding) sortView {
	v := sortView{c: f.Case, q: f.Inquiry, rule: string(f.Rule), clock: f.Clock, officer: f.Officer, step: string(f.Step),
		unit: f.Unit, day: f.Day, lastEv: -1, overdue: f.Overdue}
	if n := len(f.Evidence); n > 0 {
		v.lastEv = f.Evidence[n-1].Index
	}
	return v
}

// view returns the sort view of finding i of group g.
func (fs *findings) view(g, i int32) sortView {
	p := fs.at(i)
	if p.full > 0 {
		return viewOf(&fs.full[p.full-1])
	}
	id, _, inquiry, _ := fs.groupIDs(g)
	v := sortView{c: id, q: inquiry, rule: fs.strs[p.rule], clock: fs.strs[p.clock], officer: fs.strs[p.officer],
		step: fs.strs[p.step], unit: fs.strs[p.unit], day: p.day, lastEv: -1, overdue: p.overdue}
	if p.nev > 0 {
		v.lastEv = int(p.ev[p.nev-1])
	}
	return v
}

func compareFindings(a, b *Finding) int {
	va, vb := viewOf(a), viewOf(b)
	return compareViews(&va, &vb)
}

func compareViews(a, b *sortView) int {
	// Early returns: cmp.Or would evaluate every comparison every time.
	if c := strings.Compare(a.c, b.c); c != 0 {
		return c
	}
	if c := strings.Compare(a.q, b.q); c != 0 {
		return c
	}
	if c := strings.Compare(a.rule, b.rule); c != 0 {
		return c
	}
	if c := strings.Compare(a.clock, b.clock); c != 0 {
		return c
	}
	if c := cmp.Compare(a.day, b.day); c != 0 {
		return c
	}
	if c := strings.Compare(a.officer, b.officer); c != 0 {
		return c
	}
	if c := strings.Compare(a.step, b.step); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.lastEv, b.lastEv), cmp.Compare(a.overdue, b.overdue), strings.Compare(a.unit, b.unit))
}

// endGroup ends the group at hand, ranking its findings by
// compareFindings.
func (fs *findings) endGroup() {
	if n := fs.n - fs.start; n > 1 && !fs.plain {
		first := int32(fs.start)
		idx := fs.idx[:0]
		for j := range int32(n) {
			idx = append(idx, first+j)
		}
		slices.SortStableFunc(idx, func(a, b int32) int {
			va, vb := fs.view(fs.group, a), fs.view(fs.group, b)
			return compareViews(&va, &vb)
		})
		for r, i := range idx {
			fs.key(i).r = int32(r)
		}
		fs.idx = idx
	}
	fs.start = fs.n
}

// sorted returns the findings in one slice, sorted by a key that tells
// every two different findings apart, so that the order never depends on
// the input's. The sort runs on compact keys, and reads whole findings
// only for two groups of one case.
func (fs *findings) sorted() []Finding {
	fs.endGroup()
	if fs.plain {
		slices.SortStableFunc(fs.full, func(a, b Finding) int { return compareFindings(&a, &b) })
		return append(make([]Finding, 0, len(fs.full)), fs.full...)
	}
	var keys, tmp []findingKey
	if kp, ok := findingKeys.Get().(*[]findingKey); ok && cap(*kp) >= 2*fs.n {
		keys, tmp = (*kp)[:fs.n], (*kp)[fs.n:2*fs.n]
	} else {
		all := make([]findingKey, 2*fs.n)
		keys, tmp = all[:fs.n], all[fs.n:]
	}
	for k, c := range fs.chunks {
		copy(keys[k*pendingChunkLen:], c.keys[:min(pendingChunkLen, fs.n-k*pendingChunkLen)])
	}
	keys = sortByPrefix(keys, tmp)
	// Keys of one prefix, mostly the findings of one record, are ordered
	// by the rest.
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].p0 == keys[lo].p0 && keys[hi].p1 == keys[lo].p1 {
			hi++
		}
		if hi-lo > 1 {
			fs.sortTies(keys[lo:hi])
		}
		lo = hi
	}
	out := fs.build(keys)
	all := keys[:0]
	if cap(tmp) > cap(keys) {
		all = tmp[:0]
	}
	findingKeys.Put(&all)
	for _, c := range fs.chunks {
		pendingChunks.Put(c)
	}
	for _, c := range fs.delays {
		delayChunks.Put(c)
	}
	*fs = findings{}
	return out
}

// sortTies sorts keys of one prefix.
func (fs *findings) sortTies(keys []findingKey) {
	slices.SortFunc(keys, func(a, b findingKey) int {
		if a.g == b.g && a.same && b.same {
			return cmp.Compare(a.r, b.r)
		}
		va, vb := fs.view(a.g, a.i), fs.view(b.g, b.i)
		if c := strings.Compare(va.c, vb.c); c != 0 {
			return c
		}
		if c := strings.Compare(va.q, vb.q); c != 0 {
			return c
		}
		if a.g == b.g {
			return cmp.Compare(a.r, b.r)
		}
		return compareViews(&va, &vb)
	})
}

// build returns the findings of keys, in their order.
func (fs *findings) build(keys []findingKey) []Finding {
	out := make([]Finding, fs.n)
	refs := make([]EventRef, fs.nEv)
	delays := make([]StepDelay, fs.delayed)
	for i, k := range keys {
		p := fs.at(k.i)
		if p.full > 0 {
			out[i] = fs.full[p.full-1]
			continue
		}
		f := &out[i]
		id, def, inquiry, c := fs.groupIDs(k.g)
		f.Rule, f.Case, f.Definition, f.Inquiry = RuleID(fs.strs[p.rule]), id, def, inquiry
		f.Unit, f.Officer, f.Step, f.Clock = fs.strs[p.unit], fs.strs[p.officer], procedure.State(fs.strs[p.step]), fs.strs[p.clock]
		f.Day, f.Severity, f.Overdue = p.day, p.sev, p.overdue
		if n := int(p.nev); n > 0 {
			e := refs[:n:n]
			refs = refs[n:]
			for j := range e {
				x := &c.Events[p.ev[j]]
				e[j] = EventRef{Index: int(p.ev[j]), Trigger: x.Trigger, At: x.At}
			}
			f.Evidence = e
		}
		if n := int(p.ndelay); n > 0 {
			d := delays[:n:n]
			delays = delays[n:]
			at := int(p.delay) % pendingChunkLen
			for j, r := range fs.delays[p.delay/pendingChunkLen][at : at+n] {
				d[j] = StepDelay{Step: procedure.State(fs.strs[r.step]), Officer: fs.strs[r.officer], Unit: fs.strs[r.unit], Days: r.days, Waiting: r.waiting}
			}
			f.Delay = d
		}
		f.Citation = fs.cites[p.cite]
		t := &fs.texts[p.text]
		f.Message, f.MessageEN = t[0], t[1]
		if p.exempt > 0 {
			x := fs.recs[k.g].Exemptions[p.exempt-1]
			f.Exempt = &x
		}
	}
	return out
}

// sortByPrefix sorts keys by their prefixes (p0, then p1), keeping the
// order of equal ones, and returns them sorted, in keys or in tmp, which
// is as long. It sorts by the bytes of the prefixes, least significant
// first (a radix sort), skipping the bytes all keys share: case IDs of
// one scheme share most of theirs. A comparison sort of a scan's findings
// spends most of its time in calls of the comparison.
func sortByPrefix(keys, tmp []findingKey) []findingKey {
	if len(keys) < 256 {
		slices.SortStableFunc(keys, func(a, b findingKey) int {
			return cmp.Or(cmp.Compare(a.p0, b.p0), cmp.Compare(a.p1, b.p1))
		})
		return keys
	}
	var counts [16][256]int
	for i := range keys {
		k := &keys[i]
		for b := range 8 {
			counts[b][byte(k.p1>>(8*b))]++
			counts[8+b][byte(k.p0>>(8*b))]++
		}
	}
	for b := range 16 {
		c := &counts[b]
		if c[byte(keyDigit(&keys[0], b))] == len(keys) {
			continue // every key has this byte
		}
		sum := 0
		for d := range c {
			c[d], sum = sum, sum+c[d]
		}
		for i := range keys {
			d := byte(keyDigit(&keys[i], b))
			tmp[c[d]] = keys[i]
			c[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// keyDigit returns byte b of a key's prefix, from the least significant.
func keyDigit(k *findingKey, b int) uint64 {
	if b < 8 {
		return k.p1 >> (8 * b)
	}
	return k.p0 >> (8 * (b - 8))
}

// prefix16 returns the first 16 bytes of s, padded with zeros, as two
// big-endian integers: they order as the strings do, except that a tie
// may hide a difference further on.
func prefix16(s string) (uint64, uint64) {
	var b [16]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}
