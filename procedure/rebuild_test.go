package procedure_test

import (
	"context"
	"slices"
	"testing"
)

// TestRebuildTakesNoSpareRoom: the case Rebuild returns keeps the log it
// was handed, but an event fired on it later goes to a new array, not
// into spare room of the slice handed over, which another case may
// share.
func TestRebuildTakesNoSpareRoom(t *testing.T) {
	ctx := context.Background()
	d := licDefinition(t)
	events := benchEvents()
	live, err := d.Replay(ctx, "R-1", events[:9])
	if err != nil {
		t.Fatal(err)
	}
	handed := slices.Grow(live.Clone().Events, 4)
	c, err := d.Rebuild(ctx, "R-1", handed)
	if err != nil {
		t.Fatal(err)
	}
	if &c.Events[0] != &handed[0] {
		t.Fatal("Rebuild copied the log")
	}
	if err := d.Fire(ctx, c, events[9]); err != nil {
		t.Fatal(err)
	}
	if spare := handed[:len(handed)+1][len(handed)]; spare.Trigger != "" || len(c.Events) != 10 || c.State != "renewal_pending" {
		t.Fatalf("the next event went into the room of the slice handed over: %+v; case in %s with %d events", spare, c.State, len(c.Events))
	}
}
