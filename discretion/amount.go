package discretion

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// Limits on the numbers the package accepts. They keep every computation
// exact and bounded: no input, however large or precise, can make an
// operation slow or make it overflow.
const (
	// MaxScale is the most decimal places an amount, a multiple or a
	// fraction may have once trailing zeros are dropped.
	MaxScale = 8
	// MaxAmountDigits bounds amounts in yuan: below 10^15 (one thousand
	// trillion yuan).
	MaxAmountDigits = 15
	// MaxMultipleDigits bounds multiples of a base: below 10^4.
	MaxMultipleDigits = 4
)

// pow10 returns 10^n for n in [0, 18], every power of ten an int64
// holds.
func pow10(n int64) int64 {
	switch n {
	case 0:
		return 1
	case 1:
		return 10
	case 2:
		return 100
	case 3:
		return 1e3
	case 4:
		return 1e4
	case 5:
		return 1e5
	case 6:
		return 1e6
	case 7:
		return 1e7
	case 8:
		return 1e8
	case 9:
		return 1e9
	case 10:
		return 1e10
	case 11:
		return 1e11
	case 12:
		return 1e12
	case 13:
		return 1e13
	case 14:
		return 1e14
	case 15:
		return 1e15
	case 16:
		return 1e16
	case 17:
		return 1e17
	}
	return 1e18
}

// bounded reports whether d is not negative, has at most MaxScale
// decimal places and is below 10^digits.
func bounded(d decimal.Decimal, digits int) bool {
	switch d.Sign() {
	case -1:
		return false
	case 0:
		return true
	}
	if e := d.Exponent(); e < -MaxScale || e > int32(digits) {
		d = d.Normalize()
	}
	e := int64(d.Exponent())
	if e < -MaxScale || e > int64(digits) {
		return false
	}
	return int64(d.NumDigits())+e <= int64(digits)
}

// fraction reports whether d lies in [0, 1] with at most MaxScale places.
func fraction(d decimal.Decimal) bool {
	return bounded(d, 1) && d.Cmp(decimal.New(1, 0)) <= 0
}

// toUnits returns d as a whole number of units of 10^-places yuan. It
// reports whole = false when d is not a whole number of units, and
// fits = false when the count does not fit an int64; units is then 0.
// It does not allocate.
func toUnits(d decimal.Decimal, places int32) (units int64, whole, fits bool) {
	if d.Sign() == 0 {
		return 0, true, true
	}
	if d.NumDigits() > 18 {
		return 0, false, false
	}
	c := d.CoefficientInt64()
	s := int64(d.Exponent()) + int64(places)
	if s >= 0 {
		if s > 18 {
			return 0, true, false
		}
		m := pow10(s)
		if c > math.MaxInt64/m || c < math.MinInt64/m {
			return 0, true, false
		}
		return c * m, true, true
	}
	if -s > 18 {
		return 0, false, true
	}
	m := pow10(-s)
	if c%m != 0 {
		return 0, false, true
	}
	return c / m, true, true
}

// multipleOf reports whether d is a whole number of units of 10^-places.
func multipleOf(d decimal.Decimal, places int32) bool {
	if _, whole, fits := toUnits(d, places); fits {
		return whole
	}
	return d.Equal(d.Truncate(places))
}

// unitOf returns 10^-places: the unit of a standard.
func unitOf(places int32) decimal.Decimal {
	if -MaxScale <= places && places <= MaxScale {
		return unitsOf[places+MaxScale]
	}
	return decimal.New(1, -places)
}

// unitsOf holds 10^-places for places from -MaxScale to MaxScale, the
// units a standard may have, so that standards share them: a decimal
// never changes the big.Int it holds.
var unitsOf = func() (u [2*MaxScale + 1]decimal.Decimal) {
	for i := range u {
		u[i] = decimal.New(1, int32(MaxScale-i))
	}
	return u
}()

// ceilUnit returns the smallest multiple of 10^-places that is at least
// x, or above x when open.
func ceilUnit(x decimal.Decimal, places int32, open bool) decimal.Decimal {
	c := x.RoundCeil(places)
	if open && c.Equal(x) {
		c = c.Add(unitOf(places))
	}
	return c
}

// floorUnit returns the largest multiple of 10^-places that is at most
// x, or below x when open.
func floorUnit(x decimal.Decimal, places int32, open bool) decimal.Decimal {
	f := x.RoundFloor(places)
	if open && f.Equal(x) {
		f = f.Sub(unitOf(places))
	}
	return f
}

// placesOf returns the places of a unit that is a power of ten between
// 10^-MaxScale and 10^MaxScale, e.g. 2 for 0.01 and -2 for 100.
func placesOf(unit decimal.Decimal) (int32, bool) {
	if unit.Sign() <= 0 {
		return 0, false
	}
	n := unit.Normalize()
	if n.NumDigits() != 1 || n.CoefficientInt64() != 1 {
		return 0, false
	}
	p := -n.Exponent()
	if p < -MaxScale || p > MaxScale {
		return 0, false
	}
	return p, true
}

// cmpDec compares like [decimal.Decimal.Cmp], without the cost Cmp has
// when exponents differ wildly (1e2147483647 against 1): numbers of
// different magnitude are ordered by their magnitude alone.
func cmpDec(a, b decimal.Decimal) int {
	sa, sb := a.Sign(), b.Sign()
	switch {
	case sa != sb:
		return cmpInt(int64(sa), int64(sb))
	case sa == 0:
		return 0
	}
	ma := int64(a.Exponent()) + int64(a.NumDigits())
	mb := int64(b.Exponent()) + int64(b.NumDigits())
	if ma != mb {
		if sa > 0 {
			return cmpInt(ma, mb)
		}
		return cmpInt(mb, ma)
	}
	return a.Cmp(b)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// show formats a decimal for a message, in short scientific form when
// writing it out would be long: a message never costs more than the
// number's own digits.
func show(d decimal.Decimal) string {
	e := d.Exponent()
	if e >= -40 && e <= 40 && d.NumDigits() <= 40 {
		return d.String()
	}
	c := d.Coefficient().String()
	if len(c) > 24 {
		c = c[:24] + "…"
	}
	return c + "e" + strconv.Itoa(int(e))
}
