package catalogue_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// d is a civil date.
func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

// at is hh:mm China Standard Time on a day.
func at(y int, m time.Month, day, hh, mm int) time.Time {
	return time.Date(y, m, day, hh, mm, 0, 0, deadline.ChinaStandardTime())
}

// clerk is the officer at the window.
var clerk = procedure.Actor{Officer: "王敏", Unit: "示例县市场监督管理局"}

// sample loads the sample catalogue of testdata.
func sample(t testing.TB) *catalogue.Catalogue {
	t.Helper()
	c, err := catalogue.Load(os.DirFS("testdata"), "sample.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sampleJSON reads the sample catalogue's file.
func sampleJSON(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// problems returns the *catalogue.Error values joined in err.
func problems(err error) []*catalogue.Error {
	var out []*catalogue.Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var ce *catalogue.Error
		if errors.As(err, &ce) {
			out = append(out, ce)
		}
	}
	walk(err)
	return out
}

// paths returns the locations of the problems joined in err.
func paths(err error) []string {
	var out []string
	for _, p := range problems(err) {
		out = append(out, p.Path)
	}
	return out
}

// fire fires events on a case in order, failing the test on a refusal.
func fire(t testing.TB, def *procedure.Definition, c *procedure.Case, events ...procedure.Event) {
	t.Helper()
	for _, e := range events {
		if err := def.Fire(context.Background(), c, e); err != nil {
			t.Fatal(err)
		}
	}
}

// receive is the licensing "receive" event.
func receive(when time.Time) procedure.Event {
	return procedure.Event{Trigger: "receive", At: when, Actor: clerk, Payload: map[string]string{"voucher": "收件-001"}}
}

// conforming hands in every named material, conforming.
func conforming(names ...string) map[string]catalogue.Submitted {
	out := map[string]catalogue.Submitted{}
	for _, n := range names {
		out[n] = catalogue.Submitted{Conforming: true}
	}
	return out
}

// mustDecimal reads an exact amount.
func mustDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }
