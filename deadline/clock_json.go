package deadline

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/rickb777/date/v2"
)

// clockJSON is the JSON form of a clock:
//
//	{"rule": {...}, "start": "2025-09-26",
//	 "ledger": [{"kind": "suspend", "on": "2025-10-09", "cause": "expert_review"}, ...]}
type clockJSON struct {
	Rule   Rule      `json:"rule"`
	Start  date.Date `json:"start"`
	Ledger []Entry   `json:"ledger"`
}

// MarshalJSON writes the clock: its rule, start day and ledger.
func (c Clock) MarshalJSON() ([]byte, error) {
	ledger := c.ledger
	if ledger == nil {
		ledger = []Entry{}
	}
	return json.Marshal(clockJSON{c.Rule(), c.start, ledger})
}

// UnmarshalJSON reads a clock written by [Clock.MarshalJSON]. It
// validates the rule and replays the ledger entry by entry with the
// checks of the ledger methods, so a clock read back is one the methods
// could have built; the error names the first entry refused, and the
// receiver is left unchanged. An extension's timing depends on a
// calendar and is checked by [Clock.Status].
func (c *Clock) UnmarshalJSON(data []byte) error {
	const op = "UnmarshalJSON"
	var raw clockJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return &Error{Op: op, Err: ErrEntryRefused, Detail: fmt.Sprintf("malformed clock: %v", err)}
	}
	n, err := Start(raw.Rule, raw.Start)
	if err != nil {
		return withOp(err, op)
	}
	// A builder appends each entry in place, where Clock.Apply would copy
	// the ledger for each. No calendar is at hand, so an extension is not
	// checked against the end of the period.
	var b ClockBuilder
	b.Reset(n)
	b.Grow(len(raw.Ledger))
	for _, e := range raw.Ledger {
		if err := b.c.admit(nil, &e, false); err != nil {
			// admit locates the entry at ledger[i] already.
			return withOp(err, op)
		}
		b.append(e)
	}
	*c = b.Clock()
	return nil
}
