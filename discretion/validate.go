package discretion

import (
	"fmt"
	"math/bits"

	xn "github.com/xiaoneng/xiaoneng"

	"github.com/shopspring/decimal"
)

// schemeEntry is a scheme of a document or a preset, checked once.
type schemeEntry struct {
	s      Scheme
	ok     bool
	path   string
	suffix string // " (path)", appended to the locations of its bands
}

// build validates and compiles a document. It records every problem in
// p and returns nil when there is any.
func build(doc Document, p *problems) *Benchmark {
	b := &Benchmark{doc: doc}
	if doc.Name != "" {
		b.cite = xn.Citation{Law: xn.LawID(doc.Name)}
	}
	b.checkPolicy(&b.doc.Policy, p)
	b.buildFactors(b.doc.Factors, p)
	schemes := buildSchemes(b.doc.Schemes, p)
	if b.doc.Scheme != "" {
		if _, ok := schemes[b.doc.Scheme]; !ok {
			p.addfp(root("scheme"), "", ErrInvalidStandard, "unknown scheme %q", b.doc.Scheme)
		}
	}
	procs := map[procKey]*procLimits{}
	var al buildSlabs
	b.standards = make([]*Standard, 0, len(b.doc.Standards))
	b.byCode = make(map[string]*Standard, len(b.doc.Standards))
	for i := range b.doc.Standards {
		spec := &b.doc.Standards[i]
		path := rootAt("standards", i)
		if spec.Code != "" {
			if _, dup := b.byCode[spec.Code]; dup {
				p.addfp(path.dot("code"), spec.Code, ErrInvalidStandard, "duplicate violation code")
				continue
			}
		}
		if s := b.buildStandard(&al, spec, path, schemes, procs, p); s != nil {
			b.standards = append(b.standards, s)
			b.byCode[spec.Code] = s
		}
	}
	if p.count() > 0 {
		return nil
	}
	return b
}

func checkCitation(c xn.Citation, path pathf, code string, p *problems) {
	if c.IsZero() {
		p.addfp(path, code, ErrInvalidStandard, "citation missing")
		return
	}
	if err := c.Validate(); err != nil {
		p.addp(path, code, fmt.Errorf("%w: %w", ErrInvalidStandard, err))
	}
}

func checkAmount(d decimal.Decimal, path pathf, code string, p *problems) bool {
	if !bounded(d, MaxAmountDigits) {
		p.addfp(path, code, ErrInvalidStandard,
			"amount %s is negative, has more than %d decimal places or is not below 10^%d yuan", show(d), MaxScale, MaxAmountDigits)
		return false
	}
	return true
}

func kindSet(kinds []PenaltyKind, path pathf, p *problems) KindSet {
	var s KindSet
	for i, k := range kinds {
		if !k.valid() {
			p.addfp(path.at(i), "", ErrUnknownPenaltyKind, "kind %d", k)
			continue
		}
		s |= 1 << k
	}
	return s
}

func (b *Benchmark) checkPolicy(pol *Policy, p *problems) {
	at := root("policy")
	if !pol.Conflict.valid() {
		p.addfp(at.dot("conflict"), "", ErrInvalidStandard, "unknown conflict rule %d", pol.Conflict)
	}
	for _, t := range []struct {
		a    *PartyAmounts
		path pathf
	}{
		{&pol.Hearing, at.dot("hearing")},
		{&pol.ConfiscationHearing, at.dot("confiscation_hearing")},
		{&pol.LegalReview, at.dot("legal_review")},
		{&pol.Collective, at.dot("collective")},
	} {
		checkAmount(t.a.Citizen, t.path.dot("citizen"), "", p)
		checkAmount(t.a.Organisation, t.path.dot("organisation"), "", p)
		set := t.a.Citizen.Sign() > 0 || t.a.Organisation.Sign() > 0
		switch {
		case !t.a.Basis.IsZero():
			checkCitation(t.a.Basis, t.path.dot("basis"), "", p)
		case set:
			p.addfp(t.path.dot("basis"), "", ErrInvalidStandard, "a threshold needs the citation of the rule that sets it")
		}
	}
	b.hearingKinds = hearingLawKinds | kindSet(pol.HearingKinds, at.dot("hearing_kinds"), p)
	b.reviewKinds = kindSet(pol.LegalReviewKinds, at.dot("legal_review_kinds"), p)
	b.collectiveKinds = kindSet(pol.CollectiveKinds, at.dot("collective_kinds"), p)
}

