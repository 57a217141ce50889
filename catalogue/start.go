package catalogue

import (
	"fmt"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/internal/text"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Definition returns the procedure definition on which cases of the item
// with code, started on day on, run: the item's reference procedure, with
// the item's clock (e.g. "decision") on the item's promised limit
// (承诺时限) — or, when green names a green channel (绿色通道) that covers
// the item, on the channel's shorter limit.
//
// Keep using the definition for every later event of such a case, and
// ask for it again with the same code, day and channel to replay a
// stored case. Items with the same limit share one definition.
//
// The error wraps [ErrNotInCatalogue] when no item has the code,
// [ErrNotInForce] when none of its versions is in force on day on — no
// power outside the catalogue (目录之外无权力) — and
// [ErrUnknownGreenChannel] when green names no channel or one that does
// not cover the item.
func (c *Catalogue) Definition(code string, on date.Date, green string) (*procedure.Definition, error) {
	return c.definition("Definition", code, on, green)
}

// Start starts a case of the item with code on day on: it returns the
// definition the case runs on, as [Catalogue.Definition] does, and a new
// case with the ID, in the procedure's initial state with no events.
// The caller stores the item's code, the day and the green channel with
// the case, to find the definition again.
//
// It is refused, with the errors of [Catalogue.Definition], for an item
// not in the catalogue or not in force that day; and with an error
// wrapping [ErrInvalidInput] for a blank case ID or no day.
func (c *Catalogue) Start(caseID, code string, on date.Date, green string) (*procedure.Definition, *procedure.Case, error) {
	if text.Blank(caseID) {
		return nil, nil, inputError("Start", code, "the case has no ID")
	}
	d, err := c.definition("Start", code, on, green)
	if err != nil {
		return nil, nil, err
	}
	return d, d.NewCase(caseID), nil
}

func (c *Catalogue) definition(op, code string, on date.Date, green string) (*procedure.Definition, error) {
	if on == 0 {
		return nil, inputError(op, code, "no day")
	}
	i, err := c.find(op, code, on)
	if err != nil {
		return nil, err
	}
	e := &c.entries[i]
	lazy := e.run
	if green != "" {
		g, ok := c.green[green]
		switch {
		case !ok:
			return nil, &Error{Op: op, Item: code, Err: ErrUnknownGreenChannel, Detail: fmt.Sprintf("no green channel %q", green)}
		case e.green[green] == nil:
			return nil, &Error{Op: op, Item: code, Err: ErrUnknownGreenChannel,
				Detail: fmt.Sprintf("green channel %q (%s) does not cover the item", green, c.spec.GreenChannels[g].Name)}
		}
		lazy = e.green[green]
	}
	d, err := lazy.get(c.cal, c.popts)
	if err != nil {
		return nil, &Error{Op: op, Item: code, Err: fmt.Errorf("%w: %w", ErrInvalidCatalogue, err),
			Detail: "the item's procedure does not compile"}
	}
	return d, nil
}

// GreenChannel is a green channel (绿色通道) for designated projects: a
// major investment project, a project of livelihood importance. Its
// items are handled first when Priority is set, on limits shorter than
// the items' own promises, by a named handler (专人代办) who follows the
// project through every step.
//
// A green channel is plain data, part of a [Spec]. [New] checks that
// every item it covers exists and that each of its limits is never longer
// than the item's promised limit. [Catalogue.Start] with the channel's ID
// runs a case on the channel's limit.
type GreenChannel struct {
	// ID identifies the channel, unique within the catalogue: "GC-2025-01".
	ID string `json:"id"`
	// Name names the project: 示例县新能源电池产业园项目.
	Name string `json:"name"`
	// Priority reports that the project's matters are handled before
	// others (优先办理).
	Priority bool `json:"priority,omitempty"`
	// Handler is the named handler who follows the project.
	Handler Handler `json:"handler"`
	// Items are the items the channel covers, each with its limit.
	Items []Designation `json:"items"`
	// Note says more: the designating document, the scope.
	Note string `json:"note,omitempty"`
}

// Handler is a named person who handles or accompanies a designated
// project's matters (专人代办, 帮办).
type Handler struct {
	Name  string `json:"name"`
	Unit  string `json:"unit,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Designation is one item a green channel covers, with the limit the
// channel promises for it (绿色通道承诺时限).
type Designation struct {
	// Code is the item's code.
	Code string `json:"code"`
	// Limit is the channel's limit for the item, never longer than the
	// item's promised limit.
	Limit Limit `json:"limit"`
}

// designation returns the channel's designation of the item with code.
func (g GreenChannel) designation(code string) (Designation, bool) {
	i := slices.IndexFunc(g.Items, func(d Designation) bool { return d.Code == code })
	if i < 0 {
		return Designation{}, false
	}
	return g.Items[i], true
}

func (g GreenChannel) clone() GreenChannel {
	g.Items = cloneOrNil(g.Items)
	return g
}
