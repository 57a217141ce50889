package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/examples/xn/server"
)

// POST /v1/deadline/add over real HTTP answers what
// deadline.AddWorkingDays says, and 422 out_of_coverage exactly when the
// library refuses; every answer matches the OpenAPI document.
func TestAddOverHTTPAgreesWithLibrary(t *testing.T) {
	srv := httptest.NewServer(server.New(server.Config{}))
	defer srv.Close()
	v := newValidator(t, server.OpenAPI())
	cal := deadline.ChinaMainland()
	from, to := cal.Coverage()
	rapid.Check(t, func(t *rapid.T) {
		d := from + date.Date(rapid.IntRange(-31, int(to-from)+31).Draw(t, "offset"))
		n := rapid.IntRange(-400, 400).Draw(t, "n")
		body, _ := json.Marshal(api.AddRequest{Date: d.String(), N: n})
		res, err := srv.Client().Post(srv.URL+"/v1/deadline/add", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if err := v.validateResponse("POST", "/v1/deadline/add", res.StatusCode, b); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		want, err := cal.AddWorkingDays(d, n)
		if err != nil {
			var e server.ErrorResponse
			if json.Unmarshal(b, &e); res.StatusCode != http.StatusUnprocessableEntity || e.Error == nil || e.Error.Code != api.CodeOutOfCoverage {
				t.Fatalf("library refuses (%v); the service answers %d %s", err, res.StatusCode, b)
			}
			return
		}
		var got api.AddResponse
		if err := json.Unmarshal(b, &got); err != nil || res.StatusCode != 200 || got.Date != want.String() {
			t.Fatalf("add %s %d: %d %s, want %s", d, n, res.StatusCode, b, want)
		}
	})
}

// Any body, however malformed, answers a JSON error with a documented
// code and the status of that code, never a 500.
func TestGarbageBodies(t *testing.T) {
	srv := httptest.NewServer(server.New(server.Config{}))
	defer srv.Close()
	paths := []string{}
	for _, rt := range server.Routes() {
		if rt.Method == "POST" {
			paths = append(paths, rt.Path)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		path := rapid.SampledFrom(paths).Draw(t, "path")
		body := rapid.OneOf(
			rapid.String(),
			rapid.SampledFrom([]string{`{}`, `[]`, `null`, `{"date": 1}`, `{"case": {}}`, `{"benchmark": {}}`, `"x"`, `{"as_of": "2025-13-01"}`}),
		).Draw(t, "body")
		res, err := srv.Client().Post(srv.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode >= 500 {
			t.Fatalf("POST %s %q: %d %s", path, body, res.StatusCode, b)
		}
		if res.StatusCode == 200 {
			return
		}
		var e server.ErrorResponse
		if err := json.Unmarshal(b, &e); err != nil || e.Error == nil || api.Status(e.Error.Code) != res.StatusCode {
			t.Fatalf("POST %s %q: %d %s is not a JSON error with the code's status", path, body, res.StatusCode, b)
		}
	})
}