func (b *Benchmark) buildFactors(own []Factor, p *problems) {
	b.factors = append(StatutoryFactors(), own...)
	b.factorIx = make(map[FactorID]int, len(b.factors))
	for i, f := range b.factors {
		path := rootAt("factors", i-len(b.factors)+len(own))
		if _, dup := b.factorIx[f.ID]; dup {
			p.addfp(path.dot("id"), "", ErrInvalidStandard, "factor %q defined twice or redefines a statutory factor", f.ID)
			continue
		}
		b.factorIx[f.ID] = i
		if i < len(b.factors)-len(own) {
			continue // statutory
		}
		if f.ID == "" {
			p.addfp(path.dot("id"), "", ErrInvalidStandard, "factor without an id")
		}
		if f.Name == "" {
			p.addfp(path.dot("name"), "", ErrInvalidStandard, "factor without a name")
		}
		if !f.Effect.valid() {
			p.addfp(path.dot("effect"), "", ErrInvalidStandard, "unknown effect %d", f.Effect)
		}
		if !f.Force.valid() {
			p.addfp(path.dot("force"), "", ErrInvalidStandard, "unknown force %d", f.Force)
		}
		checkCitation(f.Citation, path.dot("citation"), "", p)
	}
}

func buildSchemes(own []Scheme, p *problems) map[string]*schemeEntry {
	m := make(map[string]*schemeEntry, len(own)+4)
	for _, s := range Presets() {
		m[s.Name] = &schemeEntry{s: s, ok: true, path: "preset " + s.Name, suffix: " (preset " + s.Name + ")"}
	}
	for i := range own {
		s := own[i]
		path := rootAt("schemes", i)
		if s.Name == "" {
			p.addfp(path.dot("name"), "", ErrInvalidStandard, "scheme without a name")
			continue
		}
		if prev, dup := m[s.Name]; dup {
			p.addfp(path.dot("name"), "", ErrInvalidStandard, "scheme %q already defined (%s)", s.Name, prev.path)
			continue
		}
		ok := true
		if s.Preset != "" {
			ps, found := PresetScheme(s.Preset)
			switch {
			case !found:
				p.addfp(path.dot("preset"), "", ErrInvalidStandard, "unknown preset %q", s.Preset)
				ok = false
			case len(s.Bands) > 0:
				p.addfp(path.dot("bands"), "", ErrInvalidStandard, "a scheme taking a preset's bands gives none of its own")
				ok = false
			default:
				s.Bands, s.Gaps, s.Overlaps = ps.Bands, ps.Gaps, ps.Overlaps
			}
		}
		n := p.count()
		checkBandList(s.Bands, path.dot("bands"), "", p)
		checkMitigation(s.Mitigation, path.dot("mitigation"), "", p)
		ps := path.String()
		m[s.Name] = &schemeEntry{s: s, ok: ok && p.count() == n, path: ps, suffix: " (" + ps + ")"}
	}
	return m
}

// checkBandList checks what can be checked of bands before they meet a
// range: which bands, their order, their edges' bases and fractions.
func checkBandList(bands []BandRange, path pathf, code string, p *problems) {
	if len(bands) == 0 {
		p.addfp(path, code, ErrInvalidStandard, "no bands")
		return
	}
	prev := BandUnknown
	for i, br := range bands {
		bp := path.at(i)
		if !br.Band.inRange() {
			p.addfp(bp.dot("band"), code, ErrInvalidStandard, "a scheme divides the range into 从轻, 一般 and 从重 only, not %q", br.Band.English())
		} else if br.Band <= prev {
			p.addfp(bp.dot("band"), code, ErrInvalidStandard, "bands must be listed lightest first, each once")
		} else {
			prev = br.Band
		}
		for _, e := range []struct {
			e    Edge
			name string
		}{{br.Lower, "lower"}, {br.Upper, "upper"}} {
			switch e.e.Of {
			case EdgeSpan, EdgeMinimum:
				if !fraction(e.e.Value) {
					p.addfp(bp.dot(e.name), code, ErrInvalidStandard, "fraction %s outside [0, 1] or too precise", show(e.e.Value))
				}
			case EdgeValue:
				checkAmount(e.e.Value, bp.dot(e.name), code, p)
			default:
				p.addfp(bp.dot(e.name), code, ErrInvalidStandard, "edge without a basis (span, minimum or value)")
			}
		}
	}
}

func checkMitigation(m Mitigation, path pathf, code string, p *problems) {
	switch m.Floor.Of {
	case EdgeUnknown:
		if !m.Floor.Value.IsZero() {
			p.addfp(path.dot("floor"), code, ErrInvalidStandard, "floor without a basis (minimum or value)")
		}
	case EdgeMinimum:
		if !fraction(m.Floor.Value) {
			p.addfp(path.dot("floor"), code, ErrInvalidStandard, "fraction %s outside [0, 1] or too precise", show(m.Floor.Value))
		}
	case EdgeValue:
		checkAmount(m.Floor.Value, path.dot("floor"), code, p)
	default:
		p.addfp(path.dot("floor"), code, ErrInvalidStandard, "a floor is a fraction of the minimum or a value, not %s", m.Floor.Of.English())
	}
	switch {
	case !m.Basis.IsZero():
		checkCitation(m.Basis, path.dot("basis"), code, p)
	case !m.Floor.isZero() || m.Collective:
		p.addfp(path.dot("basis"), code, ErrInvalidStandard, "a mitigation rule needs the citation of its source")
	}
}

