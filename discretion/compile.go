package discretion

import (
	"github.com/shopspring/decimal"
)

// interval is an exact band, in a range's unit or in yuan.
type interval struct {
	lo, hi         val
	loOpen, hiOpen bool
	ok             bool // the band exists
}

// holds reports whether x lies in the interval.
func (iv *interval) holds(x val) bool {
	if !iv.ok {
		return false
	}
	c := x.cmp(iv.lo)
	if c < 0 || c == 0 && iv.loOpen {
		return false
	}
	c = x.cmp(iv.hi)
	return c < 0 || c == 0 && !iv.hiOpen
}

// bandIntervals holds an interval for each of the bands a range has:
// mitigated, lighter, ordinary and heavier.
type bandIntervals [bandEnd - BandMitigated]interval

func (a *bandIntervals) at(b Band) *interval { return &a[b-BandMitigated] }

// rounded is an interval rounded inward to a standard's unit: in whole
// units when they fit (fast), in yuan otherwise.
type rounded struct {
	lo, hi int64
	p      int32    // the places of the unit
	fast   bool     // lo and hi hold the range in units
	ok     bool     // the interval holds a fine
	slow   *Amounts // the range in yuan, when not fast
}

// bandRounded holds a rounded interval for each band, as bandIntervals.
type bandRounded [bandEnd - BandMitigated]rounded

func (a *bandRounded) at(b Band) *rounded { return &a[b-BandMitigated] }

// amounts returns the rounded range in yuan.
func (r *rounded) amounts(places int32) Amounts {
	switch {
	case !r.ok:
		return Amounts{}
	case r.fast:
		return Amounts{Min: decimal.New(r.lo, -places), Max: decimal.New(r.hi, -places)}
	}
	return *r.slow
}

// holds reports whether a fine, given in yuan and (when fast) in units,
// lies in the rounded interval.
func (r *rounded) holds(x decimal.Decimal, u int64, fast bool) bool {
	switch {
	case !r.ok:
		return false
	case fast && r.fast:
		return u >= r.lo && u <= r.hi
	case r.fast:
		return r.amounts(r.p).Contains(x)
	}
	return r.slow.Contains(x)
}

func roundInterval(iv interval, places int32) rounded {
	if !iv.ok {
		return rounded{}
	}
	lo, lu, lf := iv.lo.rounds(places, true, iv.loOpen)
	hi, hu, hf := iv.hi.rounds(places, false, iv.hiOpen)
	if lf && hf {
		lu = max(lu, 1) // a fine is positive
		if lu > hu {
			return rounded{}
		}
		return rounded{lo: lu, hi: hu, fast: true, ok: true, p: places}
	}
	if lf {
		lo = decimal.New(lu, -places)
	}
	if hf {
		hi = decimal.New(hu, -places)
	}
	if unit := decimal.New(1, -places); lo.Cmp(unit) < 0 {
		lo = unit
	}
	a := Amounts{Min: lo, Max: hi}
	if a.IsEmpty() {
		return rounded{}
	}
	return rounded{slow: &a, ok: true, p: places}
}

// crange is a compiled Range.
type crange struct {
	party             PartyType
	form              RangeForm
	base              BaseKind
	min, max, minBase decimal.Decimal // in the range's unit
	iv                bandIntervals
	mit               Mitigation
	fixed             *amounts // computed once for ranges in yuan: &own
	own               amounts
}

// amounts are the bands of a range in yuan, exact and rounded.
type amounts struct {
	min, max val            // the statutory limits, exact
	exact    *bandIntervals // the range's own for a range in yuan
	round    bandRounded
	stat     rounded // [min, max]
}

// amountsFor returns the bands in yuan for a base (multiple ranges) or
// the precomputed ones (ranges in yuan).
func (r *crange) amountsFor(base decimal.Decimal, places int32) *amounts {
	if r.fixed != nil {
		return r.fixed
	}
	return r.scale(base, places)
}

func (r *crange) scale(by decimal.Decimal, places int32) *amounts {
	a := new(amounts)
	r.scaleInto(a, by, places)
	return a
}

