package procedure

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// valueType is what a payload value, and the fact recorded from it, must
// be where a guard reads it as more than text. A guard reading a value of
// the wrong form would not hold, and a negated one would hold: a party
// whose hearing right came as "是" rather than "true" would quietly lose
// the hearing. So an event whose payload gives such a value in another
// form is refused (see stepTypedKeys and Definition.check).
type valueType uint8

const (
	valueText   valueType = iota
	valueFlag             // "true" or "false": a payload or fact guard compares the key with one
	valueNumber           // a decimal number: an at_most or at_least guard bounds it
	valueDate             // a day, YYYY-MM-DD: a days_before, in_period or date_reached guard counts from it
)

// String says what a value of the type looks like, for an error.
func (t valueType) String() string {
	switch t {
	case valueFlag:
		return `"true" or "false"`
	case valueNumber:
		return "a decimal number"
	case valueDate:
		return "a date (YYYY-MM-DD)"
	}
	return "text"
}

// valid reports whether v, a non-empty value, has the type's form, as the
// guards that read it parse it.
func (t valueType) valid(v string) bool {
	switch t {
	case valueFlag:
		return v == "true" || v == "false"
	case valueNumber:
		_, err := decimal.NewFromString(v)
		return err == nil
	case valueDate:
		_, ok := parseDate(v)
		return ok
	}
	return true
}

// typedKey is a payload key a step reads as a flag, a number or a date.
type typedKey struct {
	key string
	typ valueType
}

// reads calls yield with each key guard g reads as a flag, a number or a
// date, with the type, and whether it reads the key from the payload (a
// fact guard reads the case's facts).
func reads(g *GuardSpec, yield func(key string, t valueType, payload bool)) {
	switch g.Kind {
	case GuardPayload, GuardFact:
		if g.Value == "true" || g.Value == "false" {
			yield(g.Key, valueFlag, g.Kind == GuardPayload)
		}
	case GuardAtMost, GuardAtLeast:
		yield(g.Key, valueNumber, true)
		if g.Than != "" {
			yield(g.Than, valueNumber, false)
		}
	case GuardDaysBefore:
		yield(g.Key, valueDate, true)
	case GuardInPeriod:
		yield(g.Key, valueDate, true)
		if g.On != "" {
			yield(g.On, valueDate, true)
		}
	case GuardDateReached:
		yield(g.Key, valueDate, false)
	}
}

// valueTypes returns the type of every key some guard of s reads as a
// flag, a number or a date. A payload key and the fact recorded from it
// share a name, and so a type: a key two guards read as different types
// is a problem, as is a fact a step sets to a value not of its key's
// type.
func valueTypes(s *Spec, p *problems) map[string]valueType {
	types := map[string]valueType{}
	where := map[string]string{}
	for i := range s.Transitions {
		t := &s.Transitions[i]
		for j := range t.Guards {
			at := fmt.Sprintf("transitions[%d].guards[%d]", i, j)
			reads(&t.Guards[j], func(key string, typ valueType, _ bool) {
				switch prev, seen := types[key]; {
				case !seen:
					types[key], where[key] = typ, at
				case prev != typ:
					p.add(at, "%q is read as %s here and as %s at %s", key, typ, prev, where[key])
				}
			})
		}
	}
	for i := range s.Transitions {
		for k, v := range s.Transitions[i].Set {
			if typ := types[k]; v != "" && !typ.valid(v) {
				p.add(fmt.Sprintf("transitions[%d].set.%s", i, k), "fact %q is read as %s (%s), and is set to %q", k, typ, where[k], v)
			}
		}
	}
	return types
}

// stepTypedKeys returns the payload keys the transitions of a step read
// as a flag, a number or a date, each once: those their guards read from
// the payload, and those they record as facts that guards read (types).
func stepTypedKeys(trans []*transInfo, types map[string]valueType) []typedKey {
	var out []typedKey
	add := func(key string, typ valueType) {
		for _, k := range out {
			if k.key == key {
				return
			}
		}
		out = append(out, typedKey{key, typ})
	}
	for _, t := range trans {
		for j := range t.spec.Guards {
			reads(&t.spec.Guards[j], func(key string, typ valueType, payload bool) {
				if payload {
					add(key, typ)
				}
			})
		}
		for _, k := range t.spec.Record {
			if typ := types[k]; typ != valueText {
				add(k, typ)
			}
		}
	}
	return out
}