// buildSlabs are what a build cuts its standards, their compiled ranges
// and combinations from: a few large allocations rather than many small
// ones, which live as long as the benchmark.
type buildSlabs struct {
	stds   slab[Standard]
	ranges slab[crange]
	rangeP slab[*crange]
	combos slab[combo]
}

func (b *Benchmark) buildStandard(al *buildSlabs, spec *StandardSpec, path pathf, schemes map[string]*schemeEntry, procs map[procKey]*procLimits, p *problems) *Standard {
	before := p.count()
	code := spec.Code
	s := al.stds.one()
	*s = Standard{b: b, spec: spec}
	if spec.Code == "" {
		p.addfp(path.dot("code"), code, ErrInvalidStandard, "standard without a violation code")
	}
	if spec.Name == "" {
		p.addfp(path.dot("name"), code, ErrInvalidStandard, "standard without a name")
	}
	if len(spec.Citations) == 0 {
		p.addfp(path.dot("citations"), code, ErrInvalidStandard, "standard without a citation")
	}
	for i, c := range spec.Citations {
		checkCitation(c, path.dotAt("citations", i), code, p)
	}
	// Unit.
	s.places = 2
	if !spec.Unit.IsZero() {
		pl, ok := placesOf(spec.Unit)
		if !ok {
			p.addfp(path.dot("unit"), code, ErrInvalidStandard, "unit %s is not a power of ten from 10^-%d to 10^%d", show(spec.Unit), MaxScale, MaxScale)
		}
		s.places = pl
	}
	s.unit = unitOf(s.places)
	s.combos = al.combos.take(len(spec.Penalties))[:0]
	s.ranges = al.rangeP.take(len(spec.Ranges))[:0]
	// Penalties.
	if len(spec.Penalties) == 0 {
		p.addfp(path.dot("penalties"), code, ErrInvalidStandard, "standard without penalty kinds")
	}
	for i, c := range spec.Penalties {
		cp := path.dotAt("penalties", i)
		ks := kindSet(c.Kinds, cp.dot("kinds"), p)
		valid := 0
		for _, k := range c.Kinds {
			if k.valid() {
				valid++
			}
		}
		if len(c.Kinds) == 0 {
			p.addfp(cp.dot("kinds"), code, ErrInvalidStandard, "combination without kinds")
		} else if bits.OnesCount32(uint32(ks)) != valid {
			p.addfp(cp.dot("kinds"), code, ErrInvalidStandard, "kind listed twice")
		}
		var bs BandSet
		for j, band := range c.Bands {
			if band < BandMitigated || band > BandHeavier {
				p.addfp(cp.dotAt("bands", j), code, ErrInvalidStandard, "a penalty is imposed in the mitigated, lighter, ordinary or heavier band, not %q", band.English())
				continue
			}
			bs |= 1 << band
		}
		if len(c.Bands) == 0 {
			bs = bandSpan(BandMitigated, BandHeavier)
		}
		for _, prev := range s.combos {
			if prev.kinds == ks && prev.bands == bs {
				p.addfp(cp, code, ErrInvalidStandard, "combination listed twice")
			}
		}
		s.combos = append(s.combos, combo{kinds: ks, bands: bs})
		s.kinds |= ks
	}
	hasFine := s.kinds.Has(KindFine)
	switch {
	case hasFine && len(spec.Ranges) == 0:
		p.addfp(path.dot("ranges"), code, ErrInvalidStandard, "a standard with a fine needs its statutory range")
	case !hasFine && len(spec.Ranges) > 0:
		p.addfp(path.dot("ranges"), code, ErrInvalidStandard, "ranges given but no combination has a fine")
	}
	// Scheme.
	var sch *schemeEntry
	needScheme := false
	for _, r := range spec.Ranges {
		needScheme = needScheme || len(r.Bands) == 0
	}
	name := spec.Scheme
	if name == "" {
		name = b.doc.Scheme
	}
	if name != "" {
		if e, ok := schemes[name]; ok {
			sch = e
		} else if spec.Scheme != "" {
			p.addfp(path.dot("scheme"), code, ErrInvalidStandard, "unknown scheme %q", name)
		}
	} else if needScheme {
		p.addfp(path.dot("scheme"), code, ErrInvalidStandard, "no scheme named, and the document has no default")
	}
	// Ranges.
	var seen [3][2]bool // by party, then multiple or not
	for i := range spec.Ranges {
		r := &spec.Ranges[i]
		rp := path.dotAt("ranges", i)
		if r.Party <= PartyOrganisation {
			m := 0
			if r.Form == FormMultiple {
				m = 1
			}
			if seen[r.Party][m] {
				p.addfp(rp, code, ErrInvalidStandard, "a second %s range for %s", [2]string{"fixed", "multiple"}[m], r.Party.English())
			}
			seen[r.Party][m] = true
		}
		cr := s.compileRange(al.ranges.one(), r, rp, sch, p)
		if cr != nil {
			s.ranges = append(s.ranges, cr)
			if cr.form == FormMultiple {
				s.bases |= 1 << cr.base
			}
		}
	}
	s.compileLimits(procs)
	if p.count() > before {
		return nil
	}
	return s
}