// scaleInto is scale, computing into a.
func (r *crange) scaleInto(a *amounts, by decimal.Decimal, places int32) {
	bv := valOf(by)
	mul := func(x val) val {
		if r.form != FormMultiple {
			return x
		}
		return x.mul(bv)
	}
	*a = amounts{min: mul(valOf(r.min)), max: mul(valOf(r.max)), exact: &r.iv}
	if r.form == FormMultiple {
		a.exact = new(bandIntervals)
	}
	for b := BandMitigated; b < bandEnd; b++ {
		iv := *r.iv.at(b)
		if !iv.ok {
			continue
		}
		if r.form == FormMultiple {
			*a.exact.at(b) = interval{lo: mul(iv.lo), hi: mul(iv.hi), loOpen: iv.loOpen, hiOpen: iv.hiOpen, ok: true}
		}
		*a.round.at(b) = roundInterval(*a.exact.at(b), places)
	}
	a.stat = roundInterval(interval{lo: a.min, hi: a.max, ok: true}, places)
}

// limit is a threshold in yuan, with its value in whole units: rounded
// up for "at least" thresholds and down for "at most" ones, so that
// comparing whole units gives the same answer as comparing yuan.
type limit struct {
	set  bool
	d    decimal.Decimal
	u    int64
	fast bool
}

func newLimit(d decimal.Decimal, places int32, atLeast bool) limit {
	if d.Sign() <= 0 {
		return limit{}
	}
	l := limit{set: true, d: d}
	var r decimal.Decimal
	if atLeast {
		r = d.RoundCeil(places)
	} else {
		r = d.RoundFloor(places)
	}
	if u, whole, fits := toUnits(r, places); whole && fits {
		l.u, l.fast = u, true
	}
	return l
}

func (l *limit) atLeast(x decimal.Decimal, u int64, fast bool) bool {
	if !l.set {
		return false
	}
	if fast && l.fast {
		return u >= l.u
	}
	return x.Cmp(l.d) >= 0
}

func (l *limit) atMost(x decimal.Decimal, u int64, fast bool) bool {
	if !l.set {
		return false
	}
	if fast && l.fast {
		return u <= l.u
	}
	return x.Cmp(l.d) <= 0
}

// partyLimits are a standard's procedure thresholds for one party type.
type partyLimits struct {
	hearing, review, collective limit // fines at least these
	simplified, collection      limit // fines at most these (Art 51, 68)
	confiscation                decimal.Decimal
}

// The thresholds the Penalty Law itself sets, in yuan.
const (
	simplifiedCitizen      = 200  // Art 51
	simplifiedOrganisation = 3000 // Art 51
	collectionMax          = 100  // Art 68 ¶1(1)
)

// hearingLawKinds are the kinds 行政处罚法 Art 63 ¶1(3) and (4) subject
// to a hearing notice whatever the amount.
const hearingLawKinds = 1<<KindLowerQualification | 1<<KindRevokeLicence |
	1<<KindSuspendBusiness | 1<<KindOrderClosure | 1<<KindRestrictPractice

