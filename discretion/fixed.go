package discretion

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Band edges are computed when a benchmark is compiled, and a benchmark
// may hold tens of thousands of standards. The arithmetic is exact either
// way; this file does it in machine words when the numbers fit, which
// they nearly always do, and falls back to decimal.Decimal when they do
// not.

// small is an exact decimal c × 10^e held in machine words.
type small struct {
	c int64
	e int32
}

func toSmall(d decimal.Decimal) (small, bool) {
	if d.NumDigits() > 18 {
		return small{}, false
	}
	return small{c: d.CoefficientInt64(), e: d.Exponent()}, true
}

// scaleUp returns c × 10^k for k ≥ 0, and false when it overflows.
func scaleUp(c int64, k int64) (int64, bool) {
	if c == 0 {
		return 0, true
	}
	if k > 18 {
		return 0, false
	}
	neg := c < 0
	u := uint64(c)
	if neg {
		u = -u
	}
	hi, lo := bits.Mul64(u, uint64(pow10(k)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}

// align returns the coefficients of a and b at their smaller exponent.
func align(a, b small) (x, y int64, e int32, ok bool) {
	switch {
	case a.e == b.e:
		return a.c, b.c, a.e, true
	case a.e > b.e:
		x, ok = scaleUp(a.c, int64(a.e)-int64(b.e))
		return x, b.c, b.e, ok
	}
	y, ok = scaleUp(b.c, int64(b.e)-int64(a.e))
	return a.c, y, a.e, ok
}

func (a small) add(b small) (small, bool) {
	x, y, e, ok := align(a, b)
	if !ok {
		return small{}, false
	}
	s := x + y
	if (x > 0 && y > 0 && s < 0) || (x < 0 && y < 0 && s >= 0) || s == math.MinInt64 {
		return small{}, false // overflow, or a value whose negation would overflow
	}
	return small{s, e}, true
}

func (a small) sub(b small) (small, bool) { return a.add(small{-b.c, b.e}) }

func (a small) mul(b small) (small, bool) {
	neg := (a.c < 0) != (b.c < 0)
	ua, ub := uint64(a.c), uint64(b.c)
	if a.c < 0 {
		ua = -ua
	}
	if b.c < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	e := int64(a.e) + int64(b.e)
	if hi != 0 || lo > math.MaxInt64 || e < math.MinInt32 || e > math.MaxInt32 {
		return small{}, false
	}
	if neg {
		return small{-int64(lo), int32(e)}, true
	}
	return small{int64(lo), int32(e)}, true
}

func (a small) cmp(b small) (int, bool) {
	x, y, _, ok := align(a, b)
	if !ok {
		return 0, false
	}
	return cmpInt(x, y), true
}

// units rounds a to a whole number of units of 10^-places: up (at or
// above a, or strictly above when open) or down (at or below, or strictly
// below).
func (a small) units(places int32, up, open bool) (int64, bool) {
	k := int64(a.e) + int64(places)
	var u int64
	exact := true
	if k >= 0 {
		var ok bool
		if u, ok = scaleUp(a.c, k); !ok {
			return 0, false
		}
	} else {
		if -k > 18 {
			u, exact = 0, a.c == 0
			if !exact && a.c < 0 {
				u = -1 // the floor of a small negative fraction
			}
		} else {
			d := pow10(-k)
			u = a.c / d
			r := a.c % d
			exact = r == 0
			if r < 0 {
				u-- // floor, as Go truncates toward zero
			}
		}
	}
	switch {
	case up && (!exact || open):
		u++
	case !up && exact && open:
		u--
	}
	return u, true
}

// val is an exact value: a small when it fits, which is nearly always,
// and a decimal otherwise.
type val struct {
	s   small
	big *decimal.Decimal // the value when it does not fit a small; nil otherwise
}

func valOf(d decimal.Decimal) val {
	if s, ok := toSmall(d); ok {
		return val{s: s}
	}
	dd := d // allocated only here, for the rare value that does not fit
	return val{big: &dd}
}

func valSmall(s small) val { return val{s: s} }

// dec returns the value as a decimal.
func (v val) dec() decimal.Decimal {
	if v.big != nil {
		return *v.big
	}
	return decimal.New(v.s.c, v.s.e)
}

func (a val) cmp(b val) int {
	if a.big == nil && b.big == nil {
		if c, ok := a.s.cmp(b.s); ok {
			return c
		}
	}
	return cmpDec(a.dec(), b.dec())
}

func (a val) add(b val) val {
	if a.big == nil && b.big == nil {
		if r, ok := a.s.add(b.s); ok {
			return valSmall(r)
		}
	}
	return valOf(a.dec().Add(b.dec()))
}

func (a val) sub(b val) val {
	if a.big == nil && b.big == nil {
		if r, ok := a.s.sub(b.s); ok {
			return valSmall(r)
		}
	}
	return valOf(a.dec().Sub(b.dec()))
}

func (a val) mul(b val) val {
	if a.big == nil && b.big == nil {
		if r, ok := a.s.mul(b.s); ok {
			return valSmall(r)
		}
	}
	return valOf(a.dec().Mul(b.dec()))
}

// rounds returns a rounded to a multiple of 10^-places, as in small.units:
// in units when they fit (fast), in yuan otherwise.
func (a val) rounds(places int32, up, open bool) (d decimal.Decimal, u int64, fast bool) {
	if a.big == nil {
		if u, ok := a.s.units(places, up, open); ok {
			return decimal.Decimal{}, u, true // d is left out: the caller builds it from u when it needs it
		}
	}
	if up {
		d = ceilUnit(a.dec(), places, open)
	} else {
		d = floorUnit(a.dec(), places, open)
	}
	u, whole, fits := toUnits(d, places)
	return d, u, whole && fits
}