// compileRange validates a range and computes its bands into cr, which
// it returns, or returns nil.
func (s *Standard) compileRange(cr *crange, r *Range, path pathf, sch *schemeEntry, p *problems) *crange {
	code := s.spec.Code
	before := p.count()
	if r.Party > PartyOrganisation {
		p.addfp(path.dot("party"), code, ErrInvalidStandard, "unknown party type %d", r.Party)
	}
	digits := MaxAmountDigits
	switch r.Form {
	case FormAmount, FormMaxOnly:
		if r.Base != BaseUnknown || !r.MinBase.IsZero() {
			p.addfp(path.dot("base"), code, ErrInvalidStandard, "only a multiple range has a base")
		}
	case FormMultiple:
		digits = MaxMultipleDigits
		if r.Base == BaseUnknown || r.Base > BaseOther {
			p.addfp(path.dot("base"), code, ErrInvalidStandard, "a multiple range needs its base")
		}
		checkAmount(r.MinBase, path.dot("min_base"), code, p)
	default:
		p.addfp(path.dot("form"), code, ErrInvalidStandard, "unknown range form %d", r.Form)
		return nil
	}
	okMin, okMax := bounded(r.Min, digits), bounded(r.Max, digits)
	if !okMin {
		p.addfp(path.dot("min"), code, ErrInvalidStandard, "minimum %s is negative, too precise or not below 10^%d", show(r.Min), digits)
	}
	if !okMax {
		p.addfp(path.dot("max"), code, ErrInvalidStandard, "maximum %s is negative, too precise or not below 10^%d", show(r.Max), digits)
	}
	if okMin && okMax {
		switch {
		case r.Form == FormMaxOnly && !r.Min.IsZero():
			p.addfp(path.dot("min"), code, ErrInvalidStandard, "a maximum-only range has no minimum")
		case r.Form == FormAmount && r.Min.Sign() <= 0:
			p.addfp(path.dot("min"), code, ErrInvalidStandard, "a fixed range needs a positive minimum; use max_only")
		case r.Min.Cmp(r.Max) >= 0:
			p.addfp(path.dot("max"), code, ErrInvalidStandard, "maximum %s is not above minimum %s; a single fixed amount leaves nothing to band", show(r.Max), show(r.Min))
		}
	}
	if p.count() > before {
		return nil
	}
	*cr = crange{party: r.Party, form: r.Form, base: r.Base, min: r.Min, max: r.Max, minBase: r.MinBase}
	bands, gaps, overlaps := r.Bands, r.Gaps, r.Overlaps
	bpath := path.dot("bands")
	var mit Mitigation
	if sch != nil {
		mit = sch.s.Mitigation
	}
	if len(bands) > 0 {
		checkBandList(bands, bpath, code, p)
	} else {
		if sch == nil {
			return nil // reported with the scheme
		}
		if !sch.ok {
			return nil // reported with the scheme
		}
		bands, gaps, overlaps = sch.s.Bands, sch.s.Gaps, sch.s.Overlaps
		bpath = path.withRaw(sch.suffix)
	}
	mpath := path.withRaw(" (mitigation of the scheme)")
	if !r.Mitigation.isZero() {
		mpath = path.dot("mitigation")
		checkMitigation(r.Mitigation, mpath, code, p)
		mit = r.Mitigation
	}
	if p.count() > before {
		return nil
	}
	cr.mit = mit
	s.placeBands(cr, bands, gaps, overlaps, bpath, mpath, p)
	if p.count() > before {
		return nil
	}
	if r.Form != FormMultiple {
		cr.scaleInto(&cr.own, decimal.Decimal{}, s.places)
		cr.fixed = &cr.own
		for b := BandLighter; b <= BandHeavier; b++ {
			if cr.iv.at(b).ok && !cr.fixed.round.at(b).ok {
				p.addfp(bpath, code, ErrInvalidStandard, "band %s holds no fine that is a multiple of the unit %s", b.English(), show(s.unit))
			}
		}
	}
	if p.count() > before {
		return nil
	}
	return cr
}

func (m Mitigation) isZero() bool { return m.Floor.isZero() && !m.Collective && m.Basis.IsZero() }

// placeBands evaluates the edges of bands against the range and checks
// that they lie inside it, in order, without undeclared gaps or overlaps.
func (s *Standard) placeBands(cr *crange, bands []BandRange, gaps, overlaps bool, path, mpath pathf, p *problems) {
	code := s.spec.Code
	vmin, vmax := valOf(cr.min), valOf(cr.max)
	span := vmax.sub(vmin)
	eval := func(e Edge) val {
		v := valOf(e.Value)
		switch e.Of {
		case EdgeSpan:
			return vmin.add(v.mul(span))
		case EdgeMinimum:
			return v.mul(vmin)
		}
		return v
	}
	var prev *interval
	prevBand := BandUnknown
	for i, br := range bands {
		bp := path.at(i)
		iv := interval{lo: eval(br.Lower), hi: eval(br.Upper), loOpen: br.LowerOpen, hiOpen: br.UpperOpen, ok: true}
		c := iv.lo.cmp(iv.hi)
		switch {
		case c > 0:
			p.addfp(bp, code, ErrInvalidStandard, "band %s runs backwards: %s to %s", br.Band.English(), show(iv.lo.dec()), show(iv.hi.dec()))
		case c == 0 && (iv.loOpen || iv.hiOpen):
			p.addfp(bp, code, ErrInvalidStandard, "band %s is empty", br.Band.English())
		}
		if iv.lo.cmp(vmin) < 0 || iv.hi.cmp(vmax) > 0 {
			p.addfp(bp, code, ErrInvalidStandard, "band %s (%s to %s) lies outside the statutory range %s to %s", br.Band.English(), show(iv.lo.dec()), show(iv.hi.dec()), show(cr.min), show(cr.max))
		}
		if i == 0 && (iv.lo.cmp(vmin) != 0 || iv.loOpen) {
			p.addfp(bp.dot("lower"), code, ErrInvalidStandard, "the lightest band must start at the statutory minimum %s, included", show(cr.min))
		}
		if i == len(bands)-1 && (iv.hi.cmp(vmax) != 0 || iv.hiOpen) {
			p.addfp(bp.dot("upper"), code, ErrInvalidStandard, "the heaviest band must end at the statutory maximum %s, included", show(cr.max))
		}
		if prev != nil {
			if iv.lo.cmp(prev.lo) < 0 || iv.hi.cmp(prev.hi) < 0 {
				p.addfp(bp, code, ErrInvalidStandard, "band %s lies below band %s: bands must be ordered", br.Band.English(), prevBand.English())
			}
			c := prev.hi.cmp(iv.lo)
			gap := c < 0 || c == 0 && prev.hiOpen && iv.loOpen
			over := c > 0 || c == 0 && !prev.hiOpen && !iv.loOpen
			if gap && !gaps {
				p.addfp(bp, code, ErrInvalidStandard, "gap between bands %s and %s at %s; declare gaps if it is meant", prevBand.English(), br.Band.English(), show(prev.hi.dec()))
			}
			if over && !overlaps {
				p.addfp(bp, code, ErrInvalidStandard, "bands %s and %s overlap at %s; declare overlaps if it is meant", prevBand.English(), br.Band.English(), show(iv.lo.dec()))
			}
		}
		*cr.iv.at(br.Band) = iv // checkBandList has made sure the band is lighter, ordinary or heavier
		prev, prevBand = cr.iv.at(br.Band), br.Band
	}
	// The mitigated band: [floor, min), or (0, min) without a floor.
	if cr.min.Sign() > 0 {
		m := interval{lo: valSmall(small{}), hi: vmin, hiOpen: true, loOpen: true, ok: true}
		if !cr.mit.Floor.isZero() {
			m.lo, m.loOpen = eval(cr.mit.Floor), false
			if m.lo.cmp(vmin) >= 0 {
				p.addfp(mpath.dot("floor"), code, ErrInvalidStandard, "the mitigation floor %s is not below the minimum %s", show(m.lo.dec()), show(cr.min))
			}
		}
		*cr.iv.at(BandMitigated) = m
	}
}

// procLimits are the procedure thresholds and the fact-independent
// procedure rules for standards with the same unit and kinds. A build
// computes them once for each such pair and shares them.
type procLimits struct {
	lim      [3]partyLimits // by PartyType
	rules    [3][]rule      // by PartyType
	maxUnits int64          // 10^MaxAmountDigits yuan in units, or -1 when that does not fit
}

type procKey struct {
	places int32
	kinds  KindSet
}

// compileLimits sets the standard's procedure thresholds and rules,
// shared through cache with the standards of the same build.
func (s *Standard) compileLimits(cache map[procKey]*procLimits) {
	k := procKey{s.places, s.kinds}
	if pl, ok := cache[k]; ok {
		s.proc = pl
		return
	}
	pl := &procLimits{}
	s.proc = pl
	cache[k] = pl
	pol := &s.b.doc.Policy
	for _, pt := range []PartyType{PartyCitizen, PartyOrganisation} {
		l := &pl.lim[pt]
		l.hearing = newLimit(pol.Hearing.of(pt), s.places, true)
		l.review = newLimit(pol.LegalReview.of(pt), s.places, true)
		l.collective = newLimit(pol.Collective.of(pt), s.places, true)
		l.confiscation = pol.ConfiscationHearing.of(pt)
		simple := int64(simplifiedCitizen)
		if pt == PartyOrganisation {
			simple = simplifiedOrganisation
		}
		l.simplified = newLimit(decimal.NewFromInt(simple), s.places, false)
		l.collection = newLimit(decimal.NewFromInt(collectionMax), s.places, false)
		pl.rules[pt] = s.staticRules(pl, pt)
	}
	// Fines below 10^MaxAmountDigits yuan, in units, when that fits.
	pl.maxUnits = -1
	if d := int64(MaxAmountDigits) + int64(s.places); d >= 0 && d <= 18 {
		pl.maxUnits = pow10(d)
	}
}
